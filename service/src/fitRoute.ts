/**
 * `POST /api/v1/fit`: the data source's "fit on service" mode. FitRequest in, FitResponse out
 * (`src/contract/fit.ts`); one task per series on the bounded pool, results in input order, a failed series
 * reported as a named error beside the others. Request-level problems answer `{version, error}` with 400/413/429.
 */
import type { FastifyInstance } from 'fastify';
import { FIT_CONTRACT_VERSION, type FitRequest, type FitResponse, type SeriesResult } from '../../src/contract/fit';
import type { LimitsConfig } from './configTypes';
import type { ServiceMetrics } from './metrics';
import { QueueFullError, type FitPool } from './pool';

const int = (minimum: number) => ({ type: 'integer', minimum });
const tripleSchema = (names: string[]) => ({
  anyOf: [
    { const: 'auto' },
    {
      type: 'object',
      required: names,
      properties: Object.fromEntries(names.map((n) => [n, { type: 'integer', minimum: 0, maximum: 10 }])),
    },
  ],
});

/** JSON schema of FitRequest (fastify validates it with Ajv before the handler runs; no type coercion). */
export function fitRequestSchema(limits: LimitsConfig) {
  const pointArray = (items: object) => ({ type: 'array', maxItems: limits.maxPointsPerSeries, items });
  return {
    type: 'object',
    required: ['version', 'series', 'settings'],
    properties: {
      version: { const: FIT_CONTRACT_VERSION },
      outputFromMs: { type: 'number' },
      series: {
        type: 'array',
        minItems: 1,
        maxItems: limits.maxSeriesPerRequest,
        items: {
          type: 'object',
          required: ['key', 'labels', 'timesMs', 'values', 'stepMs'],
          properties: {
            key: { type: 'string' },
            labels: { type: 'object', additionalProperties: { type: 'string' } },
            timesMs: pointArray({ type: 'number' }),
            values: pointArray({ type: ['number', 'null'] }),
            stepMs: { type: 'number', exclusiveMinimum: 0 },
          },
        },
      },
      settings: {
        type: 'object',
        required: [
          'seasonalPeriod',
          'order',
          'seasonalOrder',
          'levelsPct',
          'minConsecutive',
          'onsetOnly',
          'holdOffMs',
          'horizonSteps',
          'refitEveryMs',
          'trainingWindowMs',
        ],
        properties: {
          seasonalPeriod: { anyOf: [{ const: 'auto' }, int(1)] },
          order: tripleSchema(['p', 'd', 'q']),
          seasonalOrder: tripleSchema(['P', 'D', 'Q']),
          levelsPct: {
            type: 'array',
            minItems: 2,
            maxItems: 2,
            items: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 100 },
          },
          minConsecutive: int(1),
          onsetOnly: { type: 'boolean' },
          holdOffMs: { type: 'number', minimum: 0 },
          horizonSteps: { type: 'integer', minimum: 0, maximum: limits.maxPointsPerSeries },
          refitEveryMs: { type: 'number', minimum: 0 },
          trainingWindowMs: { type: 'number', exclusiveMinimum: 0 },
        },
      },
    },
  };
}

/** Registers the route. */
export function registerFitRoute(app: FastifyInstance, pool: FitPool, metrics: ServiceMetrics, limits: LimitsConfig) {
  app.post('/api/v1/fit', { schema: { body: fitRequestSchema(limits) } }, async (req, reply) => {
    const request = req.body as FitRequest;
    const mismatch = request.series.findIndex((s) => s.timesMs.length !== s.values.length);
    if (mismatch >= 0) {
      const s = request.series[mismatch];
      metrics.rejected.inc({ reason: 'invalid' });
      const message = `body/series/${mismatch} has ${s.timesMs.length} timesMs but ${s.values.length} values`;
      return reply.code(400).send({ version: FIT_CONTRACT_VERSION, error: { name: 'ValidationError', message } });
    }
    try {
      pool.admit(request.series.length);
    } catch (err) {
      if (err instanceof QueueFullError) {
        metrics.rejected.inc({ reason: 'queue_full' });
        return reply
          .code(429)
          .header('retry-after', String(err.retryAfterS))
          .send({ version: FIT_CONTRACT_VERSION, error: { name: err.name, message: err.message } });
      }
      throw err;
    }
    const results = await Promise.all(
      request.series.map(async (input): Promise<SeriesResult> => {
        const result = await pool.run({
          input,
          settings: request.settings,
          options: { outputFromMs: request.outputFromMs, nowMs: Date.now() },
        });
        metrics.fitDuration.observe({ source: 'api' }, result.elapsedMs / 1000);
        if (result.ok) {
          return result.analysis;
        }
        metrics.fitFailures.inc({ source: 'api', detector: '', reason: result.error.name });
        // The stack stays in the service: it names internal paths and helps no client.
        const error = { name: result.error.name, message: result.error.message };
        return { status: 'error', key: input.key, labels: input.labels, error };
      })
    );
    const response: FitResponse = { version: FIT_CONTRACT_VERSION, results };
    return response;
  });
}
