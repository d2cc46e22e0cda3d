import type { SeaTunnelJob, SeaTunnelOverview } from '@/api/seatunnel/normalise';

/*
 * The overview's figures, each with where it came from. `/overview` says everything on 2.3.5+;
 * older v1 engines have no such endpoint, so job counts are counted from the job lists and the
 * worker count from system monitoring, and what cannot be derived (version, slots) says so.
 */

export type FigureSource = 'engine' | 'derived' | 'missing';

export interface Figure<T> {
  value: T | null;
  source: FigureSource;
  /** How it was derived, or why it is missing. */
  note?: string;
}

export interface OverviewFigures {
  version: Figure<string>;
  commit: Figure<string>;
  workers: Figure<number>;
  totalSlot: Figure<number>;
  unassignedSlot: Figure<number>;
  running: Figure<number>;
  pending: Figure<number>;
  finished: Figure<number>;
  failed: Figure<number>;
  cancelled: Figure<number>;
}

export interface OverviewInputs {
  overview: SeaTunnelOverview | undefined;
  /** Why /overview gave nothing (an error message), if it failed. */
  overviewError?: string | undefined;
  running: readonly SeaTunnelJob[] | undefined;
  finished: readonly SeaTunnelJob[] | undefined;
  /** Members listed by system-monitoring-information. */
  members: number | undefined;
}

const engine = <T>(value: T): Figure<T> => ({ value, source: 'engine' });
const derived = <T>(value: T, note: string): Figure<T> => ({ value, source: 'derived', note });
const missing = <T>(note: string): Figure<T> => ({ value: null, source: 'missing', note });

const countState = (jobs: readonly SeaTunnelJob[], state: string) =>
  jobs.filter((j) => j.jobStatus.toUpperCase() === state).length;

export function overviewFigures({
  overview,
  overviewError,
  running,
  finished,
  members,
}: OverviewInputs): OverviewFigures {
  const pendingFromList =
    running === undefined
      ? missing<number>('the running-jobs list did not load')
      : derived(countState(running, 'PENDING'), 'counted in the running-jobs list (PENDING)');
  if (overview) {
    return {
      version: engine(overview.projectVersion),
      commit:
        overview.gitCommitAbbrev === null
          ? missing('the engine does not report its commit')
          : engine(overview.gitCommitAbbrev),
      workers:
        overview.workers !== null
          ? engine(overview.workers)
          : members !== undefined
            ? derived(members, 'members listed by system monitoring')
            : missing('the engine does not report its workers'),
      totalSlot: engine(overview.totalSlot),
      unassignedSlot: engine(overview.unassignedSlot),
      running: engine(overview.runningJobs),
      pending: overview.pendingJobs !== null ? engine(overview.pendingJobs) : pendingFromList,
      finished: engine(overview.finishedJobs),
      failed: engine(overview.failedJobs),
      cancelled: engine(overview.cancelledJobs),
    };
  }
  const why = `this engine answers no /overview${overviewError ? ` (${overviewError})` : ''}`;
  const fromFinished = (state: string) =>
    finished === undefined
      ? missing<number>('the finished-jobs list did not load')
      : derived(countState(finished, state), `counted in the finished-jobs list (${state})`);
  return {
    version: missing(why),
    commit: missing(why),
    workers: members !== undefined ? derived(members, 'members listed by system monitoring') : missing(why),
    totalSlot: missing(why),
    unassignedSlot: missing(why),
    running:
      running === undefined
        ? missing('the running-jobs list did not load')
        : derived(
            running.filter((j) => j.jobStatus.toUpperCase() !== 'PENDING').length,
            'counted in the running-jobs list',
          ),
    pending: pendingFromList,
    finished: fromFinished('FINISHED'),
    failed: fromFinished('FAILED'),
    cancelled: fromFinished('CANCELED'),
  };
}
