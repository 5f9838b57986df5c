/**
 * The causal detector as the CLI runs it: the same walk as `runBacktest`, with the reason kept when it makes no
 * prediction at all, so such a run fails loudly instead of printing a CSV of empty prediction columns.
 */
import { runDetector } from '../model/detect/backtest';
import { spanPoints, type DetectorConfig } from '../model/detect/config';
import type { Detection } from '../model/detect/types';
import { ModelError } from '../model/errors';
import { fitSarima } from '../model/sarima';
import type { RegularSeries } from '../model/series';

/** The detector made no prediction; the message says why (too little data, or every fit failed and how). */
export class NoPredictionError extends ModelError {}

/**
 * Runs the detector and returns its detection.
 * @throws NoPredictionError when not one point got a prediction, naming the fits tried and the last failure
 */
export function runCheckedBacktest(series: RegularSeries, config: DetectorConfig): Detection {
  const failures: string[] = [];
  let attempts = 0;
  const run = runDetector(series, config, {
    fitHook: (train, spec) => {
      attempts++;
      try {
        return fitSarima(train, spec, { method: config.method });
      } catch (error) {
        if (error instanceof ModelError) {
          failures.push(`${error.name}: ${error.message}`);
        }
        throw error;
      }
    },
  });
  const detection = run.detection;
  if (detection.forecast.some((f) => Number.isFinite(f))) {
    return detection;
  }
  throw new NoPredictionError(`no predictions: ${reason(detection, config, attempts, failures)}`);
}

function reason(d: Detection, config: DetectorConfig, attempts: number, failures: string[]): string {
  const stepMs = d.timesMs.length > 1 ? d.timesMs[1] - d.timesMs[0] : 0;
  const finite = d.values.filter((v) => Number.isFinite(v)).length;
  if (attempts === 0) {
    const minTrain = stepMs > 0 ? spanPoints(config.minTrain, stepMs) : NaN;
    return (
      `the first fit needs ${minTrain} non-missing points on the ${stepMs / 1000} s model grid (--min-train), ` +
      `the series has ${finite} of ${d.values.length}`
    );
  }
  if (failures.length < attempts) {
    return `the first successful fit came after the last point, so no point was left to predict`;
  }
  const last = failures.length > 0 ? `; last failure: ${failures[failures.length - 1]}` : '';
  return `all ${attempts} scheduled fit(s) failed on ${finite} non-missing points${last}`;
}
