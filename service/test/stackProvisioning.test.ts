// The docker-compose stack cannot start here (no Docker engine), so its files are checked against each other and
// against the code: what compose mounts exists, every uid/id/host a file names is defined by another file or by the
// plugin.json files, stored queries and options are ones the plugin accepts unchanged, and the detectors file passes
// the service's own validation.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { DataSourceJsonData } from '@grafana/data';
import { readSettings } from '../../deploy/compose/settings';
import { migrateQuery } from '../../src/datasource/migrate';
import { resolveQuery } from '../../src/datasource/settings';
import { type FitLocation, QUERY_TYPE_ANOMALIES, type SarimaDataSourceOptions } from '../../src/datasource/types';
import { migrateOptions } from '../../src/panel/migrations';
import { parseArgs } from '../src/args';
import { loadConfig } from '../src/config';
import { parseExpr } from '../src/selector';
import { REPO } from './harness';
import {
  containerPathOf,
  dashboardDataSourceRefs,
  effectiveService,
  hostPathOf,
  hostPort,
  type Obj,
  provisionedDataSources,
  provisioningFiles,
  readCompose,
  readJson,
  readText,
  readYaml,
  repoPath,
} from './stack';
import { DAY_MS } from '../../src/contract/constants';

const appPlugin = readJson('src/plugin.json');
const dataSourcePlugin = readJson('src/datasource/plugin.json');
const panelPlugin = readJson('src/panel/plugin.json');
const PLUGIN_IDS = [appPlugin.id, dataSourcePlugin.id, panelPlugin.id];

const compose = readCompose('docker-compose.yaml');
const grafana = effectiveService(compose, 'grafana');
const dashboardFile = 'provisioning/dashboards/tidemark/demo.json';
const dashboard = readJson(dashboardFile);
const dataSources = provisionedDataSources();
const dataSourceByUid = new Map(dataSources.map((ds) => [ds.uid as string, ds]));
const tidemarkDataSource = dataSources.find((ds) => ds.type === dataSourcePlugin.id)!;
const demoSettings = readSettings(compose.services.backfill.environment);

/** Built-in data source references Grafana resolves itself (dashboard annotations, expressions). */
const BUILT_IN_UIDS = ['-- Grafana --', '__expr__'];
/** Stock panel types the demo dashboard may use besides our own. */
const STOCK_PANEL_TYPES = ['timeseries', 'state-timeline'];

/** jsonData keys of our own (not Grafana's common ones); the mapped type makes the compiler keep the list complete. */
const OWN_JSON_DATA_KEYS: { [K in Exclude<keyof SarimaDataSourceOptions, keyof DataSourceJsonData>]-?: true } = {
  upstreamUid: true,
  fitLocation: true,
  serviceUrl: true,
  fitTimeoutSec: true,
  queryDefaults: true,
};
const FIT_LOCATIONS: Record<FitLocation, true> = { browser: true, service: true };

/** The service's detectors file inside its container, traced back to the repository through the bind mount. */
function serviceDetectors() {
  const service = effectiveService(compose, 'tidemark');
  const args = parseArgs(service.service.command, service.service.environment);
  const hostFile = hostPathOf(service.binds, args.config);
  expect(hostFile).toBeDefined();
  return { args, hostFile: hostFile!, config: loadConfig(hostFile!, service.service.environment, 2) };
}

/** Values of `detector="…"` matchers anywhere in a PromQL expression (alert rules aggregate over selectors). */
function detectorMatchersIn(expr: string): string[] {
  return [...expr.matchAll(/\bdetector\s*=\s*"([^"]*)"/g)].map((m) => m[1]);
}

/** Values of `detector="…"` matchers in a PromQL selector. */
function detectorsIn(expr: string): string[] {
  const parsed = parseExpr(expr);
  return parsed.type === 'selector'
    ? parsed.matchers.filter((m) => m.name === 'detector' && m.op === '=').map((m) => m.value)
    : [];
}

/** FROM images of a Dockerfile with its ARG defaults substituted; stage names are left out. */
function baseImages(dockerfile: string, args: Record<string, string>): string[] {
  const text = readText(dockerfile);
  const defaults: Record<string, string> = {};
  for (const match of text.matchAll(/^ARG (\w+)=(\S+)$/gm)) {
    defaults[match[1]] = match[2];
  }
  const stages = [...text.matchAll(/^FROM \S+ AS (\S+)$/gim)].map((m) => m[1]);
  return [...text.matchAll(/^FROM (\S+)/gm)]
    .map((m) => m[1].replace(/\$\{(\w+)\}/g, (_, name: string) => args[name] ?? defaults[name] ?? ''))
    .filter((image) => !stages.includes(image));
}

describe('docker-compose.yaml', () => {
  it('should pin every image: tags on pulled images and on the base images of built ones', () => {
    const pinned = (image: string) => /^[\w./-]+:[\w.-]+$/.test(image) && !image.endsWith(':latest');
    for (const name of Object.keys(compose.services)) {
      const { service } = effectiveService(compose, name);
      if (service.build) {
        const context = name === 'grafana' ? path.join(REPO, '.config') : path.join(REPO, service.build.context);
        const dockerfile = path.relative(REPO, path.join(context, service.build.dockerfile ?? 'Dockerfile'));
        expect(existsSync(repoPath(dockerfile))).toBe(true);
        for (const image of baseImages(dockerfile, service.build.args ?? {})) {
          expect({ service: name, image, pinned: pinned(image) }).toEqual({ service: name, image, pinned: true });
        }
      } else {
        expect({ service: name, image: service.image, pinned: pinned(service.image) }).toMatchObject({ pinned: true });
      }
    }
  });

  it('should run Grafana 13.1.1 from grafana/grafana with dist/ as the plugin and provisioning/ mounted', () => {
    expect(baseImages('.config/Dockerfile', grafana.service.build.args)).toEqual(['grafana/grafana:13.1.1']);
    expect(containerPathOf(grafana.binds, repoPath('dist'))).toBe(`/var/lib/grafana/plugins/${appPlugin.id}`);
    expect(containerPathOf(grafana.binds, repoPath('provisioning'))).toBe('/etc/grafana/provisioning');
  });

  it('should allow exactly the three plugin IDs of the plugin.json files to load unsigned', () => {
    const unsigned = String(grafana.service.environment.GF_PLUGINS_ALLOW_LOADING_UNSIGNED_PLUGINS).split(',');
    expect(unsigned.sort()).toEqual([...PLUGIN_IDS].sort());
  });

  it('should mount only files and directories that exist, and declare every named volume', () => {
    for (const name of Object.keys(compose.services)) {
      const { binds, named } = effectiveService(compose, name);
      for (const bind of binds) {
        // dist/ is the build output (npm run build); everything else is in the repository.
        const expected = bind.hostPath === repoPath('dist') || existsSync(bind.hostPath);
        expect({ service: name, hostPath: bind.hostPath, exists: expected }).toMatchObject({ exists: true });
      }
      for (const volume of named) {
        expect(Object.keys(compose.volumes)).toContain(volume);
      }
    }
  });

  it('should use the same Prometheus release for promtool as for the Prometheus that opens the blocks', () => {
    const prometheusImage = compose.services.prometheus.image;
    for (const name of ['backfill', 'demo']) {
      expect(compose.services[name].build.args.PROMETHEUS_IMAGE).toBe(prometheusImage);
    }
    expect(readText('deploy/compose/Dockerfile')).toContain(`ARG PROMETHEUS_IMAGE=${prometheusImage}\n`);
  });

  it('should backfill into the Prometheus data volume before Prometheus and the exporter start', () => {
    const { backfill, prometheus, demo } = compose.services;
    for (const service of [prometheus, demo]) {
      expect(service.depends_on.backfill.condition).toBe('service_completed_successfully');
    }
    const dataVolume = (service: Obj, dir: string) =>
      (service.volumes as string[]).find((v) => v.split(':')[1] === dir)?.split(':')[0];
    expect(dataVolume(backfill, demoSettings.dataDir)).toBeDefined();
    expect(dataVolume(prometheus, '/prometheus')).toBe(dataVolume(backfill, demoSettings.dataDir));
    expect(prometheus.command).toContain('--storage.tsdb.path=/prometheus');
    expect(backfill.ulimits.nofile.soft).toBeGreaterThanOrEqual(65536);
    // The anchor file lives in a volume both demo processes mount.
    const anchorDir = path.posix.dirname(demoSettings.anchorFile);
    expect(dataVolume(demo, anchorDir)).toBe(dataVolume(backfill, anchorDir));
    expect(demo.environment).toEqual(backfill.environment);
  });

  it('should keep the backfilled history within retention and long enough for the dashboard queries', () => {
    const retention = (compose.services.prometheus.command as string[]).find((a) =>
      a.startsWith('--storage.tsdb.retention.time=')
    );
    const retentionDays = Number(/=(\d+)d$/.exec(retention ?? '')?.[1]);
    expect(retentionDays).toBeGreaterThan(demoSettings.historyDays);
    // promtool slows down with the block count (quadratically in 2.42): a few weeks in day-long blocks at most.
    expect(demoSettings.historyDays).toBeLessThanOrEqual(35);
    expect((demoSettings.historyDays * 24) / demoSettings.maxBlockHours).toBeLessThanOrEqual(35);
  });
});

describe('Prometheus of the stack', () => {
  const prometheusConfig = readYaml('deploy/compose/prometheus.yml');
  const prometheus = effectiveService(compose, 'prometheus');

  it('should scrape the exporter under the job and instance labels the backfilled history carries', () => {
    const job = (prometheusConfig.scrape_configs as Obj[]).find((c) => c.job_name === demoSettings.scrapeLabels.job);
    expect(job).toBeDefined();
    const targets = job!.static_configs.flatMap((c: Obj) => c.targets);
    expect(targets).toEqual([demoSettings.scrapeLabels.instance]);
    const { host, port } = hostPort(targets[0]);
    expect(Object.keys(compose.services)).toContain(host);
    expect(port).toBe(demoSettings.port);
  });

  it('should read the companion service job from the shared snippet, aimed at the compose service', () => {
    const snippet = repoPath('provisioning/prometheus/tidemark-scrape.yml');
    const mounted = containerPathOf(prometheus.binds, snippet);
    expect(mounted).toBeDefined();
    const globs = (prometheusConfig.scrape_config_files as string[]).map((g) => path.posix.dirname(g));
    expect(globs).toContain(path.posix.dirname(mounted!));
    expect(hostPathOf(prometheus.binds, '/etc/prometheus/prometheus.yml')).toBe(
      repoPath('deploy/compose/prometheus.yml')
    );
    const { args } = serviceDetectors();
    const targets = readYaml('provisioning/prometheus/tidemark-scrape.yml').scrape_configs[0].static_configs[0].targets;
    expect(targets.map(hostPort)).toEqual([{ host: 'tidemark', port: args.port }]);
    expect(Object.keys(compose.services)).toContain('tidemark');
  });
});

describe('companion service of the stack', () => {
  it('should load a detectors file that passes the service validation and queries the stack Prometheus', () => {
    const { args, config } = serviceDetectors();
    expect(args.host).toBe('0.0.0.0');
    expect(hostPort(config.upstream!.url)).toEqual({ host: 'prometheus', port: 9090 });
    // Grafana's service data source sends the same token the service requires.
    expect(config.server.authToken).toBeDefined();
    expect(grafana.service.environment.TIDEMARK_API_TOKEN).toBe(
      compose.services.tidemark.environment.TIDEMARK_API_TOKEN
    );
    for (const detector of config.detectors) {
      // The demo metric exists only as far back as the backfill reaches.
      expect(detector.trainingWindowMs).toBeLessThan(demoSettings.historyDays * DAY_MS);
    }
  });
});

describe('Grafana provisioning', () => {
  it('should enable the app plugin', () => {
    const apps = provisioningFiles('plugins').flatMap(({ content }) => content.apps as Obj[]);
    expect(apps).toContainEqual(expect.objectContaining({ type: appPlugin.id, disabled: false }));
  });

  it('should give data sources unique uids and point each at a compose service', () => {
    expect(dataSourceByUid.size).toBe(dataSources.length);
    const hosts = dataSources.filter((ds) => ds.url).map((ds) => hostPort(ds.url).host);
    for (const host of [...hosts, hostPort(tidemarkDataSource.jsonData.serviceUrl).host]) {
      expect(Object.keys(compose.services)).toContain(host);
    }
  });

  it('should provision the Tidemark data source on the Prometheus data source, fitting in the browser', () => {
    const { jsonData } = tidemarkDataSource;
    expect(Object.keys(jsonData).filter((key) => !(key in OWN_JSON_DATA_KEYS))).toEqual([]);
    expect(dataSourceByUid.get(jsonData.upstreamUid)).toMatchObject({ type: 'prometheus', uid: 'prometheus' });
    expect(jsonData.fitLocation).toBe('browser');
    expect(Object.keys(FIT_LOCATIONS)).toContain(jsonData.fitLocation);
    // Save & test is only offered on editable data sources (the e2e spec clicks it).
    expect(tidemarkDataSource.editable).toBe(true);
  });

  it('should only expand environment variables that Grafana has', () => {
    for (const { file } of provisioningFiles('datasources')) {
      for (const match of readText(file).matchAll(/\$\{(\w+)\}/g)) {
        expect({ file, variable: match[1], set: match[1] in grafana.service.environment }).toMatchObject({ set: true });
      }
    }
  });

  it('should load the demo dashboard through a provider whose path is mounted in Grafana', () => {
    const providers = provisioningFiles('dashboards').flatMap(({ content }) => content.providers as Obj[]);
    const dirs = providers.map((p) => hostPathOf(grafana.binds, p.options.path));
    expect(dirs).toContain(path.dirname(repoPath(dashboardFile)));
  });
});

describe('demo dashboard', () => {
  const tidemarkTargets = [
    ...(dashboard.panels as Obj[]).flatMap((p) => (p.targets as Obj[]).filter((t) => t.datasource.uid === 'tidemark')),
    ...(dashboard.annotations.list as Obj[]).filter((a) => a.datasource.uid === 'tidemark').map((a) => a.target),
  ];

  it('should reference only provisioned data sources, with their types', () => {
    for (const ref of dashboardDataSourceRefs(dashboard)) {
      if (!BUILT_IN_UIDS.includes(ref.uid)) {
        expect({ ...ref, type: dataSourceByUid.get(ref.uid)?.type }).toEqual(ref);
      }
    }
  });

  it('should use our panel plugin and stock panels only', () => {
    for (const panel of dashboard.panels as Obj[]) {
      expect([...PLUGIN_IDS, ...STOCK_PANEL_TYPES]).toContain(panel.type);
    }
  });

  it('should show the bands panel and the stock Time series panel side by side on the same Tidemark query', () => {
    const onTidemark = (type: string) =>
      (dashboard.panels as Obj[]).find((p) => p.type === type && p.datasource.uid === tidemarkDataSource.uid);
    const bands = onTidemark(panelPlugin.id)!;
    const stock = onTidemark('timeseries')!;
    expect(bands.gridPos.y).toBe(stock.gridPos.y);
    expect(bands.gridPos.x + bands.gridPos.w).toBeLessThanOrEqual(stock.gridPos.x);
    expect(stock.targets[0].expr).toBe(bands.targets[0].expr);
  });

  it('should store Tidemark queries that migrate unchanged and fit within the backfilled history', () => {
    const visibleDays = Number(/^now-(\d+)d$/.exec(dashboard.time.from)?.[1]);
    const toMs = Date.UTC(2026, 0, 1);
    const fromMs = toMs - visibleDays * DAY_MS;
    expect(tidemarkTargets.length).toBeGreaterThanOrEqual(3);
    for (const target of tidemarkTargets) {
      expect(migrateQuery(target)).toEqual(target);
      const context = { fromMs, toMs, intervalMs: (toMs - fromMs) / 1000, minIntervalMs: 15_000 };
      const resolved = resolveQuery(migrateQuery(target), context);
      expect(toMs - resolved.ranges[0].fromMs).toBeLessThanOrEqual(demoSettings.historyDays * DAY_MS);
    }
  });

  it('should annotate anomaly windows from the Tidemark data source', () => {
    const annotation = (dashboard.annotations.list as Obj[]).find((a) => a.datasource.type === dataSourcePlugin.id);
    expect(annotation).toMatchObject({ enable: true, target: { queryType: QUERY_TYPE_ANOMALIES } });
  });

  it('should store bands panel options that migrate unchanged', () => {
    for (const panel of (dashboard.panels as Obj[]).filter((p) => p.type === panelPlugin.id)) {
      expect(migrateOptions(panel.options)).toEqual(panel.options);
    }
  });

  it('should chart derived series of detectors the stack service runs, through the service data source', () => {
    const detectorNames = serviceDetectors().config.detectors.map((d) => d.name);
    const servicePanels = (dashboard.panels as Obj[]).filter((p) => p.datasource.uid === 'tidemark-service');
    expect(servicePanels.length).toBeGreaterThan(0);
    for (const target of servicePanels.flatMap((p) => p.targets as Obj[])) {
      expect(detectorsIn(target.expr)).toHaveLength(1);
      expect(detectorNames).toContain(detectorsIn(target.expr)[0]);
    }
  });
});

describe('alert rules', () => {
  const rules = provisioningFiles('alerting').flatMap(({ file, content }) =>
    (content.groups as Obj[]).flatMap((g) => (g.rules as Obj[]).map((rule) => ({ file, rule })))
  );
  const stackDetectors = () => serviceDetectors().config.detectors.map((d) => d.name);

  it('should query provisioned data sources only', () => {
    for (const { rule } of rules) {
      for (const query of rule.data as Obj[]) {
        const known = BUILT_IN_UIDS.includes(query.datasourceUid) || dataSourceByUid.has(query.datasourceUid);
        expect({ rule: rule.uid, uid: query.datasourceUid, known }).toMatchObject({ known: true });
      }
    }
  });

  it('should have a rule on a detector of the stack service, linked to a panel of the demo dashboard', () => {
    const detectorNames = stackDetectors();
    const demoRules = rules.filter(({ rule }) =>
      (rule.data as Obj[]).some(
        (q) => q.model.expr && detectorMatchersIn(q.model.expr).some((d) => detectorNames.includes(d))
      )
    );
    expect(demoRules.length).toBeGreaterThan(0);
    for (const { rule } of demoRules) {
      expect(rule.annotations.__dashboardUid__).toBe(dashboard.uid);
      expect((dashboard.panels as Obj[]).map((p) => String(p.id))).toContain(rule.annotations.__panelId__);
    }
  });

  it('should alert on every detector of the stack service, and on its staleness, paging on no data', () => {
    const named = (metric: string) =>
      rules.flatMap(({ rule }) =>
        (rule.data as Obj[])
          .filter((q) => typeof q.model.expr === 'string' && q.model.expr.includes(`${metric}{`))
          .flatMap((q) => detectorMatchersIn(q.model.expr).map((d) => ({ d, noData: rule.noDataState })))
      );
    for (const detector of stackDetectors()) {
      for (const metric of ['tidemark_anomaly', 'tidemark_upstream_last_success_timestamp_seconds']) {
        expect(named(metric)).toContainEqual({ d: detector, noData: 'Alerting' });
      }
    }
  });

  it('should name only detectors that a shipped detectors file defines', () => {
    const k8sDetectors = readYaml('deploy/kubernetes/configmap.yaml').data['detectors.yaml'];
    const shipped = [...stackDetectors(), ...[...k8sDetectors.matchAll(/- name: (\S+)/g)].map((m) => m[1])];
    for (const { rule } of rules) {
      for (const query of (rule.data as Obj[]).filter((q) => q.model.expr)) {
        for (const detector of detectorMatchersIn(query.model.expr)) {
          expect(shipped).toContain(detector);
        }
      }
    }
  });
});

describe('e2e specs', () => {
  it('should find the provisioned files under the names the specs use', () => {
    const stack = readFileSync(repoPath('tests/e2e/stack.ts'), 'utf8');
    const fileOf = (name: string) => new RegExp(`${name} = '([^']+)'`).exec(stack)?.[1];
    expect(existsSync(repoPath(`provisioning/dashboards/${fileOf('DEMO_DASHBOARD_FILE')}`))).toBe(true);
    expect(existsSync(repoPath(`provisioning/datasources/${fileOf('TIDEMARK_DATASOURCE_FILE')}`))).toBe(true);
  });
});
