import type { Plugin, PreviewServer, ViteDevServer } from 'vite';
import { loadConfig } from './cluster-config.ts';
import { createDashboardMiddleware } from './proxy.ts';
import { splitHost } from './request-checks.ts';
import { resolveClusters } from './resolve-clusters.ts';

/** Mounts the cluster proxy (and, with nothing configured, the demo cluster) in Vite's servers. */
export function dashboardPlugin(): Plugin {
  const mount = async (server: ViteDevServer | PreviewServer) => {
    const log = (line: string) => server.config.logger.info(line);
    const resolved = await resolveClusters(log);
    const host = server.config.server.host;
    server.middlewares.use(
      createDashboardMiddleware(resolved.config, {
        listen: { host: typeof host === 'string' ? host : host ? '0.0.0.0' : 'localhost' },
        log,
      }),
    );
    server.httpServer?.on('close', () => void resolved.close());
  };
  return {
    name: 'streamdash-clusters',
    // Vite checks the Host of its own module requests: it must accept the hosts our config allows.
    config: () => {
      const hosts = loadConfig().access.allowedHosts.map((h) => (h.startsWith('.') ? h : splitHost(h).name));
      return hosts.length > 0 ? { server: { allowedHosts: hosts }, preview: { allowedHosts: hosts } } : {};
    },
    configureServer: mount,
    configurePreviewServer: mount,
  };
}
