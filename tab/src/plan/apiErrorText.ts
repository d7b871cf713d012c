import type { TFunction } from 'i18next';

/**
 * Passing outages the person can do nothing about but wait: said in their language, since the
 * API's own words are for developers.
 */
const OUTAGE_TEXTS: Record<string, string> = {
  network: 'tab.error.network',
  directory_unavailable: 'tab.error.directoryUnavailable',
  store_unavailable: 'tab.error.storeUnavailable',
};

/** What to tell the person about a failed ApiError: an outage in their words, else the API's. */
export function apiErrorText(error: { code: string; message: string }, t: TFunction): string {
  const outage = OUTAGE_TEXTS[error.code];
  if (outage) return t(outage);
  return error.message || t('tab.error.network');
}
