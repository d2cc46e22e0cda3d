/**
 * What else slows a job down besides a busy operator: data skew, subtasks without data, and
 * watermarks that stopped moving. Listed under the bottleneck hint, most upstream first.
 */
import { formatDuration } from '@/lib/format';
import type { HintPart } from './bottleneck';
import type { Skew } from './skew';
import type { VertexWatermarks } from './watermarks';

interface VertexRef {
  id: string;
  name: string;
  isSource: boolean;
}

export type Finding =
  | {
      kind: 'stuck-watermark';
      vertex: VertexRef;
      subtasks: number[];
      forMs: number;
      lagMs: number | undefined;
      downstream: number;
    }
  | { kind: 'empty-subtask'; vertex: VertexRef }
  | { kind: 'skew'; vertex: VertexRef; factor: number };

export interface FindingInput {
  info: VertexRef;
  skew: Skew | undefined;
  watermarks: VertexWatermarks | undefined;
}

/** Rows in plan order (sources first). Only the first vertex with a stuck watermark is named. */
export function findings(rows: readonly FindingInput[]): Finding[] {
  const out: Finding[] = [];
  const stuck = rows.filter((r) => (r.watermarks?.stuck.length ?? 0) > 0);
  const first = stuck[0];
  if (first?.watermarks) {
    const forMs = Math.min(
      ...first.watermarks.subtasks.flatMap((s) => (s.stuckForMs === undefined ? [] : [s.stuckForMs])),
    );
    out.push({
      kind: 'stuck-watermark',
      vertex: first.info,
      subtasks: first.watermarks.stuck,
      forMs,
      lagMs: first.watermarks.lagMs,
      downstream: stuck.length - 1,
    });
  }
  for (const r of rows) if (r.skew?.emptySubtask) out.push({ kind: 'empty-subtask', vertex: r.info });
  for (const r of rows) {
    if (r.skew?.skewed && !r.skew.emptySubtask && r.skew.factor !== undefined) {
      out.push({ kind: 'skew', vertex: r.info, factor: r.skew.factor });
    }
  }
  return out;
}

const v = (r: VertexRef): HintPart => ({ vertex: r.id, text: r.name });
const t = (text: string): HintPart => ({ text });

export function findingParts(f: Finding): HintPart[] {
  switch (f.kind) {
    case 'stuck-watermark':
      return [
        t('The watermark of '),
        v(f.vertex),
        t(
          ` has not moved for ${formatDuration(f.forMs)} (${[
            f.lagMs !== undefined ? `lag ${formatDuration(f.lagMs)}` : '',
            f.downstream > 0
              ? `also stuck in ${f.downstream} ${f.downstream === 1 ? 'vertex' : 'vertices'} downstream`
              : '',
          ]
            .filter(Boolean)
            .join('; ')})`.replace(' ()', '') +
            ': event-time windows and timers wait. ' +
            'An input without data (an idle source subtask) holds it back unless the source declares idleness.',
        ),
      ];
    case 'empty-subtask':
      return [
        v(f.vertex),
        t(
          f.vertex.isSource
            ? ': at least one subtask emitted no records while the others did (an idle partition or split).'
            : ': at least one subtask received no records while the others did (unused keys or partitions).',
        ),
      ];
    case 'skew':
      return [
        v(f.vertex),
        t(`: data skew, its busiest subtask got ${f.factor.toFixed(1)}× the mean number of records.`),
      ];
  }
}
