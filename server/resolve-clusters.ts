import { loadConfig, withHistoryClusters, type DashboardConfig } from './cluster-config.ts';

export interface ResolvedConfig {
  config: DashboardConfig;
  /** Stops the embedded demo cluster when one was started. */
  close(): Promise<void>;
}

/**
 * The user's clusters, or, when none are configured, the embedded demo cluster
 * started in this process so a fresh checkout shows a working dashboard.
 */
export async function resolveClusters(log: (line: string) => void = console.log): Promise<ResolvedConfig> {
  const config = loadConfig();
  if (config.clusters.length > 0 || process.env.DASHBOARD_NO_DEMO === 'true') {
    return { config, close: async () => {} };
  }
  const { startDemoCluster } = await import('../demo/index.ts');
  const demo = await startDemoCluster({ host: '127.0.0.1' });
  config.clusters.push(
    ...withHistoryClusters([
      { id: 'demo', name: 'Demo Flink', kind: 'flink', url: demo.flinkUrl, historyUrl: demo.historyUrl },
    ]),
  );
  if (demo.seatunnelV2Url) {
    config.clusters.push({
      id: 'demo-seatunnel',
      name: 'Demo SeaTunnel',
      kind: 'seatunnel',
      url: demo.seatunnelV2Url,
      // Known, so the browser does not probe (and log a 404 for) the other flavour on every load.
      flavour: 'v2',
    });
  }
  if (demo.seatunnelV1Url) {
    config.clusters.push({
      id: 'demo-seatunnel-v1',
      name: 'Demo SeaTunnel (REST v1)',
      kind: 'seatunnel',
      url: demo.seatunnelV1Url,
      flavour: 'v1',
    });
  }
  log(`No cluster configured: started the embedded demo cluster (Flink at ${demo.flinkUrl}).`);
  return { config, close: () => demo.close() };
}
