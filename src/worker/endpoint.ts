/**
 * The worker side of the protocol: a thin transport over the analysis pipeline. Runs inside a Web Worker
 * (`fit.worker.ts`) or, in tests, on one end of a `MessageChannel`.
 */
import type { ModelSettings, SeriesAnalysis, SeriesInput } from '../contract/fit';
import { type CacheEntry, type FromWorkerMessage, isToWorkerMessage, serializeError } from './protocol';

/** `analyzeSeries` of `src/model/pipeline/analyze.ts`, as the endpoint calls it. */
export type AnalyzeFn = (
  input: SeriesInput,
  settings: ModelSettings,
  options: { outputFromMs?: number; cached?: CacheEntry }
) => { analysis: SeriesAnalysis; cache: CacheEntry };

/** What the endpoint needs from `self` in a worker or from a `MessagePort`. */
export interface EndpointPort {
  postMessage(message: FromWorkerMessage): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

/** Answers every `fit` message with a `result` or an `error` carrying the same id. */
export function serveFits(port: EndpointPort, analyze: AnalyzeFn): void {
  port.addEventListener('message', (event) => {
    const message = event.data;
    if (!isToWorkerMessage(message)) {
      const id = typeof message === 'object' && message !== null && 'id' in message ? Number(message.id) : -1;
      port.postMessage({
        type: 'error',
        id: Number.isFinite(id) ? id : -1,
        error: { name: 'ProtocolError', message: `fit worker: unrecognised message ${JSON.stringify(message)}` },
      });
      return;
    }
    try {
      const { analysis, cache } = analyze(message.input, message.settings, {
        outputFromMs: message.outputFromMs,
        cached: message.cached,
      });
      port.postMessage({ type: 'result', id: message.id, analysis, cache });
    } catch (error) {
      port.postMessage({ type: 'error', id: message.id, error: serializeError(error) });
    }
  });
}
