// The shipped examples must work with this service: alert rules on the scraped series, dashboard queries of the
// service data source inside the supported PromQL subset, Kubernetes shard settings consistent, the example detectors file valid.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { parseArgs } from '../src/args';
import { parseConfig } from '../src/config';
import { parseExpr } from '../src/selector';
import { REPO } from './harness';

// jsdom (the repository's Jest environment) resolves `yaml` to its untransformed ESM browser build; load the
// CommonJS Node build the service really uses.
jest.mock('yaml', () => jest.requireActual(`${__dirname}/../../node_modules/yaml/dist/index.js`));

const load = (file: string): any => parse(readFileSync(path.join(REPO, file), 'utf8'));

describe('provisioning examples', () => {
  it('should alert on the scraped series with PromQL that drops the metric name, annotated with the range', () => {
    const rule = load('deploy/kubernetes/alerting/tidemark-rules.yaml').groups[0].rules[0];
    const queries = rule.data.filter((d: any) => d.datasourceUid !== '__expr__');
    expect(queries.length).toBeGreaterThan(0);
    for (const query of queries) {
      // Prometheus (all shards), not the service API (one shard); alertRules.test.ts runs the PromQL.
      expect(query.datasourceUid).not.toBe('tidemark-service');
      expect(query.model.expr).toMatch(/^max without \((level)?\) \(tidemark_\w+\{detector="pod_cpu"/);
    }
    // The annotations name the observed value and both bounds of the expected range.
    for (const ref of ['OBSERVED', 'LOWER', 'UPPER']) {
      expect(rule.annotations.description).toContain(`$values.${ref}.Value`);
    }
  });

  it('should keep the service data source for dashboards, with supported selectors', () => {
    const datasource = load('provisioning/datasources/tidemark-service.yaml').datasources[0];
    expect(datasource).toMatchObject({ type: 'prometheus', uid: 'tidemark-service' });
    const dashboard = JSON.parse(readFileSync(path.join(REPO, 'provisioning/dashboards/tidemark/demo.json'), 'utf8'));
    const targets = dashboard.panels.flatMap((p: any) => (p.datasource.uid === datasource.uid ? p.targets : []));
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) {
      expect(parseExpr(target.expr).type).toBe('selector');
    }
  });

  it('should keep honor_labels on every scrape config', () => {
    for (const file of ['provisioning/prometheus/tidemark-scrape.yml', 'deploy/kubernetes/prometheus-scrape.yaml']) {
      expect(load(file).scrape_configs[0].honor_labels).toBe(true);
    }
    expect(load('deploy/kubernetes/servicemonitor.yaml').spec.endpoints[0].honorLabels).toBe(true);
  });
});

describe('deploy/kubernetes', () => {
  const statefulSet = load('deploy/kubernetes/statefulset.yaml');
  const container = statefulSet.spec.template.spec.containers[0];
  const envValue = (name: string) => container.env.find((e: any) => e.name === name);

  it('should run as many shards as replicas, indexed by pod name', () => {
    expect(Number(envValue('TIDEMARK_SHARD_COUNT').value)).toBe(statefulSet.spec.replicas);
    expect(envValue('TIDEMARK_SHARD_INDEX').valueFrom.fieldRef.fieldPath).toBe('metadata.name');
    const last = `${statefulSet.metadata.name}-${statefulSet.spec.replicas - 1}`;
    const args = parseArgs(container.args, { TIDEMARK_SHARD_INDEX: last, TIDEMARK_SHARD_COUNT: '3' });
    expect(args.shard).toEqual({ index: 2, count: 3 });
    expect(args.host).toBe('0.0.0.0');
  });

  it('should persist the state of each replica on its own volume, at the --state-dir it passes', () => {
    const args = parseArgs(container.args, { TIDEMARK_SHARD_INDEX: 'tidemark-0', TIDEMARK_SHARD_COUNT: '3' });
    const mount = container.volumeMounts.find((m: any) => m.mountPath === args.stateDir);
    expect(mount).toBeDefined();
    expect(mount.readOnly).toBeFalsy();
    const claim = statefulSet.spec.volumeClaimTemplates.find((c: any) => c.metadata.name === mount.name);
    expect(claim.spec.accessModes).toEqual(['ReadWriteOnce']);
    // runAsUser 1000 must be able to write the volume.
    expect(statefulSet.spec.template.spec.securityContext.fsGroup).toBe(1000);
  });

  it('should ship a valid detectors file whose secrets come from the Secret', () => {
    const detectors = load('deploy/kubernetes/configmap.yaml').data['detectors.yaml'];
    const env = { TIDEMARK_API_TOKEN: 'a', TIDEMARK_METRICS_TOKEN: 'm' };
    const config = parseConfig(detectors, 'configmap.yaml', env, 2);
    expect(config.detectors.map((d) => d.name)).toEqual(['pod_cpu']);
    expect(envValue('TIDEMARK_API_TOKEN').valueFrom.secretKeyRef.name).toBe('tidemark-tokens');
  });
});
