import type { ErrorComponentProps } from '@tanstack/react-router';
import { QueryError } from '@/components/query-state';

/** Each route has its own boundary: a crash in one view leaves the shell and navigation working. */
export function RouteErrorPage({ error, reset }: ErrorComponentProps) {
  return (
    <div className="p-4" data-testid="route-error">
      <h1 className="mb-3 text-lg font-semibold">This view failed to load</h1>
      <QueryError error={error} onRetry={reset} />
    </div>
  );
}
