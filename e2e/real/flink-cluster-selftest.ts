/**
 * Exercises the process control of e2e/real/flink-cluster.ts on a real cluster:
 *   npx tsx e2e/real/flink-cluster-selftest.ts
 * kill/start a task manager, kill/start the job manager, stop, and checks no JVM survives.
 */
import { getJson, isAlive, startRealFlink } from './flink-cluster.ts';

const log = (s: string) => process.stderr.write(`[selftest] ${s}\n`);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function until(what: string, fn: () => Promise<boolean>, timeoutMs = 120_000): Promise<number> {
  const t = Date.now();
  for (;;) {
    try {
      if (await fn()) return (Date.now() - t) / 1000;
    } catch {
      /* not yet */
    }
    if (Date.now() - t > timeoutMs) throw new Error(`timed out: ${what}`);
    await sleep(250);
  }
}

async function main() {
  const c = await startRealFlink({ log, jobs: false });
  const overview = () => getJson<{ taskmanagers: number }>(`${c.url}/overview`, 3000);
  const all = () => [c.pids().jobManager, ...c.pids().taskManagers].filter(Boolean);
  const started = all();
  try {
    await c.killTaskManager(1);
    if (c.pids().taskManagers[1] !== 0) throw new Error('taskmanager #1 still alive');
    const lost = await until('JM notices the lost TM', async () => (await overview()).taskmanagers === 1);
    log(`killed TM #1; /overview shows 1 TM after ${lost} s`);

    const idx = await c.startTaskManager();
    log(`started TM #${idx}; /overview: ${(await overview()).taskmanagers} TMs`);

    await c.killJobManager();
    const down = await fetch(`${c.url}/overview`).then(
      () => false,
      () => true,
    );
    if (!down) throw new Error('REST still answers after killJobManager');
    log('killed JM; REST refuses connections');

    const t = Date.now();
    await c.startJobManager();
    log(`restarted JM; 2 TMs registered again after ${(Date.now() - t) / 1000} s`);
  } finally {
    const t = Date.now();
    await c.stop();
    log(`stopped in ${(Date.now() - t) / 1000} s`);
  }
  const survivors = [...new Set([...started, ...all()])].filter(isAlive);
  if (survivors.length) throw new Error(`JVMs survived: ${survivors.join(', ')}`);
  log('OK: no JVM left');
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
