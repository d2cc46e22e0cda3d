import { stateTone } from './state-badge';

const ORDER = [
  'running',
  'initializing',
  'scheduled',
  'deploying',
  'created',
  'finished',
  'canceling',
  'canceled',
  'failed',
  'reconciling',
  'pending',
];

/** Flink's per-state task counts as small coloured chips, zeros and the total left out. */
export function TaskCounts({ tasks }: { tasks: Record<string, number> }) {
  const entries = Object.entries(tasks)
    .filter(([state, n]) => n > 0 && state !== 'total')
    .sort(([a], [b]) => ORDER.indexOf(a) - ORDER.indexOf(b));
  return (
    <span className="inline-flex flex-wrap gap-1">
      {entries.map(([state, n]) => (
        <span
          key={state}
          title={`${n} ${state}`}
          className={`rounded px-1 text-[11px] font-semibold ${stateTone(state)}`}
        >
          {n}
        </span>
      ))}
    </span>
  );
}
