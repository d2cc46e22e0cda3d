import { useCallback } from 'react';
import { jobRoute, type JobSearch, useNavigateSearch, useRouteSearch } from '@/app/router';

export type SearchPatch = Partial<Pick<JobSearch, 'vertex' | 'subtask'>>;

/**
 * The selected vertex (`?vertex=`) and subtask (`?subtask=`) live in the URL, so the view can be
 * shared and survives a reload. Other params are kept; a new vertex clears the subtask.
 */
export function useBackPressureSearch(): [JobSearch, (patch: SearchPatch) => void] {
  const search = useRouteSearch(jobRoute);
  const navigate = useNavigateSearch(jobRoute);
  const update = useCallback(
    (patch: SearchPatch) =>
      navigate((prev) => ({ ...prev, ...('vertex' in patch ? { subtask: undefined } : {}), ...patch })),
    [navigate],
  );
  return [search, update];
}
