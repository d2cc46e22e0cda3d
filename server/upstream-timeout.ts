/**
 * How long the proxy waits for a cluster. Flink answers a jar's plan and run by executing the jar's
 * main() on the JobManager, which takes seconds to minutes (its own limit is `web.timeout`, 10 min
 * by default); every other call keeps the configured `upstreamTimeoutMs`.
 */
export const JAR_EXECUTION_TIMEOUT_MS = 120_000; // the browser waits as long (client-jars.ts)

const RUNS_JAR_MAIN = /^\/(v1\/)?jars\/[^/]+\/(plan|run)(\?|$)/;

export function upstreamTimeoutMs(path: string, configuredMs: number): number {
  return RUNS_JAR_MAIN.test(path) ? Math.max(configuredMs, JAR_EXECUTION_TIMEOUT_MS) : configuredMs;
}
