import {
  type AppRoute,
  jobBackPressureRoute,
  jobCheckpointsRoute,
  jobConfigurationRoute,
  jobExceptionsRoute,
  jobFlameGraphRoute,
  jobRoute,
  type JobSearch,
  jobTimelineRoute,
  Link,
  useRouteSearch,
} from '@/app/router';

type JobTabRoute = AppRoute<`/clusters/:clusterId/jobs/:jobId${string}`, JobSearch>;

/** The job's tabs. Tabs about one vertex keep the selected vertex when switching between them. */
const TABS: { to: JobTabRoute; label: string; keepsVertex: boolean; id: string; live?: true }[] = [
  { to: jobRoute, label: 'Overview', keepsVertex: true, id: 'overview' },
  {
    to: jobExceptionsRoute,
    label: 'Exceptions',
    keepsVertex: false,
    id: 'exceptions',
  },
  { to: jobTimelineRoute, label: 'Timeline', keepsVertex: true, id: 'timeline' },
  {
    to: jobCheckpointsRoute,
    label: 'Checkpoints',
    keepsVertex: false,
    id: 'checkpoints',
  },
  {
    to: jobBackPressureRoute,
    label: 'Back-pressure',
    keepsVertex: true,
    id: 'backpressure',
    live: true,
  },
  {
    to: jobFlameGraphRoute,
    label: 'Flame graph',
    keepsVertex: true,
    id: 'flamegraph',
    live: true,
  },
  {
    to: jobConfigurationRoute,
    label: 'Configuration',
    keepsVertex: false,
    id: 'configuration',
  },
];

// The look of the shared Tabs (components/tabs.tsx); these are links, so every tab has a URL
// that opens in a new browser tab too.
const base =
  '-mb-px flex shrink-0 items-center gap-1.5 whitespace-nowrap border-b-2 px-3 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-sky-500';
const inactive =
  'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900 dark:text-slate-400 dark:hover:border-slate-600 dark:hover:text-slate-100';
const active = 'border-sky-600 font-medium text-slate-950 dark:border-sky-400 dark:text-white';

export function JobTabs({
  clusterId,
  jobId,
  attention,
  archive = false,
}: {
  clusterId: string;
  jobId: string;
  attention: boolean;
  /** A History Server's job: tabs that only a running JobManager can answer are left out. */
  archive?: boolean;
}) {
  const { vertex } = useRouteSearch(jobRoute);
  return (
    <nav
      aria-label="Job views"
      className="flex gap-1 overflow-x-auto border-b border-slate-200 dark:border-slate-800"
      data-testid="job-tabs"
    >
      {TABS.filter((t) => !(archive && t.live)).map((t) => (
        <Link
          key={t.id}
          to={t.to}
          params={{ clusterId, jobId }}
          search={t.keepsVertex && vertex ? { vertex } : {}}
          exact
          className={base}
          activeClassName={active}
          inactiveClassName={inactive}
          data-testid={`job-tab-${t.id}`}
        >
          {t.label}
          {t.id === 'exceptions' && attention ? (
            <span aria-label="(the job failed)" className="inline-block h-2 w-2 rounded-full bg-red-500" />
          ) : null}
        </Link>
      ))}
    </nav>
  );
}
