// Restarts against a real Prometheus (with the analyzer test double): the state directory lets a restarted
// service answer with its last models at once, even while the upstream is down; a corrupt state file is
// reported and ignored; a YAML alias bomb is a config error with file:line, not a stack trace.
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { dailyCycle, freePort, http, runToExit, startService, waitFor, writeConfig } from './harness';
import { backfill, prometheusAvailable, startPrometheus, type RunningPrometheus } from './prometheus';
import { HOUR_MS } from '../../src/contract/constants';

jest.setTimeout(90_000);

const lastHourMs = Math.floor(Date.now() / HOUR_MS) * HOUR_MS;

(prometheusAvailable() ? describe : describe.skip)('restart with a state directory', () => {
  let prometheus: RunningPrometheus | undefined;
  let config: string;
  const stateDir = path.join(mkdtempSync(path.join(tmpdir(), 'tidemark-state-')), 'state');
  // A long start-up jitter keeps the restarted scheduler from refreshing during the test: whatever the
  // restarted service answers comes from the state directory.
  const restartArgs = ['--state-dir', stateDir, '--startup-jitter', '10m'];

  beforeAll(async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'tidemark-tsdb-'));
    const values = dailyCycle(25);
    backfill(
      dataDir,
      'restart_load',
      values.map((value, i) => ({ labels: { pod: 'a' }, timeMs: lastHourMs - (24 - i) * HOUR_MS, value }))
    );
    prometheus = await startPrometheus(await freePort(), dataDir, []);
    config = writeConfig(`
upstream: { url: ${prometheus.url}, timeout: 2s }
detectors:
  - { name: persisted, query: restart_load, step: 1h, trainingWindow: 1d, horizon: 3h }
`);
  });

  afterAll(async () => {
    await prometheus?.stop();
  });

  const instant = (url: string) =>
    http(`${url}/api/v1/query?query=tidemark_actual&time=${lastHourMs / 1000}`).then((r) => r.json().data.result);

  it('should serve the persisted models right after a restart while the upstream is down', async () => {
    const first = await startService(config, { args: ['--state-dir', stateDir] });
    const before = await waitFor('first refresh', async () => {
      const result = await instant(first.url);
      return result.length === 1 && readdirSync(stateDir).includes('persisted.state') ? result : undefined;
    });
    expect(await first.stop()).toBe(0);
    await prometheus!.stop();
    prometheus = undefined;
    const second = await startService(config, { args: restartArgs });
    try {
      // The first request after `listening` already has the data: no NoData window.
      expect(await instant(second.url)).toEqual(before);
      const metrics = (await http(`${second.url}/metrics`)).text;
      expect(metrics).toContain('tidemark_series{detector="persisted"} 1');
      expect(second.logs.find((l) => l.msg === 'state restored')).toMatchObject({ restored: 1, ignored: 0 });
    } finally {
      expect(await second.stop()).toBe(0);
    }
  });

  it('should report a corrupt state file and start without it', async () => {
    mkdirSync(stateDir, { recursive: true });
    writeFileSync(path.join(stateDir, 'persisted.state'), 'tidemark-state {"schemaVersion":1,"bytes":999');
    const service = await startService(config, { args: restartArgs });
    try {
      const warning = service.logs.find((l) => l.msg === 'ignoring unusable state file; the detector starts empty');
      expect(warning).toMatchObject({ detector: 'persisted', file: 'persisted.state' });
      expect(await instant(service.url)).toEqual([]);
      expect((await http(`${service.url}/-/ready`)).status).toBe(200);
    } finally {
      expect(await service.stop()).toBe(0);
    }
  });
});

it('should exit 2 with file:line on a YAML alias bomb, without a stack trace', async () => {
  const levels = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
  const lines = levels.map((name, i) =>
    i === 0
      ? `${name}: &${name} [x, x, x, x, x, x, x, x, x]`
      : `${name}: &${name} [${`*${levels[i - 1]}, `.repeat(8)}*${levels[i - 1]}]`
  );
  const { code, stderr } = await runToExit(writeConfig(`${lines.join('\n')}\ndetectors: *h\n`));
  expect(code).toBe(2);
  const [problem] = JSON.parse(stderr.trim().split('\n').pop()!).problems;
  expect(problem).toMatch(/detectors\.yaml:2:\d+: YAML aliases expand too far/);
  expect(stderr).not.toContain('    at ');
});
