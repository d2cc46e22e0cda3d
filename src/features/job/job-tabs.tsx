import { getRouteApi, Link } from '@tanstack/react-router';

const route = getRouteApi('/clusters/$clusterId/jobs/$jobId');

type TabPath =
  | '/clusters/$clusterId/jobs/$jobId'
  | '/clusters/$clusterId/jobs/$jobId/exceptions'
  | '/clusters/$clusterId/jobs/$jobId/timeline'
  | '/clusters/$clusterId/jobs/$jobId/checkpoints'
  | '/clusters/$clusterId/jobs/$jobId/backpressure'
  | '/clusters/$clusterId/jobs/$jobId/flamegraph'
  | '/clusters/$clusterId/jobs/$jobId/configuration';

/** The job's tabs. Tabs about one vertex keep the selected vertex when switching between them. */
const TABS: { to: TabPath; label: string; keepsVertex: boolean; id: string }[] = [
  { to: '/clusters/$clusterId/jobs/$jobId', label: 'Overview', keepsVertex: true, id: 'overview' },
  {
    to: '/clusters/$clusterId/jobs/$jobId/exceptions',
    label: 'Exceptions',
    keepsVertex: false,
    id: 'exceptions',
  },
  { to: '/clusters/$clusterId/jobs/$jobId/timeline', label: 'Timeline', keepsVertex: true, id: 'timeline' },
  {
    to: '/clusters/$clusterId/jobs/$jobId/checkpoints',
    label: 'Checkpoints',
    keepsVertex: false,
    id: 'checkpoints',
  },
  {
    to: '/clusters/$clusterId/jobs/$jobId/backpressure',
    label: 'Back-pressure',
    keepsVertex: true,
    id: 'backpressure',
  },
  {
    to: '/clusters/$clusterId/jobs/$jobId/flamegraph',
    label: 'Flame graph',
    keepsVertex: true,
    id: 'flamegraph',
  },
  {
    to: '/clusters/$clusterId/jobs/$jobId/configuration',
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
}: {
  clusterId: string;
  jobId: string;
  attention: boolean;
}) {
  const { vertex } = route.useSearch();
  return (
    <nav
      aria-label="Job views"
      className="flex gap-1 overflow-x-auto border-b border-slate-200 dark:border-slate-800"
      data-testid="job-tabs"
    >
      {TABS.map((t) => (
        <Link
          key={t.id}
          to={t.to}
          params={{ clusterId, jobId }}
          search={t.keepsVertex && vertex ? { vertex } : {}}
          activeOptions={{ exact: true, includeSearch: false }}
          className={base}
          activeProps={{ className: active, 'aria-current': 'page' }}
          inactiveProps={{ className: inactive }}
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
