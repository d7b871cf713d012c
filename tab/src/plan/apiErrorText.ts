import type { TFunction } from 'i18next';
import type { ApiError } from '../api/apiClient';

/** What to tell the person about a failed call: the API's own words, or that it is unreachable. */
export function apiErrorText(error: ApiError, t: TFunction): string {
  return error.code === 'network' || !error.message ? t('tab.error.network') : error.message;
}
