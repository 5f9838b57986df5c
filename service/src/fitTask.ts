/**
 * Tasks of the service's fit workers: the shared fit protocol (`src/contract/protocol.ts`) plus the time a task
 * took. Errors come back as values (`SerializedError`) because structured clone loses custom error names.
 */
import type { FitReply } from '../../src/contract/protocol';

export { serializeError, type FitTask } from '../../src/contract/protocol';

/** A worker's reply with the task's run time (queue wait excluded). */
export type FitTaskResult = FitReply & { elapsedMs: number };
