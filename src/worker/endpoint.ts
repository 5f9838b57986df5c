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

/** Answers every `fit` message with a `result` or an `error` carrying the same id. */
export function serveFits(port: EndpointPort, analyze: Analyzer): void {
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
    const { id, type: _type, ...task } = message;
    port.postMessage({ ...runFitTask(task, analyze), id });
  });
}
