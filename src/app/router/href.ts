import type { RawSearch } from '../search';
import type { AppRoute } from './routes';
import { stringifySearch } from './search-params';

/** `'/clusters/:clusterId/jobs/:jobId'` → `{ clusterId: string; jobId: string }`. */
export type PathParams<TPath extends string> = TPath extends `${string}:${infer Name}/${infer Rest}`
  ? { [K in Name]: string } & PathParams<`/${Rest}`>
  : TPath extends `${string}:${infer Name}`
    ? { [K in Name]: string }
    : Record<never, string>;

/** The URL of a route: params filled in (encoded, a job id with a `/` stays one segment), then the search. */
export function hrefTo<TPath extends string, TSearch>(
  route: AppRoute<TPath, TSearch>,
  params: PathParams<TPath>,
  search?: TSearch,
): string {
  const values = params as Record<string, string>;
  const path = route.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(values[name] ?? ''));
  return path + stringifySearch((search ?? {}) as RawSearch);
}
