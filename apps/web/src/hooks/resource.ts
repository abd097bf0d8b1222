/** A lazily fetched, shared reference list (meta, org tree, areas): fetched once per session. */
export interface Resource<T> {
  get(): Promise<T>;
  peek(): T | undefined;
  clear(): void;
}

const all: Resource<unknown>[] = [];

export function createResource<T>(fetcher: () => Promise<T>): Resource<T> {
  let promise: Promise<T> | null = null;
  let value: T | undefined;
  const res: Resource<T> = {
    get() {
      promise ??= fetcher().then(
        (v) => (value = v),
        (e: unknown) => {
          promise = null; // a failed load is retried by the next reader
          throw e;
        },
      );
      return promise;
    },
    peek: () => value,
    clear() {
      promise = null;
      value = undefined;
    },
  };
  all.push(res as Resource<unknown>);
  return res;
}

/** Forget everything cached (login, logout, position switch: the answers depend on who asks). */
export function clearAllResources(): void {
  for (const r of all) r.clear();
}
