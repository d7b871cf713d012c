import { app } from '@microsoft/teams-js';
import { useSyncExternalStore } from 'react';
import { languageOf, SUPPORTED_LANGUAGES, type Language } from '../../../core/i18n/i18n';

/** Fluent's three Teams themes; Teams names them default, dark and contrast. */
export type ThemeName = 'light' | 'dark' | 'contrast';

export type TeamsHost =
  /** The first moment: is a Teams host answering? Lasts at most DETECTION_GRACE_MS. */
  | { kind: 'detecting' }
  /** Opened in a plain browser (or Teams did not answer in time): light/dark from the OS. */
  | { kind: 'browser' }
  | { kind: 'teams'; context: app.Context };

export interface TeamsState {
  host: TeamsHost;
  theme: ThemeName;
  language: Language;
}

/**
 * How long the page waits for Teams before it renders in browser mode. In a top-level window
 * teams-js rejects at once; in a foreign iframe it would wait ~5 s or more, so after this grace
 * the page shows the browser mode and upgrades to Teams if the host answers later after all.
 */
export const DETECTION_GRACE_MS = 1500;

/** Maps the theme names Teams sends (default, dark, contrast, and newer ones) to Fluent's. */
export function themeFromTeams(teamsTheme: string | undefined): ThemeName {
  if (teamsTheme === 'dark') return 'dark';
  if (teamsTheme === 'contrast') return 'contrast';
  return 'light';
}

const DARK_QUERY = '(prefers-color-scheme: dark)';
const FORCED_COLORS_QUERY = '(forced-colors: active)';

// --- The one teams-js initialisation of the page, as a store React subscribes to. -----------

let state: TeamsState = { host: { kind: 'detecting' }, ...browserPreferences() };
let started = false;
const listeners = new Set<() => void>();

function update(next: Partial<TeamsState>): void {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
}

function start(): void {
  if (started) return;
  started = true;

  const grace = window.setTimeout(() => {
    if (state.host.kind === 'detecting') update({ host: { kind: 'browser' } });
  }, DETECTION_GRACE_MS);

  app
    .initialize()
    .then(() => app.getContext())
    .then((context) => {
      window.clearTimeout(grace);
      update({
        host: { kind: 'teams', context },
        theme: themeFromTeams(context.app.theme),
        language: languageOf(context.app.locale),
      });
      app.registerOnThemeChangeHandler((theme) => update({ theme: themeFromTeams(theme) }));
      // The manifest shows Teams' loading indicator until the app says it is ready.
      app.notifyAppLoaded();
      void app.notifySuccess();
    })
    .catch(() => {
      // Not inside Teams: the expected case in a browser, not an error to report.
      window.clearTimeout(grace);
      if (state.host.kind !== 'teams') update({ host: { kind: 'browser' } });
    });

  // Outside Teams the OS preference decides light, dark or high contrast, and may change.
  for (const query of [DARK_QUERY, FORCED_COLORS_QUERY]) {
    window.matchMedia(query).addEventListener('change', () => {
      if (state.host.kind !== 'teams') update({ theme: browserPreferences().theme });
    });
  }
}

function subscribe(listener: () => void): () => void {
  start();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const getSnapshot = (): TeamsState => state;

/**
 * Outside React (the API client): where the page runs, once that is known — at once after
 * detection, at most DETECTION_GRACE_MS into the page's life.
 */
export function settledHost(): Promise<Exclude<TeamsHost, { kind: 'detecting' }>> {
  start();
  return new Promise((resolve) => {
    const check = () => {
      if (state.host.kind === 'detecting') return;
      listeners.delete(check);
      resolve(state.host);
    };
    listeners.add(check);
    check();
  });
}

/**
 * Where the page runs (Teams or a plain browser), its theme (followed live) and language.
 * teams-js is initialised once per page, however many components use this hook.
 */
export function useTeamsContext(): TeamsState {
  return useSyncExternalStore(subscribe, getSnapshot);
}

// --- Browser mode -------------------------------------------------------------------------------

function browserPreferences(): { theme: ThemeName; language: Language } {
  const theme: ThemeName = window.matchMedia(FORCED_COLORS_QUERY).matches
    ? 'contrast'
    : window.matchMedia(DARK_QUERY).matches
      ? 'dark'
      : 'light';
  return { theme, language: browserLanguage() };
}

/** `?lang=en` (handy in a browser and in tests) first, then the browser's own languages. */
function browserLanguage(): Language {
  const requested = new URLSearchParams(window.location.search).get('lang');
  if (requested && isSupported(requested)) return requested;
  const preferred = (navigator.languages.length > 0 ? navigator.languages : [navigator.language])
    .map((locale) => locale.toLowerCase().split('-')[0])
    .find((primary): primary is Language => primary !== undefined && isSupported(primary));
  return preferred ?? languageOf(undefined);
}

function isSupported(language: string): language is Language {
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(language);
}
