import { writeFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { freePort, killTree, spawnWithJsonLine, waitForHttp } from './processes';
import { FLINK_MATRIX, matrixClusterId } from './flink-matrix';
import { writeState, type E2EState, type RealFlinkState } from './state';

interface DemoInfo {
  flinkUrl: string;
  seatunnelV2Url?: string;
  seatunnelV1Url?: string;
}

const TSX = resolve('node_modules/.bin/tsx');

export async function startDemoProcess(args: string[] = []) {
  return spawnWithJsonLine<DemoInfo>(TSX, ['demo/main.ts', ...args]);
}

/**
 * Starts the demo clusters, the real Flink and SeaTunnel (unless E2E_REAL=0), and the production
 * server with a config naming all of them, exactly as a user would run it.
 */
export default async function globalSetup() {
  const started: number[] = [];
  try {
    const demo = await startDemoProcess([
      '--port',
      '0',
      '--seatunnel-v2-port',
      '0',
      '--seatunnel-v1-port',
      '0',
    ]);
    started.push(demo.child.pid ?? 0);
    const outagePort = await freePort();
    const outage = await startDemoProcess([
      '--port',
      String(outagePort),
      '--seatunnel-v2-port',
      '0',
      '--seatunnel-v1-port',
      '0',
    ]);
    started.push(outage.child.pid ?? 0);
    // --- demo-noflame (issue 6: flame graph e2e): a demo with rest.flamegraph.enabled: false ---
    const noFlame = await startDemoProcess([
      '--port',
      '0',
      '--seatunnel-v2-port',
      '0',
      '--seatunnel-v1-port',
      '0',
      '--no-flame-graphs',
    ]);
    started.push(noFlame.child.pid ?? 0);
    process.once('exit', () => killTree(noFlame.child.pid)); // teardown runs in this process
    // --- end demo-noflame ---
    // --- demo-restart (issue 15: a JobManager restart without HA; e2e/demo/lost-job.spec.ts restarts it with another seed) ---
    const restartPort = await freePort();
    const restartDemo = await startDemoProcess([
      '--port',
      String(restartPort),
      '--seatunnel-v2-port',
      '0',
      '--seatunnel-v1-port',
      '0',
    ]);
    started.push(restartDemo.child.pid ?? 0);
    // --- end demo-restart ---

    const clusters: object[] = [
      { id: 'demo', name: 'Demo Flink', kind: 'flink', url: demo.info.flinkUrl },
      ...(demo.info.seatunnelV2Url
        ? [{ id: 'demo-seatunnel', name: 'Demo SeaTunnel', kind: 'seatunnel', url: demo.info.seatunnelV2Url }]
        : []),
      ...(demo.info.seatunnelV1Url
        ? [
            {
              id: 'demo-seatunnel-v1',
              name: 'Demo SeaTunnel v1',
              kind: 'seatunnel',
              // As SeaTunnel's docs print a v1 address: the suffix alone says REST v1 (no v2 probe).
              url: `${demo.info.seatunnelV1Url}/hazelcast/rest/maps`,
            },
          ]
        : []),
      { id: 'outage', name: 'Outage demo', kind: 'flink', url: outage.info.flinkUrl },
      {
        id: 'demo-noflame',
        name: 'Demo Flink (flame graphs disabled)',
        kind: 'flink',
        url: noFlame.info.flinkUrl,
      }, // issue 6
      {
        id: 'demo-restart',
        name: 'Demo Flink (restarts without HA)',
        kind: 'flink',
        url: restartDemo.info.flinkUrl,
      }, // issue 15
    ];
    const real: NonNullable<E2EState['real']> = {};
    if (process.env.E2E_REAL !== '0') {
      const [{ startRealFlink }, { startRealSeaTunnel }, prometheus] = await Promise.all([
        import('../real/flink-cluster'),
        import('../real/seatunnel-cluster'),
        import('../real/prometheus'),
      ]);
      // Flink's Prometheus reporter: one port per JVM (job manager, two task managers, one spare).
      const reporterPorts = await prometheus.freePortRange(4);
      const { FLINK_VERSION, flinkMinor } = await import('../real/flink-cluster');
      const newest = flinkMinor(FLINK_VERSION);
      // The other matrix versions: one task manager with 8 slots each (the 4 workloads and the
      // operations specs' victims fit), started alongside, so 3 clusters take ~9 GB, not 11.
      const others = FLINK_MATRIX.filter((m) => m !== newest);
      // --- seatunnel versions (issue 17): one node per version, started in parallel (1 GB heap each) ---
      const seatunnelVersions = ['2.3.13', '2.3.8'] as const;
      const t0 = Date.now();
      const [flink, seatunnels, matrix] = await Promise.all([
        startRealFlink({
          log: (s) => console.log(`[flink ${newest}] ${s}`),
          config: prometheus.prometheusReporterConfig(reporterPorts),
        }),
        Promise.all(
          seatunnelVersions.map((version) =>
            startRealSeaTunnel({ version, log: (s) => console.log(`[seatunnel ${version}] ${s}`) }),
          ),
        ),
        Promise.all(
          others.map((m) =>
            startRealFlink({
              version: m,
              log: (s) => console.log(`[flink ${m}] ${s}`),
              taskManagers: 1,
              gentleJobs: true,
              config: { 'taskmanager.numberOfTaskSlots': 8, 'taskmanager.memory.process.size': '1536m' },
            }),
          ),
        ),
      ]);
      console.log(`[e2e] real clusters up in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      const seatunnel = seatunnels[0]!; // the newest: the full page suite runs on it
      const stopSeaTunnels = { stop: () => Promise.all(seatunnels.map((n) => n.stop())).then(() => {}) };
      // --- end seatunnel versions ---
      const prom = await prometheus.startPrometheus(
        reporterPorts.map((p) => `127.0.0.1:${p}`),
        { log: (s) => console.log(`[prometheus] ${s}`) },
      );
      // Teardown runs in this same process: it stops these handles (their own exit hooks are the backstop).
      (globalThis as { __streamdashReal?: unknown }).__streamdashReal = {
        flink,
        seatunnel: stopSeaTunnels,
        prom,
        matrix,
      };
      real.flink = { url: flink.url, jobs: flink.jobs, jarPath: flink.jarPath, prometheusUrl: prom.url };
      real.flinkMatrix = {};
      for (const c of [flink, ...matrix]) {
        const minor = flinkMinor(c.version);
        const entry: RealFlinkState = {
          version: c.version,
          clusterId: matrixClusterId(minor),
          url: c.url,
          jobs: c.jobs,
          jarPath: c.jarPath,
        };
        real.flinkMatrix[minor] = entry;
        // Out of triage: every page polls each monitored cluster, and these only serve their own specs.
        clusters.push({
          id: entry.clusterId,
          name: `Real Flink ${c.version}`,
          kind: 'flink',
          url: c.url,
          monitor: false,
        });
      }
      real.seatunnel = {
        ...(seatunnel.hasRestV2 ? { v2Url: seatunnel.v2Url } : {}),
        v1Url: seatunnel.v1Url,
        version: seatunnel.version,
      };
      clusters.push({
        id: 'real-flink',
        name: 'Real Flink',
        kind: 'flink',
        url: flink.url,
        prometheusUrl: prom.url,
      });
      // --- seatunnel versions (issue 17): a cluster per version and REST flavour ---
      real.seatunnelTargets = seatunnels.flatMap((node) => {
        // The newest keeps the historic ids; older versions carry theirs (real-seatunnel-238-v1).
        const suffix = node === seatunnel ? '' : `-${node.version.replace(/\./g, '')}`;
        const v2 = node.hasRestV2
          ? [{ clusterId: `real-seatunnel${suffix}`, flavour: 'v2' as const, apiUrl: node.v2Url }]
          : [];
        const v1 = [{ clusterId: `real-seatunnel${suffix}-v1`, flavour: 'v1' as const, apiUrl: node.v1Url }];
        return [...v2, ...v1].map((t) => ({ ...t, version: node.version }));
      });
      for (const t of real.seatunnelTargets) {
        clusters.push({
          id: t.clusterId,
          name: `Real SeaTunnel ${t.version} ${t.flavour}`,
          kind: 'seatunnel',
          url: t.apiUrl,
          // A v1 URL ends in /hazelcast/rest/maps, as a user pastes it: that alone makes it REST v1.
          ...(t.flavour === 'v2' ? { flavour: t.flavour } : {}),
          // Only the full page suite's node is in triage (each monitored cluster costs every page polls).
          ...(t.clusterId === 'real-seatunnel' ? {} : { monitor: false }),
        });
      }
      // --- end seatunnel versions ---
    }

    const dir = resolve('.cache/e2e');
    mkdirSync(dir, { recursive: true });
    const configFile = resolve(dir, 'dashboard.config.json');
    writeFileSync(configFile, JSON.stringify({ clusters, upstreamTimeoutMs: 10_000 }, null, 2));
    const port = await freePort();
    const { spawn } = await import('node:child_process');
    const server = spawn(TSX, ['server/main.ts'], {
      env: {
        ...process.env,
        PORT: String(port),
        DASHBOARD_CONFIG: configFile,
        FLINK_URL: '',
        SEATUNNEL_URL: '',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
      detached: true,
    });
    started.push(server.pid ?? 0);
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitForHttp(`${baseUrl}/api/clusters`);

    writeState({
      baseUrl,
      dashboardPid: server.pid,
      demo: { pid: demo.child.pid, ...demo.info },
      outageDemo: { pid: outage.child.pid, port: outagePort, flinkUrl: outage.info.flinkUrl },
      restartDemo: { pid: restartDemo.child.pid, port: restartPort, flinkUrl: restartDemo.info.flinkUrl }, // issue 15
      real,
    });
    process.env.E2E_BASE_URL = baseUrl;
  } catch (e) {
    started.forEach((pid) => killTree(pid));
    const { default: teardown } = await import('./global-teardown');
    await teardown();
    throw e;
  }
}
