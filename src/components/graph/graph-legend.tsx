/** The key to node colours; shown inside DagGraph, exported for pages that list vertices too. */
import { TONE_LABEL, toneBackground, TONE_BORDER } from './tones';
import type { NodeTone } from './types';

const TONES: NodeTone[] = ['ok', 'busy', 'backpressured', 'idle', 'failed', 'unknown'];
const HINT: Partial<Record<NodeTone, string>> = {
  busy: 'heat: amber → red as busy time rises',
  backpressured: 'hatched: denser as back-pressure rises',
};

export function GraphLegend({ className = '' }: { className?: string }) {
  return (
    <ul
      aria-label="Legend"
      className={`flex flex-wrap gap-x-3 gap-y-1 rounded-lg border border-slate-200 bg-white/90 px-2 py-1 text-[11px] text-slate-600 dark:border-slate-800 dark:bg-slate-900/90 dark:text-slate-300 ${className}`}
    >
      {TONES.map((tone) => (
        <li key={tone} className="flex items-center gap-1" title={HINT[tone]}>
          <span
            aria-hidden
            className={`inline-block h-3 w-4 rounded-sm border bg-white dark:bg-slate-900 ${TONE_BORDER[tone]}`}
            style={toneBackground(tone, 0.8)}
          />
          {TONE_LABEL[tone]}
        </li>
      ))}
    </ul>
  );
}
