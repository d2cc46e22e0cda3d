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
  { to: '/clusters/$clusterId/jobs/$jobId/exceptions', label: 'Exceptions', keepsVertex: false, id: 'exceptions' },
  { to: '/clusters/$clusterId/jobs/$jobId/timeline', label: 'Timeline', keepsVertex: true, id: 'timeline' },
  { to: '/clusters/$clusterId/jobs/$jobId/checkpoints', label: 'Checkpoints', keepsVertex: false, id: 'checkpoints' },
  { to: '/clusters/$clusterId/jobs/$jobId/backpressure', label: 'Back-pressure', keepsVertex: true, id: 'backpressure' },
  { to: '/clusters/$clusterId/jobs/$jobId/flamegraph', label: 'Flame graph', keepsVertex: true, id: 'flamegraph' },
  { to: '/clusters/$clusterId/jobs/$jobId/configuration', label: 'Configuration', keepsVertex: false, id: 'configuration' },
];

const base =
  'relative -mb-px whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-sky-500';
const inactive =
  'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900 dark:text-slate-400 dark:hover:border-slate-600 dark:hover:text-slate-100';
const active = 'border-sky-600 text-sky-700 dark:border-sky-400 dark:text-sky-300';

export function JobTabs({ clusterId, jobId, attention }: { clusterId: string; jobId: string; attention: boolean }) {
  const { vertex } = route.useSearch();
  return (
    <nav aria-label="Job views" className="flex overflow-x-auto border-b border-slate-200 dark:border-slate-800" data-testid="job-tabs">
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
            <span aria-label="(the job failed)" className="ml-1.5 inline-block h-2 w-2 rounded-full bg-red-500 align-middle" />
          ) : null}
        </Link>
      ))}
    </nav>
  );
}
