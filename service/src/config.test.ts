import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_FIT_SETTINGS } from '../../src/contract/settings';
import { ConfigError, parseConfig } from './config';
import { YAML_FIELDS } from './detectorSettings';

// The repository's Jest setup runs in jsdom, where `yaml` resolves to its ESM browser build that Jest does not
// transform; the service runs on Node, so load the CommonJS Node build it really uses.
jest.mock('yaml', () => jest.requireActual(`${__dirname}/../../node_modules/yaml/dist/index.js`));

const fixture = (name: string) => readFileSync(path.join(__dirname, '../test/fixtures', name), 'utf8');
const env = { PROM_TOKEN: 'prom-token', METRICS_TOKEN: 'metrics-token' };

function problemsOf(text: string, environment: Record<string, string> = env): string[] {
  try {
    parseConfig(text, 'detectors.yaml', environment, 4);
  } catch (err) {
    if (err instanceof ConfigError) {
      return err.problems;
    }
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('should resolve every section of a full file, defaults and secrets included', () => {
    const config = parseConfig(fixture('full.yaml'), 'detectors.yaml', env, 4);
    expect(config.upstream).toEqual({
      url: 'http://prometheus:9090',
      timeoutMs: 20_000,
      authorization: 'Bearer prom-token',
    });
    expect(config.server).toEqual({
      authToken: 'api-token',
      metricsToken: 'metrics-token',
      corsOrigins: ['https://grafana.example.com'],
    });
    expect(config.limits).toMatchObject({ threads: 2, maxQueue: 10, fitTimeoutMs: 30_000 });
    const [podCpu, requests] = config.detectors;
    expect(podCpu).toEqual({
      name: 'pod_cpu',
      query: 'sum by (pod) (rate(container_cpu_usage_seconds_total[5m]))',
      stepMs: 3_600_000,
      trainingWindowMs: 14 * 86_400_000,
      // Unset fields: the schema's defaults, the same as the data source's and the CLI's.
      settings: {
        ...DEFAULT_FIT_SETTINGS,
        season: 'auto',
        order: 'auto',
        seasonalOrder: 'auto',
        levelsPct: [95, 99],
        refitEvery: '1h',
        trainingWindow: '14d',
      },
    });
    // Unset fields come from `defaults:`; an old-form season (288 steps) becomes a duration of the detector's step.
    expect(requests.stepMs).toBe(300_000);
    expect(requests.settings).toMatchObject({
      season: '1d',
      order: { p: 1, d: 0, q: 1 },
      seasonalOrder: { P: 0, D: 1, Q: 1 },
      levelsPct: [90, 99],
      horizon: '2h',
      minConsecutive: 2,
      onsetOnly: true,
      holdOff: '30m',
      trainingWindow: '7d',
    });
  });

  it('should list every problem with its line, column and field when the file is invalid', () => {
    expect(problemsOf(fixture('invalid.yaml'))).toEqual([
      'detectors.yaml:2:8: upstream.url: must not contain credentials; use upstream.auth.basic',
      `detectors.yaml:9:12: detectors[0] (pod_cpu).seasn: unknown field (allowed: name, query, ${YAML_FIELDS.join(', ')})`,
      'detectors.yaml:8:12: detectors[0] (pod_cpu).order: must be auto or p, d, q with p, q in 0..5 and d in 0..2, got [1,2]',
      'detectors.yaml:7:13: detectors[0] (pod_cpu).levels: must be [weak, strong] with 0 < weak < strong < 100, got [99,95]',
      'detectors.yaml:6:11: detectors[0] (pod_cpu).step: must be a duration longer than 0, e.g. 1h, got "1x"',
      'detectors.yaml:10:11: detectors[1].name: duplicate detector name "pod_cpu"',
      'detectors.yaml:10:5: detectors[1] (pod_cpu).query: required: a PromQL query',
      'detectors.yaml:12:21: detectors[1] (pod_cpu).trainingWindow: 600d at step 1h is 14352 points; Prometheus returns at most 11000 per series (use a longer step or a shorter window)',
    ]);
  });

  it('should accept holdOff: 0s (no hold-off) but reject a negative or malformed one', () => {
    const file = (holdOff: string) =>
      `upstream:\n  url: http://127.0.0.1:9090\ndetectors:\n  - name: a\n    query: up\n    anomaly: { holdOff: ${holdOff} }\n`;
    expect(parseConfig(file('0s'), 'detectors.yaml', env, 4).detectors[0].settings.holdOff).toBe('0s');
    expect(problemsOf(file('-1h')).join('\n')).toMatch(/holdOff: must be a duration, e.g. 2d \(0s = none\), got "-1h"/);
  });

  it('should name a missing environment variable without echoing any secret', () => {
    const problems = problemsOf(fixture('full.yaml'), { PROM_TOKEN: 'prom-token' });
    expect(problems).toEqual([
      'detectors.yaml:11:21: server.metricsAuth.bearerTokenEnv: environment variable METRICS_TOKEN is not set',
    ]);
  });

  it('should report YAML syntax errors with their position', () => {
    expect(problemsOf('detectors:\n  - name: [unclosed\n')[0]).toMatch(/^detectors\.yaml:\d+:\d+: /);
  });

  it('should require upstream when detectors are configured', () => {
    expect(problemsOf('detectors:\n  - { name: a, query: up }\n')).toEqual([
      'detectors.yaml:1:1: upstream: required when detectors are configured: upstream.url of the Prometheus to query',
    ]);
  });

  it('should accept a file without detectors (fit API only) with default limits', () => {
    const config = parseConfig('{}', 'detectors.yaml', {}, 3);
    expect(config.detectors).toEqual([]);
    expect(config.limits.threads).toBe(3);
    // One query of the data source may send as many series as its editor allows; cost admission does the rest.
    expect(config.limits.maxSeriesPerRequest).toBe(500);
    expect(config.limits.maxFitCost).toBe(50_000_000);
    expect(config.upstream).toBeUndefined();
  });
});
