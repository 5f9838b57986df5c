// The compose stack's demo metric source (deploy/compose/): the backfill writes blocks Prometheus can open (real
// promtool when installed; under CI=true its absence fails the suite) and the exporter continues that history.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { backfill, existingBlocks, historyOpenMetrics } from '../../deploy/compose/backfill';
import { createExporter, EXPOSITION_CONTENT_TYPE, readAnchorMs } from '../../deploy/compose/exporter';
import { DEFAULT_SETTINGS, type DemoStackSettings, readSettings, SettingsError } from '../../deploy/compose/settings';

const HAS_PROMTOOL = spawnSync('promtool', ['--version']).status === 0;
const ANCHOR_MS = Date.UTC(2026, 0, 15, 12, 0, 0);
const quiet = () => undefined;

function settingsIn(dir: string, overrides: Partial<DemoStackSettings> = {}): DemoStackSettings {
  return {
    ...DEFAULT_SETTINGS,
    historyDays: 3,
    dataDir: path.join(dir, 'prometheus'),
    anchorFile: path.join(dir, 'state', 'anchor-ms'),
    ...overrides,
  };
}

/** Samples of one OpenMetrics series line set, as [labels text, value, timestamp in s]. */
function sampleLines(text: string): string[][] {
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => /^\w+(\{[^}]*\}) (\S+) (\S+)$/.exec(line)!.slice(1));
}

describe('readSettings', () => {
  it('should take the defaults when nothing is set', () => {
    expect(readSettings({})).toEqual(DEFAULT_SETTINGS);
  });

  it('should convert seconds to ms and read the scrape labels', () => {
    const settings = readSettings({ DEMO_STEP_SECONDS: '60', DEMO_SCRAPE_JOB: 'j', DEMO_SCRAPE_INSTANCE: 'h:1' });
    expect(settings).toMatchObject({ stepMs: 60_000, scrapeLabels: { job: 'j', instance: 'h:1' } });
  });

  it('should name the variable when a number is malformed', () => {
    expect(() => readSettings({ DEMO_HISTORY_DAYS: '2.5' })).toThrow(SettingsError);
    expect(() => readSettings({ DEMO_HISTORY_DAYS: '2.5' })).toThrow('DEMO_HISTORY_DAYS must be a positive integer');
  });
});

describe('historyOpenMetrics', () => {
  const text = historyOpenMetrics(settingsIn('/unused'), ANCHOR_MS);

  it('should end with # EOF and stamp every sample with the scrape labels, in seconds', () => {
    expect(text.endsWith('# EOF\n')).toBe(true);
    const samples = sampleLines(text);
    expect(samples.length).toBe(2 * 3 * 288);
    for (const [labels, , seconds] of samples) {
      expect(labels).toContain('job="demo",instance="demo:9100"');
      expect(Number(seconds) * 1000).toBeLessThanOrEqual(ANCHOR_MS);
    }
    expect(Math.max(...samples.map((s) => Number(s[2])))).toBe(ANCHOR_MS / 1000);
  });
});

describe('createExporter', () => {
  const serve = async (clockMs: number) => {
    const server = createExporter({ seed: DEFAULT_SETTINGS.seed }, ANCHOR_MS, () => clockMs);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return { base, close: () => new Promise((resolve) => server.close(resolve)) };
  };

  it('should continue the backfilled history: at the anchor it serves the last backfilled values', async () => {
    const { base, close } = await serve(ANCHOR_MS);
    try {
      const response = await fetch(`${base}/metrics`);
      expect(response.headers.get('content-type')).toBe(EXPOSITION_CONTENT_TYPE);
      const live = (await response.text()).split('\n').filter((l) => l.startsWith('tidemark_demo'));
      const history = sampleLines(historyOpenMetrics(settingsIn('/unused'), ANCHOR_MS)).filter(
        ([, , seconds]) => Number(seconds) * 1000 === ANCHOR_MS
      );
      expect(live.map((line) => line.split(' ')[1])).toEqual(history.map(([, value]) => value));
    } finally {
      await close();
    }
  });

  it('should answer 404 on unknown paths and 405 on other methods', async () => {
    const { base, close } = await serve(ANCHOR_MS);
    try {
      expect((await fetch(`${base}/-/healthy`)).status).toBe(200);
      expect((await fetch(`${base}/nope`)).status).toBe(404);
      expect((await fetch(`${base}/metrics`, { method: 'POST' })).status).toBe(405);
    } finally {
      await close();
    }
  });
});

describe('readAnchorMs', () => {
  it('should name the file when the anchor is missing', () => {
    expect(() => readAnchorMs('/nonexistent/anchor-ms')).toThrow(
      'cannot read the backfill anchor /nonexistent/anchor-ms'
    );
  });
});

describe('backfill', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'tidemark-backfill-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const withPromtool = HAS_PROMTOOL || process.env.CI === 'true' ? it : it.skip;

  withPromtool('should write blocks and the anchor, then skip when blocks exist', () => {
    const settings = settingsIn(dir);
    // 3 days in blocks of at most 54 h: promtool cuts at multiples of the block range, so 2 or 3 blocks.
    expect(backfill(settings, ANCHOR_MS + 1234, quiet)).toBe(ANCHOR_MS);
    const blocks = existingBlocks(settings.dataDir);
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    expect(blocks.length).toBeLessThanOrEqual(3);
    expect(readAnchorMs(settings.anchorFile)).toBe(ANCHOR_MS);
    // The OpenMetrics input is removed; only the anchor stays in the state directory.
    expect(readdirSync(path.dirname(settings.anchorFile))).toEqual(['anchor-ms']);
    expect(backfill(settings, ANCHOR_MS + 86_400_000, quiet)).toBeNull();
    expect(readFileSync(settings.anchorFile, 'utf8')).toBe(`${ANCHOR_MS}\n`);
  });

  withPromtool('should refuse blocks without an anchor, which the exporter could not continue', () => {
    const settings = settingsIn(dir);
    backfill(settings, ANCHOR_MS, quiet);
    rmSync(settings.anchorFile);
    expect(() => backfill(settings, ANCHOR_MS, quiet)).toThrow(/holds \d+ blocks but .*anchor-ms is missing/);
  });
});
