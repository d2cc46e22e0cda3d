import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** A real Flink cluster of global setup, as the specs see it. */
export interface RealFlinkState {
  /** The full version, e.g. 1.20.5. */
  version: string;
  /** The dashboard's cluster id for it. */
  clusterId: string;
  url: string;
  jobs: { checkpointing: string; backpressure: string; failing: string; bounded: string };
  jarPath: string;
}

/** What global setup started, for the tests and the teardown. */
export interface E2EState {
  baseUrl: string;
  dashboardPid?: number;
  demo: { pid?: number; flinkUrl: string; seatunnelV2Url?: string; seatunnelV1Url?: string };
  /** A second demo cluster that the outage test stops and restarts on the same port. */
  outageDemo: { pid?: number; port: number; flinkUrl: string };
  /** Issue 15: a demo the lost-job test restarts with another seed (a JobManager restart without HA). */
  restartDemo?: { pid?: number; port: number; flinkUrl: string };
  real?: {
    flink?: {
      url: string;
      jobs: { checkpointing: string; backpressure: string; failing: string; bounded: string };
      jarPath: string;
      /** The test Prometheus scraping this cluster's reporter. */
      prometheusUrl: string;
    };
    /** One real cluster per Flink minor of the matrix (the newest is the same cluster as `flink`). */
    flinkMatrix?: Record<string, RealFlinkState>;
    seatunnel?: { v2Url?: string; v1Url: string; version: string };
    /** Every real SeaTunnel node and REST flavour, newest version first (`apiUrl`: what the
     * endpoint paths follow; v1's ends in /hazelcast/rest/maps). */
    seatunnelTargets?: { clusterId: string; version: string; flavour: 'v1' | 'v2'; apiUrl: string }[];
    error?: string;
  };
}

export const STATE_FILE = resolve('.cache/e2e/state.json');

export function writeState(state: E2EState) {
  mkdirSync(dirname(STATE_FILE), { recursive: true });
  writeFileSync(STATE_FILE, JSON.stringify(state, null, 2));
}

export function readState(): E2EState {
  return JSON.parse(readFileSync(STATE_FILE, 'utf8')) as E2EState;
}
