/**
 * Test doubles for the pool: a "worker" that is one end of a Node `MessageChannel` served by `serveFits` (the real
 * protocol, asynchronous like a Worker), and a scripted fake that records messages and lets a test fire events.
 */
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import type { Analyzer } from '../../contract/protocol';
import { type EndpointPort, serveFits } from '../endpoint';
import type { WorkerFactory, WorkerLike } from '../pool';
import type { ToWorkerMessage } from '../protocol';

/** Factory of MessageChannel-backed workers; `close()` closes every channel so Jest can exit. */
export function channelWorkerFactory(analyze: Analyzer): {
  factory: WorkerFactory;
  created: () => number;
  close: () => void;
} {
  const ports: MessagePort[] = [];
  const factory: WorkerFactory = () => {
    const { port1, port2 } = new MessageChannel();
    ports.push(port1, port2);
    serveFits(port2 as unknown as EndpointPort, analyze);
    port2.start();
    port1.start();
    return {
      postMessage: (message: ToWorkerMessage) => port1.postMessage(message),
      addEventListener: (type, listener) => port1.addEventListener(type, listener as (event: Event) => void),
      terminate: () => {
        port1.close();
        port2.close();
      },
    };
  };
  return { factory, created: () => ports.length / 2, close: () => ports.forEach((p) => p.close()) };
}

/** A worker that answers nothing by itself: tests read `posted` and call `emit`. */
export class ScriptedWorker implements WorkerLike {
  readonly posted: ToWorkerMessage[] = [];
  terminated = false;
  private readonly listeners = new Map<string, Array<(event: { data?: unknown; message?: string }) => void>>();

  postMessage(message: ToWorkerMessage): void {
    this.posted.push(message);
  }

  addEventListener(type: string, listener: (event: { data?: unknown; message?: string }) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  terminate(): void {
    this.terminated = true;
  }

  emit(type: string, event: { data?: unknown; message?: string }): void {
    for (const listener of this.listeners.get(type) ?? []) {
      listener(event);
    }
  }
}
