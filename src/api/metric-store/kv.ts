/** Small values kept across reloads in IndexedDB (e.g. when each triage problem was first seen). */
import { KV_STORE, getOne, writeBatch } from './idb';

export async function readValue<T>(key: string): Promise<T | undefined> {
  const record = await getOne<{ key: string; value: T }>(KV_STORE, key);
  return record?.value;
}

export function writeValue(key: string, value: unknown): Promise<boolean> {
  return writeBatch(KV_STORE, [{ key, value }]);
}
