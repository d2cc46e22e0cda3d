import { existsSync } from 'node:fs';
import { killTree } from './processes';
import { readState, STATE_FILE } from './state';

/** Stops everything global setup started, the real clusters included, also after failures. */
export default async function globalTeardown() {
  if (existsSync(STATE_FILE)) {
    const state = readState();
    killTree(state.dashboardPid);
    killTree(state.demo.pid);
    killTree(state.outageDemo.pid);
  }
  if (process.env.E2E_REAL !== '0') {
    const stops: Promise<unknown>[] = [];
    try {
      const { stopRealFlink } = (await import('../real/flink-cluster')) as { stopRealFlink?: () => Promise<void> };
      if (stopRealFlink) stops.push(stopRealFlink());
    } catch {
      // module missing: nothing was started
    }
    try {
      const { stopRealSeaTunnel } = (await import('../real/seatunnel-cluster')) as { stopRealSeaTunnel?: () => Promise<void> };
      if (stopRealSeaTunnel) stops.push(stopRealSeaTunnel());
    } catch {
      // module missing: nothing was started
    }
    await Promise.allSettled(stops);
  }
}
