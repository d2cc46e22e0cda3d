/**
 * `filterRows(rows, query, fields)`: quick client-side filtering for tables.
 * Every whitespace-separated term must appear (case-insensitively) in at least one field;
 * fields are property names or accessor functions. A blank query returns `rows` unchanged.
 *
 *   filterRows(jobs, search, ['name', 'jid', (j) => j.state])
 */
export type FilterField<T> = keyof T | ((row: T) => unknown);

function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? '' : String(value).toLowerCase();
}

export function filterRows<T>(
  rows: readonly T[],
  query: string,
  fields: readonly FilterField<T>[],
): readonly T[] {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return rows;
  return rows.filter((row) => {
    // A separator no term can contain, so a term never matches across two fields.
    const haystack = fields.map((f) => text(typeof f === 'function' ? f(row) : row[f])).join('\u0000');
    return terms.every((term) => haystack.includes(term));
  });
}
