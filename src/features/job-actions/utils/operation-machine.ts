/*
 * The life of one job action the user started, as a pure state machine (the store and the
 * status pollers only feed it events):
 *
 *   sending ──accepted──▶ running ──status done──▶ completed | failed
 *      │                    │  ▲                     (sync actions: accepted ▶ completed)
 *   send-failed          missing │ status
 *      ▼                    ▼  │
 *   unsent ──retry──▶ sending   lost          resuming (after a reload) ──status──▶ running/…
 *      └──status (the cluster knows the id after all)──▶ running/…   └──missing──▶ (dropped)
 *
 * `unsent`: the trigger request failed. After an outage its fate is unknown, so the trigger id
 * is kept and polled: if the cluster knows it, the operation did start and is followed; a retry
 * reuses the id (Flink deduplicates by trigger id), so no second savepoint can start.
 */

export type OperationKind = 'savepoint' | 'stop' | 'checkpoint' | 'cancel' | 'rescale' | 'dispose';

/** Kinds that return a trigger id and are followed on a status endpoint. */
export const ASYNC_KINDS: ReadonlySet<OperationKind> = new Set([
  'savepoint',
  'stop',
  'checkpoint',
  'dispose',
]);

export type Phase = 'sending' | 'unsent' | 'running' | 'resuming' | 'completed' | 'failed' | 'lost';

export interface OperationParams {
  targetDirectory?: string | undefined;
  formatType?: 'CANONICAL' | 'NATIVE' | undefined;
  cancelJob?: boolean | undefined;
  drain?: boolean | undefined;
  checkpointType?: 'CONFIGURED' | 'FULL' | 'INCREMENTAL' | undefined;
  savepointPath?: string | undefined;
  /** Rescale: vertex id -> [lower, upper] bounds. */
  parallelism?: Record<string, [number, number]> | undefined;
  /** Rescale: human summary, e.g. "Map 2 → 4". */
  summary?: string | undefined;
}

export interface OperationFailure {
  className: string | undefined;
  stackTrace: string | undefined;
}

export interface Operation {
  /** Local id of this user action (not Flink's trigger id). */
  key: string;
  kind: OperationKind;
  phase: Phase;
  params: OperationParams;
  triggerId?: string | undefined;
  startedAt: number;
  updatedAt: number;
  /** Savepoint location, or the checkpoint id, once completed. */
  result?: string | undefined;
  failure?: OperationFailure | undefined;
  /** Why the trigger request failed (`unsent`), with Flink's messages when it answered. */
  error?: { message: string; details: string[]; fateUnknown: boolean } | undefined;
  /** Seen in progress in this page session (so its end deserves a notification). */
  observed?: boolean | undefined;
}

export type OperationEvent =
  | { type: 'accepted'; triggerId?: string | undefined; at: number }
  | {
      type: 'send-failed';
      message: string;
      details?: string[];
      fateUnknown: boolean;
      triggerId?: string | undefined;
      at: number;
    }
  | { type: 'retry'; at: number }
  | {
      type: 'status';
      done: boolean;
      result?: string | number | undefined;
      failure?: OperationFailure | undefined;
      at: number;
    }
  | { type: 'status-missing'; at: number };

export function createOperation(
  key: string,
  kind: OperationKind,
  params: OperationParams,
  at: number,
): Operation {
  return { key, kind, phase: 'sending', params, startedAt: at, updatedAt: at, observed: true };
}

export const isActive = (op: Pick<Operation, 'phase'>) =>
  op.phase === 'sending' || op.phase === 'running' || op.phase === 'resuming';

export const isFinal = (op: Pick<Operation, 'phase'>) =>
  op.phase === 'completed' || op.phase === 'failed' || op.phase === 'lost';

/** Whether the status endpoint should be polled for this operation now. */
export const shouldPoll = (op: Operation) =>
  ASYNC_KINDS.has(op.kind) &&
  op.triggerId !== undefined &&
  (op.phase === 'running' ||
    op.phase === 'resuming' ||
    (op.phase === 'unsent' && op.error?.fateUnknown === true));

/**
 * The next state, or null when the operation should disappear (after a reload the cluster no
 * longer remembers it: nothing to show). Events that do not apply leave the state unchanged.
 */
export function reduce(op: Operation, ev: OperationEvent): Operation | null {
  const at = ev.at;
  switch (ev.type) {
    case 'accepted': {
      if (op.phase !== 'sending' && op.phase !== 'unsent') return op;
      if (!ASYNC_KINDS.has(op.kind)) return { ...op, phase: 'completed', error: undefined, updatedAt: at };
      const triggerId = ev.triggerId ?? op.triggerId;
      if (!triggerId) return { ...op, phase: 'completed', error: undefined, updatedAt: at };
      return { ...op, phase: 'running', triggerId, error: undefined, updatedAt: at };
    }
    case 'send-failed':
      if (op.phase !== 'sending') return op;
      return {
        ...op,
        phase: 'unsent',
        // Only an outage (or an odd answer) leaves the fate open; a refusal means Flink started nothing.
        triggerId: ev.fateUnknown ? (ev.triggerId ?? op.triggerId) : undefined,
        error: { message: ev.message, details: ev.details ?? [], fateUnknown: ev.fateUnknown },
        updatedAt: at,
      };
    case 'retry':
      if (op.phase !== 'unsent') return op;
      return { ...op, phase: 'sending', observed: true, updatedAt: at };
    case 'status': {
      if (!(op.phase === 'running' || op.phase === 'resuming' || (op.phase === 'unsent' && op.triggerId)))
        return op;
      if (!ev.done) return { ...op, phase: 'running', error: undefined, observed: true, updatedAt: at };
      const failed = ev.failure !== undefined;
      return {
        ...op,
        phase: failed ? 'failed' : 'completed',
        result: ev.result === undefined ? undefined : String(ev.result),
        failure: ev.failure,
        error: undefined,
        updatedAt: at,
      };
    }
    case 'status-missing':
      if (op.phase === 'resuming') return null;
      if (op.phase === 'running') return { ...op, phase: 'lost', updatedAt: at };
      return op;
  }
}

/** After a reload: what was in flight is re-checked with the cluster before it is shown as running. */
export function restored(op: Operation): Operation | null {
  if (isFinal(op)) return { ...op, observed: false };
  if (!op.triggerId || !ASYNC_KINDS.has(op.kind)) return null; // a send cut off by the reload: unknown id
  if (op.phase === 'unsent') return { ...op, observed: false };
  return { ...op, phase: 'resuming', observed: false };
}

/**
 * Which actions may not start now. A savepoint or stop in flight blocks both (and a second one of
 * its kind); stop and cancel in flight block every job action; an unsent action blocks its kind
 * until retried or dismissed (a new one would not reuse its trigger id after a reload).
 */
export function blockedKinds(ops: readonly Operation[]): Set<OperationKind> {
  const blocked = new Set<OperationKind>();
  for (const op of ops) {
    if (!isActive(op) && op.phase !== 'unsent') continue;
    blocked.add(op.kind);
    if (op.kind === 'savepoint' || op.kind === 'stop') blocked.add('savepoint').add('stop');
    if (op.kind === 'stop' || op.kind === 'cancel' || (op.kind === 'savepoint' && op.params.cancelJob)) {
      for (const k of ['savepoint', 'stop', 'checkpoint', 'cancel', 'rescale'] as const) blocked.add(k);
    }
  }
  return blocked;
}

export type Notice = { tone: 'success' | 'error' | 'warning'; title: string } | undefined;

/** What to announce when an operation moves from `before` to `after` (only ends seen live). */
export function noticeFor(before: Operation | undefined, after: Operation | null): Notice {
  if (!after || !after.observed) return undefined;
  if (before?.phase === after.phase) return undefined;
  const what = LABELS[after.kind];
  if (after.phase === 'completed' && ASYNC_KINDS.has(after.kind))
    return { tone: 'success', title: `${what} completed` };
  if (after.phase === 'failed') return { tone: 'error', title: `${what} failed` };
  if (after.phase === 'lost') return { tone: 'warning', title: `${what}: status unknown` };
  return undefined;
}

export const LABELS: Record<OperationKind, string> = {
  savepoint: 'Savepoint',
  stop: 'Stop with savepoint',
  checkpoint: 'Checkpoint',
  cancel: 'Cancel',
  rescale: 'Rescale',
  dispose: 'Savepoint disposal',
};
