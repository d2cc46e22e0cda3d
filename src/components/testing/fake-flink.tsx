/*
 * Test support for page tests (nothing in the app imports it): a fake Flink cluster `demo` behind
 * a stubbed `fetch`, answering with recorded Flink 2.2 responses from e2e/fixtures, and the real
 * app router rendered at a URL.
 *
 *   const sent = fakeFlinkCluster({ '/taskmanagers': fixture('taskmanagers.json') });
 *   renderAt('/clusters/demo/task-managers');
 */
import { QueryClient } from '@tanstack/react-query';
import { configure } from '@testing-library/react';
import { vi } from 'vitest';
import { renderAppAt } from './memory-router';

const JSON_FIXTURES = import.meta.glob<unknown>('/e2e/fixtures/flink/2.2/**/*.json', {
  eager: true,
  import: 'default',
});
const TEXT_FIXTURES = import.meta.glob<string>('/e2e/fixtures/flink/2.2/*.txt', {
  eager: true,
  query: '?raw',
  import: 'default',
});

/** A recorded JSON answer by file name, e.g. `taskmanagers.json` or `mutations/jars__upload.json`. */
export function fixture<T = unknown>(file: string): T {
  const data = JSON_FIXTURES[`/e2e/fixtures/flink/2.2/${file}`];
  if (data === undefined) throw new Error(`no fixture ${file}`);
  return structuredClone(data) as T;
}

/** A recorded text answer (logs, stdout, profiler output). */
export function textFixture(file: string): string {
  const data = TEXT_FIXTURES[`/e2e/fixtures/flink/2.2/${file}`];
  if (data === undefined) throw new Error(`no text fixture ${file}`);
  return data;
}

/** A JSON body, a text body (`{ text }`), or a status with a body. */
export type FakeAnswer = unknown | { text: string } | { status: number; body: unknown };

export interface SentRequest {
  method: string;
  path: string;
  search: URLSearchParams;
  body: unknown;
}

export type FakeRoute = FakeAnswer | ((req: SentRequest) => FakeAnswer);

const isStatus = (a: unknown): a is { status: number; body: unknown } =>
  typeof a === 'object' && a !== null && 'status' in a && 'body' in a && Object.keys(a).length === 2;
const isText = (a: unknown): a is { text: string } =>
  typeof a === 'object' && a !== null && 'text' in a && Object.keys(a).length === 1;

/**
 * Stubs `fetch`. Routes are keyed `"/path"` (any method) or `"POST /path"`; `/config` and
 * `/overview` default to the recorded answers, anything else is Flink's 404.
 */
export function fakeFlinkCluster(
  routes: Record<string, FakeRoute>,
  { readOnly = false, name = 'Demo' }: { readOnly?: boolean; name?: string } = {},
): SentRequest[] {
  const sent: SentRequest[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init?: RequestInit) => {
      const u = new URL(input, 'http://dashboard.test');
      if (u.pathname === '/api/clusters') {
        return Response.json({
          clusters: [{ id: 'demo', name, kind: 'flink', hasPrometheus: false }],
          readOnly,
          triage: {},
        });
      }
      const method = (init?.method ?? 'GET').toUpperCase();
      const path = decodeURIComponent(u.pathname.replace(/^\/api\/demo/, ''));
      let body: unknown = init?.body;
      if (typeof body === 'string') {
        try {
          body = JSON.parse(body);
        } catch {
          /* keep the text */
        }
      }
      const req: SentRequest = { method, path, search: u.searchParams, body };
      sent.push(req);
      const route =
        routes[`${method} ${path}`] ??
        routes[path] ??
        (path === '/config'
          ? fixture('config.json')
          : path === '/overview'
            ? fixture('overview.json')
            : undefined);
      const answer = typeof route === 'function' ? (route as (r: SentRequest) => FakeAnswer)(req) : route;
      if (answer === undefined) {
        return Response.json({ errors: [`Unable to load requested file ${path}.`] }, { status: 404 });
      }
      if (isStatus(answer)) return Response.json(answer.body, { status: answer.status });
      if (isText(answer)) return new Response(answer.text, { headers: { 'content-type': 'text/plain' } });
      return Response.json(answer);
    }),
  );
  return sent;
}

configure({ asyncUtilTimeout: 8000 });
vi.setConfig({ testTimeout: 30_000 });

function ensureMatchMedia() {
  if (typeof window.matchMedia === 'function') return;
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

/** Renders the whole app (shell, router, lazy pages) at `url`. */
export function renderAt(url: string) {
  ensureMatchMedia();
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 1000 } } });
  return { ...renderAppAt(url, queryClient), queryClient };
}

/** jsdom has no layout: gives scroll containers a size so virtualised lists render rows. */
export function fakeLayout(height = 600, width = 1200) {
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
      right: width,
      width,
      height,
      toJSON: () => ({}),
    } as DOMRect;
  };
  // jsdom has no SVG layout; xyflow measures its edge labels with getBBox.
  const svg = SVGElement.prototype as unknown as { getBBox?: () => DOMRect };
  const bbox = svg.getBBox;
  svg.getBBox = () => ({ x: 0, y: 0, width: 0, height: 0 }) as DOMRect;
  return () => {
    svg.getBBox = bbox;
    if (before) Object.defineProperty(HTMLElement.prototype, 'clientHeight', before);
    else delete (HTMLElement.prototype as { clientHeight?: number }).clientHeight;
    HTMLElement.prototype.getBoundingClientRect = rect;
  };
}
