import type { TFunction } from 'i18next';
import { GraphUnavailableError } from './graph/resilience';
import { GraphTokenError } from './graph/tokenProvider';

/** Entra ID or Graph is down or throttling: a passing state, not our failure. */
export const isDirectoryOutage = (
  error: unknown,
): error is GraphUnavailableError | GraphTokenError =>
  error instanceof GraphUnavailableError || error instanceof GraphTokenError;

/** What a person is told when their turn failed: the directory's outage, or something else. */
export function failureText(t: TFunction, error: unknown): string {
  return t(isDirectoryOutage(error) ? 'errors.directoryUnavailable' : 'errors.generic');
}
