import { toApiError, type WorkOrderDetail } from '../../api';
import { cacheGet, cacheSet } from './idbStore';
import { detailKey } from './offlineKeys';

/**
 * ENG-07 cached reads: the last list pages and order details the engineer saw online, kept per person
 * in IndexedDB so "my day" and each order can be read in a basement or a lift. A read that fails for
 * want of network answers the cached copy with the time it was taken; other errors are real.
 */
export interface Cached<T> {
  value: T;
  /** When it was read from the server; null when it is fresh. */
  cachedAt: string | null;
}

interface Entry<T> {
  value: T;
  at: string;
}

export async function readThrough<T>(key: string, load: () => Promise<T>): Promise<Cached<T>> {
  try {
    const value = await load();
    void cacheSet(key, { value, at: new Date().toISOString() } satisfies Entry<T>);
    return { value, cachedAt: null };
  } catch (e) {
    const err = toApiError(e);
    if (err.status !== 0) throw err;
    const hit = await cacheGet<Entry<T>>(key);
    if (!hit) throw err;
    return { value: hit.value, cachedAt: hit.at };
  }
}

export { detailKey, listKey } from './offlineKeys';

/** Keeps a detail the page got from an action's answer, so the cached copy is never older than the screen. */
export const rememberDetail = (personId: string, detail: WorkOrderDetail) =>
  cacheSet(detailKey(personId, detail.order.id), { value: detail, at: new Date().toISOString() });
