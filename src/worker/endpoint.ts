/**
 * The worker side of the protocol: a thin transport over the analysis pipeline. Runs inside a Web Worker
 * (`fit.worker.ts`) or, in tests, on one end of a `MessageChannel`.
 */
import { runFitTask, type Analyzer } from '../contract/protocol';
import { type FromWorkerMessage, isToWorkerMessage } from './protocol';
import { MAX_NESTING_DEPTH, nestingError } from '../contract/nesting';

/** What the endpoint needs from `self` in a worker or from a `MessagePort`. */
export interface EndpointPort {
  postMessage(message: FromWorkerMessage): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

/**
 * Answers every `fit` message with `started`, then a `result` or an `error` carrying the same id. A fit starts on the
 * next macrotask, so a `cancel` already on its way drops it (answered `cancelled`, no result); a cancel of a fit
 * that started, or of an unknown id, is ignored (the pool terminates a worker whose cancelled fit started).
 */
export function serveFits(port: EndpointPort, analyze: Analyzer): void {
  const waiting = new Map<number, ReturnType<typeof setTimeout>>();
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
    const tooDeep = nestingError(message, MAX_NESTING_DEPTH, 'message');
    if (tooDeep) {
      port.postMessage({ type: 'error', id: message.id, error: { name: 'ValidationError', message: tooDeep } });
      return;
    }
    if (message.type === 'cancel') {
      const timer = waiting.get(message.id);
      if (timer !== undefined) {
        clearTimeout(timer);
        waiting.delete(message.id);
        port.postMessage({ type: 'cancelled', id: message.id });
      }
      return;
    }
    const { id, type: _type, ...task } = message;
    const start = () => {
      waiting.delete(id);
      port.postMessage({ type: 'started', id });
      port.postMessage({ ...runFitTask(task, analyze), id });
    };
    waiting.set(id, setTimeout(start, 0));
  });
}
