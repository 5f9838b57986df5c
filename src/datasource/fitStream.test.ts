import { FIT_CONTRACT_VERSION, type FitRequest, type SeriesResult } from '../contract/fit';
import { fixtureSeries, TEST_SETTINGS } from '../worker/testing/fixtures';
import { checkedFitResponse, FitStreamReader, withDecodedBody } from './fitStream';

const NDJSON = 'application/x-ndjson';
const series = fixtureSeries().slice(0, 3);
const request: FitRequest = { version: FIT_CONTRACT_VERSION, series, settings: TEST_SETTINGS };
const bytes = (text: string) => new TextEncoder().encode(text);

/** A recognisable error result for series `i` (the reader passes results through untouched). */
const resultOf = (i: number): SeriesResult => ({
  status: 'error',
  key: series[i].key,
  labels: series[i].labels,
  error: { name: 'MarkerError', message: `series ${i} — ü` },
});
const line = (i: number) => `${JSON.stringify({ type: 'result', index: i, result: resultOf(i) })}\n`;
const DONE = `${JSON.stringify({ type: 'done', version: FIT_CONTRACT_VERSION, count: 3 })}\n`;

describe('FitStreamReader', () => {
  it('should report each series as its line completes, across chunk boundaries inside lines and characters', () => {
    const seen: number[] = [];
    const reader = new FitStreamReader(request, (i) => seen.push(i));
    const body = bytes(line(2) + line(0) + line(1) + DONE);
    // Cut inside the first line and inside the two-byte "ü" of the second.
    const cuts = [10, bytes(line(2)).length + bytes(line(0)).length - 4, body.length];
    let from = 0;
    const afterChunk: number[][] = [];
    for (const to of cuts) {
      reader.push(body.slice(from, to), `${NDJSON}; charset=utf-8`);
      afterChunk.push([...seen]);
      from = to;
    }
    expect(afterChunk).toEqual([[], [2], [2, 0, 1]]);
    expect(reader.finish()).toEqual({ version: FIT_CONTRACT_VERSION, results: [0, 1, 2].map(resultOf) });
  });

  it('should name each series whose line never came when the answer ended early, keeping the others', () => {
    const reader = new FitStreamReader(request);
    reader.push(bytes(line(1)), NDJSON);
    const { results } = reader.finish();
    expect(results[1]).toEqual(resultOf(1));
    for (const i of [0, 2]) {
      expect(results[i]).toEqual({
        status: 'error',
        key: series[i].key,
        labels: series[i].labels,
        error: {
          name: 'FitStreamError',
          message: 'no result for this series: the answer ended early (1 of 3 received)',
        },
      });
    }
  });

  it('should read the whole JSON answer of a service that does not stream', () => {
    const reader = new FitStreamReader(request, () => {
      throw new Error('not called for a whole answer');
    });
    const body = JSON.stringify({ version: FIT_CONTRACT_VERSION, results: [0, 1, 2].map(resultOf) });
    reader.push(bytes(body.slice(0, 50)), 'application/json; charset=utf-8');
    reader.push(bytes(body.slice(50)), 'application/json; charset=utf-8');
    expect(reader.finish().results).toEqual([0, 1, 2].map(resultOf));
  });

  it.each([
    ['an unreadable line', 'not json\n', 'fit service: unreadable line in the streamed answer: not json'],
    ['an index out of range', `${JSON.stringify({ type: 'result', index: 3, result: {} })}\n`, 'for 3 series'],
  ])('should reject %s with FitStreamError', (_name, text, message) => {
    const reader = new FitStreamReader(request);
    expect(() => reader.push(bytes(text), NDJSON)).toThrow(expect.objectContaining({ name: 'FitStreamError' }));
    expect(() => new FitStreamReader(request).push(bytes(text), NDJSON)).toThrow(message);
  });
});

describe('checkedFitResponse', () => {
  it('should reject another contract version or result count', () => {
    expect(() => checkedFitResponse({ version: 3, results: [] }, 1)).toThrow(
      'fit service: expected contract version 2 with 1 results, got version 3 with 0'
    );
    expect(() => checkedFitResponse(undefined, 1)).toThrow('got version undefined with 0');
  });
});

describe('withDecodedBody', () => {
  it('should turn a byte body into JSON, or into a message when it is not JSON', () => {
    const json = { status: 429, data: bytes('{"version":2,"error":{"name":"QueueFullError","message":"full"}}') };
    expect(withDecodedBody(json)).toEqual({
      status: 429,
      data: { version: 2, error: { name: 'QueueFullError', message: 'full' } },
    });
    expect(withDecodedBody({ status: 502, data: bytes('Bad Gateway') })).toEqual({
      status: 502,
      data: { message: 'Bad Gateway' },
    });
    const plain = { status: 500, data: { message: 'boom' } };
    expect(withDecodedBody(plain)).toBe(plain);
  });
});
