/**
 * A minimal promise wrapper around IndexedDB for the dashboard's own browser storage (metric
 * histories, triage first-seen times). One database, two object stores:
 *   - `series`: one record per metric series, `{ key, t: number[], v: number[], at }`
 *   - `kv`: small values by key, `{ key, value }`
 * Everything fails soft: without IndexedDB (private mode, old browser, blocked storage) the
 * callers keep their data in memory only.
 */

export const DB_NAME = 'streamdash';
const DB_VERSION = 1;
export const SERIES_STORE = 'series';
export const KV_STORE = 'kv';

let opening: Promise<IDBDatabase | undefined> | undefined;

function promisify<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
}

/** The database, or undefined when IndexedDB is unavailable. Opened once per page. */
export function openDb(): Promise<IDBDatabase | undefined> {
  opening ??= new Promise<IDBDatabase | undefined>((resolve) => {
    let factory: IDBFactory | undefined;
    try {
      factory = typeof indexedDB === 'undefined' ? undefined : indexedDB;
    } catch {
      factory = undefined;
    }
    if (!factory) return resolve(undefined);
    let req: IDBOpenDBRequest;
    try {
      req = factory.open(DB_NAME, DB_VERSION);
    } catch {
      return resolve(undefined);
    }
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(SERIES_STORE)) db.createObjectStore(SERIES_STORE, { keyPath: 'key' });
      if (!db.objectStoreNames.contains(KV_STORE)) db.createObjectStore(KV_STORE, { keyPath: 'key' });
    };
    req.onsuccess = () => {
      const db = req.result;
      // Another tab upgrading the schema: let it, we reopen on the next call.
      db.onversionchange = () => {
        db.close();
        opening = undefined;
      };
      resolve(db);
    };
    req.onerror = () => resolve(undefined);
    req.onblocked = () => resolve(undefined);
  });
  return opening;
}

/** For tests: forget the open connection (e.g. after deleting the database). */
export function resetDbConnection() {
  void opening?.then((db) => db?.close());
  opening = undefined;
}

export async function getAll<T>(store: string): Promise<T[]> {
  const db = await openDb();
  if (!db) return [];
  try {
    return await promisify(db.transaction(store, 'readonly').objectStore(store).getAll() as IDBRequest<T[]>);
  } catch {
    return [];
  }
}

export async function getOne<T>(store: string, key: string): Promise<T | undefined> {
  const db = await openDb();
  if (!db) return undefined;
  try {
    return await promisify(
      db.transaction(store, 'readonly').objectStore(store).get(key) as IDBRequest<T | undefined>,
    );
  } catch {
    return undefined;
  }
}

/** Writes and deletes in one transaction; false when the storage refused (quota, unavailable). */
export async function writeBatch(
  store: string,
  puts: readonly unknown[],
  deletes: readonly string[] = [],
): Promise<boolean> {
  if (puts.length === 0 && deletes.length === 0) return true;
  const db = await openDb();
  if (!db) return false;
  try {
    const tx = db.transaction(store, 'readwrite');
    const os = tx.objectStore(store);
    for (const key of deletes) os.delete(key);
    for (const value of puts) os.put(value);
    await done(tx);
    return true;
  } catch {
    return false;
  }
}
