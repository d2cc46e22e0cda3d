import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import { matchRoute, useLocation, useRouter } from 'wouter';
import type { RawSearch } from '../search';
import type { PathParams } from './href';
import type { AppRoute } from './routes';
import { parseSearch, stringifySearch } from './search-params';

export interface NavigateOptions {
  /** Replace the current history entry instead of adding one (typing in a search box). */
  replace?: boolean;
}

/**
 * The URL exactly as the location holds it. wouter's own useLocation/useSearch decode it first,
 * which would turn an encoded `%25` inside a search value into a bare `%`.
 */
export function useRawUrl(): { path: string; search: string } {
  const router = useRouter();
  const path = router.hook(router)[0];
  const search = router.searchHook(router);
  return { path, search: search.startsWith('?') ? search.slice(1) : search };
}

/** The path for display (decoded), e.g. on the 404 page. */
export function usePathname(): string {
  return useLocation()[0];
}

/** Navigates to an app URL (built by `hrefTo`, or one a triage rule or the palette made). */
export function useNavigate(): (href: string, options?: NavigateOptions) => void {
  return useLocation()[1];
}

function decodeParam(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value; // a malformed escape in a hand-typed URL: keep it as typed
  }
}

/** The route's params when the current URL is the route or below it (the cluster of a job page). */
export function useOptionalRouteParams<TPath extends string>(
  route: AppRoute<TPath, unknown>,
): PathParams<TPath> | undefined {
  const { parser } = useRouter();
  const { path } = useRawUrl();
  return useMemo(() => {
    const [matched, params] = matchRoute(parser, route.path, path, true);
    if (!matched) return undefined;
    const values: Record<string, string | undefined> = params;
    const names = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1] ?? '');
    return Object.fromEntries(names.map((n) => [n, decodeParam(values[n] ?? '')])) as PathParams<TPath>;
  }, [parser, route.path, path]);
}

/** The params of a route the calling page belongs to; a page shown elsewhere is a bug, so it throws. */
export function useRouteParams<TPath extends string>(route: AppRoute<TPath, unknown>): PathParams<TPath> {
  const params = useOptionalRouteParams(route);
  if (!params) throw new Error(`${route.path} is not the current page`);
  return params;
}

/** The route's search params, validated (the same object until the URL's search changes). */
export function useRouteSearch<TSearch>(route: AppRoute<string, TSearch>): TSearch {
  const { search } = useRawUrl();
  return useMemo(() => route.validateSearch(parseSearch(search)), [route, search]);
}

type SearchUpdate<TSearch> = TSearch | ((prev: TSearch) => TSearch);

/**
 * Changes the search params of the current page: a new object, or an update of the validated
 * current ones (`prev => ({ ...prev, vertex })`); undefined values leave the URL. The function
 * stays the same across renders, so pages can pass it to memoised children and effects.
 */
export function useNavigateSearch<TSearch>(
  route: AppRoute<string, TSearch>,
): (update: SearchUpdate<TSearch>, options?: NavigateOptions) => void {
  const url = useRawUrl();
  const navigate = useNavigate();
  const current = useRef(url);
  useLayoutEffect(() => {
    current.current = url;
  });
  return useCallback(
    (update, options) => {
      const { path, search } = current.current;
      const next =
        typeof update === 'function'
          ? (update as (prev: TSearch) => TSearch)(route.validateSearch(parseSearch(search)))
          : update;
      navigate(path + stringifySearch(next as RawSearch), options);
    },
    [route, navigate],
  );
}
