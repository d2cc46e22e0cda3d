import { formatBytes, formatPercent } from '@/lib/format';
import {
  memoryModel,
  usedShares,
  type MemoryConfiguration,
  type MemoryPartKey,
  type MemoryUsage,
} from './utils/memory-model';

/**
 * Flink's memory model of one task manager as a picture: one bar, each part as wide as its
 * share of the process memory, the used share of a part darker, and brackets below for the
 * JVM heap, JVM direct memory, total Flink memory and total process memory.
 */
export function MemoryModelPicture({ config, usage }: { config: MemoryConfiguration; usage: MemoryUsage }) {
  const model = memoryModel(config);
  const shares = usedShares(model, usage);
  const heapBytes = model.spans[0]?.bytes ?? 0;
  const fwHeap = model.parts[0]?.bytes ?? 0;
  const heapUsedBytes = shares.heap === undefined ? undefined : shares.heap * heapBytes;
  /** How much of a part to draw darker: the heap fills framework heap, then task heap, left to right. */
  const fill = (key: MemoryPartKey, bytes: number): number | undefined => {
    if (key === 'frameworkHeap')
      return heapUsedBytes === undefined ? undefined : Math.min(1, heapUsedBytes / bytes);
    if (key === 'taskHeap')
      return heapUsedBytes === undefined
        ? undefined
        : Math.max(0, Math.min(1, (heapUsedBytes - fwHeap) / bytes));
    return key === 'managedMemory' || key === 'networkMemory' || key === 'jvmMetaspace'
      ? shares[key]
      : undefined;
  };
  /** The used share a reader gets in the legend: the heap's is for the whole heap. */
  const usedText = (key: MemoryPartKey) => {
    if (key === 'frameworkHeap' || key === 'taskHeap')
      return shares.heap === undefined ? '—' : `${formatPercent(shares.heap, 0)} of heap`;
    const v =
      key === 'managedMemory' || key === 'networkMemory' || key === 'jvmMetaspace' ? shares[key] : undefined;
    return v === undefined ? '—' : formatPercent(v, 0);
  };
  const starts: number[] = [];
  let acc = 0;
  for (const p of model.parts) {
    starts.push(acc);
    acc += p.share;
  }
  const pct = (x: number) => `${(x * 100).toFixed(3)}%`;
  return (
    <figure aria-label="Task manager memory model" data-testid="memory-model">
      <div className="relative h-14 w-full overflow-hidden rounded-md border border-slate-200 dark:border-slate-700">
        {model.parts.map((p, i) =>
          p.bytes > 0 ? (
            <div
              key={p.key}
              data-testid={`memory-part-${p.key}`}
              data-bytes={p.bytes}
              title={`${p.label}: ${formatBytes(p.bytes)} (${formatPercent(p.share, 1)} of the process)${usedText(p.key) !== '—' ? `, ${usedText(p.key)} used` : ''}\n${p.option}`}
              className={`absolute inset-y-0 overflow-hidden border-r border-white/70 dark:border-slate-950/70 ${p.color}`}
              style={{ left: pct(starts[i] ?? 0), width: pct(p.share) }}
            >
              {fill(p.key, p.bytes) !== undefined ? (
                <div
                  aria-hidden
                  className={`absolute inset-y-0 left-0 opacity-70 ${p.usedColor}`}
                  style={{ width: pct(fill(p.key, p.bytes) ?? 0) }}
                />
              ) : null}
              {p.share >= 0.07 ? (
                <div className="relative px-1.5 py-1 text-[11px] leading-tight text-slate-900 dark:text-slate-50">
                  <div className="truncate font-semibold">{p.label}</div>
                  <div className="truncate tabular-nums">{formatBytes(p.bytes)}</div>
                </div>
              ) : null}
            </div>
          ) : null,
        )}
      </div>
      <div className="relative mt-1 h-[5.5rem] text-[11px] text-slate-600 dark:text-slate-300" aria-hidden>
        {model.spans.map((s, row) => {
          const left = starts[s.from] ?? 0;
          const right = (starts[s.to] ?? 0) + (model.parts[s.to]?.share ?? 0);
          // JVM heap and direct share the first row; Flink and process memory get their own.
          const level = row < 2 ? 0 : row - 1;
          return (
            <div
              key={s.label}
              className="absolute h-3 border-x border-b border-slate-400 dark:border-slate-500"
              style={{ left: pct(left), width: pct(right - left), top: `${level * 1.75}rem` }}
            >
              <span className="absolute left-1/2 top-full -translate-x-1/2 whitespace-nowrap bg-white px-1 leading-4 dark:bg-slate-900">
                {s.label} · {formatBytes(s.bytes)}
              </span>
            </div>
          );
        })}
      </div>
      <figcaption className="sr-only">
        {model.parts.map((p) => `${p.label} ${formatBytes(p.bytes)}`).join(', ')}; total process memory{' '}
        {formatBytes(model.totalProcess)}
      </figcaption>
      <table className="mt-2 w-full text-xs" data-testid="memory-legend">
        <thead className="text-left text-[11px] uppercase tracking-wide text-slate-500">
          <tr>
            <th className="py-1 font-medium">Component</th>
            <th className="py-1 text-right font-medium">Size</th>
            <th className="py-1 text-right font-medium">Share</th>
            <th className="py-1 text-right font-medium">Used</th>
            <th className="hidden py-1 pl-4 font-medium md:table-cell">Sized by</th>
          </tr>
        </thead>
        <tbody>
          {model.parts.map((p) => (
            <tr key={p.key} className="border-t border-slate-100 dark:border-slate-800">
              <td className="py-1">
                <span className="flex items-center gap-2" title={p.description}>
                  <span aria-hidden className={`inline-block h-3 w-3 shrink-0 rounded-sm ${p.color}`} />
                  {p.label}
                  <span className="hidden text-slate-500 lg:inline">— {p.description}</span>
                </span>
              </td>
              <td className="py-1 text-right tabular-nums">{formatBytes(p.bytes)}</td>
              <td className="py-1 text-right tabular-nums">{formatPercent(p.share, 1)}</td>
              <td className="py-1 text-right tabular-nums">{usedText(p.key)}</td>
              <td className="hidden truncate py-1 pl-4 font-mono text-[11px] text-slate-500 md:table-cell">
                {p.option}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {model.unaccounted > 0 ? (
        <p className="mt-1 text-xs text-slate-500">
          {formatBytes(model.unaccounted)} of the process memory is not in any part.
        </p>
      ) : null}
    </figure>
  );
}
