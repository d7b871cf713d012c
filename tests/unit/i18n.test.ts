import en from '../../core/i18n/locales/en.json';
import sv from '../../core/i18n/locales/sv.json';
import { languageOf, translator } from '../../core/i18n/i18n';

function keysOf(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value) || typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) =>
    keysOf(child, prefix ? `${prefix}.${key}` : key),
  );
}

describe('locale files', () => {
  it('English has exactly the keys Swedish has', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(sv).sort());
  });

  it.each([
    ['sv-SE', 'sv'],
    ['en-US', 'en'],
    ['en', 'en'],
    ['fi-FI', 'sv'],
    [undefined, 'sv'],
    ['', 'sv'],
    // A client's malformed activity: never a failed turn, the default language instead.
    [42, 'sv'],
    [{ locale: 'en' }, 'sv'],
    [null, 'sv'],
  ])('the Teams locale %p gets %s', (locale, language) => {
    expect(languageOf(locale)).toBe(language);
  });

  it('fills in placeholders without HTML escaping', () => {
    expect(translator('sv')('welcome.personalTitle', { name: 'Åsa & Örjan' })).toBe(
      'Välkommen till Kompetensdialog, Åsa & Örjan!',
    );
  });

  it('answers each language in its own words, however often and in whatever order it is asked', () => {
    for (let round = 0; round < 2; round++) {
      expect(translator('en')('help.title')).toBe(en.help.title);
      expect(translator('sv')('help.title')).toBe(sv.help.title);
      expect(translator('sv')('welcome.personalTitle', { name: 'Erik' })).toBe(
        'Välkommen till Kompetensdialog, Erik!',
      );
      expect(translator('sv')('welcome.personalTitle', { name: 'Sofia' })).toBe(
        'Välkommen till Kompetensdialog, Sofia!',
      );
    }
  });
});
