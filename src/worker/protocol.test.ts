import { MessageChannel } from 'node:worker_threads';
import { type EndpointPort, serveFits } from './endpoint';
import {
  deserializeError,
  type FromWorkerMessage,
  isFromWorkerMessage,
  isToWorkerMessage,
  serializeError,
} from './protocol';
import { fakeAnalyze } from '../contract/testing/fakeAnalyzer';
import { fixtureSeries, TEST_SETTINGS } from './testing/fixtures';

describe('serializeError / deserializeError', () => {
  it('should keep name, message and stack across the boundary and rethrow a real Error', () => {
    class InsufficientDataError extends Error {
      name = 'InsufficientDataError';
    }
    const original = new InsufficientDataError('need ≥ 51 points, got 37');
    const copy = deserializeError(JSON.parse(JSON.stringify(serializeError(original))));
    expect(copy).toBeInstanceOf(Error);
    expect(copy.name).toBe('InsufficientDataError');
    expect(copy.message).toBe('need ≥ 51 points, got 37');
    expect(copy.stack).toBe(original.stack);
  });

  it.each([
    ['a string', 'boom', 'boom'],
    ['an object', { code: 7 }, '{"code":7}'],
    ['undefined', undefined, 'undefined'],
  ])('should describe a thrown %s', (_kind, thrown, message) => {
    expect(serializeError(thrown)).toEqual({ name: 'Error', message });
  });
});

describe('message guards', () => {
  it('should accept well-formed messages and reject others', () => {
    const [input] = fixtureSeries();
    expect(isToWorkerMessage({ type: 'fit', id: 1, input, settings: TEST_SETTINGS })).toBe(true);
    expect(isToWorkerMessage({ type: 'fit', id: '1', input, settings: TEST_SETTINGS })).toBe(false);
    expect(isToWorkerMessage({ type: 'cancel', id: 1 })).toBe(true);
    expect(isToWorkerMessage({ type: 'cancel', id: '1' })).toBe(false);
    expect(isFromWorkerMessage({ type: 'cancelled', id: 1 })).toBe(true);
    expect(isFromWorkerMessage({ type: 'error', id: 1, error: { name: 'E', message: 'm' } })).toBe(true);
    expect(isFromWorkerMessage({ type: 'result', id: 1, analysis: {} })).toBe(false);
    expect(isFromWorkerMessage(null)).toBe(false);
  });
});

describe('serveFits', () => {
  const channels: MessageChannel[] = [];
  afterEach(() => channels.splice(0).forEach((c) => (c.port1.close(), c.port2.close())));

  function connect(): { send: (m: unknown) => void; next: () => Promise<FromWorkerMessage> } {
    const channel = new MessageChannel();
    channels.push(channel);
    serveFits(channel.port2 as unknown as EndpointPort, fakeAnalyze);
    channel.port2.start();
    const inbox: FromWorkerMessage[] = [];
    const waiting: Array<(m: FromWorkerMessage) => void> = [];
    channel.port1.on('message', (m: FromWorkerMessage) => (waiting.length ? waiting.shift()!(m) : inbox.push(m)));
    return {
      send: (m) => channel.port1.postMessage(m),
      next: () => (inbox.length ? Promise.resolve(inbox.shift()!) : new Promise((r) => waiting.push(r))),
    };
  }

  it('should answer a fit with a result carrying the same id', async () => {
    const port = connect();
    const [input] = fixtureSeries();
    port.send({ type: 'fit', id: 7, input, settings: TEST_SETTINGS });
    expect(await port.next()).toEqual({ type: 'started', id: 7 });
    const reply = await port.next();
    expect(reply.type).toBe('result');
    expect(reply.id).toBe(7);
    expect(reply.type === 'result' && reply.analysis.key).toBe(input.key);
  });

  it('should answer a failing fit with a serialised error naming the series', async () => {
    const port = connect();
    const short = fixtureSeries()[2];
    port.send({ type: 'fit', id: 8, input: short, settings: TEST_SETTINGS });
    expect(await port.next()).toEqual({ type: 'started', id: 8 });
    const reply = await port.next();
    expect(reply).toMatchObject({ type: 'error', id: 8, error: { name: 'InsufficientDataError' } });
    expect(reply.type === 'error' && reply.error.message).toContain(short.key);
  });

  it('should drop a fit cancelled before it started: a cancelled reply and no result', async () => {
    const port = connect();
    const [input, other] = fixtureSeries();
    port.send({ type: 'fit', id: 4, input, settings: TEST_SETTINGS });
    port.send({ type: 'cancel', id: 4 });
    port.send({ type: 'cancel', id: 99 });
    port.send({ type: 'fit', id: 5, input: other, settings: TEST_SETTINGS });
    expect(await port.next()).toEqual({ type: 'cancelled', id: 4 });
    // The unknown id is ignored; the next message is the following fit, so fit 4 never answered.
    expect(await port.next()).toEqual({ type: 'started', id: 5 });
    expect(await port.next()).toMatchObject({ type: 'result', id: 5 });
  });

  it('should answer an unrecognised message with a protocol error', async () => {
    const port = connect();
    port.send({ type: 'bogus', id: 3 });
    expect(await port.next()).toMatchObject({ type: 'error', id: 3, error: { name: 'ProtocolError' } });
  });
});
