/** Small pieces of the back-pressure tab: level badge, stacked ratio bars, the legend. */
import { TONE_COLOR } from '@/components/graph/tones';
import { formatPercent } from '@/lib/format';
import type { BackPressureLevel, RatioShares, SubtaskPressure, VertexPressure } from './utils/levels';
import { subtaskGroups } from './utils/levels';

export const SHARE_COLORS = {
  backPressured: TONE_COLOR.backpressured,
  busy: TONE_COLOR.busy,
  idle: TONE_COLOR.idle,
} as const;

const LEVEL_CLASS: Record<BackPressureLevel, string> = {
  ok: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900/60 dark:text-emerald-100',
  low: 'bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-100',
  high: 'bg-red-100 text-red-900 dark:bg-red-900/60 dark:text-red-100',
};

const BADGE = 'inline-block rounded px-1.5 py-0.5 text-[11px] font-semibold tracking-wide whitespace-nowrap';

/** OK / LOW / HIGH, "sampling…" while Flink has no sample yet, "—" when not asked yet. */
export function LevelBadge({ pressure }: { pressure: VertexPressure | undefined }) {
  if (!pressure) {
    return (
      <span data-testid="bp-level" data-level="unknown" className="text-slate-400">
        —
      </span>
    );
  }
  if (pressure.kind === 'sampling') {
    return (
      <span
        data-testid="bp-level"
        data-level="sampling"
        title="Flink has no back-pressure sample for this vertex yet; the first one takes a few seconds."
        className={`${BADGE} animate-pulse bg-slate-100 font-medium text-slate-600 dark:bg-slate-800 dark:text-slate-300`}
      >
        sampling…
      </span>
    );
  }
  if (pressure.kind === 'other') {
    return (
      <span data-testid="bp-level" data-level="other" className={`${BADGE} bg-slate-100 dark:bg-slate-800`}>
        {pressure.status}
      </span>
    );
  }
  const level = pressure.level;
  if (!level)
    return (
      <span data-testid="bp-level" data-level="unknown">
        —
      </span>
    );
  return (
    <span data-testid="bp-level" data-level={level} className={`${BADGE} ${LEVEL_CLASS[level]}`}>
      {level.toUpperCase()}
    </span>
  );
}

export const sharesTitle = (label: string, s: RatioShares) =>
  `${label}: back-pressured ${formatPercent(s.backPressured)}, busy ${formatPercent(s.busy)}, idle ${formatPercent(s.idle)}`;

/** One horizontal bar: back-pressured | busy | idle shares of time. */
export function RatioBar({
  shares,
  label,
  className = '',
}: {
  shares: RatioShares | undefined;
  label: string;
  className?: string;
}) {
  if (!shares) return <span className="text-slate-400">—</span>;
  const title = sharesTitle(label, shares);
  return (
    <span
      role="img"
      aria-label={title}
      title={title}
      className={`flex h-3 w-full min-w-16 overflow-hidden rounded-sm bg-slate-100 dark:bg-slate-800 ${className}`}
    >
      {(['backPressured', 'busy', 'idle'] as const).map((k) =>
        shares[k] > 0 ? (
          <span
            key={k}
            className="block h-full"
            style={{ width: `${Math.min(1, shares[k]) * 100}%`, backgroundColor: SHARE_COLORS[k] }}
          />
        ) : null,
      )}
    </span>
  );
}

/** Layout of one strip bar, inline so the tab adds no CSS to the first page. */
const STRIP_BAR = {
  display: 'flex',
  flexDirection: 'column-reverse',
  minWidth: 4,
  maxWidth: 12,
  borderRadius: 1,
} as const;

/**
 * Every subtask as a small vertical bar (back-pressured on top of busy on top of idle); more than
 * 64 subtasks are averaged in groups. Shows at a glance whether one subtask differs.
 */
export function SubtaskStrip({ subtasks }: { subtasks: readonly SubtaskPressure[] }) {
  if (subtasks.length === 0) return <span className="text-slate-400">—</span>;
  const groups = subtaskGroups(subtasks);
  return (
    <span className="flex h-6" style={{ gap: 1 }} data-testid="subtask-strip">
      {groups.map((g) => {
        const label = g.first === g.last ? `Subtask ${g.first}` : `Subtasks ${g.first}–${g.last} (average)`;
        const title = sharesTitle(label, g.shares);
        return (
          <span
            key={g.first}
            title={title}
            aria-label={title}
            role="img"
            className="flex-1 overflow-hidden bg-slate-100 dark:bg-slate-800"
            style={STRIP_BAR}
          >
            {(['idle', 'busy', 'backPressured'] as const).map((k) =>
              g.shares[k] > 0 ? (
                <span
                  key={k}
                  className="block w-full"
                  style={{ height: `${Math.min(1, g.shares[k]) * 100}%`, backgroundColor: SHARE_COLORS[k] }}
                />
              ) : null,
            )}
          </span>
        );
      })}
    </span>
  );
}

export function ShareLegend() {
  return (
    <ul
      aria-label="Legend"
      className="flex flex-wrap items-center gap-x-3 gap-y-1 text-[11px] text-slate-600 dark:text-slate-300"
    >
      {(
        [
          ['backPressured', 'Back-pressured'],
          ['busy', 'Busy'],
          ['idle', 'Idle'],
        ] as const
      ).map(([k, label]) => (
        <li key={k} className="flex items-center gap-1">
          <span
            aria-hidden
            className="inline-block h-2.5 w-2.5 rounded-sm"
            style={{ backgroundColor: SHARE_COLORS[k] }}
          />
          {label}
        </li>
      ))}
    </ul>
  );
}

/** "42 %" coloured when it matters. */
export function Percent({
  value,
  warnAt,
  tone,
}: {
  value: number | undefined;
  warnAt: number;
  tone: 'bp' | 'busy';
}) {
  const hot = value !== undefined && value > warnAt;
  const cls = hot
    ? tone === 'bp'
      ? 'font-semibold text-violet-700 dark:text-violet-400'
      : 'font-semibold text-orange-700 dark:text-orange-400'
    : '';
  return <span className={`tabular-nums ${cls}`}>{formatPercent(value)}</span>;
}
