// The shipped Grafana alert rules, run through Prometheus's own PromQL engine (`promtool test rules`) on series
// shaped as Prometheus scrapes them from the companion service (honor_labels: the upstream labels plus detector,
// level on the bounds, job/instance from the scrape). Grafana joins the results of a rule's queries by label set,
// so every per-series query must return exactly the same label sets (no __name__, no level) for the observed value
// and the expected range to reach the alert of the right series. Without promtool the PromQL part is skipped,
// except under CI=true, where a missing promtool fails.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Obj, provisionedDataSources, readYaml } from './stack';

const RULE_FILES: Array<{ file: string; seriesLabels: Array<Record<string, string>> }> = [
  { file: 'provisioning/alerting/tidemark-demo.yaml', seriesLabels: [{ service: 'checkout' }, { service: 'catalog' }] },
  { file: 'deploy/kubernetes/alerting/tidemark-rules.yaml', seriesLabels: [{ pod: 'api-0' }, { pod: 'api-1' }] },
];
const SCRAPE_LABELS = { job: 'tidemark', instance: 'tidemark:9464' };
const STALENESS_METRIC = 'tidemark_upstream_last_success_timestamp_seconds';
/** Evaluation time of the promtool tests; the last-success gauge is 0, so the data age there is 300 s. */
const EVAL_SECONDS = 300;
const hasPromtool = spawnSync('sh', ['-c', 'command -v promtool']).status === 0;

if (!hasPromtool && process.env.CI === 'true') {
  throw new Error('promtool not found (apt-get install prometheus): the alert rule PromQL cannot be checked');
}

const rulesOf = (file: string): Obj[] => (readYaml(file).groups as Obj[]).flatMap((g) => g.rules as Obj[]);
const promQueries = (rule: Obj): Obj[] => (rule.data as Obj[]).filter((q) => q.datasourceUid !== '__expr__');
const detectorOf = (expr: string): string => /detector="([^"]+)"/.exec(expr)![1];

const labelText = (labels: Record<string, string>) =>
  `{${Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .join(', ')}}`;

/** Input series: per label set i, anomaly 2·i, actual 100+i, bounds around it; and the staleness gauge at 0. */
function inputSeries(detector: string, seriesLabels: Array<Record<string, string>>) {
  const series = seriesLabels.flatMap((own, i) => {
    const base = { detector, ...own, ...SCRAPE_LABELS };
    const at = (name: string, value: number, extra = {}) => ({
      series: `${name}${labelText({ ...base, ...extra })}`,
      values: `${value}x10`,
    });
    return [
      at('tidemark_anomaly', 2 * i),
      at('tidemark_actual', 100 + i),
      at('tidemark_anomaly_score', 0.5 + i),
      ...[95, 99].flatMap((level, j) => [
        at('tidemark_lower', 90 - 10 * j + i, { level: String(level) }),
        at('tidemark_upper', 110 + 10 * j + i, { level: String(level) }),
      ]),
    ];
  });
  return [...series, { series: `${STALENESS_METRIC}${labelText({ detector, ...SCRAPE_LABELS })}`, values: '0x10' }];
}

/** What a query must return: the series' labels without __name__ and level, and the value of its metric. */
function expectedSamples(expr: string, detector: string, seriesLabels: Array<Record<string, string>>) {
  if (expr.includes(STALENESS_METRIC)) {
    return [{ labels: labelText({ detector }), value: EVAL_SECONDS }];
  }
  const metric = /(tidemark_\w+)\{/.exec(expr)![1];
  const strong = expr.includes('level="99"') ? 1 : 0;
  const value = (i: number): number =>
    ({
      tidemark_anomaly: 2 * i,
      tidemark_actual: 100 + i,
      tidemark_lower: 90 - 10 * strong + i,
      tidemark_upper: 110 + 10 * strong + i,
    })[metric] ?? NaN;
  return seriesLabels.map((own, i) => ({ labels: labelText({ detector, ...own, ...SCRAPE_LABELS }), value: value(i) }));
}

describe.each(RULE_FILES)('alert rules in $file', ({ file, seriesLabels }) => {
  const rules = rulesOf(file);

  it('should page when the data goes missing or the query fails, on an anomaly rule and a staleness rule', () => {
    for (const rule of rules) {
      expect({ uid: rule.uid, noDataState: rule.noDataState, execErrState: rule.execErrState }).toEqual({
        uid: rule.uid,
        noDataState: 'Alerting',
        execErrState: 'Alerting',
      });
    }
    const exprs = rules.map((rule) => promQueries(rule).map((q) => q.model.expr as string));
    expect(exprs.some((e) => e.some((x) => x.includes('tidemark_anomaly{')))).toBe(true);
    expect(exprs.some((e) => e.some((x) => x.includes(STALENESS_METRIC)))).toBe(true);
  });

  it('should query the scraped series through a Prometheus-type data source, never the service API', () => {
    for (const query of rules.flatMap(promQueries)) {
      expect(query.datasourceUid).not.toBe('tidemark-service');
    }
    if (file.startsWith('provisioning/')) {
      const uids = new Set(rules.flatMap(promQueries).map((q) => q.datasourceUid));
      const prometheus = provisionedDataSources().filter((ds) => uids.has(ds.uid));
      expect(prometheus.map((ds) => [ds.uid, ds.type])).toEqual([['prometheus', 'prometheus']]);
    }
  });

  it('should template only refIds the rule queries', () => {
    for (const rule of rules) {
      const refIds = (rule.data as Obj[]).map((q) => q.refId);
      const text = Object.values(rule.annotations as Record<string, string>).join(' ');
      for (const match of text.matchAll(/\$values\.(\w+)\./g)) {
        expect(refIds).toContain(match[1]);
      }
    }
  });

  (hasPromtool ? it : it.skip)('should return equal label sets without __name__ from every query (promtool)', () => {
    const tests = rules.map((rule) => {
      const queries = promQueries(rule);
      const detector = detectorOf(queries[0].model.expr);
      return {
        interval: '1m',
        input_series: inputSeries(detector, seriesLabels),
        promql_expr_test: queries.map((q) => ({
          expr: q.model.expr,
          eval_time: `${EVAL_SECONDS}s`,
          exp_samples: expectedSamples(q.model.expr, detector, seriesLabels),
        })),
      };
    });
    const testFile = path.join(mkdtempSync(path.join(tmpdir(), 'tidemark-rules-')), 'rules.test.yml');
    // JSON is YAML, and promtool reads YAML.
    writeFileSync(testFile, JSON.stringify({ rule_files: [], evaluation_interval: '1m', tests }));
    const run = spawnSync('promtool', ['test', 'rules', testFile], { encoding: 'utf8' });
    expect({ status: run.status, output: run.stdout + run.stderr }).toMatchObject({ status: 0 });
  });
});
