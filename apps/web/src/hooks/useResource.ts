import { useEffect, useState } from 'react';
import { type ApiError, toApiError } from '../api';
import type { Resource } from './resource';

export interface ResourceState<T> {
  data: T | undefined;
  error: ApiError | undefined;
}

export function useResource<T>(resource: Resource<T>): ResourceState<T> {
  const [state, setState] = useState<ResourceState<T>>(() => ({ data: resource.peek(), error: undefined }));
  useEffect(() => {
    let live = true;
    resource.get().then(
      (data) => live && setState({ data, error: undefined }),
      (e: unknown) => live && setState({ data: undefined, error: toApiError(e) }),
    );
    return () => {
      live = false;
    };
  }, [resource]);
  return state;
}
