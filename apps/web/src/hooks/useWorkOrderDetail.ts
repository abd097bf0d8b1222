import { useCallback, useEffect, useState } from 'react';
import { type ApiError, toApiError, type WorkOrderDetail, workOrdersApi } from '../api';

interface State {
  id: string | null;
  version: number;
  detail: WorkOrderDetail | undefined;
  error: ApiError | undefined;
}

/** GET /api/work-orders/:id with reload; `replace` takes the detail an action answered with. */
export function useWorkOrderDetail(id: string) {
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<State>({ id: null, version: -1, detail: undefined, error: undefined });

  useEffect(() => {
    let live = true;
    workOrdersApi.get(id).then(
      (detail) => live && setState({ id, version, detail, error: undefined }),
      (e: unknown) => live && setState((s) => ({ ...s, id, version, error: toApiError(e) })),
    );
    return () => {
      live = false;
    };
  }, [id, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const replace = useCallback((detail: WorkOrderDetail) => setState((s) => ({ ...s, detail, error: undefined })), []);

  const sameOrder = state.id === id;
  return {
    detail: sameOrder ? state.detail : undefined,
    error: sameOrder ? state.error : undefined,
    loading: !sameOrder || state.version !== version,
    reload,
    replace,
  };
}
