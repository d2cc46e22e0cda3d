import { useCallback, useMemo } from 'react';
import {
  useQueries,
  type QueryKey,
  type QueryObserverResult,
  type UseQueryOptions,
} from '@tanstack/react-query';
import type { Timed } from '../rules/types';

export interface TimedAnswers<T> {
  /** id → last answer and when it arrived (ids without data yet are absent). */
  byId: Record<string, Timed<T>>;
  /** Changes when any answer changes: effects depend on it instead of the record. */
  signature: string;
  /** The first error, for the page to name. */
  error: Error | null;
}

/**
 * One query per id (e.g. per running job) with `useQueries`, answers keyed by id with their
 * arrival time. `ids` is compared by content, so a new array with the same ids changes nothing.
 */
export function useTimedQueries<T, K extends QueryKey>(
  ids: readonly string[],
  options: (id: string) => UseQueryOptions<T, Error, T, K>,
): TimedAnswers<T> {
  const idsKey = ids.join('\n');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- by content
  const stableIds = useMemo(() => ids, [idsKey]);
  const combine = useCallback(
    (results: QueryObserverResult<T, Error>[]): TimedAnswers<T> => {
      const byId: Record<string, Timed<T>> = {};
      const parts: string[] = [];
      let error: Error | null = null;
      stableIds.forEach((id, i) => {
        const r = results[i];
        if (r?.data !== undefined) byId[id] = { data: r.data, at: r.dataUpdatedAt };
        parts.push(`${id}@${r?.dataUpdatedAt ?? 0}`);
        error ??= r?.error ?? null;
      });
      return { byId, signature: parts.join('|'), error };
    },
    [stableIds],
  );
  return useQueries({ queries: stableIds.map(options), combine });
}
