import { afterEach, describe, expect, it, vi } from 'vitest';
import { HttpError, InvalidResponseError, NetworkError, TimeoutError } from '../errors';
import { uploadJarWithProgress } from './upload-jar-with-progress';

type Outcome = { status: number; body: string } | 'network' | 'timeout' | 'hang';

/** XMLHttpRequest stand-in: reports progress, then answers with `outcome`. */
function stubXhr(outcome: Outcome) {
  const made: FakeXhr[] = [];
  class FakeXhr {
    upload = { onprogress: null as ((e: ProgressEvent) => void) | null };
    onload: (() => void) | null = null;
    onerror: (() => void) | null = null;
    ontimeout: (() => void) | null = null;
    onabort: (() => void) | null = null;
    status = 0;
    responseText = '';
    timeout = 0;
    url = '';
    headers: Record<string, string> = {};
    body: FormData | undefined;
    open(_method: string, url: string) {
      this.url = url;
    }
    setRequestHeader(k: string, v: string) {
      this.headers[k] = v;
    }
    send(body: FormData) {
      this.body = body;
      made.push(this);
      queueMicrotask(() => {
        this.upload.onprogress?.({ loaded: 5, total: 10, lengthComputable: true } as ProgressEvent);
        if (outcome === 'hang') return;
        if (outcome === 'network') return this.onerror?.();
        if (outcome === 'timeout') return this.ontimeout?.();
        this.upload.onprogress?.({ loaded: 10, total: 10, lengthComputable: true } as ProgressEvent);
        this.status = outcome.status;
        this.responseText = outcome.body;
        this.onload?.();
      });
    }
    abort() {
      queueMicrotask(() => this.onabort?.());
    }
  }
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  return made;
}

afterEach(() => vi.unstubAllGlobals());

const jar = () => new Blob([new Uint8Array([0x50, 0x4b])]);

describe('uploadJarWithProgress', () => {
  it('posts the jar as multipart field "jarfile" through the proxy, reports progress, returns the jar id', async () => {
    const made = stubXhr({
      status: 200,
      body: JSON.stringify({
        filename: '/tmp/flink-web-upload/997ffe54-b0f9-4d5d-9251-19f7c47fb892_jobs.jar',
        status: 'success',
      }),
    });
    const progress: number[] = [];
    const res = await uploadJarWithProgress('prod eu', jar(), 'jobs.jar', {
      onProgress: (p) => progress.push(p.loaded),
    });
    expect(res.jarId).toBe('997ffe54-b0f9-4d5d-9251-19f7c47fb892_jobs.jar');
    expect(progress).toEqual([5, 10]);
    expect(made[0]?.url).toBe('/api/prod%20eu/jars/upload');
    const part = made[0]?.body?.get('jarfile') as File;
    expect(part.name).toBe('jobs.jar');
    expect(part.type).toBe('application/x-java-archive');
  });

  it('carries Flink’s messages on an HTTP error', async () => {
    stubXhr({ status: 400, body: '{"errors":["Only Jar files are allowed."]}' });
    const e = (await uploadJarWithProgress('c', jar(), 'x.txt').catch((err: unknown) => err)) as HttpError;
    expect(e).toBeInstanceOf(HttpError);
    expect(e.status).toBe(400);
    expect(e.errors).toEqual(['Only Jar files are allowed.']);
    expect(e.message).toContain('POST /jars/upload');
  });

  it('reports the proxy’s 413 (too big) as an HTTP error, not an outage', async () => {
    stubXhr({ status: 413, body: '{"errors":["upload larger than 536870912 bytes"]}' });
    const e = (await uploadJarWithProgress('c', jar(), 'big.jar').catch((err: unknown) => err)) as HttpError;
    expect(e.status).toBe(413);
    expect(e.isOutage).toBe(false);
  });

  it('turns network failures and timeouts into outages', async () => {
    stubXhr('network');
    await expect(uploadJarWithProgress('c', jar(), 'a.jar')).rejects.toBeInstanceOf(NetworkError);
    stubXhr('timeout');
    const t = await uploadJarWithProgress('c', jar(), 'a.jar', { timeoutMs: 50 }).catch(
      (err: unknown) => err,
    );
    expect(t).toBeInstanceOf(TimeoutError);
    expect((t as TimeoutError).isOutage).toBe(true);
  });

  it('rejects an HTML page or a wrong shape with the field named', async () => {
    stubXhr({ status: 200, body: '<html>login</html>' });
    await expect(uploadJarWithProgress('c', jar(), 'a.jar')).rejects.toThrow(/HTML page instead of JSON/);
    stubXhr({ status: 200, body: '{"status":"success"}' });
    const e = (await uploadJarWithProgress('c', jar(), 'a.jar').catch(
      (err: unknown) => err,
    )) as InvalidResponseError;
    expect(e).toBeInstanceOf(InvalidResponseError);
    expect(e.field).toBe('filename');
  });

  it('stops when the caller aborts', async () => {
    stubXhr('hang');
    const controller = new AbortController();
    const pending = uploadJarWithProgress('c', jar(), 'a.jar', { signal: controller.signal });
    controller.abort(new DOMException('stop', 'AbortError'));
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});
