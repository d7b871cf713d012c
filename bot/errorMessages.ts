import type { TFunction } from 'i18next';
import { PlanStoreUnavailableError } from '../core/ports/storeErrors';
import { GraphUnavailableError } from './graph/resilience';
import { GraphTokenError } from './graph/tokenProvider';

/**
 * Entra ID, Graph or the SharePoint store is down or throttling: a passing state, not our
 * failure. The store's outages reach here as PlanStoreUnavailableError; any other Graph
 * outage is the directory's.
 */
export type Outage = 'directory' | 'store';

export function outageOf(error: unknown): Outage | undefined {
  if (error instanceof PlanStoreUnavailableError) return 'store';
  if (error instanceof GraphUnavailableError || error instanceof GraphTokenError)
    return 'directory';
  return undefined;
}

/** When to try again, in milliseconds, if the outage said. */
export function outageRetryAfterMs(error: unknown): number | undefined {
  return error instanceof GraphUnavailableError || error instanceof PlanStoreUnavailableError
    ? error.retryAfterMs
    : undefined;
}

const OUTAGE_TEXTS = {
  directory: 'errors.directoryUnavailable',
  store: 'errors.storeUnavailable',
} as const;

/** What a person is told when their turn failed: an outage, or something else. */
export function failureText(t: TFunction, error: unknown): string {
  const outage = outageOf(error);
  return t(outage ? OUTAGE_TEXTS[outage] : 'errors.generic');
}
