import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { isApiError, HttpError, InvalidResponseError } from '@/api/errors';
import { useNow } from '@/hooks/use-now';
import { formatAgo } from '@/lib/format';
import { PageSkeleton } from './page-skeleton';

/** An error box that names the endpoint and shows the cluster's own message, with a retry. */
export function QueryError({
  error,
  onRetry,
  compact,
}: {
  error: unknown;
  onRetry?: () => void;
  compact?: boolean;
}) {
  const api = isApiError(error) ? error : undefined;
  const title = api
    ? api instanceof InvalidResponseError
      ? 'Unexpected answer from the cluster'
      : api.isOutage
        ? 'The cluster did not answer'
        : api instanceof HttpError && api.status === 404
          ? 'Not found on the cluster'
          : 'The cluster reported an error'
    : 'Something went wrong';
  const details = api instanceof HttpError ? api.errors : [];
  return (
    <div
      role="alert"
      data-testid="query-error"
      className={`rounded-md border border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100 ${compact ? 'p-2 text-xs' : 'p-4 text-sm'}`}
    >
      <div className="font-semibold">{title}</div>
      <div className="mt-1 break-words font-mono text-xs">
        {error instanceof Error ? error.message : String(error)}
      </div>
      {details.length > 1 ? (
        <details className="mt-2">
          <summary className="cursor-pointer text-xs">Full message from the cluster</summary>
          <pre className="mt-1 max-h-64 overflow-auto whitespace-pre-wrap text-xs">{details.join('\n')}</pre>
        </details>
      ) : null}
      {onRetry ? (
        <button
          type="button"
          onClick={onRetry}
          className="mt-2 rounded border border-amber-400 px-2 py-0.5 text-xs hover:bg-amber-100 dark:border-amber-700 dark:hover:bg-amber-900"
        >
          Retry
        </button>
      ) : null}
    </div>
  );
}

/** Marks data that is still shown after the cluster stopped answering; its age keeps counting. */
export function StaleMark({ updatedAt }: { updatedAt: number }) {
  const now = useNow();
  return (
    <span
      data-testid="stale-mark"
      title="The last refresh failed; this is the last data received."
      className="ml-2 rounded bg-amber-200 px-1.5 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-800 dark:text-amber-100"
    >
      stale · {formatAgo(updatedAt, now)}
    </span>
  );
}

/**
 * One way to show a query: skeleton on first load only, a local error that names the endpoint,
 * an empty message, and otherwise the data, marked stale when the latest refresh failed.
 */
export function QueryState<T>({
  query,
  children,
  isEmpty,
  empty,
  skeletonRows,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  skeletonRows?: number;
}) {
  if (query.isPending) return <PageSkeleton rows={skeletonRows ?? 4} />;
  if (query.data === undefined) {
    return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  }
  const data = query.data;
  return (
    <>
      {query.isError ? (
        <div className="mb-2 flex items-center text-xs text-amber-800 dark:text-amber-200">
          <StaleMark updatedAt={query.dataUpdatedAt} />
          <span className="ml-2 truncate">{query.error instanceof Error ? query.error.message : ''}</span>
        </div>
      ) : null}
      {isEmpty?.(data) ? (empty ?? <p className="text-sm text-slate-500">Nothing here.</p>) : children(data)}
    </>
  );
}
