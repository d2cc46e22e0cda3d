import { QueryClient } from '@tanstack/react-query';
import { isApiError } from '@/api/errors';
import { trackConnections } from '@/api/connection-status';

export function createQueryClient() {
  const client = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 1000,
        // Wrong answers and 4xx will not fix themselves; outages get one quick retry.
        retry: (count, error) => (isApiError(error) && error.isOutage ? count < 1 : false),
        retryDelay: 1000,
        // A failed query is asked again by its poll or the retry button, not by every component
        // that mounts: a parent that shows a skeleton while pending would otherwise remount its
        // children, whose mount refetches, which makes it pending again: a request loop.
        retryOnMount: false,
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
  trackConnections(client);
  return client;
}
