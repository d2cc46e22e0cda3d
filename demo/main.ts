// CLI: npx tsx demo/main.ts [--port 8091] [--seatunnel-v2-port N] [--seatunnel-v1-port N]
//      [--host H] [--scale large] [--no-flame-graphs] [--seed N] [--flink-version 1.20|2.2|2.3]
// Prints {"flinkUrl": ..., "historyUrl": ..., "seatunnelV2Url": ..., "seatunnelV1Url": ...} as one line when ready.
import { DEMO_FLINK_VERSIONS, isDemoFlinkVersion } from './flink/model/config.ts';
import { startDemoCluster, type DemoOptions } from './index.ts';

function parseArgs(argv: string[]): DemoOptions {
  const opts: DemoOptions = { flinkPort: 8091, seatunnelV2Port: 8092, seatunnelV1Port: 8093 };
  const value = (i: number, flag: string): string => {
    const v = argv[i + 1];
    if (v === undefined) throw new Error(`${flag} needs a value`);
    return v;
  };
  const port = (s: string, flag: string): number => {
    const n = Number(s);
    if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`${flag}: not a port: ${s}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const next = () => inline ?? value(i++, flag);
    switch (flag) {
      case '--port':
        opts.flinkPort = port(next(), flag);
        break;
      case '--seatunnel-v2-port':
        opts.seatunnelV2Port = port(next(), flag);
        break;
      case '--seatunnel-v1-port':
        opts.seatunnelV1Port = port(next(), flag);
        break;
      case '--host':
        opts.host = next();
        break;
      case '--scale': {
        const s = next();
        if (s !== 'normal' && s !== 'large') throw new Error(`--scale: expected normal or large, got ${s}`);
        opts.scale = s;
        break;
      }
      case '--seed':
        opts.seed = Number(next());
        break;
      case '--flink-version': {
        const v = next();
        if (!isDemoFlinkVersion(v))
          throw new Error(
            `--flink-version: expected ${Object.keys(DEMO_FLINK_VERSIONS).join(', ')}, got ${v}`,
          );
        opts.flinkVersion = v;
        break;
      }
      case '--no-flame-graphs':
        opts.flameGraphs = false;
        break;
      case '--no-savepoint-dir':
        opts.defaultSavepointDir = null;
        break;
      default:
        throw new Error(`unknown argument: ${arg}`);
    }
  }
  return opts;
}

async function main(): Promise<void> {
  let opts: DemoOptions;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  }
  const demo = await startDemoCluster(opts);
  process.stdout.write(
    `${JSON.stringify({ flinkUrl: demo.flinkUrl, historyUrl: demo.historyUrl, seatunnelV2Url: demo.seatunnelV2Url, seatunnelV1Url: demo.seatunnelV1Url })}\n`,
  );
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void demo.close().finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

void main().catch((e: unknown) => {
  process.stderr.write(`demo failed to start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
