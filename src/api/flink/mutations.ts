import { useMutation, useQueryClient } from '@tanstack/react-query';
import { flink } from './client';
import type { CheckpointRequest, SavepointRequest, StopWithSavepointRequest } from './client';
import { flinkKeys } from './keys';
import { invalidateJob, retryOutages } from './mutation-helpers';
import { isInProgress } from './operations';
import type { ResourceRequirements } from './schemas';
import { shareInFlight, triggerIdKeeper } from './trigger-id';

/*
 * Job actions. Savepoint, stop and checkpoint send a trigger id made in the browser and kept
 * per (action, cluster, job) until the operation ends: a retry or a double click lands on the
 * operation already running instead of starting a second one. So these mutations may retry
 * outages safely. Each returns `{ triggerId }` for the matching status hook in operations.ts.
 * Every job action invalidates the job's queries when it settles.
 */

export interface TriggerResult {
  triggerId: string;
}

/** PATCH /jobs/:jobid?mode=cancel. Cancelling twice is harmless. */
export function useCancelJob(c: string, jobId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: [...flinkKeys.job(c, jobId), 'cancel'],
    mutationFn: () => flink.cancelJob(c, jobId),
    retry: retryOutages,
    onSettled: () => invalidateJob(qc, c, jobId),
  });
}

export interface SavepointInput {
  targetDirectory?: string | undefined;
  /** Deprecated in Flink in favour of stop-with-savepoint; still supported. */
  cancelJob?: boolean | undefined;
  formatType?: SavepointRequest['formatType'];
}

/** POST /jobs/:jobid/savepoints; follow it with `useSavepointStatus(c, jobId, triggerId)`. */
export function useTriggerSavepoint(c: string, jobId: string) {
  const qc = useQueryClient();
  const keeper = triggerIdKeeper('savepoint', c, jobId);
  return useMutation({
    mutationKey: [...flinkKeys.job(c, jobId), 'savepoint'],
    mutationFn: async (input: SavepointInput = {}): Promise<TriggerResult> => {
      const triggerId = await keeper.next((id) => isInProgress(() => flink.getSavepointStatus(c, jobId, id)));
      const body: SavepointRequest = {
        triggerId,
        'target-directory': input.targetDirectory,
        'cancel-job': input.cancelJob ?? false,
        formatType: input.formatType,
      };
      const res = await keeper.send(triggerId, () => flink.triggerSavepoint(c, jobId, body));
      return { triggerId: res['request-id'] };
    },
    retry: retryOutages,
    onSettled: () => invalidateJob(qc, c, jobId),
  });
}

export type StopInput = Omit<StopWithSavepointRequest, 'triggerId'>;

/** POST /jobs/:jobid/stop; its status is the savepoint status (`useSavepointStatus`). */
export function useStopWithSavepoint(c: string, jobId: string) {
  const qc = useQueryClient();
  const keeper = triggerIdKeeper('stop', c, jobId);
  return useMutation({
    mutationKey: [...flinkKeys.job(c, jobId), 'stop'],
    mutationFn: async (input: StopInput = {}): Promise<TriggerResult> => {
      const triggerId = await keeper.next((id) => isInProgress(() => flink.getSavepointStatus(c, jobId, id)));
      const res = await keeper.send(triggerId, () => flink.stopJob(c, jobId, { ...input, triggerId }));
      return { triggerId: res['request-id'] };
    },
    retry: retryOutages,
    onSettled: () => invalidateJob(qc, c, jobId),
  });
}

export type CheckpointInput = Omit<CheckpointRequest, 'triggerId'>;

/** POST /jobs/:jobid/checkpoints; follow it with `useCheckpointTriggerStatus`. */
export function useTriggerCheckpoint(c: string, jobId: string) {
  const qc = useQueryClient();
  const keeper = triggerIdKeeper('checkpoint', c, jobId);
  return useMutation({
    mutationKey: [...flinkKeys.job(c, jobId), 'checkpoint'],
    mutationFn: async (input: CheckpointInput = {}): Promise<TriggerResult> => {
      const triggerId = await keeper.next((id) =>
        isInProgress(() => flink.getCheckpointTriggerStatus(c, jobId, id)),
      );
      const res = await keeper.send(triggerId, () =>
        flink.triggerCheckpoint(c, jobId, { ...input, triggerId }),
      );
      return { triggerId: res['request-id'] };
    },
    retry: retryOutages,
    onSettled: () => invalidateJob(qc, c, jobId),
  });
}

/**
 * Requirements for "rescale to N": every vertex gets upper bound N. The lower bound is 1 so the
 * job still runs with fewer slots, or N with `exact` (the job then waits for N slots).
 */
export function withParallelism(
  current: ResourceRequirements,
  parallelism: number,
  opts: { exact?: boolean } = {},
): ResourceRequirements {
  const lowerBound = opts.exact ? parallelism : 1;
  return Object.fromEntries(
    Object.keys(current).map((vertexId) => [
      vertexId,
      { parallelism: { lowerBound, upperBound: parallelism } },
    ]),
  );
}

/** Rescale with the adaptive scheduler: PUT new per-vertex bounds (idempotent, synchronous). */
export function useRescaleJob(c: string, jobId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: [...flinkKeys.job(c, jobId), 'rescale'],
    mutationFn: (requirements: ResourceRequirements) => flink.setResourceRequirements(c, jobId, requirements),
    retry: retryOutages,
    onSettled: () => invalidateJob(qc, c, jobId),
  });
}

/**
 * Legacy PATCH /jobs/:jobid/rescaling (Flink makes the trigger id; most versions refuse it).
 * Concurrent clicks share one request; follow it with `useRescalingStatus`.
 */
export function useTriggerRescaling(c: string, jobId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: [...flinkKeys.job(c, jobId), 'rescaling'],
    mutationFn: (parallelism: number): Promise<TriggerResult> =>
      shareInFlight(JSON.stringify(['rescaling', c, jobId, parallelism]), async () => ({
        triggerId: (await flink.rescaleJob(c, jobId, parallelism))['request-id'],
      })),
    onSettled: () => invalidateJob(qc, c, jobId),
  });
}

export * from './mutations-cluster';
