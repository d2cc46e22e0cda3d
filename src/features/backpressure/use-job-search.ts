import { useCallback } from 'react';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import type { JobSearch } from '@/app/routes/route-tree';

const route = getRouteApi('/clusters/$clusterId/jobs/$jobId');

export type SearchPatch = Partial<Pick<JobSearch, 'vertex' | 'subtask'>>;

/**
 * The selected vertex (`?vertex=`) and subtask (`?subtask=`) live in the URL, so the view can be
 * shared and survives a reload. Other params are kept; a new vertex clears the subtask.
 */
export function useBackPressureSearch(): [JobSearch, (patch: SearchPatch) => void] {
  const search = route.useSearch();
  const navigate = useNavigate();
  const update = useCallback(
    (patch: SearchPatch) => {
      void navigate({
        to: '.',
        search: (prev: JobSearch) => {
          const out: Record<string, unknown> = {
            ...prev,
            ...('vertex' in patch ? { subtask: undefined } : {}),
            ...patch,
          };
          for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
          return out as JobSearch;
        },
      });
    },
    [navigate],
  );
  return [search, update];
}
