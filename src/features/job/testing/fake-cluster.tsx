/*
 * Test support (not shipped: nothing in the app imports it). Renders the real app router at a URL
 * against a fake Flink cluster that answers with recorded Flink 2.2 responses from e2e/fixtures.
 */
import { createQueryClient } from '@/app/query-client';
import { configure } from '@testing-library/react';
import { vi } from 'vitest';
import { renderAppAt } from '@/components/testing/memory-router';

const FIXTURES = import.meta.glob<unknown>('/e2e/fixtures/flink/2.2/*.json', {
  eager: true,
  import: 'default',
});

/** A recorded answer by file name, e.g. `jobs__jobid--failed.json`. */
export function fixture<T>(file: string): T {
  const data = FIXTURES[`/e2e/fixtures/flink/2.2/${file}`];
  if (data === undefined) throw new Error(`no fixture ${file}`);
  return structuredClone(data) as T;
}

export type Answer = unknown | { status: number; body: unknown };
export interface Sent {
  path: string;
  search: URLSearchParams;
}

const isStatus = (a: unknown): a is { status: number; body: unknown } =>
  typeof a === 'object' && a !== null && 'status' in a && 'body' in a && Object.keys(a).length === 2;

/**
 * Stubs `fetch`: `/api/clusters` names one Flink cluster `demo`; `/api/demo/<path>` answers from
 * `routes[path]` (a body, `{status, body}`, or a function of the request), else 404 like Flink.
 */
export function fakeFlink(
  routes: Record<string, Answer | ((req: Sent) => Answer)>,
  /** More fields of the cluster `demo` in `/api/clusters` (e.g. `historyUrl`). */
  cluster: Record<string, unknown> = {},
): Sent[] {
  const sent: Sent[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string) => {
      const u = new URL(input, 'http://dashboard.test');
      if (u.pathname === '/api/clusters') {
        return Response.json({
          clusters: [{ id: 'demo', name: 'Demo', kind: 'flink', hasPrometheus: false, ...cluster }],
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
      if (isStatus(answer)) return Response.json(answer.body, { status: answer.status });
      return Response.json(answer);
    }),
  );
  return sent;
}

// Lazy routes load (and compile) on first use: give them time on a busy machine.
configure({ asyncUtilTimeout: 15_000 });
vi.setConfig({ testTimeout: 30_000 });

/** Renders the whole app (shell, router, lazy pages) at `url`. */
export function renderApp(url: string) {
  if (typeof window.matchMedia !== 'function') {
    // The shell follows the system theme; jsdom has no media queries.
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
  // The app's own client: its retry and refetch policy is part of what the page does.
  const queryClient = createQueryClient();
  return { ...renderAppAt(url, queryClient), queryClient };
}

/** jsdom has no layout: give scroll containers a height so virtualised lists render rows. */
export function fakeLayout(height = 600) {
  const before = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => height });
  const rect = HTMLElement.prototype.getBoundingClientRect;
  HTMLElement.prototype.getBoundingClientRect = function () {
    return {
      x: 0,
      y: 0,
      top: 0,
      left: 0,
      bottom: height,
      right: 1200,
      width: 1200,
      height,
      toJSON: () => ({}),
    } as DOMRect;
  };
  return () => {
    if (before) Object.defineProperty(HTMLElement.prototype, 'clientHeight', before);
    HTMLElement.prototype.getBoundingClientRect = rect;
  };
}
