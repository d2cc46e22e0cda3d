/*
 * Test support (nothing in the app imports it). Renders the real app router at a URL against a
 * fake SeaTunnel engine that answers with recorded bodies, verbatim (64-bit ids stay as the
 * engine wrote them): the real recordings in e2e/fixtures (2.3.8 v1, 2.3.13 v1 and v2) and demo-shaped v2
 * answers captured next to this file.
 */
import { QueryClient } from '@tanstack/react-query';
import { configure } from '@testing-library/react';
import { vi } from 'vitest';
import { renderAppAt } from '@/components/testing/memory-router';
import { forgetDetectedFlavours } from '@/api/seatunnel/detect-flavour';

const RECORDED = import.meta.glob<string>('/e2e/fixtures/seatunnel/*/*/*.json', {
  eager: true,
  query: '?raw',
  import: 'default',
});
const DEMO = import.meta.glob<string>('./*.json', { eager: true, query: '?raw', import: 'default' });

/** A recorded real answer by file name, as text (`at`: version/flavour, 2.3.8's REST v1 unless given). */
export function recorded(file: string, at = '2.3.8/v1'): string {
  const text = RECORDED[`/e2e/fixtures/seatunnel/${at}/${file}`];
  if (text === undefined) throw new Error(`no recorded ${at}/${file}`);
  return text;
}

/** A demo-shaped answer (2.3.12, REST v2) captured from the demo cluster, as text. */
export function demo(file: string): string {
  const text = DEMO[`./${file}`];
  if (text === undefined) throw new Error(`no demo answer ${file}`);
  return text;
}

export type Answer = string | { status: number; body: string };
export interface Sent {
  method: string;
  /** Path without /api/<cluster> and the flavour's prefix. */
  path: string;
  search: URLSearchParams;
  body: string | undefined;
}

export const V1 = '/hazelcast/rest/maps';
export const CLUSTER = 'st';

/**
 * Stubs `fetch`. `/api/clusters` names one SeaTunnel cluster `st` of the given flavour; engine
 * calls are answered from `routes['GET /overview']` etc. (paths without the v1 prefix), a body
 * text, `{status, body}`, or a function of the request. Unknown paths get v1's empty 400.
 */
export function fakeSeaTunnel(
  routes: Record<string, Answer | ((req: Sent) => Answer)>,
  { flavour = 'v1', readOnly = false }: { flavour?: 'v1' | 'v2'; readOnly?: boolean } = {},
): Sent[] {
  forgetDetectedFlavours();
  const sent: Sent[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init: RequestInit = {}) => {
      const u = new URL(input, 'http://dashboard.test');
      if (u.pathname === '/api/clusters') {
        return Response.json({
          clusters: [{ id: CLUSTER, name: 'SeaTunnel', kind: 'seatunnel', flavour, hasPrometheus: false }],
          readOnly,
          triage: {},
        });
      }
      const full = decodeURIComponent(u.pathname.replace(`/api/${CLUSTER}`, ''));
      const path = flavour === 'v1' ? full.replace(V1, '') : full;
      const method = init.method ?? 'GET';
      const req: Sent = {
        method,
        path,
        search: u.searchParams,
        body: typeof init.body === 'string' ? init.body : undefined,
      };
      sent.push(req);
      const route = routes[`${method} ${path}`];
      const answer = typeof route === 'function' ? route(req) : route;
      if (answer === undefined) return new Response('', { status: 400 });
      if (typeof answer === 'string')
        return new Response(answer, { headers: { 'content-type': 'application/json' } });
      return new Response(answer.body, {
        status: answer.status,
        headers: { 'content-type': 'application/json' },
      });
    }),
  );
  return sent;
}

// Lazy routes load (and compile) on first use: give them time on a busy machine.
configure({ asyncUtilTimeout: 20_000 });
vi.setConfig({ testTimeout: 90_000 });

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
  if (typeof window.ResizeObserver !== 'function') {
    window.ResizeObserver = class {
      observe() {}
      unobserve() {}
      disconnect() {}
    } as unknown as typeof ResizeObserver;
  }
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 1000 } } });
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
    else delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
    HTMLElement.prototype.getBoundingClientRect = rect;
  };
}
