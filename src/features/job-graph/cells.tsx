/** Small cell renderers shared by the vertex table and the vertex panel. */
import type { ReactNode } from 'react';
import { Link, taskManagerRoute } from '@/app/router';
import { TruncatedText } from '@/components/truncated-text';
import { fillBarColor, TONE_COLOR } from '@/components/graph/tones';
import { TONE_LABEL, type NodeTone } from '@/components/graph';
import { formatBytes, formatCount, formatPercent, isKnown } from '@/lib/format';
import { formatBytesPerSecond, formatPerSecond } from './utils/graph-model';

export function ToneDot({ tone }: { tone: NodeTone }) {
  return (
    <span
      aria-hidden
      title={TONE_LABEL[tone]}
      className="inline-block h-2.5 w-2.5 shrink-0 rounded-full"
      style={{ backgroundColor: TONE_COLOR[tone] }}
    />
  );
}

/** A ratio as "42 %" with a thin bar under it, coloured like the graph. */
export function RatioCell({ ratio, tone }: { ratio: number | undefined; tone: NodeTone }) {
  return (
    <span className="inline-flex w-full flex-col items-end gap-0.5">
      <span className="tabular-nums">{formatPercent(ratio)}</span>
      <span aria-hidden className="block h-1 w-full max-w-16 rounded bg-slate-100 dark:bg-slate-800">
        {isKnown(ratio) && ratio > 0 ? (
          <span
            className="block h-1 rounded"
            style={{ width: `${Math.min(1, ratio) * 100}%`, backgroundColor: fillBarColor(tone, ratio) }}
          />
        ) : null}
      </span>
    </span>
  );
}

/** Records and bytes per second in one cell, the totals since start in its tooltip. */
export function FlowCell({
  records,
  bytes,
  totalRecords,
  totalBytes,
  complete = true,
}: {
  records: number | undefined;
  bytes: number | undefined;
  totalRecords: number | undefined;
  totalBytes: number | undefined;
  complete?: boolean;
}) {
  const title = `Since start: ${complete ? '' : '≥ '}${formatCount(totalRecords)} records, ${formatBytes(totalBytes)}`;
  return (
    <span className="inline-flex flex-col items-end leading-tight" title={title}>
      <span className="tabular-nums">{formatPerSecond(records)}</span>
      <span className="text-[11px] text-slate-500 tabular-nums">{formatBytesPerSecond(bytes)}</span>
    </span>
  );
}

/** Task manager id → its page; the endpoint when the id is unknown. */
export function TaskManagerLink({
  clusterId,
  id,
  endpoint,
}: {
  clusterId: string;
  id: string | undefined;
  endpoint?: string;
}) {
  if (!id) return <span className="text-slate-500">{endpoint ?? '—'}</span>;
  return (
    <Link
      to={taskManagerRoute}
      params={{ clusterId, taskManagerId: id }}
      onClick={(e) => e.stopPropagation()}
      className="block min-w-0 font-mono text-xs text-sky-700 hover:underline dark:text-sky-400"
    >
      {/* a task manager id's end (its resource id suffix) is what tells two of them apart */}
      <TruncatedText text={id} keepEnd={8} title={endpoint ? `${id} (${endpoint})` : id} />
    </Link>
  );
}

/** A total since start; "≥" when not every input reported yet. */
export function TotalCell({
  n,
  complete,
  kind,
}: {
  n: number | undefined;
  complete: boolean | undefined;
  kind: 'records' | 'bytes';
}) {
  return (
    <span className="tabular-nums" title={complete === false ? 'Not every input reported yet' : undefined}>
      {complete === false ? '≥ ' : ''}
      {kind === 'bytes' ? formatBytes(n) : formatCount(n)}
    </span>
  );
}

/** Two stacked values: received on top, sent below. */
export function InOut({ top, bottom }: { top: ReactNode; bottom: ReactNode }) {
  return (
    <span className="inline-flex flex-col items-end leading-tight">
      <span>{top}</span>
      <span className="text-[11px] text-slate-500">{bottom}</span>
    </span>
  );
}
