import { useCallback, useEffect, useState } from 'react';
import type { TeamPlanPageResponse } from '../../../../bot/api/contract';
import { ApiError, getJson } from '../../api/apiClient';

export type TeamPlanPageState =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  | { status: 'ready'; data: TeamPlanPageResponse };

/** GET and PUT /units/{unitId}/team-plan. */
export const teamPlanPath = (unitId: string) => `/units/${encodeURIComponent(unitId)}/team-plan`;

/**
 * The channel tab's page: loaded for the unit (again when the demo person changes, and on
 * retry), and replaced by what a save answered, so the page shows what is stored without
 * asking twice. An answer that arrives after a newer request started is dropped.
 */
export function useTeamPlanPage(
  unitId: string | undefined,
  demoUserId: string | undefined,
): {
  state: TeamPlanPageState;
  retry: () => void;
  replace: (data: TeamPlanPageResponse) => void;
} {
  const [state, setState] = useState<TeamPlanPageState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (unitId === undefined) return undefined;
    const controller = new AbortController();
    setState({ status: 'loading' });
    getJson<TeamPlanPageResponse>(teamPlanPath(unitId), {
      demoUserId,
      signal: controller.signal,
    }).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({
          status: 'error',
          error: error instanceof ApiError ? error : new ApiError(0, 'network', ''),
        });
      },
    );
    return () => controller.abort();
  }, [unitId, demoUserId, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const replace = useCallback(
    (data: TeamPlanPageResponse) => setState({ status: 'ready', data }),
    [],
  );
  return { state, retry, replace };
}
