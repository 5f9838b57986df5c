/**
 * `POST /api/v1/fit`: the data source's "fit on service" mode. FitRequest in, FitResponse out
 * (`src/contract/fit.ts`), or with `Accept: application/x-ndjson` one line per series as it finishes
 * (`fitStream.ts`); one task per series on the bounded pool, a failed series reported as a named error beside the
 * others. Request-level problems answer `{version, error}` with 400/413/429/503.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { API_PATHS } from '../../src/contract/constants';
import { FIT_CONTRACT_VERSION, type FitRequest, type FitResponse } from '../../src/contract/fit';
import { FitSettingsSchema, fitSettingsProblems } from '../../src/contract/settings';
import { nestingError } from '../../src/contract/nesting';
import type { LimitsConfig } from './configTypes';
import type { ServiceMetrics } from './metrics';
import { admitFitRequest } from './fitAdmission';
import { clientGoneSignal, fitOneSeries, streamFit, wantsFitStream } from './fitStream';
import type { FitPool } from './pool';

/**
 * JSON schema of FitRequest (fastify validates it with Ajv before the handler runs; no type coercion). The
 * settings part is the settings schema's own (`src/contract/settings`).
 */
export function fitRequestSchema(limits: LimitsConfig) {
  const points = <T extends Parameters<typeof Type.Array>[0]>(items: T) =>
    Type.Array(items, { maxItems: limits.maxPointsPerSeries });
  const series = Type.Object({
    key: Type.String(),
    labels: Type.Record(Type.String(), Type.String()),
    timesMs: points(Type.Number()),
    values: points(Type.Union([Type.Number(), Type.Null()])),
    stepMs: Type.Number({ exclusiveMinimum: 0 }),
  });
  return Type.Object({
    version: Type.Literal(FIT_CONTRACT_VERSION),
    outputFromMs: Type.Optional(Type.Number()),
    series: Type.Array(series, { minItems: 1, maxItems: limits.maxSeriesPerRequest }),
    settings: FitSettingsSchema,
  });
}

/**
 * The request-level problem Ajv cannot word well, checked first: an older contract version (a data source
 * older than this service), then the settings with the same messages as the query editor, the YAML and the CLI.
 */
export function fitRequestProblem(body: unknown): string | undefined {
  const request = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  if (typeof request.version === 'number' && request.version !== FIT_CONTRACT_VERSION) {
    return (
      `contract version ${request.version} is not supported: this service speaks version ${FIT_CONTRACT_VERSION} ` +
      `(settings as durations, e.g. season: '1d'); update the Tidemark data source or the service so they match`
    );
  }
  const settings = request.settings;
  if (typeof settings === 'object' && settings !== null && !Array.isArray(settings)) {
    const problems = fitSettingsProblems(settings as Record<string, unknown>, true);
    if (problems.length > 0) {
      return problems.map((p) => `settings.${p.field}: ${p.message}`).join('; ');
    }
  }
  return undefined;
}

/** Registers the route. */
export function registerFitRoute(app: FastifyInstance, pool: FitPool, metrics: ServiceMetrics, limits: LimitsConfig) {
  const preValidation = async (req: { body: unknown }, reply: FastifyReply) => {
    // Nesting first: a body nested thousands deep parses, but overflows the stack of every later step.
    const message = nestingError(req.body) ?? fitRequestProblem(req.body);
    if (message !== undefined) {
      metrics.rejected.inc({ reason: 'invalid' });
      return reply.code(400).send({ version: FIT_CONTRACT_VERSION, error: { name: 'ValidationError', message } });
    }
  };
  app.post(API_PATHS.fit, { schema: { body: fitRequestSchema(limits) }, preValidation }, async (req, reply) => {
    const request = req.body as FitRequest;
    const mismatch = request.series.findIndex((s) => s.timesMs.length !== s.values.length);
    if (mismatch >= 0) {
      const s = request.series[mismatch];
      metrics.rejected.inc({ reason: 'invalid' });
      const message = `body/series/${mismatch} has ${s.timesMs.length} timesMs but ${s.values.length} values`;
      return reply.code(400).send({ version: FIT_CONTRACT_VERSION, error: { name: 'ValidationError', message } });
    }
    const admitted = await admitFitRequest(pool, request, reply, metrics, limits.fitTimeoutMs);
    if (!admitted) {
      return reply;
    }
    if (wantsFitStream(req.headers.accept)) {
      return streamFit(pool, request, metrics, admitted, reply);
    }
    const cancel = clientGoneSignal(reply);
    const started = performance.now();
    const results = await Promise.all(
      request.series.map((input) => fitOneSeries(pool, request, input, metrics, cancel))
    );
    // fitOneSeries never rejects, so the budget is always given back here.
    pool.admission.observe(admitted.cost, performance.now() - started);
    admitted.release();
    const response: FitResponse = { version: FIT_CONTRACT_VERSION, results };
    return response;
  });
}
