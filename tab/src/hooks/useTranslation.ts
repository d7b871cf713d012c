import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { translator, type Language } from '../../../core/i18n/i18n';
import { useTeamsContext } from './useTeamsContext';

export interface Translation {
  language: Language;
  /** Texts from core/i18n/locales/{sv,en}.json, e.g. t('tab.plan.title'). */
  t: TFunction;
  /** Picks the language's text from data that carries both, such as a profile's names. */
  pick(text: { sv: string; en: string }): string;
}

/** The page's language (Teams locale, or the browser's) and its texts. */
export function useTranslation(): Translation {
  const { language } = useTeamsContext();
  return useMemo(
    () => ({ language, t: translator(language), pick: (text) => text[language] }),
    [language],
  );
}
