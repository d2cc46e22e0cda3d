import { afterEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { request } from './http';
import { HttpError, InvalidResponseError, NetworkError, TimeoutError } from './errors';

const schema = z.object({ jobs: z.array(z.object({ id: z.string(), n: z.number() })) });
const respond = (body: string, status = 200) =>
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(body, { status })),
  );

afterEach(() => vi.unstubAllGlobals());

describe('request', () => {
  it('builds the cluster URL with encoded params and query', async () => {
    const fetchMock = vi.fn(async (_url: string) => new Response('{"jobs":[]}'));
    vi.stubGlobal('fetch', fetchMock);
    await request({
      base: '/api/prod',
      path: '/jobs/:jobid/metrics',
      params: { jobid: 'a/b' },
      query: { get: ['x', 'y'], agg: undefined },
      schema,
    });
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/prod/jobs/a%2Fb/metrics?get=x%2Cy');
  });
  it('tolerates unknown extra fields', async () => {
    respond('{"jobs":[{"id":"a","n":1,"extra":true}],"more":1}');
    await expect(request({ base: '/api/c', path: '/jobs', schema })).resolves.toEqual({
      jobs: [{ id: 'a', n: 1 }],
    });
  });
  it('rejects a wrong type naming the endpoint and the field', async () => {
    respond('{"jobs":[{"id":"a","n":"1"}]}');
    const error = await request({ base: '/api/c', path: '/jobs', schema }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as InvalidResponseError).field).toBe('jobs[0].n');
    expect((error as Error).message).toContain('GET /jobs');
  });
  it('turns an HTML page with status 200 into a clear error', async () => {
    respond('<html><body>Login</body></html>');
    await expect(request({ base: '/api/c', path: '/jobs', schema })).rejects.toThrow(
      /HTML page instead of JSON/,
    );
  });
  it('carries Flink’s error messages on HTTP errors', async () => {
    respond('{"errors":["Job 123 not found"]}', 404);
    const error = (await request({ base: '/api/c', path: '/jobs/:jobid', params: { jobid: '123' } }).catch(
      (e: unknown) => e,
    )) as HttpError;
    expect(error).toBeInstanceOf(HttpError);
    expect(error.status).toBe(404);
    expect(error.errors).toEqual(['Job 123 not found']);
    expect(error.isOutage).toBe(false);
  });
  it('reports a proxy 502 and a failed fetch as outages', async () => {
    respond('{"errors":["cluster \\"c\\" did not answer: ECONNREFUSED"]}', 502);
    const e502 = (await request({ base: '/api/c', path: '/overview' }).catch((e: unknown) => e)) as HttpError;
    expect(e502.isOutage).toBe(true);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    const net = (await request({ base: '/api/c', path: '/overview' }).catch(
      (e: unknown) => e,
    )) as NetworkError;
    expect(net).toBeInstanceOf(NetworkError);
    expect(net.isOutage).toBe(true);
  });
  it('times out a request that never answers', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        (_url: string, init: RequestInit) =>
          new Promise((_, reject) => {
            init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
          }),
      ),
    );
    await expect(request({ base: '/api/c', path: '/overview', timeoutMs: 20 })).rejects.toBeInstanceOf(
      TimeoutError,
    );
  });
});

describe('Flink error bodies', () => {
  it('shows the real cause of a 500, not "Internal server error."', async () => {
    respond(
      '{"errors":["Internal server error.","<Exception on server side:\\norg.apache.flink.runtime.resourcemanager.exceptions.UnknownTaskExecutorException: No TaskExecutor registered under x.\\n\\tat ..."]}',
      500,
    );
    const error = (await request({ base: '/api/c', path: '/taskmanagers/:id', params: { id: 'x' } }).catch(
      (e: unknown) => e,
    )) as HttpError;
    expect(error.message).not.toContain('Internal server error');
    expect(error.message).toContain('UnknownTaskExecutorException: No TaskExecutor registered under x.');
    expect(error.errors).toHaveLength(2);
    expect(error.isOutage).toBe(false);
  });
  it('does not call a disabled feature (503) an outage', async () => {
    respond('{"errors":["Rescaling is temporarily disabled."]}', 503);
    const error = (await request({ base: '/api/c', path: '/jobs/:j/rescaling', params: { j: 'a' } }).catch(
      (e: unknown) => e,
    )) as HttpError;
    expect(error.isOutage).toBe(false);
  });
});
