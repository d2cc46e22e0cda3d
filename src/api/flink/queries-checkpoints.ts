import { queryOptions, useQuery } from '@tanstack/react-query';
import { usePollInterval } from '../polling';
import { flink } from './client';
import { flinkKeys } from './keys';
import { useJobPolling } from './queries-jobs';

export const checkpointStatsQuery = (c: string, jobId: string) =>
  queryOptions({
    queryKey: flinkKeys.checkpointStats(c, jobId),
    queryFn: ({ signal }) => flink.getCheckpoints(c, jobId, { signal }),
  });

/** Fixed at submission: fetched once. */
export const checkpointConfigQuery = (c: string, jobId: string) =>
  queryOptions({
    queryKey: flinkKeys.checkpointConfig(c, jobId),
    queryFn: ({ signal }) => flink.getCheckpointConfig(c, jobId, { signal }),
    staleTime: Infinity,
  });

export const checkpointDetailsQuery = (c: string, jobId: string, checkpointId: number) =>
  queryOptions({
    queryKey: flinkKeys.checkpointDetails(c, jobId, checkpointId),
    queryFn: ({ signal }) => flink.getCheckpointDetails(c, jobId, checkpointId, { signal }),
  });

export const checkpointSubtasksQuery = (c: string, jobId: string, checkpointId: number, vertexId: string) =>
  queryOptions({
    queryKey: flinkKeys.checkpointSubtasks(c, jobId, checkpointId, vertexId),
    queryFn: ({ signal }) => flink.getCheckpointSubtasks(c, jobId, checkpointId, vertexId, { signal }),
  });

export function useCheckpointStats(c: string, jobId: string | undefined) {
  return useQuery({ ...checkpointStatsQuery(c, jobId ?? ''), enabled: !!jobId, ...useJobPolling(c, jobId) });
}

export function useCheckpointConfig(c: string, jobId: string | undefined) {
  return useQuery({ ...checkpointConfigQuery(c, jobId ?? ''), enabled: !!jobId });
}

/** A checkpoint no longer changes once it is COMPLETED or FAILED: polling stops then. */
export function useCheckpointDetails(c: string, jobId: string | undefined, checkpointId: number | undefined) {
  const poll = usePollInterval(c);
  return useQuery({
    ...checkpointDetailsQuery(c, jobId ?? '', checkpointId ?? -1),
    enabled: !!jobId && checkpointId !== undefined,
    refetchInterval: (q) => (q.state.data && q.state.data.status !== 'IN_PROGRESS' ? false : poll),
  });
}

/** Per-subtask numbers of one vertex in one checkpoint; polls while any subtask is still pending. */
export function useCheckpointSubtasks(
  c: string,
  jobId: string | undefined,
  checkpointId: number | undefined,
  vertexId: string | undefined,
) {
  const poll = usePollInterval(c);
  return useQuery({
    ...checkpointSubtasksQuery(c, jobId ?? '', checkpointId ?? -1, vertexId ?? ''),
    enabled: !!jobId && checkpointId !== undefined && !!vertexId,
    refetchInterval: (q) => (q.state.data && q.state.data.status !== 'IN_PROGRESS' ? false : poll),
  });
}
