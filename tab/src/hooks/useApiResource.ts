import { useCallback, useEffect, useState } from 'react';
import { ApiError, getJson } from '../api/apiClient';

export type ApiResource<T> =
  { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready'; data: T };

/**
 * Loads `path` from the tab API, again whenever the path or the demo person changes, and on
 * retry(). An answer that arrives after a newer request started is dropped.
 */
export function useApiResource<T>(
  path: string | undefined,
  demoUserId?: string,
): ApiResource<T> & { retry: () => void } {
  const [resource, setResource] = useState<ApiResource<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (path === undefined) return undefined;
    const controller = new AbortController();
    setResource({ status: 'loading' });
    getJson<T>(path, { demoUserId, signal: controller.signal }).then(
      (data) => {
        if (!controller.signal.aborted) setResource({ status: 'ready', data });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setResource({
          status: 'error',
          error: error instanceof ApiError ? error : new ApiError(0, 'network', ''),
        });
      },
    );
    return () => controller.abort();
  }, [path, demoUserId, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...resource, retry };
}
