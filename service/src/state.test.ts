import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SeriesAnalysis } from '../../src/contract/fit';
import type { DetectorDefinition } from './configTypes';
import { decodeState, encodeState, STATE_SCHEMA_VERSION, StateStore } from './state';
import { Store } from './store';

const quiet = { info: () => undefined, warn: () => undefined };
// The model cache crosses to the worker threads by structured clone; typed arrays in it must survive the file.
const cacheEntry = { refittedAtMs: 1, lastTimeMs: 2, params: new Float64Array([1]) };

function config(name: string, query = 'up'): DetectorDefinition {
  return { name, query, stepMs: 60_000, trainingWindowMs: 3_600_000, settings: {} as DetectorDefinition['settings'] };
}

function analysis(key: string): SeriesAnalysis {
  const points = { timesMs: [0, 60_000], actual: [1, 2], forecast: [1, 2], bands: [], anomaly: [0, 0], score: [0, 0] };
  return {
    status: 'ok',
    key,
    labels: { pod: key },
    points: { ...points, horizonStart: 2 },
  } as unknown as SeriesAnalysis;
}

const record = {
  name: 'd',
  configKey: '{}',
  savedAtMs: 5,
  lastUpstreamSuccessMs: 4,
  lastSampleMs: 3,
  series: [
    {
      key: 'a',
      analysis: analysis('a'),
      cache: { ...cacheEntry, params: new Float64Array([0.5, -0.25]) },
      updatedAtMs: 2,
    },
  ],
};

describe('state file format', () => {
  it('should round-trip typed arrays of the model cache', () => {
    const back = decodeState(encodeState(record));
    const params = (back.series[0].cache as unknown as { params: Float64Array }).params;
    // v8.deserialize builds the array in Node's own realm, so compare kind and contents, not identity of realm.
    expect(Object.prototype.toString.call(params)).toBe('[object Float64Array]');
    expect(Array.from(params)).toEqual([0.5, -0.25]);
    expect(back.lastSampleMs).toBe(3);
  });

  it.each([
    ['truncated', (b: Buffer) => b.subarray(0, b.length - 3), 'truncated'],
    ['bit-flipped', (b: Buffer) => Buffer.from(b.map((x, i) => (i === b.length - 2 ? x ^ 1 : x))), 'checksum mismatch'],
    ['garbage', () => Buffer.from('{"not":"ours"}'), 'not a Tidemark state file'],
    [
      'another schema',
      (b: Buffer) =>
        Buffer.from(
          b.toString('latin1').replace(`"schemaVersion":${STATE_SCHEMA_VERSION}`, '"schemaVersion":99'),
          'latin1'
        ),
      'schema version 99',
    ],
  ])('should refuse a %s file, naming why', (_what, damage, message) => {
    expect(() => decodeState(damage(encodeState(record)))).toThrow(message);
  });
});

describe('StateStore', () => {
  it('should save atomically and restore the series into a new store', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tidemark-state-'));
    const first = new Store([config('cpu')]);
    const detector = first.detectors.get('cpu')!;
    first.put(detector, analysis('a'), cacheEntry, 10);
    detector.lastSampleMs = 60_000;
    await new StateStore(dir, quiet).save(detector, 20);
    expect(readdirSync(dir)).toEqual(['cpu.state']);
    const second = new Store([config('cpu')]);
    const report = new StateStore(dir, quiet).restore(second);
    expect(report).toEqual({ restored: ['cpu'], ignored: [] });
    const restored = second.detectors.get('cpu')!;
    expect([...restored.series.keys()]).toEqual(['a']);
    expect(restored.series.get('a')!.derived.length).toBeGreaterThan(0);
    expect(restored.lastSampleMs).toBe(60_000);
  });

  it('should report and ignore corrupt files and state of a changed configuration, restoring the rest', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tidemark-state-'));
    const old = new Store([config('changed'), config('fine')]);
    for (const d of old.detectors.values()) {
      old.put(d, analysis('a'), cacheEntry, 1);
      await new StateStore(dir, quiet).save(d, 2);
    }
    writeFileSync(path.join(dir, 'broken.state'), readFileSync(path.join(dir, 'fine.state')).subarray(0, 40));
    writeFileSync(path.join(dir, 'fine.state.tmp-123'), 'half a write');
    const store = new Store([config('changed', 'other_query'), config('fine'), config('broken')]);
    const report = new StateStore(dir, quiet).restore(store);
    expect(report.restored).toEqual(['fine']);
    expect(report.ignored.map((i) => i.file).sort()).toEqual(['broken.state', 'changed.state']);
    expect(report.ignored.find((i) => i.file === 'changed.state')!.reason).toContain(
      'different detector configuration'
    );
    expect(store.detectors.get('changed')!.series.size).toBe(0);
    expect(existsSync(path.join(dir, 'fine.state.tmp-123'))).toBe(false);
  });
});
