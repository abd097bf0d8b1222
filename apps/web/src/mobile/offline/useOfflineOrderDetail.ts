import { useCallback, useEffect, useMemo, useState } from 'react';
import { type ApiError, toApiError, type WorkOrderDetail, workOrdersApi } from '../../api';
import { useMe } from '../../session/SessionContext';
import { withQueued } from './localOrder';
import { detailKey, readThrough, rememberDetail } from './readCache';
import { useOutbox } from './useOutbox';

interface State {
  id: string;
  detail?: WorkOrderDetail;
  error?: ApiError;
  cachedAt: string | null;
}

/**
 * The phone's order detail (ENG-07): from the server when online (and cached), from the cache when not,
 * with the submissions still queued for it applied on top; re-read whenever one of them is synced or
 * turns into a conflict.
 */
export function useOfflineOrderDetail(id: string) {
  const me = useMe();
  const personId = me.person.id;
  const items = useOutbox();
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<State>({ id: '', cachedAt: null });

  // Re-read whenever one of the order's queued submissions is synced or turns into a conflict.
  const settled = items.filter((i) => i.orderId === id && i.state !== 'pending').length;
  useEffect(() => {
    let live = true;
    readThrough(detailKey(personId, id), () => workOrdersApi.get(id)).then(
      (r) => live && setState({ id, detail: r.value, cachedAt: r.cachedAt }),
      (e: unknown) => live && setState({ id, error: toApiError(e), cachedAt: null }),
    );
    return () => {
      live = false;
    };
  }, [id, personId, version, settled]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const replace = useCallback(
    (detail: WorkOrderDetail) => {
      void rememberDetail(personId, detail);
      setState({ id: detail.order.id, detail, cachedAt: null });
    },
    [personId],
  );

  const mine = useMemo(() => items.filter((i) => i.orderId === id), [items, id]);
  const same = state.id === id;
  const detail = same && state.detail ? withQueued(state.detail, mine, me.position) : undefined;
  return {
    detail,
    error: same ? state.error : undefined,
    cachedAt: same ? state.cachedAt : null,
    pending: mine.filter((i) => i.state === 'pending').length,
    conflicts: mine.filter((i) => i.state === 'conflict').length,
    reload,
    replace,
  };
}
