/** Small readers for URL search params: anything unexpected in a shared link is dropped, not fatal. */
export type RawSearch = Record<string, unknown>;

export const optString = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;

export const optNumber = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v !== '' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : undefined;
};

export const optBoolean = (v: unknown): boolean | undefined =>
  v === true || v === 'true' ? true : v === false || v === 'false' ? false : undefined;

export function optEnum<T extends string>(values: readonly T[]) {
  return (v: unknown): T | undefined => ((values as readonly unknown[]).includes(v) ? (v as T) : undefined);
}

/** Keeps only the defined entries so URLs stay short. */
export function compact<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
