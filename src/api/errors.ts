/** Every failure of a cluster call names the endpoint it came from, so the page can say what broke. */
export abstract class ApiError extends Error {
  abstract readonly kind: 'http' | 'network' | 'timeout' | 'invalid';
  constructor(
    /** The endpoint template, e.g. `GET /jobs/:jobid/checkpoints`. */
    readonly endpoint: string,
    message: string,
  ) {
    super(`${endpoint}: ${message}`);
  }
  /** True when the cluster (or the way to it) is down, rather than the answer being wrong. */
  get isOutage(): boolean {
    return false;
  }
  /**
   * Set when the cluster said it cannot answer this endpoint at all as it is set up (a feature
   * switched off, a scheduler without it, an API this version lacks): asking again only gets the
   * same answer, so such a query is asked once and not polled (see src/app/query-client.ts).
   */
  get notSupported(): NotSupportedReason | undefined {
    return undefined;
  }
}

/**
 * - `unsupported`: a 500 whose cause is Flink's `UnsupportedOperationException` ("The
 *   DefaultScheduler does not support changing the parallelism…"), or a 501.
 * - `no-route`: Flink's router or static file handler has nothing at this path: the feature is off
 *   (`rest.profiling.enabled: false`) or this version lacks the endpoint.
 * - `disabled`: the cluster names the feature as disabled or not enabled (checkpointing not
 *   enabled for the job; Flink's 503 "Rescaling is temporarily disabled").
 */
export type NotSupportedReason = 'unsupported' | 'no-route' | 'disabled';

/** The cluster answered with an error status; Flink puts its messages in `{"errors": [...]}`. */
export class HttpError extends ApiError {
  readonly kind = 'http';
  constructor(
    endpoint: string,
    readonly status: number,
    readonly errors: string[],
  ) {
    super(endpoint, `HTTP ${status}${errors.length ? ` — ${headline(errors)}` : ''}`);
  }
  /** 502/504 come from our proxy when the cluster did not answer. (Flink uses 503 for disabled features.) */
  override get isOutage() {
    return this.status === 502 || this.status === 504;
  }
  override get notSupported() {
    return notSupportedReason(this.status, this.errors);
  }
}

/** Flink's router (`Not found: /path`) and web UI file handler (`Unable to load requested file /path.`). */
const NO_ROUTE = /^(Not found: \/|Unable to load requested file \/)/;
const UNSUPPORTED = /UnsupportedOperationException|does not support|is not supported/i;
const NOT_ENABLED = /checkpointing (has not been|is not) enabled|is (temporarily )?disabled/i;

/** The one rule for "this cluster cannot answer this endpoint as it is set up". */
export function notSupportedReason(
  status: number,
  errors: readonly string[],
): NotSupportedReason | undefined {
  if (status === 501) return 'unsupported';
  if (status === 404 && errors.some((e) => NO_ROUTE.test(e.trim()))) return 'no-route';
  // A 503 is also Flink's "leader election in progress": only one that names a disabled feature counts.
  if ((status === 404 || status === 503) && errors.some((e) => NOT_ENABLED.test(e))) return 'disabled';
  if (status === 500 && errors.some((e) => UNSUPPORTED.test(e))) return 'unsupported';
  return undefined;
}

/** Whether `error` is the cluster's "not supported here" (see {@link ApiError.notSupported}). */
export function isNotSupported(error: unknown): boolean {
  return isApiError(error) && error.notSupported !== undefined;
}

/**
 * The message worth showing: Flink's 500s say "Internal server error." first and put the real
 * cause (often a whole stack trace) second.
 */
function headline(errors: string[]): string {
  const generic = /^internal server error\.?$/i.test(errors[0]?.trim() ?? '');
  const text = (generic && errors[1] ? errors[1] : (errors[0] ?? '')).trim();
  const lines = text.split('\n').map((l) => l.trim());
  return (lines.find((l) => l !== '' && !/^<Exception on server side:?$/.test(l)) ?? '').slice(0, 300);
}

export class NetworkError extends ApiError {
  readonly kind = 'network';
  constructor(endpoint: string, cause: unknown) {
    super(endpoint, `network failure (${cause instanceof Error ? cause.message : String(cause)})`);
  }
  override get isOutage() {
    return true;
  }
}

export class TimeoutError extends ApiError {
  readonly kind = 'timeout';
  constructor(
    endpoint: string,
    readonly timeoutMs: number,
  ) {
    super(endpoint, `no answer within ${Math.round(timeoutMs / 1000)} s`);
  }
  override get isOutage() {
    return true;
  }
}

/** The answer arrived but is not what the endpoint promises (wrong type, missing field, not JSON). */
export class InvalidResponseError extends ApiError {
  readonly kind = 'invalid';
  constructor(
    endpoint: string,
    /** Dotted path of the offending field, e.g. `vertices[0].parallelism`; empty for the whole body. */
    readonly field: string,
    readonly detail: string,
  ) {
    super(endpoint, field ? `unexpected value at "${field}": ${detail}` : detail);
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** Pulls Flink's `{"errors": [...]}` (or SeaTunnel's `{"message": ...}`) out of an error body. */
export function errorMessagesFromBody(body: string): string[] {
  const trimmed = body.trim();
  if (!trimmed) return [];
  try {
    const json: unknown = JSON.parse(trimmed);
    if (json && typeof json === 'object') {
      const o = json as Record<string, unknown>;
      if (Array.isArray(o.errors)) return o.errors.map((e) => String(e));
      if (typeof o.message === 'string') return [o.message];
      if (typeof o.errorMsg === 'string') return [o.errorMsg];
    }
  } catch {
    // not JSON: fall through to the raw text
  }
  if (/^\s*</.test(trimmed)) return ['the server answered with an HTML page'];
  return [trimmed.slice(0, 500)];
}
