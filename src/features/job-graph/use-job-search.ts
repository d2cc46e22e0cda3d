import { useCallback } from 'react';
import { jobRoute, type JobSearch, useNavigateSearch, useRouteSearch } from '@/app/router';

export type JobSearchPatch = Partial<Pick<JobSearch, 'vertex' | 'panel' | 'subtask'>>;

/**
 * The job route's search params this tab owns: `vertex` (selected vertex), `panel` (tab of the
 * vertex panel) and `subtask` (expanded subtask). Other params (checkpoint, focus) are kept.
 */
export function useJobSearch(): [JobSearch, (patch: JobSearchPatch, opts?: { replace?: boolean }) => void] {
  const search = useRouteSearch(jobRoute);
  const navigate = useNavigateSearch(jobRoute);
  const update = useCallback(
    (patch: JobSearchPatch, opts: { replace?: boolean } = {}) =>
      navigate((prev) => ({ ...prev, ...patch }), opts),
    [navigate],
  );
  return [search, update];
}
