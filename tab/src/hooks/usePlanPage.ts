import { useCallback, useEffect, useState } from 'react';
import type { PlanPageResponse } from '../../../bot/api/contract';
import { ApiError, getJson } from '../api/apiClient';
import { newerPage } from '../plan/pendingChange';
import type { ApiResource } from './useApiResource';

export interface PlanPage {
  resource: ApiResource<PlanPageResponse>;
  /** Loads the page again from the start (the error state's "try again"). */
  retry(): void;
  /**
   * Loads the page again in the background, the page staying as it is meanwhile; resolves
   * with what the API answered, rejects with an ApiError.
   */
  refresh(): Promise<PlanPageResponse>;
  /** Changes the page as shown, e.g. with the plan a save answered. */
  update(change: (page: PlanPageResponse) => PlanPageResponse): void;
}

/** A plan page (GET /me/plan or /people/{id}/plan) that its changes keep up to date. */
export function usePlanPage(path: string, demoUserId: string | undefined): PlanPage {
  const [resource, setResource] = useState<ApiResource<PlanPageResponse>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setResource({ status: 'loading' });
    getJson<PlanPageResponse>(path, { demoUserId, signal: controller.signal }).then(
      (data) => {
        if (!controller.signal.aborted) setResource({ status: 'ready', data });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setResource({ status: 'error', error: asApiError(error) });
      },
    );
    return () => controller.abort();
  }, [path, demoUserId, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  const update = useCallback((change: (page: PlanPageResponse) => PlanPageResponse) => {
    setResource((current) =>
      current.status === 'ready' ? { status: 'ready', data: change(current.data) } : current,
    );
  }, []);

  const refresh = useCallback(async () => {
    try {
      const page = await getJson<PlanPageResponse>(path, { demoUserId });
      setResource((current) =>
        current.status === 'ready'
          ? { status: 'ready', data: newerPage(current.data, page) }
          : { status: 'ready', data: page },
      );
      return page;
    } catch (error) {
      throw asApiError(error);
    }
  }, [path, demoUserId]);

  return { resource, retry, refresh, update };
}

export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'network', '');
}
