import { useCallback, useEffect, useMemo, useState } from 'react';
import { toApiError, type ApiError } from '../../api';
import { useMe } from '../../session/SessionContext';
import { cacheSet } from '../offline/idbStore';
import type { OutboxItem } from '../offline/outbox';
import { orderReadKey } from '../offline/offlineKeys';
import { readThrough } from '../offline/readCache';
import { useOutbox } from '../offline/useOutbox';

/**
 * ENG-07: a planned-work record of one order (the care visit, the inspection) for the phone — from the
 * server when online (and cached per person), from the cache when not, re-read whenever one of the
 * order's queued submissions is synced or turns into a conflict. `items` are the order's outbox entries
 * still waiting, for the page to show on top of what the server said.
 */
export function usePlannedRead<T>(kind: string, orderId: string, load: (id: string) => Promise<T>) {
  const personId = useMe().person.id;
  const all = useOutbox();
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<{ id: string; value?: T; error?: ApiError; cachedAt: string | null }>({
    id: '',
    cachedAt: null,
  });
  const cacheKey = orderReadKey(kind, personId, orderId);
  const settled = all.filter((i) => i.orderId === orderId && i.state !== 'pending').length;

  useEffect(() => {
    let live = true;
    readThrough(cacheKey, () => load(orderId)).then(
      (r) => live && setState({ id: orderId, value: r.value, cachedAt: r.cachedAt }),
      (e: unknown) => live && setState({ id: orderId, error: toApiError(e), cachedAt: null }),
    );
    return () => {
      live = false;
    };
    // `load` is a module-level API call; re-reading on its identity would loop.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cacheKey, orderId, version, settled]);

  /** The server answered a submission at once: show it and keep it as the cached copy. */
  const replace = useCallback(
    (value: T) => {
      void cacheSet(cacheKey, { value, at: new Date().toISOString() });
      setState({ id: orderId, value, cachedAt: null });
    },
    [cacheKey, orderId],
  );
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const pending: OutboxItem[] = useMemo(
    () => all.filter((i) => i.orderId === orderId && i.state === 'pending'),
    [all, orderId],
  );
  const same = state.id === orderId;
  return {
    value: same ? state.value : undefined,
    error: same ? state.error : undefined,
    cachedAt: same ? state.cachedAt : null,
    pending,
    replace,
    reload,
  };
}
