import type { Plugin, PreviewServer, ViteDevServer } from 'vite';
import { createDashboardMiddleware } from './proxy.ts';
import { resolveClusters } from './resolve-clusters.ts';

/** Mounts the cluster proxy (and, with nothing configured, the demo cluster) in Vite's servers. */
export function dashboardPlugin(): Plugin {
  const mount = async (server: ViteDevServer | PreviewServer) => {
    const resolved = await resolveClusters((line) => server.config.logger.info(line));
    server.middlewares.use(createDashboardMiddleware(resolved.config));
    server.httpServer?.on('close', () => void resolved.close());
  };
  return {
    name: 'streamdash-clusters',
    configureServer: mount,
    configurePreviewServer: mount,
  };
}
