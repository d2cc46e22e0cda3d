import type * as z from 'zod/mini';
import { parseJsonLossless } from '@/lib/lossless-json';
import { errorMessagesFromBody, HttpError, InvalidResponseError, NetworkError, TimeoutError } from './errors';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | undefined | null | readonly (string | number)[];

export interface RequestOptions<S extends z.ZodMiniType | undefined> {
  method?: HttpMethod;
  /** Endpoint template with `:params`, e.g. `/jobs/:jobid`; it names the endpoint in errors. */
  path: string;
  params?: Record<string, string | number>;
  query?: Record<string, QueryValue>;
  /** JSON body, or a FormData for uploads. */
  body?: unknown;
  /** A body already serialised (e.g. JSON with exact 64-bit ids, or a HOCON job config), sent as is. */
  bodyText?: { text: string; contentType: string };
  schema?: S;
  /** `text` for logs and other plain answers; `json-lossless` keeps 64-bit integers exact. */
  responseType?: 'json' | 'json-lossless' | 'text';
  signal?: AbortSignal | undefined;
  timeoutMs?: number;
  /** Request prefix: `/api/<clusterId>` for a cluster, `/prometheus/<clusterId>` for its Prometheus. */
  base: string;
  onUploadProgress?: never;
}

export const DEFAULT_TIMEOUT_MS = 15_000;

export function buildPath(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/:([a-zA-Z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${template}`);
    return encodeURIComponent(String(value));
  });
}

export function buildQuery(query: Record<string, QueryValue> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    search.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Formats the first schema issue as `field: problem`, for an error that points at the field. */
function describeIssue(error: z.core.$ZodError): { field: string; detail: string } {
  const issue = error.issues[0];
  if (!issue) return { field: '', detail: 'invalid response' };
  const field = issue.path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join('');
  return { field, detail: issue.message };
}

/** Validates a value against the endpoint's schema; the error names the endpoint and the field. */
export function validate<S extends z.ZodMiniType>(endpoint: string, schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data as z.infer<S>;
  const { field, detail } = describeIssue(result.error);
  throw new InvalidResponseError(endpoint, field, detail);
}

/**
 * The one place the app talks to the network: adds the cluster prefix, a timeout,
 * typed errors, and runtime validation of the answer.
 */
export async function request<S extends z.ZodMiniType | undefined = undefined>(
  options: RequestOptions<S>,
): Promise<S extends z.ZodMiniType ? z.infer<S> : unknown> {
  const method = options.method ?? 'GET';
  const endpoint = `${method} ${options.path}`;
  const url = `${options.base}${buildPath(options.path, options.params)}${buildQuery(options.query)}`;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException('timeout', 'TimeoutError')), timeoutMs);
  const onAbort = () => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onAbort, { once: true });

  const isForm = typeof FormData !== 'undefined' && options.body instanceof FormData;
  const body = options.bodyText
    ? options.bodyText.text
    : options.body === undefined
      ? undefined
      : isForm
        ? (options.body as FormData)
        : JSON.stringify(options.body);
  const contentType =
    options.bodyText?.contentType ?? (options.body !== undefined && !isForm ? 'application/json' : undefined);
  const early = method === 'GET' && body === undefined ? takeEarly(url) : undefined;
  let response: Response;
  let text: string;
  try {
    response = await (early
      ? untilAborted(early, controller.signal)
      : fetch(url, {
          method,
          signal: controller.signal,
          headers: {
            accept: options.responseType === 'text' ? 'text/plain, */*' : 'application/json',
            ...(contentType ? { 'content-type': contentType } : {}),
          },
          ...(body !== undefined ? { body } : {}),
        }));
    text = await response.text();
  } catch (e) {
    if (options.signal?.aborted) throw e;
    const earlyTimedOut = e instanceof DOMException && e.name === 'TimeoutError';
    if (controller.signal.aborted || earlyTimedOut) throw new TimeoutError(endpoint, timeoutMs);
    throw new NetworkError(endpoint, e);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }

  if (!response.ok) throw new HttpError(endpoint, response.status, errorMessagesFromBody(text));
  type Result = S extends z.ZodMiniType ? z.infer<S> : unknown;
  if (options.responseType === 'text') {
    return (options.schema ? validate(endpoint, options.schema, text) : text) as Result;
  }
  let json: unknown;
  if (text.trim() === '') {
    json = undefined;
  } else {
    try {
      json = options.responseType === 'json-lossless' ? parseJsonLossless(text) : JSON.parse(text);
    } catch {
      const html = /^\s*</.test(text);
      throw new InvalidResponseError(
        endpoint,
        '',
        html ? 'the server answered with an HTML page instead of JSON' : 'the answer is not valid JSON',
      );
    }
  }
  if (!options.schema) return json as Result;
  return validateJson(endpoint, options.schema, json) as Result;
}

/** An early answer (sendEarly, below) still obeys this request's timeout and cancellation. */
function untilAborted<T>(answer: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    answer.then(resolve, reject);
  });
}

function validateJson<S extends z.ZodMiniType>(endpoint: string, schema: S, json: unknown): z.infer<S> {
  if (json === undefined) throw new InvalidResponseError(endpoint, '', 'the answer was empty');
  return validate(endpoint, schema, json);
}

/**
 * `request` for a JSON endpoint the first page calls: `loadSchema` imports the schema module
 * (and zod with it) while the request is in flight, so neither is in the entry chunk.
 */
export async function requestWithLazySchema<S extends z.ZodMiniType>(
  options: Omit<RequestOptions<undefined>, 'schema' | 'responseType'>,
  loadSchema: () => Promise<S>,
): Promise<z.infer<S>> {
  const [schema, json] = await Promise.all([loadSchema(), request(options)]);
  return validateJson(`${options.method ?? 'GET'} ${options.path}`, schema, json);
}

/*
 * GET requests sent before the app's code has loaded. A page's first answers (the cluster list,
 * and for a Flink job page its config and details) go on the wire at once, ahead of the thirty or
 * so chunks that then compete for the browser's six connections per server; without this the
 * answers queued behind the code for half a second. `request` takes an early answer for
 * the same URL once, and only while it is fresh.
 */

const FRESH_MS = 10_000;

interface Early {
  sentAt: number;
  response: Promise<Response>;
}

const early = new Map<string, Early>();

export function sendEarly(url: string, timeoutMs: number): void {
  const response = fetch(url, {
    headers: { accept: 'application/json' },
    signal: AbortSignal.timeout(timeoutMs),
  });
  // Nobody may ask for it (an unknown cluster): its failure must not surface as unhandled.
  response.catch(() => undefined);
  early.set(url, { sentAt: Date.now(), response });
}

/** The early answer for `url`, once; undefined when there is none or it is too old to trust. */
export function takeEarly(url: string, now = Date.now()): Promise<Response> | undefined {
  const found = early.get(url);
  if (!found) return undefined;
  early.delete(url);
  return now - found.sentAt <= FRESH_MS ? found.response : undefined;
}
