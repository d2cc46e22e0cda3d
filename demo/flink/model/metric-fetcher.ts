// Flink's JobManager serves task, task manager and job manager metrics from a store that its
// MetricFetcher refreshes at most every `metrics.fetcher.update-interval` (10 s by default), and
// only when a request asks for metrics: the request that finds the store older than the interval
// starts a fetch and is answered from the store as it is; later requests see the new values.
// So through REST, counters (numRecordsIn, accumulated times, GC counts…) and the meters derived
// from them change in steps, at most every interval — dashboards must not read a rate per poll.

export const DEFAULT_METRIC_FETCH_INTERVAL_MS = 10_000;

export class MetricFetcher {
  private storeAt: number | undefined;
  private lastFetch = -Infinity;
  /** What the request that started the last fetch was answered from. */
  private servedAtFetch = 0;

  constructor(readonly intervalMs: number = DEFAULT_METRIC_FETCH_INTERVAL_MS) {}

  /**
   * The instant the metrics served to a request at `now` were measured. A request reads the clock
   * once: every call with the same `now` gets the same answer.
   */
  at(now: number): number {
    if (this.intervalMs <= 0) return now;
    if (this.storeAt === undefined || now < this.lastFetch) {
      // First request (the demo's store is filled from the start), or a test clock moved back.
      this.storeAt = this.servedAtFetch = this.lastFetch = now;
      return now;
    }
    if (now === this.lastFetch) return this.servedAtFetch;
    if (now - this.lastFetch > this.intervalMs) {
      this.servedAtFetch = this.storeAt;
      this.lastFetch = this.storeAt = now; // the fetch completes before the next request
      return this.servedAtFetch;
    }
    return this.storeAt;
  }
}
