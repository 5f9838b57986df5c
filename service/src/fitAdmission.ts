/**
 * The fit route's side of admission: estimates a FitRequest's cost, waits for the budget, and turns an
 * admission refusal into the fit API's error answer (413 never fits, 429 queue full, 503 waited too long),
 * counted in `tidemark_rejected_requests_total{reason}`.
 */
import type { FastifyReply } from 'fastify';
import { FIT_CONTRACT_VERSION, type FitRequest } from '../../src/contract/fit';
import { AdmissionTimeoutError, candidateModels, fitCost, FitTooCostlyError, QueueFullError } from './admission';
import type { ServiceMetrics } from './metrics';
import type { FitPool } from './pool';

export interface Admitted {
  cost: number;
  release: () => void;
}

const REFUSALS = [
  { type: FitTooCostlyError, code: 413, reason: 'too_costly' },
  { type: QueueFullError, code: 429, reason: 'queue_full' },
  { type: AdmissionTimeoutError, code: 503, reason: 'admission_timeout' },
] as const;

/** Admits `request` or answers the refusal on `reply` and returns undefined. */
export async function admitFitRequest(
  pool: FitPool,
  request: FitRequest,
  reply: FastifyReply,
  metrics: ServiceMetrics,
  fitTimeoutMs: number
): Promise<Admitted | undefined> {
  const cost = fitCost(request.series, request.settings);
  const maxPoints = Math.max(...request.series.map((s) => s.timesMs.length));
  const detail =
    `${request.series.length} series, up to ${maxPoints} points each, ` +
    `${candidateModels(request.settings)} candidate model(s) per series`;
  try {
    return { cost, release: await pool.admission.admit(cost, detail, AbortSignal.timeout(fitTimeoutMs)) };
  } catch (err) {
    const refusal = REFUSALS.find((r) => err instanceof r.type);
    if (!refusal) {
      throw err;
    }
    metrics.rejected.inc({ reason: refusal.reason });
    const retryAfterS = (err as { retryAfterS?: number }).retryAfterS;
    if (retryAfterS !== undefined) {
      reply.header('retry-after', String(retryAfterS));
    }
    const { name, message } = err as Error;
    await reply.code(refusal.code).send({ version: FIT_CONTRACT_VERSION, error: { name, message } });
    return undefined;
  }
}
