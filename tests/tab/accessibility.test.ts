import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core';
import { openInFakeTeams, sendToTab } from '../fakes/fakeTeamsHost';
import { startApiTestApp, type ApiTestApp } from '../api/apiTestApp';
import { CHROMIUM_ARGS, CHROMIUM_PATH, describeWithChromium } from '../support/testEnvironment';
import {
  DEMO_EMPLOYEES,
  DEMO_MANAGER,
  getTeamPlan,
  isolatedContext,
  putTeamPlan,
  requireBuiltTab,
  seedDemoUnit,
  STARTING_TEAM_PLAN,
  teamTabPath,
} from './teamTabSupport';
import { seriousAxeViolations } from '../support/axe';
import { eventually } from '../support/eventually';

/**
 * axe (WCAG 2.x A and AA, best practice) on every page of the tab, in each of Teams' three
 * themes, failing on any serious or critical finding. Pages Teams hosts (the channel tab as a
 * member sees it, the configuration page, the personal tab) are opened in the fake Teams host
 * and switched to the theme live, as Teams does; pages that need the demo manager are opened
 * in a browser with the matching preference (dark, or forced colours for high contrast).
 */

type ThemeName = 'light' | 'dark' | 'contrast';
const THEMES: readonly ThemeName[] = ['light', 'dark', 'contrast'];
const TEAMS_THEME: Record<ThemeName, string> = {
  light: 'default',
  dark: 'dark',
  contrast: 'contrast',
};
/**
 * The Fluent theme's page background token in each Teams theme: read from the provider's CSS
 * variables, because under forced colours the painted colour is the system's, not the theme's.
 */
const BACKGROUND_TOKEN: Record<ThemeName, string> = {
  light: '#ffffff',
  dark: '#292929',
  contrast: '#000000',
};

const firstEmployee = DEMO_EMPLOYEES[0];
if (!firstEmployee) throw new Error('the demo organisation has no employees');

interface Opened {
  /** The page axe checks (the fake host's page includes the tab's frame). */
  page: Page;
  /** The tab's content: the page itself, or the tab's frame inside the host. */
  root: Page | ReturnType<Page['frameLocator']>;
  /** Whether the page is a Fluent page that follows the theme. */
  themed: boolean;
}

interface PageUnderTest {
  name: string;
  open(theme: ThemeName): Promise<Opened>;
}

interface BrowserGlobals {
  getComputedStyle(element: unknown): { getPropertyValue(name: string): string };
}

const themeBackgroundOf = (locator: Locator): Promise<string> =>
  locator.evaluate((element) =>
    // Runs in the browser; the test project has no DOM types.
    (globalThis as unknown as BrowserGlobals)
      .getComputedStyle(element)
      .getPropertyValue('--colorNeutralBackground1')
      .trim(),
  );

test('the tab has been built (npm run build:tab)', () => {
  requireBuiltTab();
});

describeWithChromium('accessibility of every page in light, dark and high contrast (axe)', () => {
  let app: ApiTestApp;
  let browser: Browser;
  let context: BrowserContext | undefined;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    requireBuiltTab();
    app = await startApiTestApp();
    await seedDemoUnit(app);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  afterEach(async () => {
    await context?.close();
    context = undefined;
    expect(pageErrors).toEqual([]);
  });

  /** A plain browser whose preferences ask for the theme, acting as a demo person. */
  async function inBrowser(theme: ThemeName, path: string, demoUser?: string): Promise<Page> {
    // High contrast as Windows' default contrast themes give it: forced colours on black, as
    // Teams' own contrast theme is.
    const isolated = await isolatedContext(browser, {
      colorScheme: theme === 'light' ? 'light' : 'dark',
      forcedColors: theme === 'contrast' ? 'active' : 'none',
      ...(demoUser ? { demoUser } : {}),
    });
    context = isolated.context;
    pageErrors = isolated.pageErrors;
    const page = await context.newPage();
    await page.goto(`${app.url}/tab/${path}`);
    return page;
  }

  /** The fake Teams host with the tab in it, switched to the theme live once it has loaded. */
  async function inTeams(
    theme: ThemeName,
    path: string,
    frameContext: 'content' | 'settings',
    ready: (tab: ReturnType<Page['frameLocator']>) => Promise<void>,
  ): Promise<Opened> {
    const isolated = await isolatedContext(browser);
    context = isolated.context;
    pageErrors = isolated.pageErrors;
    const host = await openInFakeTeams(context, app.url, path, {
      frameContext,
      locale: 'sv-SE',
      theme: 'default',
    });
    const tab = host.frameLocator('iframe#tab');
    await ready(tab);
    if (theme !== 'light') await sendToTab(host, 'themeChange', [TEAMS_THEME[theme]]);
    return { page: host, root: tab, themed: true };
  }

  /** No spinner left: the page has its content (or its error). */
  async function settled(root: Opened['root']): Promise<void> {
    await eventually(
      () => root.locator('.fui-Spinner').count(),
      (spinners) => expect(spinners).toBe(0),
      10_000,
    );
  }

  async function openTeamEditor(theme: ThemeName): Promise<Page> {
    const page = await inBrowser(theme, teamTabPath(), DEMO_MANAGER.id);
    await page.getByRole('main').getByRole('button', { name: 'Ändra teamets plan' }).click();
    await page.getByRole('form', { name: /^Ändra teamets plan/ }).waitFor();
    return page;
  }

  const PAGES: readonly PageUnderTest[] = [
    {
      name: 'Min utvecklingsplan, an employee in Teams',
      open: (theme) =>
        inTeams(theme, 'tab/index.html#/min-plan', 'content', async (tab) => {
          await tab.getByRole('heading', { level: 1 }).first().waitFor();
          await settled(tab);
        }),
    },
    {
      name: 'Min utvecklingsplan, the manager',
      open: async (theme) => {
        const page = await inBrowser(theme, 'index.html#/min-plan', DEMO_MANAGER.id);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        await settled(page);
        return { page, root: page, themed: true };
      },
    },
    {
      name: 'Teamets kompetensplan, as a member reads it in Teams',
      open: (theme) =>
        inTeams(theme, `tab/${teamTabPath()}`, 'content', async (tab) => {
          await tab.getByRole('heading', { level: 2, name: 'Enhetens mål' }).waitFor();
        }),
    },
    {
      name: "Teamets kompetensplan, the manager's edit mode",
      open: async (theme) => {
        const page = await openTeamEditor(theme);
        return { page, root: page, themed: true };
      },
    },
    {
      name: "Teamets kompetensplan, the manager's edit mode saying what to fix",
      open: async (theme) => {
        const page = await openTeamEditor(theme);
        const form = page.getByRole('form', { name: /^Ändra teamets plan/ });
        await form.getByRole('button', { name: 'Lägg till behov' }).click();
        await form.getByRole('button', { name: 'Spara' }).click();
        await form.getByText('Välj ett prioriterat område.').waitFor();
        return { page, root: page, themed: true };
      },
    },
    {
      name: 'Teamets kompetensplan, the conflict view',
      open: async (theme) => {
        const page = await openTeamEditor(theme);
        const form = page.getByRole('form', { name: /^Ändra teamets plan/ });
        await form.getByRole('textbox', { name: 'Mål 1', exact: true }).fill('Mitt nya mål');
        // Meanwhile someone else saves other goals (a save of the same content stores nothing).
        const stored = await getTeamPlan(app);
        await putTeamPlan(app, {
          ...STARTING_TEAM_PLAN,
          unitGoals: [{ id: 'goal-other', text: `Någon annans mål (${theme})` }],
          neededCompetences: [],
          expectedVersion: stored.teamPlan?.version ?? 0,
        });
        await form.getByRole('button', { name: 'Spara' }).click();
        await page.getByRole('button', { name: 'Fortsätt med mina ändringar' }).waitFor();
        return { page, root: page, themed: true };
      },
    },
    {
      name: 'the configuration page in Teams',
      open: (theme) =>
        inTeams(theme, 'tab/config.html', 'settings', async (tab) => {
          await tab.getByRole('radiogroup').first().waitFor();
        }),
    },
    {
      name: 'the privacy notice',
      open: async (theme) => {
        const page = await inBrowser(theme, 'privacy.html');
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        return { page, root: page, themed: false };
      },
    },
    {
      name: 'the terms of use',
      open: async (theme) => {
        const page = await inBrowser(theme, 'terms.html');
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        return { page, root: page, themed: false };
      },
    },
  ];

  const cases = PAGES.flatMap((pageUnderTest) =>
    THEMES.map((theme) => [pageUnderTest.name, theme, pageUnderTest] as const),
  );

  it.each(cases)(
    'when axe checks %s in the %s theme, then it finds nothing serious or critical',
    async (_name, theme, pageUnderTest) => {
      const { page, root, themed } = await pageUnderTest.open(theme);
      if (themed) {
        await eventually(
          () => themeBackgroundOf(root.locator('.fui-FluentProvider').first()),
          (background) => expect(background).toBe(BACKGROUND_TOKEN[theme]),
        );
      }

      expect(await seriousAxeViolations(page)).toEqual([]);
    },
  );
});
