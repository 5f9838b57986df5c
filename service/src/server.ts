/**
 * The HTTP server (fastify): auth and CORS hooks, the Prometheus-compatible read API, `/metrics`, the fit API
 * and health probes. Errors are answered in the format of the API they belong to: `{version, error}` on the
 * fit API, Prometheus's `{status:"error", errorType, error}` everywhere else.
 */
import formbody from '@fastify/formbody';
import Fastify, {
  LogController,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import { FIT_CONTRACT_VERSION } from '../../src/contract/fit';
import { API_PATHS } from '../../src/contract/constants';
import { bearerMatches, requiredToken } from './auth';
import type { ServiceConfig } from './configTypes';
import { registerFitRoute } from './fitRoute';
import type { ServiceMetrics } from './metrics';
import type { FitPool } from './pool';
import * as api from './promApi';
import { rejectionReason } from './rejections';
import type { Store } from './store';

export interface ServerDeps {
  config: ServiceConfig;
  store: Store;
  pool: FitPool;
  metrics: ServiceMetrics;
  version: string;
  logLevel: string;
  now?: () => number;
}

const FIT_PATH = API_PATHS.fit;

const ERROR_NAMES: Record<number, string> = {
  400: 'ValidationError',
  401: 'UnauthorizedError',
  404: 'NotFoundError',
  413: 'PayloadTooLargeError',
  415: 'UnsupportedMediaTypeError',
};
const ERROR_TYPES: Record<number, string> = { 400: 'bad_data', 401: 'unauthorized', 404: 'not_found' };

function sendError(req: FastifyRequest, reply: FastifyReply, code: number, message: string, name?: string) {
  if (req.url.split('?')[0] === FIT_PATH) {
    const error = { name: name ?? ERROR_NAMES[code] ?? 'Error', message };
    return reply.code(code).send({ version: FIT_CONTRACT_VERSION, error });
  }
  return reply
    .code(code)
    .send(api.apiError(code, ERROR_TYPES[code] ?? (code >= 500 ? 'internal' : 'bad_data'), message).body);
}

function registerHooks(app: FastifyInstance, config: ServiceConfig, metrics: ServiceMetrics): void {
  const origins = config.server.corsOrigins;
  app.addHook('onRequest', async (req, reply) => {
    const origin = req.headers.origin;
    if (origins.length > 0 && origin && (origins.includes(origin) || origins.includes('*'))) {
      reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
      if (req.method === 'OPTIONS') {
        // Preflights carry no credentials by design, so they are answered before the auth check.
        return reply
          .code(204)
          .header('access-control-allow-methods', 'GET, POST, OPTIONS')
          .header('access-control-allow-headers', 'authorization, content-type')
          .header('access-control-max-age', '600')
          .send();
      }
    }
    const token = requiredToken(req.url.split('?')[0], config.server);
    if (token !== undefined && !bearerMatches(req.headers.authorization, token)) {
      reply.header('www-authenticate', 'Bearer');
      metrics.rejected.inc({ reason: 'unauthorized' });
      return sendError(req, reply, 401, 'missing or invalid bearer token');
    }
    return undefined;
  });
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const reason = rejectionReason(err);
    if (reason) {
      metrics.rejected.inc({ reason });
    }
    if (err.validation) {
      return sendError(req, reply, 400, `invalid request: ${err.message}`, 'ValidationError');
    }
    const code = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (code === 500) {
      req.log.error({ err }, 'request failed');
      return sendError(req, reply, 500, 'internal error', 'InternalError');
    }
    const name =
      err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err.name === 'SyntaxError' ? 'InvalidJsonError' : undefined;
    return sendError(req, reply, code, err.message, name);
  });
  app.setNotFoundHandler((req, reply) => sendError(req, reply, 404, `no route ${req.method} ${req.url.split('?')[0]}`));
}

function registerPromApi(app: FastifyInstance, deps: ServerDeps, now: () => number): void {
  const { store, version, metrics } = deps;
  const params = (req: FastifyRequest): api.Params => ({
    ...(req.query as api.Params),
    ...(typeof req.body === 'object' && req.body !== null ? (req.body as api.Params) : {}),
  });
  const send = (reply: FastifyReply, result: api.ApiResult) => {
    if (result.code === 400) {
      metrics.rejected.inc({ reason: 'bad_query' });
    }
    return reply.code(result.code).send(result.body);
  };
  const both = (path: string, handler: (req: FastifyRequest) => api.ApiResult) => {
    app.get(path, (req, reply) => send(reply, handler(req)));
    app.post(path, (req, reply) => send(reply, handler(req)));
  };
  both('/api/v1/query', (req) => api.instantQuery(store, params(req), now()));
  both('/api/v1/query_range', (req) => api.rangeQuery(store, params(req)));
  both('/api/v1/labels', (req) => api.labelNames(store, params(req)));
  both('/api/v1/series', (req) => api.seriesList(store, params(req)));
  both('/api/v1/label/:name/values', (req) =>
    api.labelValues(store, (req.params as { name: string }).name, params(req))
  );
  both('/api/v1/metadata', (req) => api.metadata(params(req)));
  both(API_PATHS.buildInfo, () => api.buildInfo(version));
  // Grafana's Prometheus data source asks for these in passing; empty answers keep its UI free of errors.
  both('/api/v1/query_exemplars', () => ({ code: 200, body: { status: 'success', data: [] } }));
  both('/api/v1/rules', () => ({ code: 200, body: { status: 'success', data: { groups: [] } } }));
}

/** Builds the server (not listening yet). */
export function buildServer(deps: ServerDeps): FastifyInstance {
  const { config, store, pool, metrics } = deps;
  const now = deps.now ?? Date.now;
  const app = Fastify({
    logger: {
      level: deps.logLevel,
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
    },
    bodyLimit: config.limits.maxBodyBytes,
    // Wrong JSON types must be rejected, not coerced ("5" is not a number in a FitRequest).
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, allErrors: false } },
    // Requests are logged once, by the onResponse hook below, without scrape and probe noise.
    logController: new LogController({ disableRequestLogging: true }),
  });
  app.register(formbody);
  registerHooks(app, config, metrics);
  app.addHook('onResponse', async (req, reply) => {
    const path = req.url.split('?')[0];
    const quiet = path === '/metrics' || path.startsWith('/-/');
    const entry = { method: req.method, path, status: reply.statusCode, ms: Math.round(reply.elapsedTime) };
    if (reply.statusCode >= 500) {
      req.log.warn(entry, 'request answered');
    } else if (!quiet) {
      req.log.info(entry, 'request answered');
    }
  });
  registerPromApi(app, deps, now);
  registerFitRoute(app, pool, metrics, config.limits);
  app.get('/metrics', async (_req, reply) => {
    reply.header('content-type', metrics.registry.contentType);
    return metrics.registry.metrics();
  });
  // Operator view of each detector: why a model is stale is in the logs and here, not only in a 0/1 gauge.
  app.get(API_PATHS.detectors, async () => ({
    status: 'success',
    data: [...store.detectors.values()].map((d) => ({
      name: d.config.name,
      series: d.series.size,
      stale: d.stale,
      lastError: d.lastError,
      lastUpstreamSuccessMs: d.lastUpstreamSuccessMs,
      upstreamStale: d.upstreamStale,
      lastSampleMs: d.lastSampleMs,
    })),
  }));
  app.get('/-/healthy', async () => 'Tidemark is Healthy.\n');
  app.get('/-/ready', async () => 'Tidemark is Ready.\n');
  return app;
}
