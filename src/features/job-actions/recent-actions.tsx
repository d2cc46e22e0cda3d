import { useAuditEntries } from '@/api/dashboard/access';
import { activityRoute, Link } from '@/app/router';
import { describeAuditEntry } from '@/lib/audit-summary';
import { useTimeZone } from '@/stores/preferences';

/** The job's latest actions from the audit trail: who did what, and what became of it. */
export function RecentActions({ clusterId, jobId }: { clusterId: string; jobId: string }) {
  const entries = useAuditEntries({ cluster: clusterId, job: jobId, limit: 3 }, 10_000);
  const zone = useTimeZone();
  if (!entries.data?.length) return null;
  return (
    <div
      className="max-w-xl text-right text-xs text-slate-600 dark:text-slate-400"
      data-testid="recent-actions"
    >
      <ul>
        {entries.data.map((e) => (
          <li key={e.id} className={`break-words ${e.refused ? 'text-red-700 dark:text-red-400' : ''}`}>
            {describeAuditEntry(e, zone)}
          </li>
        ))}
      </ul>
      <Link
        to={activityRoute}
        search={{ cluster: clusterId, job: jobId }}
        className="text-sky-700 hover:underline dark:text-sky-400"
      >
        All actions on this job
      </Link>
    </div>
  );
}
