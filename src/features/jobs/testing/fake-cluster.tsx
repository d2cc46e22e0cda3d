/*
 * Test support (not shipped: nothing in the app imports it). Renders the real app router at a URL
 * against a fake Flink cluster answering with recorded Flink 2.2 responses from e2e/fixtures.
 * (Features do not import each other, so the job feature has its own copy.)
 */
import { QueryClient } from '@tanstack/react-query';
import { configure } from '@testing-library/react';
import { vi } from 'vitest';
import { renderAppAt } from '@/components/testing/memory-router';

const FIXTURES = import.meta.glob<unknown>('/e2e/fixtures/flink/2.2/*.json', {
  eager: true,
  import: 'default',
});

export function fixture<T>(file: string): T {
  const data = FIXTURES[`/e2e/fixtures/flink/2.2/${file}`];
  if (data === undefined) throw new Error(`no fixture ${file}`);
  return structuredClone(data) as T;
}

configure({ asyncUtilTimeout: 15_000 });
vi.setConfig({ testTimeout: 30_000 });

/** Stubs `fetch` with one Flink cluster `demo` whose `/<path>` answers from `routes` (else 404). */
export function fakeFlink(routes: Record<string, unknown>) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) => {
      const u = new URL(input, 'http://dashboard.test');
      if (u.pathname === '/api/clusters') {
        return Response.json({
          clusters: [{ id: 'demo', name: 'Demo', kind: 'flink', hasPrometheus: false }],
          readOnly: false,
          triage: {},
        });
      }
      const path = u.pathname.replace(/^\/api\/demo/, '');
      const body =
        routes[path] ??
        (path === '/config'
          ? fixture('config.json')
          : path === '/overview'
            ? fixture('overview.json')
            : undefined);
      return body === undefined
        ? Response.json({ errors: [`Not found: ${path}`] }, { status: 404 })
        : Response.json(body);
    }),
  );
}

export function renderApp(url: string) {
  if (typeof window.matchMedia !== 'function') {
    window.matchMedia = (query: string) =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        addListener: () => undefined,
        removeListener: () => undefined,
        dispatchEvent: () => false,
      }) as MediaQueryList;
  }
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 1000 } } });
  return { ...renderAppAt(url, queryClient) };
}

/** jsdom has no layout: give scroll containers a height so the virtualised table renders rows. */
export function fakeLayout(height = 800) {
  const before = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => height });
  return () => {
    if (before) Object.defineProperty(HTMLElement.prototype, 'clientHeight', before);
  };
}
