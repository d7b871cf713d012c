import {
  FluentProvider,
  makeStaticStyles,
  makeStyles,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  tokens,
  type Theme,
} from '@fluentui/react-components';
import { useEffect, type ReactNode } from 'react';
import { useTeamsContext, type ThemeName } from '../../hooks/useTeamsContext';
import { useTranslation } from '../../hooks/useTranslation';
import { Loading } from '../Loading/Loading';

const THEMES: Record<ThemeName, Theme> = {
  light: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

const useGlobalStyles = makeStaticStyles({
  body: { margin: 0 },
  // Spacing comes from the components' own styles (Fluent tokens), not browser defaults.
  'h1, h2, h3, p': { margin: 0 },
});

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    paddingBlock: tokens.spacingVerticalXL,
    paddingInline: tokens.spacingHorizontalXXL,
  },
  content: {
    maxWidth: '960px',
    marginInline: 'auto',
  },
});

/**
 * Every page's frame: the Teams theme (followed live), the page's language on <html>, and
 * nothing else until it is known whether Teams hosts the page (at most a moment).
 */
export function AppShell({ children }: { children: ReactNode }) {
  useGlobalStyles();
  const styles = useStyles();
  const { host, theme } = useTeamsContext();
  const { language, t } = useTranslation();

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  return (
    <FluentProvider theme={THEMES[theme]} className={styles.root}>
      <div className={styles.content}>
        {host.kind === 'detecting' ? <Loading label={t('tab.starting')} /> : children}
      </div>
    </FluentProvider>
  );
}
