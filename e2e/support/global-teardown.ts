import { existsSync } from 'node:fs';
import { killTree } from './processes';
import { readState, STATE_FILE } from './state';

interface Stoppable {
  stop(): Promise<void>;
}

/** Stops everything global setup started, the real clusters included, also after failures. */
export default async function globalTeardown() {
  if (existsSync(STATE_FILE)) {
    const state = readState();
    killTree(state.dashboardPid);
    killTree(state.demo.pid);
    killTree(state.outageDemo.pid);
    killTree(state.restartDemo?.pid); // issue 15: the lost-job test may have restarted it
  }
  const real = (
    globalThis as {
      __streamdashReal?: { flink?: Stoppable; seatunnel?: Stoppable; prom?: Stoppable; matrix?: Stoppable[] };
    }
  ).__streamdashReal;
  await Promise.allSettled([
    real?.flink?.stop(),
    real?.seatunnel?.stop(),
    real?.prom?.stop(),
    ...(real?.matrix ?? []).map((c) => c.stop()),
  ]);
}
