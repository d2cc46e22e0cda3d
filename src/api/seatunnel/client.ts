import type {
  BatchSubmitInput,
  FinishedJobState,
  JobConfig,
  Opts,
  SeaTunnelClient,
  StopJobInput,
  SubmitJobInput,
} from './client-common';
import { seatunnelV1 } from './client-v1';
import { seatunnelV2 } from './client-v2';

export type {
  BatchSubmitInput,
  FinishedJobState,
  JobConfig,
  Opts,
  StopJobInput,
  SubmitJobInput,
} from './requests';

/** A REST flavour as used for calls; a configured 'auto' is resolved by detect-flavour.ts first. */
export type SeaTunnelFlavour = 'v1' | 'v2';

export function seatunnelClient(flavour: SeaTunnelFlavour): SeaTunnelClient {
  return flavour === 'v1' ? seatunnelV1 : seatunnelV2;
}

const pick = seatunnelClient;

/** Log endpoints came with REST v2 (2.3.9); a v1 port answers 400 or an empty 204 for them. */
export function hasLogEndpoints(flavour: SeaTunnelFlavour): boolean {
  return flavour === 'v2';
}

/**
 * Flavour-neutral calls: `seatunnel.getJobInfo(clusterId, flavour, jobId, { signal })` picks the
 * v1 (/hazelcast/rest/maps/...) or v2 path. Documentation of each call: client-common.ts.
 */
export const seatunnel = {
  getOverview: (c: string, f: SeaTunnelFlavour, tags?: Record<string, string>, o?: Opts) =>
    pick(f).getOverview(c, tags, o),
  getRunningJobs: (c: string, f: SeaTunnelFlavour, o?: Opts) => pick(f).getRunningJobs(c, o),
  getJobInfo: (c: string, f: SeaTunnelFlavour, jobId: string, o?: Opts) => pick(f).getJobInfo(c, jobId, o),
  getRunningJob: (c: string, f: SeaTunnelFlavour, jobId: string, o?: Opts) =>
    pick(f).getRunningJob(c, jobId, o),
  getFinishedJobs: (c: string, f: SeaTunnelFlavour, state?: FinishedJobState, o?: Opts) =>
    pick(f).getFinishedJobs(c, state, o),
  getSystemMonitoring: (c: string, f: SeaTunnelFlavour, o?: Opts) => pick(f).getSystemMonitoring(c, o),
  getThreadDump: (c: string, f: SeaTunnelFlavour, o?: Opts) => pick(f).getThreadDump(c, o),
  getRunningThreads: (c: string, f: SeaTunnelFlavour, o?: Opts) => pick(f).getRunningThreads(c, o),
  getLogs: (c: string, f: SeaTunnelFlavour, o?: Opts) => pick(f).getLogs(c, o),
  getJobLogs: (c: string, f: SeaTunnelFlavour, jobId: string, o?: Opts) => pick(f).getJobLogs(c, jobId, o),
  getLogFile: (c: string, f: SeaTunnelFlavour, logName: string, o?: Opts) =>
    pick(f).getLogFile(c, logName, o),
  submitJob: (c: string, f: SeaTunnelFlavour, input: SubmitJobInput, o?: Opts) =>
    pick(f).submitJob(c, input, o),
  submitJobs: (c: string, f: SeaTunnelFlavour, inputs: readonly BatchSubmitInput[], o?: Opts) =>
    pick(f).submitJobs(c, inputs, o),
  stopJob: (c: string, f: SeaTunnelFlavour, input: StopJobInput, o?: Opts) => pick(f).stopJob(c, input, o),
  stopJobs: (c: string, f: SeaTunnelFlavour, inputs: readonly StopJobInput[], o?: Opts) =>
    pick(f).stopJobs(c, inputs, o),
  encryptConfig: (c: string, f: SeaTunnelFlavour, config: JobConfig, o?: Opts) =>
    pick(f).encryptConfig(c, config, o),
  updateTags: (c: string, f: SeaTunnelFlavour, tags: Record<string, string>, o?: Opts) =>
    pick(f).updateTags(c, tags, o),
};
