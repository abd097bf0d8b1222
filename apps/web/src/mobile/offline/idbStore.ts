/**
 * ENG-07: the phone's local database (plain IndexedDB, no library: two stores and five calls).
 * `outbox` holds the submissions queued while offline, in the order they were made (auto-increment
 * seq); `cache` holds the last answers of the reads an engineer needs offline (my day, order details).
 */
const DB_NAME = 'daowei-offline';
const VERSION = 1;
export const OUTBOX = 'outbox';
export const CACHE = 'cache';

let opening: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(OUTBOX)) db.createObjectStore(OUTBOX, { keyPath: 'seq', autoIncrement: true });
      if (!db.objectStoreNames.contains(CACHE)) db.createObjectStore(CACHE);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => {
      opening = null;
      reject(req.error ?? new Error('IndexedDB unavailable'));
    };
  });
  return opening;
}

/** One request in its own transaction; resolves when the transaction has committed. */
export async function idb<T>(
  store: string,
  mode: IDBTransactionMode,
  run: (s: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const db = await open();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(store, mode);
    const req = run(tx.objectStore(store));
    tx.oncomplete = () => resolve(req.result);
    tx.onerror = () => reject(tx.error ?? req.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

export const cacheGet = <T>(key: string) =>
  idb<T | undefined>(CACHE, 'readonly', (s) => s.get(key) as IDBRequest<T | undefined>).catch(() => undefined);

export const cacheSet = (key: string, value: unknown) =>
  idb(CACHE, 'readwrite', (s) => s.put(value, key)).catch(() => undefined);
