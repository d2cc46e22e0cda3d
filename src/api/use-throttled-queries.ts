import { useEffect, useMemo, useState } from 'react';
import {
  QueriesObserver,
  useQueryClient,
  type QueryKey,
  type QueryObserverOptions,
  type QueryObserverResult,
} from '@tanstack/react-query';

/**
 * `useQueries` for many queries (one per vertex of a 300-vertex plan), re-rendering at most once
 * per `ms` however many answers arrive. `useQueries` re-renders on every answer and then re-hashes
 * and re-applies the options of every query: 300 answers a poll × 300 queries each, which kept the
 * main thread busy for seconds. Here the options are applied only when `queries` changes (pass a
 * memoised array), and the first change after a quiet spell is shown at once.
 *
 * Returns the current result of each of `queries`, in their order (undefined for a query that is
 * not observed yet: just added, until the next effect); the array is new only when something changed.
 */
export function useThrottledQueries<T, K extends QueryKey>(
  queries: readonly QueryObserverOptions<T, Error, T, T, K>[],
  ms: number,
): readonly (QueryObserverResult<T, Error> | undefined)[] {
  const client = useQueryClient();
  const defaulted = useMemo(
    () => queries.map((q) => client.defaultQueryOptions(q) as QueryObserverOptions),
    [client, queries],
  );
  const [observer] = useState(() => new QueriesObserver(client, defaulted));
  const [, setVersion] = useState(0);

  useEffect(() => {
    observer.setQueries(defaulted);
  }, [observer, defaulted]);

  useEffect(() => {
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = observer.subscribe(() => {
      if (timer !== undefined) return;
      timer = setTimeout(
        () => {
          timer = undefined;
          last = Date.now();
          setVersion((v) => v + 1);
        },
        Math.max(0, last + ms - Date.now()),
      );
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [observer, ms]);

  const results = observer.getCurrentResult() as QueryObserverResult<T, Error>[];
  return useMemo(() => {
    // Matched by hash: until the effect applies new queries, the observer still has the old ones.
    const byHash = new Map(observer.getQueries().map((q, i) => [q.queryHash, results[i]]));
    return defaulted.map((q) => byHash.get(q.queryHash ?? ''));
  }, [observer, results, defaulted]);
}
