import { useState } from 'react';
import type { MetricList } from '@/api/flink/schemas';
import type { VertexAnswer } from '@/api/flink/queries-backpressure';
import { trackWatermarks, watermarksBySubtask, type WatermarkTracks } from './utils/watermarks';

export interface TrackedWatermarks {
  tracks: WatermarkTracks;
  /** When the latest answer arrived (dashboard clock). */
  observedAt: number;
}

interface State {
  stamps: Record<string, number>;
  byVertex: Record<string, TrackedWatermarks>;
}

/**
 * Remembers, per vertex and subtask, since when each watermark has had its current value, so a
 * watermark that stops moving shows up as stuck. Updated whenever a `/watermarks` answer arrives.
 */
export function useWatermarkTracks(
  answers: Record<string, VertexAnswer<MetricList>>,
): Record<string, TrackedWatermarks> {
  const [state, setState] = useState<State>({ stamps: {}, byVertex: {} });
  const changed = Object.entries(answers).some(
    ([id, a]) => a.data !== undefined && state.stamps[id] !== a.updatedAt,
  );
  if (changed) {
    const stamps: Record<string, number> = { ...state.stamps };
    const byVertex: Record<string, TrackedWatermarks> = { ...state.byVertex };
    for (const [id, a] of Object.entries(answers)) {
      if (a.data === undefined || stamps[id] === a.updatedAt) continue;
      stamps[id] = a.updatedAt;
      byVertex[id] = {
        tracks: trackWatermarks(byVertex[id]?.tracks, watermarksBySubtask(a.data), a.updatedAt),
        observedAt: a.updatedAt,
      };
    }
    // Adjusting state while rendering (React's "storing information from previous renders").
    setState({ stamps, byVertex });
    return byVertex;
  }
  return state.byVertex;
}
