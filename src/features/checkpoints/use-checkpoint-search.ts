import { useCallback } from 'react';
import { jobRoute, type JobSearch, useNavigateSearch, useRouteSearch } from '@/app/router';

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
  const search = useRouteSearch(jobRoute);
  const navigate = useNavigateSearch(jobRoute);
  const update = useCallback(
    (patch: CheckpointSearchPatch, opts: { replace?: boolean } = {}) =>
      navigate((prev) => ({ ...prev, ...patch }), opts),
    [navigate],
  );
  return [search, update];
}
