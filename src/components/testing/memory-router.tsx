/*
 * Test support (nothing in the app imports it): the app's router without a browser, on wouter's
 * memory location. `location()` tells where the app has navigated to since.
 */
import type { ReactNode } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import { App } from '@/app/app';
import { parseSearch } from '@/app/router/search-params';

interface TestLocation {
  pathname: string;
  /** Parsed as the app parses it (`?subtask=3` → `{ subtask: 3 }`). */
  search: Record<string, unknown>;
  /** As in the URL, with its `?` (or ''). */
  searchStr: string;
}

/** A router starting at `url`: wrap the tree in `MemoryRouter`. */
export function memoryRouter(url: string) {
  const memory = memoryLocation({ path: url, record: true });
  function MemoryRouter({ children }: { children: ReactNode }) {
    return <Router hook={memory.hook}>{children}</Router>;
  }
  const location = (): TestLocation => {
    const [pathname = '/', query = ''] = (memory.history?.at(-1) ?? url).split('?');
    return { pathname, search: parseSearch(query), searchStr: query ? `?${query}` : '' };
  };
  return { MemoryRouter, location };
}

/** Renders the whole app (shell, routes, lazy pages) at `url`. */
export function renderAppAt(url: string, queryClient: QueryClient) {
  const { MemoryRouter, location } = memoryRouter(url);
  const view = render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter>
        <App />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return { ...view, location };
}
