/** Bench mode data: `series` × `points` synthetic Tidemark frames built in the page (defaults 10 × 10,000). */
import { syntheticTidemarkFrame } from '../syntheticFrames';
import type { FrameFixture } from './frames';

export function benchFrames(params: URLSearchParams): FrameFixture {
  const seriesCount = Number(params.get('series') ?? 10);
  const points = Number(params.get('points') ?? 10000);
  const horizon = Math.round(points / 100);
  const startMs = Date.UTC(2025, 0, 1);
  const stepMs = 60_000;
  const frames = Array.from({ length: seriesCount }, (_, s) =>
    syntheticTidemarkFrame({
      key: `bench-${s}`,
      labels: { instance: `bench-${s}` },
      startMs,
      stepMs,
      points: points - horizon,
      horizon,
      periodSteps: 1440,
      level: 100 + 50 * s,
      amplitude: 20,
      noiseSigma: 3,
      seed: 100 + s,
      anomalies: [
        { index: Math.round(points * 0.3) + s * 50, length: 5, sigmas: 6 },
        { index: Math.round(points * 0.7) + s * 50, length: 2, sigmas: 2.3 },
      ],
    })
  );
  return { description: 'bench', timeRange: { fromMs: startMs, toMs: startMs + points * stepMs }, frames };
}
