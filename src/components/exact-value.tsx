/**
 * Human numbers with the exact value one hover away (the native `title`, no tooltip library):
 *
 *   <ExactValue value={bytes} format="bytes" />          // "1.50 GiB", title "1,610,612,736 B"
 *   <ExactValue value={0.4213} format="percent" />       // "42 %", title "42.13 %"
 *   <Abbr title={new Date(t).toISOString()}>{formatAgo(t)}</Abbr>
 *
 * Unknown values (missing, -1, NaN) show "—" and say so in the title.
 */
import type { ReactNode } from 'react';
import { formatExactValue, formatValue, type ValueFormat } from '@/lib/value-format';

export function Abbr({
  title,
  children,
  className = '',
}: {
  title: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <abbr
      title={title}
      className={`cursor-help no-underline decoration-slate-400 decoration-dotted underline-offset-2 hover:underline ${className}`}
    >
      {children}
    </abbr>
  );
}

export function ExactValue({
  value,
  format = 'count',
  className,
}: {
  value: number | null | undefined;
  format?: ValueFormat;
  className?: string;
}) {
  const known = typeof value === 'number' && Number.isFinite(value) && value >= 0;
  const human = known ? formatValue(value, format) : formatValue(undefined);
  const exact = known ? formatExactValue(value, format) : 'Unknown: not reported by the cluster';
  return (
    <Abbr title={exact} className={`tabular-nums ${className ?? ''}`}>
      {human}
    </Abbr>
  );
}
