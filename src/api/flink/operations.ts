import { queryOptions, useQuery } from '@tanstack/react-query';
import { HttpError } from '../errors';
import { flink } from './client';
import { flinkKeys } from './keys';
import type {
  AsyncOperation,
  CheckpointTriggerStatus,
  QueueStatus,
  SavepointStatus,
  SerializedThrowable,
} from './schemas';

/*
 * Status of asynchronous operations (savepoint, stop, checkpoint, rescaling, disposal, data set
 * deletion). The user is waiting for these, so they poll every second whatever the page polling
 * setting, and stop for good once Flink says COMPLETED.
 */
export const OPERATION_POLL_MS = 1000;

/** What a page needs from an operation: still running, succeeded (with its result), or failed. */
export interface OperationOutcome<R> {
  done: boolean;
  /** The savepoint location, the checkpoint id; undefined for operations without a result. */
  result?: R | undefined;
  /** Set when the operation completed with an error. */
  failure?: { className: string | undefined; stackTrace: string | undefined } | undefined;
}

const failureOf = (cause: SerializedThrowable | null | undefined) =>
  cause ? { className: cause.class, stackTrace: cause['stack-trace'] } : undefined;

export const toSavepointOutcome = (s: SavepointStatus): OperationOutcome<string> => ({
  done: s.status.id === 'COMPLETED',
  result: s.operation?.location ?? undefined,
  failure: failureOf(s.operation?.['failure-cause']),
});

export const toCheckpointOutcome = (s: CheckpointTriggerStatus): OperationOutcome<number> => ({
  done: s.status.id === 'COMPLETED',
  result: s.operation?.checkpointId ?? undefined,
  failure: failureOf(s.operation?.failureCause),
});

export const toOperationOutcome = (s: AsyncOperation): OperationOutcome<undefined> => ({
  done: s.status.id === 'COMPLETED',
  failure: failureOf(s.operation?.['failure-cause']),
});

/** Whether an accepted trigger id is still running; a forgotten id (404) counts as finished. */
export async function isInProgress(status: () => Promise<{ status: { id: QueueStatus } }>): Promise<boolean> {
  try {
    return (await status()).status.id === 'IN_PROGRESS';
  } catch (e) {
    if (e instanceof HttpError && e.status === 404) return false;
    throw e;
  }
}

type WithStatus = { status: { id: QueueStatus } };
const isCompleted = (data: WithStatus | undefined) => data?.status.id === 'COMPLETED';
const pollUntilCompleted = (q: { state: { data: WithStatus | undefined } }) =>
  isCompleted(q.state.data) ? false : OPERATION_POLL_MS;
const staleUntilCompleted = (q: { state: { data: WithStatus | undefined } }) =>
  isCompleted(q.state.data) ? Infinity : 0;

export const savepointStatusQuery = (c: string, jobId: string, triggerId: string) =>
  queryOptions({
    queryKey: flinkKeys.savepointStatus(c, jobId, triggerId),
    queryFn: ({ signal }) => flink.getSavepointStatus(c, jobId, triggerId, { signal }),
  });

export const checkpointTriggerStatusQuery = (c: string, jobId: string, triggerId: string) =>
  queryOptions({
    queryKey: flinkKeys.checkpointTriggerStatus(c, jobId, triggerId),
    queryFn: ({ signal }) => flink.getCheckpointTriggerStatus(c, jobId, triggerId, { signal }),
  });

export const rescalingStatusQuery = (c: string, jobId: string, triggerId: string) =>
  queryOptions({
    queryKey: flinkKeys.rescalingStatus(c, jobId, triggerId),
    queryFn: ({ signal }) => flink.getRescalingStatus(c, jobId, triggerId, { signal }),
  });

export const savepointDisposalStatusQuery = (c: string, triggerId: string) =>
  queryOptions({
    queryKey: flinkKeys.savepointDisposalStatus(c, triggerId),
    queryFn: ({ signal }) => flink.getSavepointDisposalStatus(c, triggerId, { signal }),
  });

export const dataSetDeleteStatusQuery = (c: string, triggerId: string) =>
  queryOptions({
    queryKey: flinkKeys.dataSetDeleteStatus(c, triggerId),
    queryFn: ({ signal }) => flink.getDataSetDeleteStatus(c, triggerId, { signal }),
  });

type Id = string | undefined;

/** Savepoint or stop-with-savepoint status; `data.result` is the savepoint location. */
export function useSavepointStatus(c: string, jobId: Id, triggerId: Id) {
  return useQuery({
    ...savepointStatusQuery(c, jobId ?? '', triggerId ?? ''),
    enabled: !!jobId && !!triggerId,
    select: toSavepointOutcome,
    refetchInterval: pollUntilCompleted,
    staleTime: staleUntilCompleted,
  });
}

/** Manual checkpoint status; `data.result` is the checkpoint id. */
export function useCheckpointTriggerStatus(c: string, jobId: Id, triggerId: Id) {
  return useQuery({
    ...checkpointTriggerStatusQuery(c, jobId ?? '', triggerId ?? ''),
    enabled: !!jobId && !!triggerId,
    select: toCheckpointOutcome,
    refetchInterval: pollUntilCompleted,
    staleTime: staleUntilCompleted,
  });
}

export function useRescalingStatus(c: string, jobId: Id, triggerId: Id) {
  return useQuery({
    ...rescalingStatusQuery(c, jobId ?? '', triggerId ?? ''),
    enabled: !!jobId && !!triggerId,
    select: toOperationOutcome,
    refetchInterval: pollUntilCompleted,
    staleTime: staleUntilCompleted,
  });
}

export function useSavepointDisposalStatus(c: string, triggerId: Id) {
  return useQuery({
    ...savepointDisposalStatusQuery(c, triggerId ?? ''),
    enabled: !!triggerId,
    select: toOperationOutcome,
    refetchInterval: pollUntilCompleted,
    staleTime: staleUntilCompleted,
  });
}

export function useDataSetDeleteStatus(c: string, triggerId: Id) {
  return useQuery({
    ...dataSetDeleteStatusQuery(c, triggerId ?? ''),
    enabled: !!triggerId,
    select: toOperationOutcome,
    refetchInterval: pollUntilCompleted,
    staleTime: staleUntilCompleted,
  });
}
