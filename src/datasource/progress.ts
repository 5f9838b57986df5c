/**
 * Partial results of a running query: each target's frames as its series finish fitting, sent as
 * `LoadingState.Streaming` responses so a panel over many series fills in while the rest are still fitting.
 * Results that arrive together (cached models on a refresh, one HTTP answer) are sent once, on the next task.
 */
import { type DataFrame, type DataQueryResponse, LoadingState } from '@grafana/data';
import { withNotice } from './frames';

interface TargetProgress {
  frames: Array<DataFrame | undefined>;
  done: number;
}

export class PartialResults {
  private readonly targets = new Map<string, TargetProgress>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

  /** `refIds` in request order, so partial frames come in the order the final response has them. */
  constructor(
    refIds: string[],
    private readonly send: (response: DataQueryResponse) => void
  ) {
    for (const refId of refIds) {
      this.targets.set(refId, { frames: [], done: 0 });
    }
  }

  /** Records the frame of series `index` of `total` in target `refId` and schedules a partial response. */
  add(refId: string, index: number, total: number, frame: DataFrame): void {
    const target = this.targets.get(refId);
    if (this.closed || !target) {
      return;
    }
    target.frames.length = total;
    if (target.frames[index] === undefined) {
      target.done++;
    }
    target.frames[index] = frame;
    this.flushTimer ??= setTimeout(() => this.flush(), 0);
  }

  /**
   * The frames finished so far; the first frame of a target still fitting carries a progress notice (on a series
   * frame rather than an empty one, which panels would count as a frame they cannot draw).
   */
  snapshot(): DataFrame[] {
    return [...this.targets.entries()].flatMap(([refId, target]) => {
      const finished = target.frames.filter((f): f is DataFrame => f !== undefined);
      const total = target.frames.length;
      if (target.done < total && finished.length > 0) {
        finished[0] = withNotice(finished[0], 'info', `${refId}: fitted ${target.done} of ${total} series…`);
      }
      return finished;
    });
  }

  /** No more partial responses (the final one is about to be sent, or the query was cancelled). */
  close(): void {
    this.closed = true;
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
  }

  private flush(): void {
    this.flushTimer = undefined;
    if (!this.closed) {
      this.send({ data: this.snapshot(), state: LoadingState.Streaming });
    }
  }
}
