import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError, type ApiError } from '../api';

export interface ReloadableList<T> {
  /** null until the first answer arrives. */
  items: T[] | null;
  error: ApiError | null;
  /** Bumped by reload(); pages pass it to siblings that should refresh with the list. */
  version: number;
  reload: () => void;
}

/**
 * A list page's rows: fetched again whenever `key` (the query, as a string) changes or reload() is called.
 * An answer that arrives after the query moved on is dropped, so a slow old answer never overwrites a new one.
 */
export function useReloadableList<T>(key: string, load: () => Promise<{ items: T[] }>): ReloadableList<T> {
  const [items, setItems] = useState<T[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  // The loader closes over the page's current filters; `key` says when they changed. Effects run in
  // order, so this one hands the fetch below the loader of the same render.
  const loader = useRef(load);
  useEffect(() => {
    loader.current = load;
  });

  useEffect(() => {
    let live = true;
    loader.current().then(
      (r) => {
        if (!live) return;
        setError(null);
        setItems(r.items);
      },
      (e: unknown) => live && setError(toApiError(e)),
    );
    return () => {
      live = false;
    };
  }, [key, version]);

  return { items, error, version, reload };
}
