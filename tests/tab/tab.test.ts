import { seriousAxeViolations } from '../support/axe';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core';
import demoOrganisation from '../../bot/demo/demoOrganisation.json';
import { PEDAGOGICAL_PRINCIPLES } from '../../core/principles/principles';
import { getProfile } from '../../core/profiles/profiles';
import { hostCalls, openInFakeTeams, sendToTab, FAKE_TAB_ORIGIN } from '../fakes/fakeTeamsHost';
import { startApiTestApp, type ApiTestApp } from '../api/apiTestApp';
import { CHROMIUM_ARGS, CHROMIUM_PATH, describeWithChromium } from '../support/testEnvironment';
import { eventually } from '../support/eventually';
import { requireBuiltTab } from './teamTabSupport';

const { manager, employees } = demoOrganisation;
const firstEmployee = employees[0];
if (!firstEmployee) throw new Error('the demo organisation has no employees');
const vgr = getProfile(demoOrganisation.unit.profileId);

interface BrowserGlobals {
  getComputedStyle(element: unknown): { backgroundColor: string };
}

/** The computed background colour, e.g. "rgb(41, 41, 41)" (evaluated in the browser). */
async function backgroundOf(locator: Locator): Promise<string> {
  return locator.evaluate(
    (element) =>
      // Runs in the browser; the test project has no DOM types.
      (globalThis as unknown as BrowserGlobals).getComputedStyle(element).backgroundColor,
  );
}

test('the tab has been built (npm run build:tab)', () => {
  requireBuiltTab();
});

describeWithChromium('the tab in a real browser (Chromium)', () => {
  let service: ApiTestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    requireBuiltTab();
    // The service's HTTP app (createHttpApp) with the real API router and the built tab; the
    // storage behind the bot plays no part in these pages.
    service = await startApiTestApp();
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  /** A fresh browser profile per test; nothing but the service on loopback is reachable. */
  async function openContext(options: { locale?: string; dark?: boolean } = {}): Promise<Page> {
    context = await browser.newContext({
      locale: options.locale ?? 'sv-SE',
      colorScheme: options.dark ? 'dark' : 'light',
    });
    await context.route('**/*', (route) => {
      const { hostname } = new URL(route.request().url());
      return hostname === '127.0.0.1' || hostname === 'localhost'
        ? route.continue()
        : route.abort();
    });
    pageErrors = [];
    context.on('page', (opened) =>
      opened.on('pageerror', (error) => pageErrors.push(error.message)),
    );
    return context.newPage();
  }

  beforeEach(async () => {
    page = await openContext();
  });

  afterEach(async () => {
    await context.close();
    expect(pageErrors).toEqual([]);
  });

  /** The person's name in the page itself (the switcher's options carry names too). */
  const nameShown = (name: string) =>
    page.getByRole('main').getByText(name, { exact: true }).waitFor();

  const tabUrl = (pathAndQuery = 'index.html') => `${service.url}/tab/${pathAndQuery}`;

  async function expectNoSeriousAxeViolations(on: Page = page): Promise<void> {
    expect(await seriousAxeViolations(on)).toEqual([]);
  }

  it('when an employee opens Min utvecklingsplan, then their name, the empty plan and the four principles show in Swedish at once', async () => {
    // How soon (the tab must not wait out teams-js's 5 s outside Teams) is npm run bench:tab's.
    await page.goto(tabUrl('index.html#/min-plan')); // the manifest's contentUrl
    await nameShown(firstEmployee.displayName);

    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    expect(await page.title()).toBe('Min utvecklingsplan – Kompetensdialog');
    await page.getByRole('heading', { level: 1, name: 'Min utvecklingsplan' }).waitFor();
    await page.getByText(`Organisationsprofil: ${vgr.name.sv}`).waitFor();
    await page
      .getByText(
        'Du har ingen utvecklingsplan än – förbered ditt samtal med Kompetensdialog i chatten',
      )
      .waitFor();
    const principles = page.getByRole('heading', { level: 3 });
    expect(await principles.allTextContents()).toEqual(
      PEDAGOGICAL_PRINCIPLES.map((principle) => principle.name.sv),
    );
    expect(await page.getByText('Chef för').count()).toBe(0);
  });

  it('when the demo-user switcher picks the manager, then the page shows the manager', async () => {
    await page.goto(tabUrl());
    await nameShown(firstEmployee.displayName);

    const meAsManager = page.waitForRequest(
      (request) =>
        request.url().endsWith('/api/v1/me') && request.headers()['x-demo-user'] === manager.id,
    );
    await page.getByRole('combobox', { name: 'Visa som (demoläge)' }).selectOption(manager.id);
    await meAsManager;

    await page.getByText(`Chef för ${employees.length} medarbetare`).waitFor();
    const main = page.getByRole('main');
    expect(await main.getByText(manager.displayName, { exact: true }).count()).toBe(1);
    expect(await main.getByText(firstEmployee.displayName, { exact: true }).count()).toBe(0);

    // The choice lasts for the browser tab's session.
    await page.reload();
    await page.getByText(`Chef för ${employees.length} medarbetare`).waitFor();
  });

  it('when ?lang=en is given, then the tab speaks English', async () => {
    await page.goto(tabUrl('index.html?lang=en'));

    await page.getByRole('heading', { level: 1, name: 'My development plan' }).waitFor();
    await page.getByText(`Organisation profile: ${vgr.name.en}`).waitFor();
    expect(await page.getByRole('heading', { level: 3 }).allTextContents()).toEqual(
      PEDAGOGICAL_PRINCIPLES.map((principle) => principle.name.en),
    );
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });

  it('when the browser itself is English, then the tab speaks English', async () => {
    await context.close();
    page = await openContext({ locale: 'en-US' });
    await page.goto(tabUrl());

    await page.getByRole('heading', { level: 1, name: 'My development plan' }).waitFor();
    await page.getByRole('combobox', { name: 'View as (demo mode)' }).waitFor();
  });

  it('when the API fails, then its message and a retry button show, and retry recovers', async () => {
    let failing = true;
    await page.route('**/api/v1/me', (route) =>
      failing
        ? route.fulfill({
            status: 503,
            contentType: 'application/json',
            body: JSON.stringify({ error: { code: 'not_ready', message: 'Tjänsten startar.' } }),
          })
        : route.continue(),
    );
    await page.goto(tabUrl());

    await page.getByRole('alert').getByText('Tjänsten startar.').waitFor();
    failing = false;
    const retry = page.getByRole('button', { name: 'Försök igen' });
    await retry.focus();
    await page.keyboard.press('Enter');

    await nameShown(firstEmployee.displayName);
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  /** The sum of the page background's red, green and blue: 765 is white, 0 black. */
  const backgroundLightness = async () =>
    (await backgroundOf(page.locator('.fui-FluentProvider').first()))
      .match(/\d+/g)
      ?.slice(0, 3)
      .reduce((sum, value) => sum + Number(value), 0);

  it('when the OS prefers dark, then the tab uses the dark Teams theme, and follows a change live', async () => {
    await context.close();
    page = await openContext({ dark: true });
    await page.goto(tabUrl());
    await nameShown(firstEmployee.displayName);
    expect(await backgroundLightness()).toBeLessThan(3 * 80);

    await page.emulateMedia({ colorScheme: 'light' });
    await eventually(backgroundLightness, (lightness) => expect(lightness).toBe(765));
  });

  it('when a channel tab saved before tabs named their unit opens, then it asks for the settings to be saved again', async () => {
    await page.goto(tabUrl('index.html?profile=vasterbotten#/team'));

    await page.getByRole('heading', { level: 1, name: 'Teamets kompetensplan' }).waitFor();
    await page.getByText('Fliken vet inte vilken enhet den ska visa').waitFor();
    await page.getByText(`Organisationsprofil: ${getProfile('vasterbotten').name.sv}`).waitFor();
    await expectNoSeriousAxeViolations();
  });

  it('when the configuration page is opened outside Teams, then it says to open it from Teams', async () => {
    await page.goto(tabUrl('config.html'));

    await page
      .getByRole('heading', { level: 1, name: 'Öppna den här sidan från Microsoft Teams' })
      .waitFor();
    expect(await page.getByRole('radio').count()).toBe(0);
  });

  it.each([
    ['Min utvecklingsplan', 'index.html', firstEmployee.displayName],
    ['Min utvecklingsplan in English, dark', 'index.html?lang=en', firstEmployee.displayName],
    ['the configuration page', 'config.html', 'Öppna den här sidan från Microsoft Teams'],
  ])('when axe checks %s, then it finds nothing serious or critical', async (name, url, ready) => {
    if (name.includes('dark')) {
      await context.close();
      page = await openContext({ dark: true });
    }
    await page.goto(tabUrl(url));
    await page.getByRole('main').getByText(ready, { exact: true }).first().waitFor();

    await expectNoSeriousAxeViolations();
  });

  describe('inside Teams (the fake Teams host in fakeTeamsHost.ts)', () => {
    const tabFrame = (host: Page) => host.frameLocator('iframe#tab');

    const frameBackground = (host: Page) =>
      backgroundOf(tabFrame(host).locator('.fui-FluentProvider').first());

    it('when Teams hosts the personal tab in dark English, then the tab follows its theme and locale live', async () => {
      const host = await openInFakeTeams(context, service.url, 'tab/index.html', {
        frameContext: 'content',
        locale: 'en-GB',
        theme: 'dark',
      });
      const tab = tabFrame(host);

      await tab.getByRole('heading', { level: 1, name: 'My development plan' }).waitFor();
      await tab.getByRole('main').getByText(firstEmployee.displayName, { exact: true }).waitFor();
      expect(await frameBackground(host)).not.toBe('rgb(255, 255, 255)');
      // Teams knows who the user is: no demo-user switcher inside Teams. On a loaded machine
      // the host may answer after the detection grace, when the page shows browser mode
      // first (with the switcher) and then moves to Teams mode; the page must get there.
      await tab.getByRole('combobox').waitFor({ state: 'detached', timeout: 10_000 });
      const calls = await eventually(
        async () => (await hostCalls(host)).map((call) => call.func),
        (funcs) =>
          expect(funcs).toEqual(
            expect.arrayContaining(['initialize', 'getContext', 'appInitialization.success']),
          ),
      );
      expect(calls.filter((func) => func === 'initialize')).toHaveLength(1);

      await sendToTab(host, 'themeChange', ['contrast']);
      await eventually(
        () => frameBackground(host),
        (bg) => expect(bg).toBe('rgb(0, 0, 0)'),
      );
      await sendToTab(host, 'themeChange', ['default']);
      await eventually(
        () => frameBackground(host),
        (bg) => expect(bg).toBe('rgb(255, 255, 255)'),
      );
    });

    it('when a channel owner configures the team tab in Teams, then Save is enabled by a profile and saves the team page', async () => {
      const host = await openInFakeTeams(context, service.url, 'tab/config.html', {
        frameContext: 'settings',
        locale: 'sv-SE',
        theme: 'default',
      });
      const tab = tabFrame(host);
      await tab
        .getByRole('heading', { level: 1, name: 'Lägg till Teamets kompetensplan' })
        .waitFor();
      const validity = async () =>
        (await hostCalls(host))
          .filter((call) => call.func === 'settings.setValidityState')
          .map((call) => call.args[0]);
      expect(await validity()).toEqual([false]);

      await tab.getByRole('radio', { name: getProfile('vasterbotten').name.sv }).check();
      await eventually(validity, (states) => expect(states).toEqual([false, true]));

      await sendToTab(host, 'settings.save', [{}]);
      await eventually(
        async () => (await hostCalls(host)).map((call) => call.func),
        (funcs) => expect(funcs).toContain('settings.save.success'),
      );
      const saved = (await hostCalls(host)).find((call) => call.func === 'settings.setSettings');
      await expectNoSeriousAxeViolations(host);
      // The unit is the one the directory places the person in (the demo unit).
      const teamUrl = `${FAKE_TAB_ORIGIN}/tab/index.html#/team?unit=demo-unit-akutmottagningen&profile=vasterbotten`;
      expect(saved?.args[0]).toEqual({
        entityId: 'teamets-kompetensplan',
        contentUrl: teamUrl,
        websiteUrl: teamUrl,
        suggestedDisplayName: 'Teamets kompetensplan',
      });
    });

    it('when a saved team tab is configured again, then its profile is already chosen', async () => {
      const host = await openInFakeTeams(context, service.url, 'tab/config.html', {
        frameContext: 'settings',
        locale: 'sv-SE',
        theme: 'default',
        savedConfig: { contentUrl: `${FAKE_TAB_ORIGIN}/tab/index.html?profile=vgr#/team` },
      });

      await tabFrame(host).getByRole('radio', { name: vgr.name.sv, checked: true }).waitFor();
    });
  });
});
