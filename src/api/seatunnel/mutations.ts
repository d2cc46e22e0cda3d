import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import {
  seatunnel,
  type BatchSubmitInput,
  type JobConfig,
  type StopJobInput,
  type SubmitJobInput,
} from './client';
import { resolveFlavour, useFlavourSetting } from './detect-flavour';
import { seatunnelKeys } from './keys';

/*
 * Actions on a SeaTunnel cluster. Each resolves the flavour like the queries do and, on success,
 * invalidates what the action changed. Job ids stay digit strings throughout; stop-job bodies
 * write them as bare JSON numbers (json-text.ts), so 64-bit ids arrive exact.
 */

/** Job lists, the cluster's job counters, and each touched job. */
function invalidateJobs(client: QueryClient, c: string, jobIds: readonly string[]) {
  return Promise.all([
    client.invalidateQueries({ queryKey: seatunnelKeys.jobLists(c) }),
    client.invalidateQueries({ queryKey: seatunnelKeys.overviews(c) }),
    ...jobIds.map((id) => client.invalidateQueries({ queryKey: seatunnelKeys.job(c, id) })),
  ]);
}

function useFlavourResolver(c: string) {
  const setting = useFlavourSetting(c) ?? 'auto';
  return () => resolveFlavour(c, setting);
}

/** Submit one job; a `jobId` with `startWithSavepoint` restores a job stopped with a savepoint. */
export function useSeaTunnelSubmitJob(c: string) {
  const client = useQueryClient();
  const flavour = useFlavourResolver(c);
  return useMutation({
    mutationFn: async (input: SubmitJobInput) => seatunnel.submitJob(c, await flavour(), input),
    onSuccess: (result) => invalidateJobs(client, c, [result.jobId]),
  });
}

export function useSeaTunnelSubmitJobs(c: string) {
  const client = useQueryClient();
  const flavour = useFlavourResolver(c);
  return useMutation({
    mutationFn: async (inputs: readonly BatchSubmitInput[]) =>
      seatunnel.submitJobs(c, await flavour(), inputs),
    onSuccess: (results) =>
      invalidateJobs(
        client,
        c,
        results.map((r) => r.jobId),
      ),
  });
}

/** Stop (cancel) a job, or stop it with a savepoint when `withSavepoint`. */
export function useSeaTunnelStopJob(c: string) {
  const client = useQueryClient();
  const flavour = useFlavourResolver(c);
  return useMutation({
    mutationFn: async (input: StopJobInput) => seatunnel.stopJob(c, await flavour(), input),
    onSuccess: (_result, input) => invalidateJobs(client, c, [input.jobId]),
  });
}

export function useSeaTunnelStopJobs(c: string) {
  const client = useQueryClient();
  const flavour = useFlavourResolver(c);
  return useMutation({
    mutationFn: async (inputs: readonly StopJobInput[]) => seatunnel.stopJobs(c, await flavour(), inputs),
    onSuccess: (_result, inputs) =>
      invalidateJobs(
        client,
        c,
        inputs.map((i) => i.jobId),
      ),
  });
}

/** Returns the config with its secrets encoded; changes nothing on the cluster. */
export function useSeaTunnelEncryptConfig(c: string) {
  const flavour = useFlavourResolver(c);
  return useMutation({
    mutationFn: async (config: JobConfig) => seatunnel.encryptConfig(c, await flavour(), config),
  });
}

/** Replace the tags of the node behind the proxy (`{}` clears them); overviews filter by tags. */
export function useSeaTunnelUpdateTags(c: string) {
  const client = useQueryClient();
  const flavour = useFlavourResolver(c);
  return useMutation({
    mutationFn: async (tags: Record<string, string>) => seatunnel.updateTags(c, await flavour(), tags),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: seatunnelKeys.overviews(c) }),
        client.invalidateQueries({ queryKey: seatunnelKeys.systemMonitoring(c) }),
      ]),
  });
}
