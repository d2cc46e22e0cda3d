// The SeaTunnel half of the demo cluster: a fake Zeta 2.3.12 node serving REST
// v2 (Jetty) and REST v1 (Hazelcast) on separate ports over one engine state.
import { DemoEngine, type Member } from './engine.ts';
import { closeServer, listen } from './http-common.ts';
import { seedJobs } from './seed-jobs.ts';
import { createV1Server } from './server-v1.ts';
import { createV2Server } from './server-v2.ts';

export { SEATUNNEL_DEMO_JOBS, MULTI_TABLE_TABLES } from './seed-jobs.ts';

export interface DemoSeaTunnelOptions {
  host?: string;
  v2Port?: number;
  v1Port?: number;
  contextPath?: string;
  seed?: number;
  scale?: 'normal' | 'large';
}

/** "/seatunnel/" and "seatunnel" both mean "/seatunnel"; "/" means none. */
function normalizeContextPath(p: string | undefined): string {
  const trimmed = (p ?? '').replace(/\/+$/, '');
  if (trimmed === '') return '';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

export async function startDemoSeaTunnel(
  opts: DemoSeaTunnelOptions = {},
): Promise<{ v2Url: string; v1Url: string; close(): Promise<void> }> {
  const host = opts.host ?? '127.0.0.1';
  const contextPath = normalizeContextPath(opts.contextPath);
  const now = Date.now();
  // Two members on one box; the second answers to "localhost" so log links from both stay reachable.
  const secondHost = host === '127.0.0.1' ? 'localhost' : host;
  const members: Member[] = [
    {
      index: 0,
      host,
      hzPort: 5801,
      isMaster: true,
      tags: [['node', 'node1']],
      slots: 8,
      startedAt: now - 3 * 3600_000,
    },
    {
      index: 1,
      host: secondHost,
      hzPort: 5802,
      isMaster: false,
      tags: [['node', 'node2']],
      slots: 8,
      startedAt: now - 3 * 3600_000 + 9_000,
    },
  ];
  const engine = new DemoEngine(members, opts.seed ?? 42);
  seedJobs(engine, opts.scale ?? 'normal');

  let v2Port = 0;
  const site = () => ({ v2Port, contextPath });
  const v2 = createV2Server(engine, contextPath, site);
  const v1 = createV1Server(engine, site);
  v2Port = await listen(v2, host, opts.v2Port ?? 8080);
  let v1Port: number;
  try {
    v1Port = await listen(v1, host, opts.v1Port ?? 5801);
  } catch (e) {
    await closeServer(v2);
    throw e;
  }
  // The engine reports the real member port, so the local member shows the v1 port.
  if (members[0]) members[0].hzPort = v1Port;

  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    v2Url: `http://${urlHost}:${v2Port}${contextPath}`,
    v1Url: `http://${urlHost}:${v1Port}`,
    close: async () => {
      await Promise.all([closeServer(v2), closeServer(v1)]);
    },
  };
}
