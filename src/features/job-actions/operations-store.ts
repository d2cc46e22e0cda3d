import { useCallback, useSyncExternalStore } from 'react';
import {
  blockedKinds,
  createOperation,
  noticeFor,
  reduce,
  restored,
  type Notice,
  type Operation,
  type OperationEvent,
  type OperationKind,
  type OperationParams,
} from './utils/operation-machine';

/*
 * The job actions in flight, per cluster + job, outside React: they survive the job page
 * unmounting (navigating away and back) and, through sessionStorage, a reload of the tab (then
 * each is re-checked with the cluster before it is shown as running). The decision whether an
 * action may start is taken here synchronously, so two clicks in the same frame start one.
 */

const STORAGE_KEY = 'streamdash.job-operations.v1';
/** Finished operations kept per job (the newest); running ones are never dropped. */
const KEEP_FINISHED = 8;

type Listener = () => void;
type NoticeListener = (scope: Scope, op: Operation, notice: NonNullable<Notice>) => void;
export interface Scope {
  clusterId: string;
  jobId: string;
}

const scopeKey = (s: Scope) => JSON.stringify([s.clusterId, s.jobId]);
const EMPTY: readonly Operation[] = Object.freeze([]);

let state: Map<string, readonly Operation[]> | undefined;
const listeners = new Set<Listener>();
const noticeListeners = new Set<NoticeListener>();
let counter = 0;

function storage(): Storage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined;
  }
}

function load(): Map<string, readonly Operation[]> {
  const map = new Map<string, readonly Operation[]>();
  try {
    const raw = storage()?.getItem(STORAGE_KEY);
    const parsed = raw ? (JSON.parse(raw) as Record<string, Operation[]>) : {};
    for (const [key, ops] of Object.entries(parsed)) {
      if (!Array.isArray(ops)) continue;
      const back = ops
        .filter(isOperationLike)
        .map(restored)
        .filter((o): o is Operation => o !== null);
      if (back.length) map.set(key, back);
    }
  } catch {
    // A damaged entry must not break the page: start empty.
  }
  return map;
}

function isOperationLike(o: unknown): o is Operation {
  if (!o || typeof o !== 'object') return false;
  const op = o as Partial<Operation>;
  return (
    typeof op.key === 'string' &&
    typeof op.kind === 'string' &&
    typeof op.phase === 'string' &&
    typeof op.startedAt === 'number'
  );
}

function current(): Map<string, readonly Operation[]> {
  state ??= load();
  return state;
}

function save() {
  const store = storage();
  if (!store) return;
  const out: Record<string, Operation[]> = {};
  for (const [key, ops] of current()) {
    // Without a trigger id nothing can be resumed after a reload.
    const keep = ops.filter((o) => o.triggerId !== undefined);
    if (keep.length) out[key] = keep as Operation[];
  }
  try {
    store.setItem(STORAGE_KEY, JSON.stringify(out));
  } catch {
    // Quota or privacy mode: operations still live for this page session.
  }
}

function set(scope: Scope, ops: readonly Operation[]) {
  const map = new Map(current());
  const finished = ops.filter((o) => o.phase === 'completed' || o.phase === 'failed' || o.phase === 'lost');
  const dropped = new Set(finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED)).map((o) => o.key));
  const kept = ops.filter((o) => !dropped.has(o.key));
  if (kept.length) map.set(scopeKey(scope), kept);
  else map.delete(scopeKey(scope));
  state = map;
  save();
  listeners.forEach((l) => l());
}

export function getOperations(scope: Scope): readonly Operation[] {
  return current().get(scopeKey(scope)) ?? EMPTY;
}

export function getOperation(scope: Scope, key: string): Operation | undefined {
  return getOperations(scope).find((o) => o.key === key);
}

/**
 * Registers a new action in `sending`, or returns undefined when one that conflicts is still in
 * flight (a double click, or a second savepoint while the first runs).
 */
export function startOperation(
  scope: Scope,
  kind: OperationKind,
  params: OperationParams,
  now = Date.now(),
): Operation | undefined {
  const ops = getOperations(scope);
  if (blockedKinds(ops).has(kind)) return undefined;
  const op = createOperation(`op-${now.toString(36)}-${(++counter).toString(36)}`, kind, params, now);
  set(scope, [...ops, op]);
  return op;
}

export function dispatch(scope: Scope, key: string, event: OperationEvent) {
  const ops = getOperations(scope);
  const before = ops.find((o) => o.key === key);
  if (!before) return;
  const after = reduce(before, event);
  if (after === before) return;
  set(scope, after === null ? ops.filter((o) => o.key !== key) : ops.map((o) => (o.key === key ? after : o)));
  const notice = noticeFor(before, after);
  if (notice && after) noticeListeners.forEach((l) => l(scope, after, notice));
}

export function dismissOperation(scope: Scope, key: string) {
  const ops = getOperations(scope);
  if (ops.some((o) => o.key === key))
    set(
      scope,
      ops.filter((o) => o.key !== key),
    );
}

/** Called when an operation ends while the page watches it (for toasts). */
export function onNotice(listener: NoticeListener): () => void {
  noticeListeners.add(listener);
  return () => noticeListeners.delete(listener);
}

function subscribe(listener: Listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useOperations(scope: Scope): readonly Operation[] {
  const { clusterId, jobId } = scope;
  const get = useCallback(() => getOperations({ clusterId, jobId }), [clusterId, jobId]);
  return useSyncExternalStore(subscribe, get, get);
}

/** Tests: forget everything (memory and sessionStorage), or re-read sessionStorage as after a reload. */
export function resetOperationsStore(opts: { reload?: boolean } = {}) {
  if (!opts.reload) storage()?.removeItem(STORAGE_KEY);
  state = undefined;
  listeners.forEach((l) => l());
}
