/** Node colours by tone; intensity comes from the node's fill ratio (inline styles, not classes). */
import type { CSSProperties } from 'react';
import type { NodeTone } from './types';

export const TONE_LABEL: Record<NodeTone, string> = {
  ok: 'OK',
  busy: 'Busy',
  backpressured: 'Back-pressured',
  idle: 'Idle',
  failed: 'Failed',
  unknown: 'Unknown',
};

/** Which tone a merged group shows: the most alarming of its members. */
const SEVERITY: NodeTone[] = ['failed', 'backpressured', 'busy', 'ok', 'idle', 'unknown'];

export function worstTone(tones: Iterable<NodeTone>): NodeTone {
  let best = SEVERITY.length - 1;
  for (const t of tones) best = Math.min(best, SEVERITY.indexOf(t));
  return SEVERITY[best] ?? 'unknown';
}

export const TONE_BORDER: Record<NodeTone, string> = {
  ok: 'border-emerald-500/70',
  busy: 'border-orange-500',
  backpressured: 'border-violet-500',
  idle: 'border-sky-300 dark:border-sky-800',
  failed: 'border-red-600 border-2',
  unknown: 'border-dashed border-slate-400 dark:border-slate-600',
};

/** Solid colour per tone, for the minimap, legend and fill bar. */
export const TONE_COLOR: Record<NodeTone, string> = {
  ok: '#10b981',
  busy: '#f97316',
  backpressured: '#8b5cf6',
  idle: '#7dd3fc',
  failed: '#dc2626',
  unknown: '#94a3b8',
};

function clamp01(n: number | undefined): number {
  return n === undefined || !Number.isFinite(n) ? 0 : Math.min(1, Math.max(0, n));
}

/** Heat from amber (barely busy) to red (100 % busy). */
export function heatColor(fill: number, alpha = 1): string {
  const hue = 40 - 40 * clamp01(fill); // 40° amber -> 0° red
  return `hsl(${hue} 90% 50% / ${alpha})`;
}

/** Card background: heat tint for busy, diagonal hatch for back-pressure, red wash for failures. */
export function toneBackground(tone: NodeTone, fill: number | undefined): CSSProperties | undefined {
  const f = clamp01(fill);
  switch (tone) {
    case 'busy':
      return { backgroundColor: heatColor(f, 0.1 + 0.35 * f) };
    case 'backpressured': {
      const a = 0.12 + 0.35 * f;
      return {
        backgroundImage: `repeating-linear-gradient(135deg, rgb(139 92 246 / ${a}) 0 6px, transparent 6px 12px)`,
      };
    }
    case 'failed':
      return { backgroundColor: 'rgb(220 38 38 / 0.12)' };
    default:
      return undefined;
  }
}

export function fillBarColor(tone: NodeTone, fill: number | undefined): string {
  return tone === 'busy' ? heatColor(clamp01(fill)) : TONE_COLOR[tone];
}

export { clamp01 };
