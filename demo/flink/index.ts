// Starts the demo Flink JobManager REST API on a port (0 = any free port).
import { startHttpServer } from './http/server.ts';
import { Cluster } from './model/cluster.ts';
import type { DemoFlinkVersion } from './model/config.ts';
import { buildRouter } from './routes/index.ts';
import type { Api } from './routes/api.ts';

export { DEMO_JOB_NAMES, DEMO_JOBS } from './model/specs.ts';
export { LARGE_JOB_NAMES } from './model/large-specs.ts';
export { stableHexId } from './util/rng.ts';

export interface FlinkDemoOptions {
  host?: string;
  port?: number;
  seed?: number;
  scale?: 'normal' | 'large';
  flameGraphs?: boolean;
  /** execution.checkpointing.savepoint-dir; null = not configured (savepoints need a target directory). */
  defaultSavepointDir?: string | null;
  /** metrics.fetcher.update-interval in ms (default 10 s, as in Flink); 0 = metrics change on every request. */
  metricFetchIntervalMs?: number;
  /** The Flink version to imitate: its version string and version-specific answers (default 2.2). */
  flinkVersion?: DemoFlinkVersion;
  /** Clock, for tests (default Date.now). */
  now?: () => number;
  /** Called when the cluster shut itself down (DELETE /cluster). */
  onShutdown?: () => void;
}

export interface FlinkDemo {
  url: string;
  cluster: Cluster;
  /** Every route served (without the /v1 prefix, which is served too). */
  routes: { method: string; path: string }[];
  close(): Promise<void>;
}

export const DEFAULT_SEED = 42;

export async function startFlinkDemo(opts: FlinkDemoOptions = {}): Promise<FlinkDemo> {
  const cluster = new Cluster({
    seed: opts.seed ?? DEFAULT_SEED,
    scale: opts.scale ?? 'normal',
    flameGraphs: opts.flameGraphs ?? true,
    defaultSavepointDir:
      opts.defaultSavepointDir === undefined ? 'file:/tmp/flink-savepoints' : opts.defaultSavepointDir,
    ...(opts.metricFetchIntervalMs !== undefined
      ? { metricFetchIntervalMs: opts.metricFetchIntervalMs }
      : {}),
    now: opts.now ?? Date.now,
    ...(opts.flinkVersion ? { flinkVersion: opts.flinkVersion } : {}),
  });
  let port = 0;
  const api: Api = {
    cluster,
    backPressureSince: new Map(),
    flameGraphSince: new Map(),
    restPort: () => port,
  };
  const router = buildRouter(api);
  let shutDown = false;
  const server = await startHttpServer(router, opts.host ?? '127.0.0.1', opts.port ?? 0, () => {
    if (!cluster.shutdownRequested || shutDown) return false;
    shutDown = true;
    setImmediate(() => opts.onShutdown?.());
    return true;
  });
  port = server.port;
  return {
    url: server.url,
    cluster,
    routes: router.list().map((r) => ({ method: r.method, path: r.path })),
    close: server.close,
  };
}
