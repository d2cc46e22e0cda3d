import { resolve } from 'node:path';
import { createProductionServer } from './app.ts';
import { resolveClusters } from './resolve-clusters.ts';

/** `npm run serve`: serves dist/ and proxies to the configured clusters (or the demo cluster). */
const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const resolved = await resolveClusters();
const server = createProductionServer({
  config: resolved.config,
  distDir: resolve(process.env.DASHBOARD_DIST ?? 'dist'),
  listen: { host, port },
});
server.listen(port, host, () => {
  const ids = resolved.config.clusters.map((c) => c.id).join(', ');
  console.log(
    `streamdash serving on http://${host}:${port} (clusters: ${ids}${resolved.config.readOnly ? '; read-only' : ''})`,
  );
});
/** In-flight answers get this long to finish when the server is told to stop. */
const STOP_GRACE_MS = 2000;
const stop = () => {
  server.close(() => void resolved.close().then(() => process.exit(0)));
  // close() waits for every open connection: an open dashboard tab keeps one busy (a request
  // proxied to a slow cluster) and held a stop for minutes. Idle ones go now, the rest after a grace.
  server.closeIdleConnections();
  setTimeout(() => server.closeAllConnections(), STOP_GRACE_MS).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
