/**
 * Chart helpers without recharts, safe to import eagerly. The charts themselves are in
 * time-series-chart.tsx and bar-chart.tsx: import those lazily (React.lazy) so recharts
 * only loads on pages that draw a chart.
 */
export { formatExactValue, formatValue, type ValueFormat } from '@/lib/value-format';
export { timeTickFormatter } from './time-format';
export type { ChartTone } from './chart-parts';
