import { useCallback } from 'react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import type { JobSearch } from '@/app/routes/route-tree';

export type CheckpointSearchPatch = Partial<Pick<JobSearch, 'checkpoint' | 'vertex' | 'panel'>>;

/**
 * The job route's search params this tab uses: `checkpoint` (the expanded checkpoint), `vertex`
 * (the expanded vertex inside it) and `panel` (the section shown below the overview). Other
 * params are kept.
 */
export function useCheckpointSearch(): [
  JobSearch,
  (patch: CheckpointSearchPatch, opts?: { replace?: boolean }) => void,
] {
  const search = useSearch({ strict: false }) as JobSearch;
  const navigate = useNavigate();
  const update = useCallback(
    (patch: CheckpointSearchPatch, opts: { replace?: boolean } = {}) => {
      void navigate({
        to: '.',
        search: (prev: Record<string, unknown>) => {
          const next: Record<string, unknown> = { ...prev, ...patch };
          for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
          return next as never;
        },
        replace: opts.replace ?? false,
        resetScroll: false,
      });
    },
    [navigate],
  );
  return [search, update];
}
