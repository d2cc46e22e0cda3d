import { useCallback, useMemo } from 'react';
import { HttpError, isApiError } from '@/api/errors';
import {
  useCancelJob,
  useDisposeSavepoint,
  useRescaleJob,
  useStopWithSavepoint,
  useTriggerCheckpoint,
  useTriggerSavepoint,
} from '@/api/flink/mutations';
import type { ResourceRequirements } from '@/api/flink/schemas';
import { triggerIdKeeper } from '@/api/flink/trigger-id';
import { dispatch, getOperation, startOperation, type Scope } from './operations-store';
import type { Operation, OperationKind, OperationParams } from './utils/operation-machine';

/** The api layer keeps one trigger id per (action, cluster, job); these are its action names. */
const KEEPER_NAME: Partial<Record<OperationKind, string>> = {
  savepoint: 'savepoint',
  stop: 'stop',
  checkpoint: 'checkpoint',
};

export function toRequirements(parallelism: Record<string, [number, number]>): ResourceRequirements {
  return Object.fromEntries(
    Object.entries(parallelism).map(([id, [lowerBound, upperBound]]) => [
      id,
      { parallelism: { lowerBound, upperBound } },
    ]),
  );
}

export interface OperationRunner {
  /** Starts an action; false when a conflicting one is still in flight (nothing is sent). */
  start: (kind: OperationKind, params: OperationParams) => boolean;
  /** Sends an unsent action again, with the same trigger id as before. */
  retry: (key: string) => void;
}

/**
 * Binds the api mutations to the operations store: starting registers the action first (so a
 * second click in the same frame is refused), then sends it and records what became of it.
 * A retry goes through the same mutation, whose trigger-id keeper hands out the id of the send
 * whose fate is unknown, so Flink sees the same trigger twice and runs it once.
 */
export function useOperationRunner(clusterId: string, jobId: string): OperationRunner {
  const scope: Scope = useMemo(() => ({ clusterId, jobId }), [clusterId, jobId]);
  const savepoint = useTriggerSavepoint(clusterId, jobId);
  const stop = useStopWithSavepoint(clusterId, jobId);
  const checkpoint = useTriggerCheckpoint(clusterId, jobId);
  const cancel = useCancelJob(clusterId, jobId);
  const rescale = useRescaleJob(clusterId, jobId);
  const dispose = useDisposeSavepoint(clusterId);
  const { mutateAsync: savepointAsync } = savepoint;
  const { mutateAsync: stopAsync } = stop;
  const { mutateAsync: checkpointAsync } = checkpoint;
  const { mutateAsync: cancelAsync } = cancel;
  const { mutateAsync: rescaleAsync } = rescale;
  const { mutateAsync: disposeAsync } = dispose;

  const send = useCallback(
    async (op: Operation): Promise<string | undefined> => {
      const p = op.params;
      switch (op.kind) {
        case 'savepoint':
          return (
            await savepointAsync({
              targetDirectory: p.targetDirectory,
              cancelJob: p.cancelJob,
              formatType: p.formatType,
            })
          ).triggerId;
        case 'stop':
          return (
            await stopAsync({ targetDirectory: p.targetDirectory, drain: p.drain, formatType: p.formatType })
          ).triggerId;
        case 'checkpoint':
          return (await checkpointAsync({ checkpointType: p.checkpointType })).triggerId;
        case 'cancel':
          await cancelAsync();
          return undefined;
        case 'rescale':
          await rescaleAsync(toRequirements(p.parallelism ?? {}));
          return undefined;
        case 'dispose':
          return (await disposeAsync(p.savepointPath ?? '')).triggerId;
      }
    },
    [savepointAsync, stopAsync, checkpointAsync, cancelAsync, rescaleAsync, disposeAsync],
  );

  const execute = useCallback(
    async (op: Operation) => {
      try {
        const triggerId = await send(op);
        dispatch(scope, op.key, { type: 'accepted', triggerId, at: Date.now() });
      } catch (e) {
        // Only an HTTP error proves the cluster refused; after an outage or an odd answer the
        // trigger may have started, so its id is kept (and polled) for the retry.
        const refused = isApiError(e) && e.kind === 'http' && !e.isOutage;
        const keeper = KEEPER_NAME[op.kind];
        dispatch(scope, op.key, {
          type: 'send-failed',
          message: e instanceof Error ? e.message : String(e),
          details: e instanceof HttpError ? e.errors : [],
          fateUnknown: !refused,
          triggerId: keeper ? triggerIdKeeper(keeper, clusterId, jobId).current : undefined,
          at: Date.now(),
        });
      }
    },
    [send, scope, clusterId, jobId],
  );

  const start = useCallback(
    (kind: OperationKind, params: OperationParams) => {
      const op = startOperation(scope, kind, params);
      if (!op) return false;
      void execute(op);
      return true;
    },
    [scope, execute],
  );

  const retry = useCallback(
    (key: string) => {
      const before = getOperation(scope, key);
      if (before?.phase !== 'unsent') return; // already resent (double click on Retry)
      dispatch(scope, key, { type: 'retry', at: Date.now() });
      const op = getOperation(scope, key);
      if (op) void execute(op);
    },
    [scope, execute],
  );

  return useMemo(() => ({ start, retry }), [start, retry]);
}
