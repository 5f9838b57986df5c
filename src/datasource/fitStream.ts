/**
 * Reads the fit service's answer chunk by chunk (Grafana's `backendSrv.chunked`): the streamed form
 * (`application/x-ndjson`, one `FitStreamLine` per series as it finishes, `src/contract/fit.ts`), reported series by
 * series, or the whole `FitResponse` of a service that does not stream yet, read at the end.
 */
import {
  FIT_CONTRACT_VERSION,
  FIT_STREAM_MEDIA_TYPE,
  type FitRequest,
  type FitResponse,
  type FitStreamLine,
  type SeriesResult,
} from '../contract/fit';

/** The service's answer does not follow the fit contract. */
export class FitStreamError extends Error {
  constructor(message: string) {
    super(`fit service: ${message}`);
    this.name = 'FitStreamError';
  }
}

export class FitStreamReader {
  private readonly decoder = new TextDecoder();
  private readonly results: Array<SeriesResult | undefined>;
  private text = '';
  private streamed: boolean | undefined;
  private doneCount: number | undefined;

  constructor(
    private readonly request: FitRequest,
    /** Called with each series' result as its line arrives. */
    private readonly onResult?: (index: number, result: SeriesResult) => void
  ) {
    this.results = new Array(request.series.length).fill(undefined);
  }

  /** One chunk of the body; `contentType` is the response's (the same on every chunk). */
  push(chunk: Uint8Array | undefined, contentType: string | null): void {
    this.streamed ??= (contentType ?? '').split(';')[0].trim().toLowerCase() === FIT_STREAM_MEDIA_TYPE;
    this.text += chunk ? this.decoder.decode(chunk, { stream: true }) : '';
    if (!this.streamed) {
      return;
    }
    const lines = this.text.split('\n');
    this.text = lines.pop() ?? '';
    lines.filter((l) => l.trim() !== '').forEach((l) => this.readLine(l));
  }

  /**
   * The complete response once the body has ended. Series whose line never came (the connection broke) get a
   * named error each, so the series that did arrive stay on the panel.
   */
  finish(): FitResponse {
    this.text += this.decoder.decode();
    if (!this.streamed) {
      return this.wholeResponse();
    }
    if (this.text.trim() !== '') {
      this.readLine(this.text);
    }
    const received = this.results.filter((r) => r !== undefined).length;
    const results = this.results.map((result, i): SeriesResult => {
      if (result) {
        return result;
      }
      const { key, labels } = this.request.series[i];
      const why = this.doneCount === undefined ? 'the answer ended early' : 'the answer left it out';
      const message = `no result for this series: ${why} (${received} of ${this.results.length} received)`;
      return { status: 'error', key, labels, error: { name: 'FitStreamError', message } };
    });
    return { version: FIT_CONTRACT_VERSION, results };
  }

  private readLine(text: string): void {
    let line: FitStreamLine;
    try {
      line = JSON.parse(text) as FitStreamLine;
    } catch {
      throw new FitStreamError(`unreadable line in the streamed answer: ${text.slice(0, 80)}`);
    }
    if (line.type === 'done') {
      this.doneCount = line.count;
      return;
    }
    const { index } = line;
    if (line.type !== 'result' || !Number.isInteger(index) || index < 0 || index >= this.results.length) {
      throw new FitStreamError(`unexpected line for ${this.results.length} series: ${text.slice(0, 80)}`);
    }
    this.results[index] = line.result;
    this.onResult?.(index, line.result);
  }

  private wholeResponse(): FitResponse {
    let body: unknown;
    try {
      body = JSON.parse(this.text);
    } catch {
      body = undefined;
    }
    return checkedFitResponse(body, this.request.series.length);
  }
}

/** `body` as a FitResponse of this contract version with `expected` results, or a FitStreamError saying why not. */
export function checkedFitResponse(body: unknown, expected: number): FitResponse {
  const response = body as Partial<FitResponse> | undefined;
  if (response?.version !== FIT_CONTRACT_VERSION || response.results?.length !== expected) {
    throw new FitStreamError(
      `expected contract version ${FIT_CONTRACT_VERSION} with ${expected} results, ` +
        `got version ${response?.version} with ${response?.results?.length ?? 0}`
    );
  }
  return response as FitResponse;
}

/** A failed chunked request with its body as JSON when it came as bytes (the service's `{version, error}`). */
export function withDecodedBody(error: unknown): unknown {
  const data = (error as { data?: unknown } | null)?.data;
  // isView, not instanceof: bytes may come from another realm (a worker, a test environment).
  if (!ArrayBuffer.isView(data)) {
    return error;
  }
  const text = new TextDecoder().decode(data);
  try {
    return { ...(error as object), data: JSON.parse(text) };
  } catch {
    return { ...(error as object), data: { message: text } };
  }
}
