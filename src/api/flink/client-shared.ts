/** Every client call takes the dashboard's cluster id first and these options last. */
export type Opts = { signal?: AbortSignal | undefined };

/** All Flink calls go through the dashboard proxy: `/api/<clusterId>/<flink path>`. */
export const base = (c: string) => `/api/${encodeURIComponent(c)}`;

/** Text answers (logs, stdout, profiler output) can be large; give them longer than JSON calls. */
export const TEXT_TIMEOUT_MS = 60_000;

/** For endpoints that answer `{}` or nothing: callers only care that it succeeded. */
export const done = (): void => undefined;

/** `get=a,b` list, kept in the caller's order (keys sort their own copy). */
export interface MetricQuery {
  get?: readonly string[] | undefined;
}
