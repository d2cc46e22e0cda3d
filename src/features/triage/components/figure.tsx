import { ExactValue } from '@/components/exact-value';
import type { Figure } from '../rules/types';

/** The number that triggered a problem: human, with the exact value on hover. */
export function FigureValue({ figure }: { figure: Figure }) {
  return (
    <span className="flex flex-col items-end leading-tight" data-testid="problem-figure">
      <span className="text-[11px] text-slate-500">{figure.label}</span>
      {figure.text !== undefined ? (
        <span className="font-semibold tabular-nums">{figure.text}</span>
      ) : (
        <ExactValue value={figure.value} format={figure.format} className="font-semibold" />
      )}
    </span>
  );
}
