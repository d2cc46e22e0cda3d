import { useEffect } from 'react';
import { HttpError } from '@/api/errors';
import {
  useCheckpointTriggerStatus,
  useSavepointDisposalStatus,
  useSavepointStatus,
} from '@/api/flink/operations';
import { dispatch, type Scope } from './operations-store';
import { shouldPoll, type Operation } from './utils/operation-machine';

/**
 * Follows one operation on its status endpoint (every second, the api's policy) while it runs,
 * is being resumed after a reload, or its trigger request's fate is unknown, and feeds what the
 * cluster says into the store. A 404 means the cluster does not know (or no longer knows) the id.
 */
export function useOperationStatus(scope: Scope, op: Operation) {
  const { clusterId, jobId } = scope;
  const id = shouldPoll(op) ? op.triggerId : undefined;
  const savepoint = useSavepointStatus(
    clusterId,
    jobId,
    op.kind === 'savepoint' || op.kind === 'stop' ? id : undefined,
  );
  const checkpoint = useCheckpointTriggerStatus(clusterId, jobId, op.kind === 'checkpoint' ? id : undefined);
  const disposal = useSavepointDisposalStatus(clusterId, op.kind === 'dispose' ? id : undefined);
  const q = op.kind === 'checkpoint' ? checkpoint : op.kind === 'dispose' ? disposal : savepoint;
  const { data, error, dataUpdatedAt, errorUpdatedAt } = q;
  const key = op.key;
  const active = id !== undefined;

  useEffect(() => {
    if (!active || !data) return;
    dispatch(scope, key, {
      type: 'status',
      done: data.done,
      result: data.result,
      failure: data.failure,
      at: Date.now(),
    });
  }, [active, data, dataUpdatedAt, scope, key]);

  useEffect(() => {
    if (!active || !(error instanceof HttpError) || error.status !== 404) return;
    dispatch(scope, key, { type: 'status-missing', at: Date.now() });
  }, [active, error, errorUpdatedAt, scope, key]);

  return q;
}
