/**
 * The production server in its own process, as users run it (`npm run serve`), for the benchmark:
 * `tsx bench/serve.ts '<DashboardConfig JSON>' <distDir>` prints {"url": …} when listening.
 */
import { createProductionServer } from '../server/app.ts';
import { parseConfig } from '../server/cluster-config.ts';

const [json = '{}', distDir = 'dist'] = process.argv.slice(2);
const server = createProductionServer({ config: parseConfig(JSON.parse(json)), distDir });
server.listen(0, '127.0.0.1', () => {
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}` })}\n`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
