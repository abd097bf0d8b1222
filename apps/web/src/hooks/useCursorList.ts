import { useCallback, useEffect, useState } from 'react';
import { type ApiError, type Page, toApiError } from '../api';

interface ListState<T> {
  source: ((cursor: string | null) => Promise<Page<T>>) | null;
  version: number;
  items: T[];
  nextCursor: string | null;
  error: ApiError | undefined;
}

/**
 * Server-side cursor pagination: loads the first page whenever `fetchPage` changes (memoise it on the
 * query), appends pages on `loadMore` while `nextCursor` is not null.
 */
export function useCursorList<T>(fetchPage: (cursor: string | null) => Promise<Page<T>>) {
  const [version, setVersion] = useState(0);
  const [moreLoading, setMoreLoading] = useState(false);
  const [state, setState] = useState<ListState<T>>({
    source: null,
    version: -1,
    items: [],
    nextCursor: null,
    error: undefined,
  });

  useEffect(() => {
    let live = true;
    fetchPage(null).then(
      (p) =>
        live && setState({ source: fetchPage, version, items: p.items, nextCursor: p.nextCursor, error: undefined }),
      (e: unknown) =>
        live && setState({ source: fetchPage, version, items: [], nextCursor: null, error: toApiError(e) }),
    );
    return () => {
      live = false;
    };
  }, [fetchPage, version]);

  const current = state.source === fetchPage && state.version === version;
  const cursor = current ? state.nextCursor : null;

  const loadMore = useCallback(async () => {
    if (!cursor) return;
    setMoreLoading(true);
    try {
      const p = await fetchPage(cursor);
      setState((s) =>
        s.source === fetchPage
          ? { ...s, items: [...s.items, ...p.items], nextCursor: p.nextCursor, error: undefined }
          : s,
      );
    } catch (e) {
      setState((s) => ({ ...s, error: toApiError(e) }));
    } finally {
      setMoreLoading(false);
    }
  }, [cursor, fetchPage]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);

  return {
    items: current ? state.items : [],
    error: current ? state.error : undefined,
    firstLoading: !current,
    moreLoading,
    hasMore: cursor !== null,
    loadMore,
    reload,
  };
}
