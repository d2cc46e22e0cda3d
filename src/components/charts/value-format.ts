/** Moved to `@/lib/value-format` (also used outside charts); re-exported for existing imports. */
export { formatExactValue, formatValue, type ValueFormat } from '@/lib/value-format';
