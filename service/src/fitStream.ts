/**
 * The fit route's per-series work, shared by its two answers: the whole `FitResponse` at once, or a stream of
 * `FitStreamLine`s (`application/x-ndjson`, `src/contract/fit.ts`) written as each series finishes, so a panel over
 * many series fills in progressively. Both stop the request's remaining fits when the HTTP client goes away
 * (a cancelled or replaced dashboard query): waiting fits never start and running ones are terminated.
 */
import { PassThrough } from 'node:stream';
import type { FastifyReply } from 'fastify';
import {
  FIT_CONTRACT_VERSION,
  FIT_STREAM_MEDIA_TYPE,
  type FitRequest,
  type FitStreamLine,
  type SeriesInput,
  type SeriesResult,
} from '../../src/contract/fit';
import type { Admitted } from './fitAdmission';
import type { ServiceMetrics } from './metrics';
import type { FitPool } from './pool';

/** True when the client asked for the streamed answer (`Accept: application/x-ndjson`). */
export function wantsFitStream(accept: string | undefined): boolean {
  return (accept ?? '').split(',').some((part) => part.split(';')[0].trim().toLowerCase() === FIT_STREAM_MEDIA_TYPE);
}

/** Aborts when the connection closes before the answer was completely written (the client went away). */
export function clientGoneSignal(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  // Gone already (while the request waited for admission): the close event has passed.
  if (reply.raw.destroyed) {
    controller.abort();
  }
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) {
      controller.abort();
    }
  });
  return controller.signal;
}

/** Fits one series of `request` on the pool; a failed series becomes its named error result. */
export async function fitOneSeries(
  pool: FitPool,
  request: FitRequest,
  input: SeriesInput,
  metrics: ServiceMetrics,
  cancel: AbortSignal
): Promise<SeriesResult> {
  const task = { input, settings: request.settings, outputFromMs: request.outputFromMs, nowMs: Date.now() };
  const result = await pool.run(task, 'api', cancel);
  if (result.type === 'result') {
    metrics.fitDuration.observe({ source: 'api' }, result.elapsedMs / 1000);
    return result.analysis;
  }
  // A fit cancelled with its request is no failure of the fit.
  if (!cancel.aborted) {
    metrics.fitDuration.observe({ source: 'api' }, result.elapsedMs / 1000);
    metrics.fitFailures.inc({ source: 'api', detector: '', reason: result.error.name });
  }
  // The stack stays in the service: it names internal paths and helps no client.
  const error = { name: result.error.name, message: result.error.message };
  return { status: 'error', key: input.key, labels: input.labels, error };
}

const line = (value: FitStreamLine) => `${JSON.stringify(value)}\n`;

/**
 * Answers `request` as a stream: one `result` line per series in finishing order, then `done`. The admission
 * budget is given back once every fit has ended (finished or cancelled).
 */
export function streamFit(
  pool: FitPool,
  request: FitRequest,
  metrics: ServiceMetrics,
  admitted: Admitted,
  reply: FastifyReply
): FastifyReply {
  const cancel = clientGoneSignal(reply);
  const body = new PassThrough();
  const started = performance.now();
  const fits = request.series.map(async (input, index) => {
    const result = await fitOneSeries(pool, request, input, metrics, cancel);
    if (!cancel.aborted && !body.destroyed) {
      body.write(line({ type: 'result', index, result }));
    }
  });
  // fitOneSeries never rejects (pool.run turns every failure into a result).
  void Promise.all(fits).then(() => {
    pool.admission.observe(admitted.cost, performance.now() - started);
    admitted.release();
    if (!body.destroyed) {
      body.end(line({ type: 'done', version: FIT_CONTRACT_VERSION, count: request.series.length }));
    }
  });
  // No proxy buffering (nginx honours X-Accel-Buffering); Go's reverse proxy, Grafana's data proxy, flushes
  // responses without a Content-Length at once.
  return reply
    .header('content-type', FIT_STREAM_MEDIA_TYPE)
    .header('cache-control', 'no-store')
    .header('x-accel-buffering', 'no')
    .send(body);
}
