// The embedded demo cluster: a simulated Flink 2.2 JobManager REST API and, when its module is
// present, the SeaTunnel demo. Used when no cluster is configured, by fast tests and benchmarks.
import { startDemoHistoryServer } from './flink/history-server.ts';
import { startFlinkDemo } from './flink/index.ts';
import type { DemoFlinkVersion } from './flink/model/config.ts';
import { startDemoSeaTunnel } from './seatunnel/index.ts';

export interface DemoOptions {
  host?: string;
  flinkPort?: number;
  seatunnelV2Port?: number;
  seatunnelV1Port?: number;
  scale?: 'normal' | 'large';
  flameGraphs?: boolean;
  seed?: number;
  /** The Flink version the demo imitates (`--flink-version 1.20|2.2|2.3`; default 2.2). */
  flinkVersion?: DemoFlinkVersion;
  /** execution.checkpointing.savepoint-dir of the demo Flink; null = not configured. */
  defaultSavepointDir?: string | null;
}

export interface DemoCluster {
  flinkUrl: string;
  /** The demo Flink's History Server (its ended jobs, as a real one serves them). */
  historyUrl: string;
  seatunnelV2Url?: string;
  seatunnelV1Url?: string;
  close(): Promise<void>;
}

interface SeaTunnelDemo {
  v2Url: string;
  v1Url: string;
  close(): Promise<void>;
}

type StartSeaTunnel = (opts: { v2Port?: number; v1Port?: number; host?: string }) => Promise<SeaTunnelDemo>;

/** Static import: the demo is also bundled into vite.config, where a runtime URL import cannot load .ts. */
async function loadSeaTunnel(): Promise<StartSeaTunnel | undefined> {
  return startDemoSeaTunnel;
}

export async function startDemoCluster(opts: DemoOptions = {}): Promise<DemoCluster> {
  const host = opts.host ?? '127.0.0.1';
  const flink = await startFlinkDemo({
    host,
    port: opts.flinkPort ?? 0,
    scale: opts.scale ?? 'normal',
    flameGraphs: opts.flameGraphs ?? true,
    ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
    ...(opts.flinkVersion ? { flinkVersion: opts.flinkVersion } : {}),
    ...(opts.defaultSavepointDir !== undefined ? { defaultSavepointDir: opts.defaultSavepointDir } : {}),
  });
  const history = await startDemoHistoryServer(flink.url, host);
  let seatunnel: SeaTunnelDemo | undefined;
  try {
    const start = await loadSeaTunnel();
    if (start)
      seatunnel = await start({ host, v2Port: opts.seatunnelV2Port ?? 0, v1Port: opts.seatunnelV1Port ?? 0 });
  } catch (e) {
    await Promise.all([flink.close(), history.close()]);
    throw e;
  }
  const cluster: DemoCluster = {
    flinkUrl: flink.url,
    historyUrl: history.url,
    async close() {
      await Promise.all([flink.close(), history.close(), seatunnel?.close()]);
    },
  };
  if (seatunnel) {
    cluster.seatunnelV2Url = seatunnel.v2Url;
    cluster.seatunnelV1Url = seatunnel.v1Url;
  }
  return cluster;
}
