import type { DetectorDefinition } from './configTypes';
import { DetectorLocator, minTrainingMsFor, trainingWindowProblems } from './startupChecks';
import { HOUR_MS } from '../../src/contract/constants';

const TEXT = `defaults:
  trainingWindow: 2d
detectors:
  - name: inherits
    query: up
  - name: own
    query: up
    trainingWindow: 1d
  - name: fine
    query: up
    trainingWindow: 14d
`;

function detector(name: string, trainingWindowMs: number): DetectorDefinition {
  return { name, query: 'up', stepMs: HOUR_MS, trainingWindowMs, settings: {} as DetectorDefinition['settings'] };
}

describe('trainingWindowProblems', () => {
  it('should name file:line of the window (own or inherited from defaults) and the minimum', () => {
    const locator = new DetectorLocator('d.yaml', TEXT);
    const problems = trainingWindowProblems(
      [detector('inherits', 48 * HOUR_MS), detector('own', 24 * HOUR_MS), detector('fine', 14 * 24 * HOUR_MS)],
      locator,
      minTrainingMsFor()
    );
    expect(problems).toEqual([
      'd.yaml:2:19: detectors[0] (inherits).trainingWindow: 2d is shorter than the minimum training of 3d the model ' +
        'needs before its first fit (use at least 3d)',
      'd.yaml:8:21: detectors[1] (own).trainingWindow: 1d is shorter than the minimum training of 3d the model ' +
        'needs before its first fit (use at least 3d)',
    ]);
  });
});
