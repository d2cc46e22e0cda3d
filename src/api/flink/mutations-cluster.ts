import { useMutation, useQueryClient } from '@tanstack/react-query';
import { flink, jarIdFromUpload } from './client';
import type { JarPlanRequest, JarRunRequest, ProfilingRequest } from './client';
import { flinkKeys } from './keys';
import { retryOutages } from './mutation-helpers';
import { isInProgress } from './operations';
import { shareInFlight, TriggerIdKeeper } from './trigger-id';

/*
 * Cluster-level actions: jars, data sets, savepoint disposal, profiler, shutdown. Disposal and data set
 * deletion get their trigger id from Flink (no request body to carry ours), so concurrent
 * clicks share one request, and a repeat while the first still runs returns its id.
 */

/** Reuses the server-made trigger id of `key` while its operation is IN_PROGRESS. */
const running = new Map<string, string>();
async function serverTriggered(
  key: string,
  isRunning: (id: string) => Promise<boolean>,
  start: () => Promise<{ 'request-id': string }>,
): Promise<{ triggerId: string }> {
  return shareInFlight(key, async () => {
    const held = running.get(key);
    if (held && (await isRunning(held))) return { triggerId: held };
    const triggerId = (await start())['request-id'];
    running.set(key, triggerId);
    return { triggerId };
  });
}

/** POST /savepoint-disposal; follow it with `useSavepointDisposalStatus`. */
export function useDisposeSavepoint(c: string) {
  return useMutation({
    mutationKey: [...flinkKeys.cluster(c), 'dispose-savepoint'],
    mutationFn: (savepointPath: string) =>
      serverTriggered(
        JSON.stringify(['dispose', c, savepointPath]),
        (id) => isInProgress(() => flink.getSavepointDisposalStatus(c, id)),
        () => flink.disposeSavepoint(c, savepointPath),
      ),
  });
}

/** DELETE /datasets/:id; follow it with `useDataSetDeleteStatus`. */
export function useDeleteDataSet(c: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: [...flinkKeys.dataSets(c), 'delete'],
    mutationFn: (dataSetId: string) =>
      serverTriggered(
        JSON.stringify(['dataset', c, dataSetId]),
        (id) => isInProgress(() => flink.getDataSetDeleteStatus(c, id)),
        () => flink.deleteDataSet(c, dataSetId),
      ),
    onSettled: () => qc.invalidateQueries({ queryKey: flinkKeys.dataSets(c) }),
  });
}

/** POST /jars/upload. Not retried: a resend would store the jar twice. */
export function useUploadJar(c: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: [...flinkKeys.jars(c), 'upload'],
    mutationFn: async (file: File) => {
      const res = await flink.uploadJar(c, file, file.name);
      return { ...res, jarId: jarIdFromUpload(res.filename) };
    },
    onSettled: () => qc.invalidateQueries({ queryKey: flinkKeys.jars(c) }),
  });
}

export function useDeleteJar(c: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: [...flinkKeys.jars(c), 'delete'],
    mutationFn: (jarId: string) => flink.deleteJar(c, jarId),
    retry: retryOutages,
    onSettled: () => qc.invalidateQueries({ queryKey: flinkKeys.jars(c) }),
  });
}

/** POST /jars/:jarid/plan as an action (e.g. a "show plan" button); `useJarPlan` caches it instead. */
export function usePlanJar(c: string) {
  return useMutation({
    mutationKey: [...flinkKeys.jars(c), 'plan'],
    mutationFn: ({ jarId, ...body }: JarPlanRequest & { jarId: string }) => flink.planJar(c, jarId, body),
  });
}

const runKeepers = new Map<string, TriggerIdKeeper>();

/**
 * POST /jars/:jarid/run. Unless the caller fixes `jobId`, one is made in the browser and kept
 * while the submission is in flight or its fate unknown: Flink refuses a second job with the
 * same id, so a double click or a resend after a timeout cannot run the job twice.
 */
export function useRunJar(c: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: [...flinkKeys.jars(c), 'run'],
    mutationFn: ({ jarId, ...body }: JarRunRequest & { jarId: string }) => {
      const scope = JSON.stringify([c, jarId]);
      const keeper = runKeepers.get(scope) ?? new TriggerIdKeeper();
      runKeepers.set(scope, keeper);
      return shareInFlight(`run:${scope}`, async () => {
        const jobId = body.jobId ?? (await keeper.next(async () => false));
        const run = () => flink.runJar(c, jarId, { ...body, jobId });
        return body.jobId ? run() : keeper.send(jobId, run);
      });
    },
    onSettled: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: flinkKeys.jobs(c) }),
        qc.invalidateQueries({ queryKey: flinkKeys.overview(c) }),
      ]),
  });
}

/** POST /jobmanager/profiler (duration 1-300 s, else Flink answers 500); the list then shows it RUNNING. */
export function useTriggerJobManagerProfiling(c: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: [...flinkKeys.jobManager(c), 'profile'],
    mutationFn: (req: ProfilingRequest) =>
      shareInFlight(JSON.stringify(['profile-jm', c]), () => flink.triggerJobManagerProfiling(c, req)),
    onSettled: () => qc.invalidateQueries({ queryKey: flinkKeys.jmProfiling(c) }),
  });
}

/** POST /taskmanagers/:id/profiler; concurrent clicks share one request. */
export function useTriggerTaskManagerProfiling(c: string, tmId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: [...flinkKeys.tm(c, tmId), 'profile'],
    mutationFn: (req: ProfilingRequest) =>
      shareInFlight(JSON.stringify(['profile-tm', c, tmId]), () =>
        flink.triggerTaskManagerProfiling(c, tmId, req),
      ),
    onSettled: () => qc.invalidateQueries({ queryKey: flinkKeys.tmProfiling(c, tmId) }),
  });
}

/** DELETE /cluster: stops the whole Flink cluster. */
export function useShutdownCluster(c: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationKey: [...flinkKeys.cluster(c), 'shutdown'],
    mutationFn: () => flink.shutdownCluster(c),
    onSettled: () => qc.invalidateQueries({ queryKey: flinkKeys.cluster(c) }),
  });
}
