import { QueryError } from '@/components/query-state';

/** What a view shows instead of itself when it crashed (see RouteErrorBoundary). */
export function RouteErrorPage({ error, reset }: { error: unknown; reset: () => void }) {
  return (
    <div className="p-4" data-testid="route-error">
      <h1 className="mb-3 text-lg font-semibold">This view failed to load</h1>
      <QueryError error={error} onRetry={reset} />
    </div>
  );
}
