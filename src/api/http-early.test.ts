import { afterEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { request, sendEarly, takeEarly } from './http';
import { NetworkError, TimeoutError } from './errors';

const schema = z.object({ jobs: z.array(z.string()) });

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('answers asked for before the app has loaded', () => {
  it('serve the first request for the same URL, once; the next one asks the server', async () => {
    const fetchMock = vi.fn(async () => Response.json({ jobs: [`answer ${fetchMock.mock.calls.length}`] }));
    vi.stubGlobal('fetch', fetchMock);
    sendEarly('/api/prod/jobs', 15_000);
    expect(fetchMock).toHaveBeenCalledTimes(1);

    await expect(request({ base: '/api/prod', path: '/jobs', schema })).resolves.toEqual({
      jobs: ['answer 1'],
    });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    await expect(request({ base: '/api/prod', path: '/jobs', schema })).resolves.toEqual({
      jobs: ['answer 2'],
    });
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('are validated like any answer, and never used for a change or another URL', async () => {
    const fetchMock = vi.fn(async () => Response.json({ jobs: [1] }));
    vi.stubGlobal('fetch', fetchMock);
    sendEarly('/api/prod/jobs', 15_000);
    await expect(
      request({ base: '/api/prod', path: '/jobs', method: 'POST', body: {} }),
    ).resolves.toBeDefined();
    await expect(request({ base: '/api/other', path: '/jobs' })).resolves.toBeDefined();
    expect(fetchMock).toHaveBeenCalledTimes(3);
    await expect(request({ base: '/api/prod', path: '/jobs', schema })).rejects.toThrow('GET /jobs');
  });

  it('are not trusted once older than 10 s', () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Response.json({})),
    );
    sendEarly('/api/prod/overview', 15_000);
    expect(takeEarly('/api/prod/overview', Date.now() + 10_001)).toBeUndefined();
    expect(takeEarly('/api/prod/overview')).toBeUndefined(); // taken (and dropped) already
  });

  it('keep the request’s own timeout when the server never answers', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise<Response>(() => undefined)),
    );
    sendEarly('/api/prod/config', 15_000);
    const error = await request({ base: '/api/prod', path: '/config', timeoutMs: 30 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toContain('GET /config');
  });

  it('report a failed connection as the endpoint’s network error, and never as unhandled', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    sendEarly('/api/prod/config', 15_000);
    sendEarly('/api/unknown/config', 15_000); // nobody asks for this one
    const error = await request({ base: '/api/prod', path: '/config' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toContain('GET /config');
  });
});
