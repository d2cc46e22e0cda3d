import type * as z from 'zod/mini';
import { parseJsonLossless } from '@/lib/lossless-json';
import { buildPath, buildQuery, DEFAULT_TIMEOUT_MS, validate, type QueryValue } from '../http';
import {
  errorMessagesFromBody,
  HttpError,
  InvalidResponseError,
  NetworkError,
  TimeoutError,
} from '../errors';

/*
 * POST with a body that is already text. http.ts `request()` always JSON.stringify's its body,
 * which cannot write a 64-bit id as a bare number (stop-job, stop-jobs) nor send a HOCON/SQL job
 * config. Same contract as `request()`: cluster prefix, timeout, typed errors naming the endpoint,
 * lossless JSON, schema check.
 * TODO(http.ts): once `request()` accepts pre-serialised text, call it and delete this file.
 */

export interface TextBodyRequest<S extends z.ZodMiniType> {
  base: string;
  path: string;
  params?: Record<string, string | number>;
  query?: Record<string, QueryValue>;
  bodyText: string;
  contentType: string;
  schema: S;
  signal?: AbortSignal | undefined;
  timeoutMs?: number;
}

export async function postText<S extends z.ZodMiniType>(options: TextBodyRequest<S>): Promise<z.infer<S>> {
  const endpoint = `POST ${options.path}`;
  const url = `${options.base}${buildPath(options.path, options.params)}${buildQuery(options.query)}`;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException('timeout', 'TimeoutError')), timeoutMs);
  const onAbort = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onAbort, { once: true });
  let response: Response;
  let text: string;
  try {
    // eslint-disable-next-line no-restricted-syntax -- request() cannot send pre-serialised text yet (see above)
    response = await fetch(url, {
      method: 'POST',
      signal: controller.signal,
      headers: { accept: 'application/json', 'content-type': options.contentType },
      body: options.bodyText,
    });
    text = await response.text();
  } catch (e) {
    if (options.signal?.aborted) throw e;
    if (controller.signal.aborted) throw new TimeoutError(endpoint, timeoutMs);
    throw new NetworkError(endpoint, e);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
  if (!response.ok) throw new HttpError(endpoint, response.status, errorMessagesFromBody(text));
  if (text.trim() === '') throw new InvalidResponseError(endpoint, '', 'the answer was empty');
  let json: unknown;
  try {
    json = parseJsonLossless(text);
  } catch {
    throw new InvalidResponseError(endpoint, '', 'the answer is not valid JSON');
  }
  return validate(endpoint, options.schema, json);
}
