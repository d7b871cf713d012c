import i18next, { type TFunction } from 'i18next';
import en from './locales/en.json';
import sv from './locales/sv.json';

/** Swedish first: every text exists in Swedish, and Swedish is what an unknown locale gets. */
export const SUPPORTED_LANGUAGES = ['sv', 'en'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'sv';

export type Messages = typeof sv;

/** en.json must have exactly sv.json's shape; the compiler checks it here. */
const resources: Record<Language, Messages> = { sv, en };

const instance = i18next.createInstance();
void instance.init({
  resources: {
    sv: { translation: resources.sv },
    en: { translation: resources.en },
  },
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  initAsync: false,
  returnNull: false,
  showSupportNotice: false,
  // Cards and Teams messages are not HTML; escaping would show &amp; to people.
  interpolation: { escapeValue: false },
});

/**
 * Maps a Teams/BCP 47 locale such as "en-US" or "sv-SE" to a supported language. The locale
 * comes from a client's activity, so anything that is not a string (a number, an object) gets
 * the default language instead of failing the turn.
 */
export function languageOf(locale: unknown): Language {
  const primary = (typeof locale === 'string' ? locale : '').toLowerCase().split(/[-_]/)[0];
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(primary ?? '')
    ? (primary as Language)
    : DEFAULT_LANGUAGE;
}

/**
 * One translator per language, made once. A card asks for dozens of texts a turn, and
 * i18next's getFixedT copies its whole options object on every call (about 10 µs); calling
 * `t` with the language is three times cheaper, and a text without options, which the
 * locale files fix for the life of the process, is looked up once.
 */
function makeTranslator(language: Language): TFunction {
  const plainTexts = new Map<string, string>();
  const translate = (key: string | string[], options?: Record<string, unknown>): string => {
    if (options === undefined && typeof key === 'string') {
      let text = plainTexts.get(key);
      if (text === undefined) {
        text = instance.t(key, { lng: language });
        plainTexts.set(key, text);
      }
      return text;
    }
    return instance.t(key, { ...options, lng: language });
  };
  return translate as TFunction;
}

const translators = Object.fromEntries(
  SUPPORTED_LANGUAGES.map((language) => [language, makeTranslator(language)]),
) as Record<Language, TFunction>;

export function translator(language: Language): TFunction {
  return translators[language];
}

/** The raw messages of a language, for lists such as command phrases. */
export function messages(language: Language): Messages {
  return resources[language];
}
