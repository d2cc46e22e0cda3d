/*
 * Test support of this feature (nothing in the app imports it): renders the real app router at a
 * URL against a fake Flink cluster answering with recorded Flink 2.2 responses from e2e/fixtures.
 */
import { QueryClient } from '@tanstack/react-query';
import { configure } from '@testing-library/react';
import { vi } from 'vitest';
import { renderAppAt } from '@/components/testing/memory-router';

const FIXTURES = import.meta.glob<unknown>('/e2e/fixtures/flink/2.2/*.json', {
  eager: true,
  import: 'default',
});

/** A recorded answer by file name, e.g. `jobs__jobid--backpressure.json`. */
export function fixture<T>(file: string): T {
  const data = FIXTURES[`/e2e/fixtures/flink/2.2/${file}`];
  if (data === undefined) throw new Error(`no fixture ${file}`);
  return structuredClone(data) as T;
}

export interface Sent {
  path: string;
  search: URLSearchParams;
}
type Answer = unknown;

/** Stubs `fetch`: one Flink cluster `demo`; `/api/demo/<path>` answers from `routes` (body or function), else 404. */
export function fakeFlink(routes: Record<string, Answer | ((req: Sent) => Answer)>): Sent[] {
  const sent: Sent[] = [];
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
      const req = { path, search: u.searchParams };
      sent.push(req);
      const route =
        routes[path] ??
        (path === '/config'
          ? fixture('config.json')
          : path === '/overview'
            ? fixture('overview.json')
            : undefined);
      const answer = typeof route === 'function' ? (route as (r: Sent) => Answer)(req) : route;
      if (answer === undefined) return Response.json({ errors: [`Not found: ${path}`] }, { status: 404 });
      return Response.json(answer);
    }),
  );
  return sent;
}

configure({ asyncUtilTimeout: 8000 });
vi.setConfig({ testTimeout: 60_000 });

/** Renders the whole app (shell, router, lazy pages) at `url`. */
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
  return { ...renderAppAt(url, queryClient), queryClient };
}

/** jsdom has no layout: give elements a size so virtualised tables render rows and charts have a width. */
export function fakeLayout(height = 600, width = 1200) {
  const heightBefore = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
  const widthBefore = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientWidth');
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => height });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => width });
  const rect = HTMLElement.prototype.getBoundingClientRect;
  HTMLElement.prototype.getBoundingClientRect = function () {
    return {
      x: 0,
      y: 0,
      top: 0,
      left: 0,
      bottom: height,
      right: width,
      width,
      height,
      toJSON: () => ({}),
    } as DOMRect;
  };
  return () => {
    if (heightBefore) Object.defineProperty(HTMLElement.prototype, 'clientHeight', heightBefore);
    else delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
    if (widthBefore) Object.defineProperty(HTMLElement.prototype, 'clientWidth', widthBefore);
    else delete (HTMLElement.prototype as { clientWidth?: number }).clientWidth;
    HTMLElement.prototype.getBoundingClientRect = rect;
  };
}
