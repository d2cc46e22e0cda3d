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
}

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
