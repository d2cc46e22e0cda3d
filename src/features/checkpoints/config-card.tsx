import type { UseQueryResult } from '@tanstack/react-query';
import type { CheckpointConfig } from '@/api/flink/schemas';
import { PageSkeleton } from '@/components/page-skeleton';
import { QueryError } from '@/components/query-state';
import { configFacts } from './utils/config-facts';

/** `/jobs/:jobid/checkpoints/config`: fixed when the job was submitted. */
export function ConfigCard({ query }: { query: UseQueryResult<CheckpointConfig> }) {
  return (
    <section
      aria-label="Checkpoint configuration"
      data-testid="checkpoint-config"
      className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900"
    >
      {query.isPending ? (
        <PageSkeleton rows={3} />
      ) : !query.data ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} compact />
      ) : (
        <dl className="grid gap-x-8 gap-y-2 text-sm sm:grid-cols-2 xl:grid-cols-3">
          {configFacts(query.data).map((f) => (
            <div key={f.label} className="min-w-0">
              <dt className="text-xs text-slate-500" title={f.option}>
                {f.label}
              </dt>
              <dd
                className="break-words font-medium"
                data-testid={`cp-config-${f.label.toLowerCase().replace(/[^a-z]+/g, '-')}`}
              >
                {f.value}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
