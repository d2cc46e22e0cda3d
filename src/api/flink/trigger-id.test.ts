import { describe, expect, it, vi } from 'vitest';
import { HttpError, InvalidResponseError, NetworkError, TimeoutError } from '../errors';
import { newTriggerId, shareInFlight, TRIGGER_ID_PATTERN, TriggerIdKeeper } from './trigger-id';

const fail = (e: unknown) => () => Promise.reject(e);
const ok = () => Promise.resolve('ok');

describe('newTriggerId', () => {
  it('is 32 hex characters from crypto.getRandomValues', () => {
    const spy = vi.spyOn(crypto, 'getRandomValues');
    const id = newTriggerId();
    expect(id).toMatch(TRIGGER_ID_PATTERN);
    expect(id).toHaveLength(32);
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
  });

  it('differs every time', () => {
    expect(new Set(Array.from({ length: 50 }, newTriggerId)).size).toBe(50);
  });
});

describe('TriggerIdKeeper', () => {
  const running = (value: boolean) => vi.fn(async () => value);

  it.each([
    ['a network error', new NetworkError('POST /x', new Error('offline'))],
    ['a timeout', new TimeoutError('POST /x', 15_000)],
    ['a 502 from the proxy', new HttpError('POST /x', 502, [])],
    ['an answer we could not read', new InvalidResponseError('POST /x', '', 'not JSON')],
  ])('reuses the id after %s (the trigger may have arrived)', async (_, error) => {
    const k = new TriggerIdKeeper();
    const first = await k.next(running(false));
    await expect(k.send(first, fail(error))).rejects.toBe(error);
    expect(await k.next(running(false))).toBe(first);
  });

  it('makes a new id after Flink refused the trigger (4xx)', async () => {
    const k = new TriggerIdKeeper();
    const first = await k.next(running(false));
    await expect(k.send(first, fail(new HttpError('POST /x', 409, ['not running'])))).rejects.toBeInstanceOf(
      HttpError,
    );
    const second = await k.next(running(false));
    expect(second).not.toBe(first);
    expect(second).toMatch(TRIGGER_ID_PATTERN);
  });

  it('reuses an accepted id while its operation is in progress, renews once it finished', async () => {
    const k = new TriggerIdKeeper();
    const first = await k.next(running(false));
    await k.send(first, ok);
    const stillRunning = running(true);
    expect(await k.next(stillRunning)).toBe(first);
    expect(stillRunning).toHaveBeenCalledWith(first);
    expect(await k.next(running(false))).not.toBe(first);
  });

  it('gives two concurrent clicks the same id', async () => {
    const k = new TriggerIdKeeper();
    await k.send(await k.next(running(false)), ok);
    const [a, b] = await Promise.all([k.next(running(false)), k.next(running(false))]);
    expect(a).toBe(b);
  });

  it('does not ask Flink while a send is in flight', async () => {
    const k = new TriggerIdKeeper();
    const first = await k.next(running(false));
    const check = running(false);
    expect(await k.next(check)).toBe(first);
    expect(check).not.toHaveBeenCalled();
  });
});

describe('shareInFlight', () => {
  it('runs concurrent calls with the same key once', async () => {
    const run = vi.fn(async () => 42);
    const [a, b] = await Promise.all([shareInFlight('k', run), shareInFlight('k', run)]);
    expect([a, b]).toEqual([42, 42]);
    expect(run).toHaveBeenCalledTimes(1);
    await shareInFlight('k', run);
    expect(run).toHaveBeenCalledTimes(2);
  });
});
