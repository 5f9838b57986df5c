import { reservedDetectorThreads, ThreadGate, ThreadWaitAbortedError } from './threadGate';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('reservedDetectorThreads', () => {
  it.each([
    [1, 0],
    [2, 1],
    [4, 1],
    [8, 2],
    [16, 4],
  ])('should reserve for %i threads %i', (threads, reserved) => {
    expect(reservedDetectorThreads(threads)).toBe(reserved);
  });
});

describe('ThreadGate', () => {
  it('should keep the reserved thread free of API fits and hand it to a detector at once', async () => {
    const gate = new ThreadGate(2);
    await gate.acquire('api');
    let secondApi = false;
    void gate.acquire('api').then(() => (secondApi = true));
    await tick();
    expect(secondApi).toBe(false);
    await gate.acquire('detector');
    expect(gate.queued).toBe(1);
    gate.release('api');
    await tick();
    expect(secondApi).toBe(true);
  });

  it('should grant a freed thread to a waiting detector before earlier API waiters', async () => {
    const gate = new ThreadGate(1);
    await gate.acquire('api');
    const order: string[] = [];
    void gate.acquire('api').then(() => order.push('api'));
    void gate.acquire('detector').then(() => order.push('detector'));
    gate.release('api');
    await tick();
    expect(order).toEqual(['detector']);
    gate.release('detector');
    await tick();
    expect(order).toEqual(['detector', 'api']);
  });

  it('should let detectors use every thread', async () => {
    const gate = new ThreadGate(2);
    await gate.acquire('detector');
    await gate.acquire('detector');
    expect(gate.queued).toBe(0);
  });

  it('should drop a waiter whose deadline fires, naming the error', async () => {
    const gate = new ThreadGate(1);
    await gate.acquire('detector');
    const controller = new AbortController();
    const waiting = gate.acquire('api', controller.signal);
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(ThreadWaitAbortedError);
    expect(gate.queued).toBe(0);
  });
});
