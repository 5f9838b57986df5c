import { AUTO_MAX_FITS } from '../../src/model/auto';
import {
  AdmissionTimeoutError,
  candidateModels,
  CostAdmission,
  fitCost,
  FitTooCostlyError,
  QueueFullError,
} from './admission';
import type { FitSettings } from '../../src/contract/fit';

const fixed = { order: { p: 1, d: 0, q: 0 }, seasonalOrder: { P: 0, D: 1, Q: 1 } } as FitSettings;
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('fit cost', () => {
  it('should be points × candidate models', () => {
    expect(candidateModels(fixed)).toBe(1);
    expect(candidateModels({ ...fixed, order: 'auto' })).toBe(AUTO_MAX_FITS);
    expect(candidateModels({ ...fixed, seasonalOrder: 'auto' })).toBe(AUTO_MAX_FITS);
    const series = [{ timesMs: new Array(100) }, { timesMs: new Array(50) }];
    expect(fitCost(series, fixed)).toBe(150);
    expect(fitCost(series, { ...fixed, order: 'auto' })).toBe(150 * AUTO_MAX_FITS);
  });
});

describe('CostAdmission', () => {
  it('should refuse what can never fit with FitTooCostlyError naming the numbers, even when idle', async () => {
    const admission = new CostAdmission(1000, 2);
    await expect(admission.admit(1001, '1 series')).rejects.toThrow(FitTooCostlyError);
    await expect(admission.admit(1001, '1 series')).rejects.toThrow(
      'fit request costs 1,001 point·models (1 series); the service admits at most 1,000 (limits.maxFitCost)'
    );
    const release = await admission.admit(1000, 'all of it');
    release();
    expect(admission.admittedCost).toBe(0);
  });

  it('should queue what fits in FIFO order and refuse with 429 only when the waiting line is full', async () => {
    const admission = new CostAdmission(100, 2);
    const releaseA = await admission.admit(80, 'a');
    const admitted: string[] = [];
    const b = admission.admit(50, 'b').then((release) => (admitted.push('b'), release));
    const c = admission.admit(10, 'c').then((release) => (admitted.push('c'), release));
    const full = admission.admit(10, 'd');
    await expect(full).rejects.toBeInstanceOf(QueueFullError);
    const error = await full.catch((err: QueueFullError) => err);
    expect((error as QueueFullError).retryAfterS).toBeGreaterThanOrEqual(1);
    await tick();
    expect(admitted).toEqual([]);
    releaseA();
    await tick();
    expect(admitted).toEqual(['b', 'c']);
    (await b)();
    (await c)();
    expect(admission.admittedCost).toBe(0);
  });

  it('should give up waiting when the deadline fires', async () => {
    const admission = new CostAdmission(10, 5);
    await admission.admit(10, 'a');
    const controller = new AbortController();
    const waiting = admission.admit(5, 'b', controller.signal);
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(AdmissionTimeoutError);
  });
});
