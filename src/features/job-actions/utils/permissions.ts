import { isTerminalState } from '@/api/polling';
import { ACTION_ROLES, roleAllows, type Role } from '@/lib/action-roles';
import type { OperationKind } from './operation-machine';

export interface Features {
  'web-cancel'?: boolean | undefined;
  'web-rescale'?: boolean | undefined;
  'web-submit'?: boolean | undefined;
}

export type Availability = Record<OperationKind, boolean> & {
  /** Whether the savepoint dialog may offer "cancel the job afterwards". */
  savepointCancel: boolean;
};

/**
 * Which action buttons exist. Nothing in read-only mode. Cancel and stop (and savepoint-then-
 * cancel) only where Flink's `/config` says `web-cancel`; rescale only with `web-rescale`; both
 * stay hidden until `/config` answered. Job actions need a job that has not finished (and whose
 * state is known); disposing a savepoint is a cluster action and stays available for finished jobs.
 */
export function availableActions(opts: {
  readOnly: boolean;
  features: Features | undefined;
  jobState: string | undefined;
}): Availability {
  const none: Availability = {
    savepoint: false,
    stop: false,
    checkpoint: false,
    cancel: false,
    rescale: false,
    dispose: false,
    savepointCancel: false,
  };
  if (opts.readOnly) return none;
  const live = opts.jobState !== undefined && !isTerminalState(opts.jobState);
  const cancel = live && opts.features?.['web-cancel'] === true;
  return {
    savepoint: live,
    checkpoint: live,
    stop: cancel,
    cancel,
    savepointCancel: cancel,
    rescale: live && opts.features?.['web-rescale'] === true,
    dispose: opts.jobState !== undefined,
  };
}

/**
 * The role an action needs when the user's role is too low for it, else undefined. The button
 * then stays visible but disabled, its tooltip naming the role (the server refuses it anyway).
 */
export function missingRole(kind: OperationKind, role: Role): Role | undefined {
  const needed = ACTION_ROLES[kind];
  return roleAllows(role, needed) ? undefined : needed;
}

/** The tooltip of a button the role may not use. */
export function roleTooltip(needed: Role, role: Role): string {
  return `Needs the ${needed} role (you are ${role})`;
}

/** Flink's default savepoint directory from a job's JobManager configuration (2.x key first). */
export function defaultSavepointDir(
  entries: readonly { key: string; value: string }[] | undefined,
): string | undefined {
  if (!entries) return undefined;
  for (const key of ['execution.checkpointing.savepoint-dir', 'state.savepoints.dir']) {
    const v = entries.find((e) => e.key === key)?.value.trim();
    if (v) return v;
  }
  return undefined;
}
