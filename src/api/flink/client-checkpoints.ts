import { request } from '../http';
import { base, type Opts } from './client-shared';
import {
  checkpointConfigSchema,
  checkpointingStatisticsSchema,
  checkpointStatisticsSchema,
  checkpointTriggerStatusSchema,
  taskCheckpointDetailsSchema,
  triggerResponseSchema,
} from './schemas';

/** POST /jobs/:jobid/checkpoints. `triggerId` is required so a resend never starts a second checkpoint. */
export interface CheckpointRequest {
  triggerId: string;
  /** CONFIGURED follows the job's setting; FULL forces a full (non-incremental) checkpoint. */
  checkpointType?: 'CONFIGURED' | 'FULL' | 'INCREMENTAL' | undefined;
}

const job = (jobId: string) => ({ jobid: jobId });

/** `/jobs/:jobid/checkpoints/...`: statistics, config, details and manual triggers. */
export const checkpointsApi = {
  getCheckpoints: (c: string, jobId: string, o: Opts = {}) =>
    request({
      base: base(c),
      path: '/jobs/:jobid/checkpoints',
      params: job(jobId),
      schema: checkpointingStatisticsSchema,
      signal: o.signal,
    }),
  getCheckpointConfig: (c: string, jobId: string, o: Opts = {}) =>
    request({
      base: base(c),
      path: '/jobs/:jobid/checkpoints/config',
      params: job(jobId),
      schema: checkpointConfigSchema,
      signal: o.signal,
    }),
  getCheckpointDetails: (c: string, jobId: string, checkpointId: number, o: Opts = {}) =>
    request({
      base: base(c),
      path: '/jobs/:jobid/checkpoints/details/:checkpointid',
      params: { ...job(jobId), checkpointid: checkpointId },
      schema: checkpointStatisticsSchema,
      signal: o.signal,
    }),
  getCheckpointSubtasks: (c: string, jobId: string, checkpointId: number, vertexId: string, o: Opts = {}) =>
    request({
      base: base(c),
      path: '/jobs/:jobid/checkpoints/details/:checkpointid/subtasks/:vertexid',
      params: { ...job(jobId), checkpointid: checkpointId, vertexid: vertexId },
      schema: taskCheckpointDetailsSchema,
      signal: o.signal,
    }),
  triggerCheckpoint: (c: string, jobId: string, body: CheckpointRequest, o: Opts = {}) =>
    request({
      base: base(c),
      method: 'POST',
      path: '/jobs/:jobid/checkpoints',
      params: job(jobId),
      body,
      schema: triggerResponseSchema,
      signal: o.signal,
    }),
  getCheckpointTriggerStatus: (c: string, jobId: string, triggerId: string, o: Opts = {}) =>
    request({
      base: base(c),
      path: '/jobs/:jobid/checkpoints/:triggerid',
      params: { ...job(jobId), triggerid: triggerId },
      schema: checkpointTriggerStatusSchema,
      signal: o.signal,
    }),
};
