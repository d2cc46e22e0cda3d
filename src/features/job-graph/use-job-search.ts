import { useCallback } from 'react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import type { JobSearch } from '@/app/routes/route-tree';

export type JobSearchPatch = Partial<Pick<JobSearch, 'vertex' | 'panel' | 'subtask'>>;

/**
 * The job route's search params this tab owns: `vertex` (selected vertex), `panel` (tab of the
 * vertex panel) and `subtask` (expanded subtask). Other params (checkpoint, focus) are kept.
 */
export function useJobSearch(): [JobSearch, (patch: JobSearchPatch, opts?: { replace?: boolean }) => void] {
  const search = useSearch({ strict: false }) as JobSearch;
  const navigate = useNavigate();
  const update = useCallback(
    (patch: JobSearchPatch, opts: { replace?: boolean } = {}) => {
      void navigate({
        to: '.',
        search: (prev: Record<string, unknown>) => {
          const next: Record<string, unknown> = { ...prev, ...patch };
          for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
          return next as never;
        },
        replace: opts.replace ?? false,
      });
    },
    [navigate],
  );
  return [search, update];
}
