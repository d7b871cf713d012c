import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core';
import { TeamPlanPageResponseSchema } from '../../bot/api/contract';
import { DemoDirectory } from '../../bot/directory/demoDirectory';
import { startApiTestApp, type ApiTestApp } from '../api/apiTestApp';
import { thisYear } from '../bot/teamPlanFixtures';
import { FakeEntra } from '../fakes/fakeEntra';
import { FAKE_TAB_ORIGIN, hostCalls, openInFakeTeams, sendToTab } from '../fakes/fakeTeamsHost';
import { CHROMIUM_ARGS, CHROMIUM_PATH, describeWithChromium } from '../support/testEnvironment';
import {
  DEMO_EMPLOYEES,
  DEMO_MANAGER,
  DEMO_PROFILE,
  DEMO_UNIT_ID,
  expectFocused,
  getTeamPlan,
  isolatedContext,
  PLANNED_AREA,
  putTeamPlan,
  requireBuiltTab,
  seedDemoUnit,
  STARTING_TEAM_PLAN,
  teamTabPath,
  UNPLANNED_AREA,
} from './teamTabSupport';
import { eventually } from '../support/eventually';

/**
 * The channel tab "Teamets kompetensplan" in Chromium, against the real HTTP app and API on a
 * fresh embedded database per test: the same page for every member, the manager's edit mode,
 * and a save that meets someone else's newer save.
 */

const areaName = (id: string) => {
  const area = DEMO_PROFILE.priorityAreas.areas.find((a) => a.id === id);
  if (!area) throw new Error(`no area ${id}`);
  return area.name.sv;
};

/** The little of the DOM the tests use inside the page. */
interface DomNode {
  cloneNode(deep: boolean): DomNode;
  querySelectorAll(selector: string): { forEach(each: (node: DomNode) => void): void };
  remove(): void;
  textContent: string | null;
}

const [anna, erik, , , sofia] = DEMO_EMPLOYEES;
if (!anna || !erik || !sofia) throw new Error('the demo organisation has too few employees');

test('the tab has been built (npm run build:tab)', () => {
  requireBuiltTab();
});

describeWithChromium('the channel tab Teamets kompetensplan (Chromium)', () => {
  let app: ApiTestApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const pageErrorLists: string[][] = [];

  beforeAll(async () => {
    requireBuiltTab();
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
  });

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
    expect(pageErrorLists.splice(0).flat()).toEqual([]);
  });

  /** A browser of its own for one demo person, on the channel tab of the demo unit. */
  async function openAs(personId: string, path = teamTabPath()): Promise<Page> {
    const isolated = await isolatedContext(browser, { demoUser: personId });
    contexts.push(isolated.context);
    pageErrorLists.push(isolated.pageErrors);
    const page = await isolated.context.newPage();
    await page.goto(`${app.url}/tab/${path}`);
    return page;
  }

  const main = (page: Page) => page.getByRole('main');
  const ready = (page: Page) =>
    main(page).getByRole('heading', { level: 2, name: 'Enhetens mål' }).waitFor();

  /** The demo unit's plan, seeded, open in the manager's editor. */
  async function editAsManager(): Promise<{ page: Page; form: Locator }> {
    await seedDemoUnit(app);
    const page = await openAs(DEMO_MANAGER.id);
    await ready(page);
    await main(page).getByRole('button', { name: 'Ändra teamets plan' }).click();
    return { page, form: page.getByRole('form', { name: /^Ändra teamets plan/ }) };
  }

  /** What the page says, without its buttons: the content every member must share. */
  const contentWithoutButtons = (page: Page, of: Locator = main(page)) =>
    of.evaluate((element) => {
      // Runs in the browser; the test project has no DOM types.
      const copy = (element as unknown as DomNode).cloneNode(true);
      copy.querySelectorAll('button').forEach((button) => button.remove());
      return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
    });

  describe('reading the plan (one seeded unit, nothing changes it)', () => {
    beforeAll(async () => {
      app = await startApiTestApp();
      await seedDemoUnit(app);
    });

    afterAll(async () => {
      await app?.close();
    });

    it('when two employees and the manager of the unit open the tab, then all three read the same page, and only the manager gets an edit button', async () => {
      const pages = await Promise.all([openAs(anna.id), openAs(sofia.id), openAs(DEMO_MANAGER.id)]);
      await Promise.all(pages.map(ready));
      const [annasPage, sofiasPage, managersPage] = pages as [Page, Page, Page];

      const annas = await contentWithoutButtons(annasPage);
      expect(await contentWithoutButtons(sofiasPage)).toBe(annas);
      expect(await contentWithoutButtons(managersPage)).toBe(annas);

      // What the page shows: the plan, the counts, the gap – and nobody's name.
      for (const text of [
        'Teamets kompetensplan',
        'Organisationsprofil: Västra Götalandsregionen',
        'Säker vård dygnet runt',
        'Använda journalsystemets nya funktioner',
        `Område: ${areaName(PLANNED_AREA)}`,
        '2 av 5 i teamet har en aktuell plan',
        'Glapp mellan behov och planer',
      ]) {
        expect(annas).toContain(text);
      }
      for (const person of [DEMO_MANAGER, ...DEMO_EMPLOYEES]) {
        expect(annas).not.toContain(person.displayName);
      }
      expect(annas).not.toContain('PRIVAT');

      // The gap: the need whose area no current plan takes up.
      const gaps = main(annasPage).getByRole('region', { name: 'Glapp mellan behov och planer' });
      await gaps.getByText('Öva på krisberedskap och brandskydd').waitFor();
      expect(await gaps.getByText('Använda journalsystemets nya funktioner').count()).toBe(0);

      // The charts are tables: the area two plans take up, the form one plan uses.
      const areas = main(annasPage).getByRole('table', { name: 'Prioriterade områden i planerna' });
      const planned = areas.getByRole('row', { name: new RegExp(areaName(PLANNED_AREA)) });
      expect(await planned.getByRole('cell').textContent()).toBe('2 av 2 (100 %)');
      const unplanned = areas.getByRole('row', { name: new RegExp(areaName(UNPLANNED_AREA)) });
      expect(await unplanned.getByRole('cell').textContent()).toBe('0 av 2 (0 %)');
      const forms = main(annasPage).getByRole('table', { name: 'Former för lärande i planerna' });
      // The cancelled activity of the second plan does not count.
      expect(
        await forms
          .getByRole('row', { name: /^Utbildning/ })
          .getByRole('cell')
          .textContent(),
      ).toBe('1 av 2 (50 %)');
      const coverage = main(annasPage).getByRole('table', {
        name: /Andel av teamets 5 medarbetare/,
      });
      expect(
        await coverage
          .getByRole('row', { name: /Har en aktuell överenskommen plan/ })
          .getByRole('cell')
          .textContent(),
      ).toBe('2 av 5 (40 %)');

      expect(await main(annasPage).getByRole('button').count()).toBe(0);
      expect(await main(sofiasPage).getByRole('button').count()).toBe(0);
      expect(await main(managersPage).getByRole('button').allTextContents()).toEqual([
        'Ändra teamets plan',
      ]);
    });

    it('when the manager cancels an edit with changes, then the page asks first, keeps the edit on "no", and drops it on "yes" without saving', async () => {
      const page = await openAs(DEMO_MANAGER.id);
      await ready(page);
      const puts: string[] = [];
      page.on('request', (request) => {
        if (request.method() === 'PUT') puts.push(request.url());
      });
      await main(page).getByRole('button', { name: 'Ändra teamets plan' }).click();
      const form = page.getByRole('form', { name: /^Ändra teamets plan/ });
      const goal = form.getByRole('textbox', { name: 'Mål 1', exact: true });
      await goal.fill('Ett mål jag inte vill spara');

      await form.getByRole('button', { name: 'Avbryt' }).click();
      const keep = form.getByRole('button', { name: 'Nej, fortsätt ändra' });
      await expectFocused(keep);
      await form.getByRole('alert').getByText('Vill du slänga dina ändringar?').waitFor();
      await keep.click();
      expect(await goal.inputValue()).toBe('Ett mål jag inte vill spara');
      await expectFocused(form.getByRole('button', { name: 'Avbryt' }));

      await form.getByRole('button', { name: 'Avbryt' }).click();
      await form.getByRole('button', { name: 'Ja, släng ändringarna' }).click();
      await main(page).getByText('Säker vård dygnet runt').waitFor();
      expect(await main(page).getByText('Ett mål jag inte vill spara').count()).toBe(0);
      expect(puts).toEqual([]);

      // Without changes, Cancel leaves at once.
      await main(page).getByRole('button', { name: 'Ändra teamets plan' }).click();
      await form.getByRole('button', { name: 'Avbryt' }).click();
      await expectFocused(main(page).getByRole('button', { name: 'Ändra teamets plan' }));
    });

    it('when someone outside the unit opens its tab, or the tab names no unit, then the page says so and shows nothing of the plan', async () => {
      const outsider = await openAs(anna.id, teamTabPath('another-unit'));
      await main(outsider).getByText('Du kan inte se den här enhetens plan').waitFor();
      expect(await main(outsider).textContent()).not.toContain('Säker vård');

      // A tab saved before tabs named their unit (index.html?profile=…#/team).
      const old = await openAs(anna.id, 'index.html?profile=vgr#/team');
      await main(old).getByText('Fliken vet inte vilken enhet den ska visa').waitFor();
      await main(old).getByText('Organisationsprofil: Västra Götalandsregionen').waitFor();
    });

    it('when the API fails, then the page says so with a retry, and retry recovers', async () => {
      const page = await openAs(anna.id, 'index.html');
      let failing = true;
      await page.route('**/api/v1/units/**', (route) =>
        failing
          ? route.fulfill({
              status: 503,
              contentType: 'application/json',
              body: JSON.stringify({ error: { code: 'not_ready', message: 'Tjänsten startar.' } }),
            })
          : route.continue(),
      );
      await page.goto(`${app.url}/tab/${teamTabPath()}`);
      await page.getByRole('alert').getByText('Tjänsten startar.').waitFor();
      failing = false;
      await page.getByRole('button', { name: 'Försök igen' }).click();
      await ready(page);
    });

    it('when the tab is in English, then the plan, the charts and the edit mode speak English', async () => {
      const english = await openAs(
        DEMO_MANAGER.id,
        teamTabPath().replace('index.html', 'index.html?lang=en'),
      );
      await main(english)
        .getByRole('heading', { level: 1, name: "The team's competence plan" })
        .waitFor();
      await main(english).getByRole('heading', { level: 2, name: "The unit's goals" }).waitFor();
      await main(english).getByRole('table', { name: 'Priority areas in the plans' }).waitFor();
      await main(english).getByRole('button', { name: 'Edit the team plan' }).click();
      await english.getByRole('form', { name: /^Edit the team plan/ }).waitFor();
    });
  });

  describe('editing the plan (a fresh database for every test)', () => {
    beforeEach(async () => {
      app = await startApiTestApp();
    });

    afterEach(async () => {
      await app?.close();
    });

    it('when the manager changes a goal, adds a goal and a need tied to it, and saves, then a reload shows the plan, and so does an employee', async () => {
      const { page, form } = await editAsManager();

      await form.getByRole('textbox', { name: 'Mål 1', exact: true }).fill('Säker vård, varje dag');
      await form.getByRole('button', { name: 'Lägg till mål' }).click();
      const newGoal = form.getByRole('textbox', { name: 'Mål 3', exact: true });
      await expectFocused(newGoal);
      await newGoal.fill('Ett hållbart arbetsliv för alla');

      await form.getByRole('button', { name: 'Lägg till behov' }).click();
      const need = form.getByRole('group', { name: 'Behov 3' });
      await need.getByRole('combobox', { name: 'Prioriterat område' }).selectOption({
        label: areaName(UNPLANNED_AREA),
      });
      await need.getByRole('textbox', { name: 'Vad behöver ni kunna?' }).fill('Hjärt-lungräddning');
      await need.getByRole('radio', { name: 'hög' }).check();
      await need
        .getByRole('combobox', { name: 'Hör till målet (frivilligt)' })
        .selectOption({ label: 'Mål 3: Ett hållbart arbetsliv för alla' });
      // The second need no longer belongs to a goal.
      await form
        .getByRole('group', { name: 'Behov 1' })
        .getByRole('combobox', { name: 'Hör till målet (frivilligt)' })
        .selectOption({ label: 'Inget särskilt mål' });

      await form.getByRole('button', { name: 'Spara' }).click();
      await page.getByRole('status').getByText('Teamets plan är sparad').waitFor();
      // Focus returns to the edit button, not to the top of the page.
      await expectFocused(main(page).getByRole('button', { name: 'Ändra teamets plan' }));

      const stored = TeamPlanPageResponseSchema.parse(await getTeamPlan(app));
      expect(stored.teamPlan?.version).toBe(2);
      expect(stored.teamPlan?.unitGoals.map((goal) => goal.text)).toEqual([
        'Säker vård, varje dag',
        'Digitala arbetssätt i vardagen',
        'Ett hållbart arbetsliv för alla',
      ]);
      const added = stored.teamPlan?.neededCompetences[2];
      expect(added).toMatchObject({
        priorityAreaId: UNPLANNED_AREA,
        description: 'Hjärt-lungräddning',
        priority: 'high',
        unitGoalId: stored.teamPlan?.unitGoals[2]?.id,
      });
      expect(stored.teamPlan?.neededCompetences[0]?.unitGoalId).toBeUndefined();

      await page.reload();
      await ready(page);
      const needs = main(page).getByRole('region', { name: 'Kompetenser ni behöver' });
      await needs.getByText('Hjärt-lungräddning').waitFor();
      await needs
        .getByText(
          `Område: ${areaName(UNPLANNED_AREA)} · Prioritet: hög · Mål 3: Ett hållbart arbetsliv för alla`,
        )
        .waitFor();

      const employeePage = await openAs(erik.id);
      await ready(employeePage);
      await main(employeePage).getByText('Säker vård, varje dag').waitFor();
      expect(await contentWithoutButtons(employeePage)).toBe(await contentWithoutButtons(page));
    });

    it('when the manager saves with a goal left empty and a need without area or text, then the fields say what is missing and nothing is sent', async () => {
      const { page, form } = await editAsManager();
      await form.getByRole('textbox', { name: 'Mål 2', exact: true }).fill('   ');
      await form.getByRole('button', { name: 'Lägg till behov' }).click();

      const puts: string[] = [];
      page.on('request', (request) => {
        if (request.method() === 'PUT') puts.push(request.url());
      });
      await form.getByRole('button', { name: 'Spara' }).click();

      await form.getByRole('alert').getByText('Något behöver rättas innan du kan spara').waitFor();
      await form.getByText('Skriv målet, eller ta bort det.').waitFor();
      await form.getByText('Välj ett prioriterat område.').waitFor();
      await form.getByText('Beskriv vad ni behöver kunna.').waitFor();
      const emptyGoal = form.getByRole('textbox', { name: 'Mål 2', exact: true });
      expect(await emptyGoal.getAttribute('aria-invalid')).toBe('true');
      await expectFocused(emptyGoal);
      expect(puts).toEqual([]);
      expect((await getTeamPlan(app)).teamPlan?.version).toBe(1);

      // Removing the empty goal and the unfinished need makes the plan valid again.
      await form.getByRole('button', { name: 'Ta bort mål 2' }).click();
      await form.getByRole('button', { name: 'Ta bort behov 3' }).click();
      await form.getByRole('button', { name: 'Spara' }).click();
      await page.getByRole('status').getByText('Teamets plan är sparad').waitFor();
      const stored = await getTeamPlan(app);
      expect(stored.teamPlan?.unitGoals.map((goal) => goal.id)).toEqual(['goal-safe-care']);
      // The need that belonged to the removed goal stays, tied to no goal.
      expect(stored.teamPlan?.neededCompetences.map((n) => [n.id, n.unitGoalId])).toEqual([
        ['need-digital', undefined],
        ['need-preparedness', undefined],
      ]);
    });

    it('when someone else saves while the manager edits, then Save shows both versions, keeps the edit, and saving it again wins', async () => {
      const { page, form } = await editAsManager();
      await form.getByRole('textbox', { name: 'Mål 1', exact: true }).fill('Mitt nya mål');
      await form
        .getByRole('group', { name: 'Behov 2' })
        .getByRole('textbox', { name: 'Vad behöver ni kunna?' })
        .fill('Min nya beskrivning');

      // Meanwhile, in another browser: version 2.
      await putTeamPlan(app, {
        ...STARTING_TEAM_PLAN,
        unitGoals: [{ id: 'goal-other', text: 'Någon annans mål' }],
        neededCompetences: [],
        expectedVersion: 1,
      });
      await form.getByRole('button', { name: 'Spara' }).click();

      await page
        .getByRole('alert')
        .getByText('Någon annan sparade teamets plan medan du ändrade')
        .waitFor();
      const mine = main(page).getByRole('region', { name: 'Dina ändringar (inte sparade)' });
      await mine.getByText('Mitt nya mål').waitFor();
      await mine.getByText('Min nya beskrivning').waitFor();
      const theirs = main(page).getByRole('region', { name: /^Sparat nu \(version 2, / });
      await theirs.getByText('Någon annans mål').waitFor();
      expect(await theirs.getByText('Mitt nya mål').count()).toBe(0);
      expect((await getTeamPlan(app)).teamPlan?.unitGoals.map((goal) => goal.text)).toEqual([
        'Någon annans mål',
      ]);

      await main(page).getByRole('button', { name: 'Fortsätt med mina ändringar' }).click();
      const again = page.getByRole('form', { name: /^Ändra teamets plan/ });
      expect(await again.getByRole('textbox', { name: 'Mål 1', exact: true }).inputValue()).toBe(
        'Mitt nya mål',
      );
      expect(
        await again
          .getByRole('group', { name: 'Behov 2' })
          .getByRole('textbox', { name: 'Vad behöver ni kunna?' })
          .inputValue(),
      ).toBe('Min nya beskrivning');
      await again.getByRole('button', { name: 'Spara' }).click();
      await page.getByRole('status').getByText('Teamets plan är sparad').waitFor();

      const stored = await getTeamPlan(app);
      expect(stored.teamPlan?.version).toBe(3);
      expect(stored.teamPlan?.unitGoals.map((goal) => goal.text)).toEqual([
        'Mitt nya mål',
        'Digitala arbetssätt i vardagen',
      ]);
      await page.reload();
      await main(page).getByText('Mitt nya mål').waitFor();
      await main(page)
        .getByRole('region', { name: 'Kompetenser ni behöver' })
        .getByText('Min nya beskrivning')
        .waitFor();
    });

    it('when the manager drops their edit after a conflict, then the page shows the plan as stored', async () => {
      const { page, form } = await editAsManager();
      await form.getByRole('textbox', { name: 'Mål 1', exact: true }).fill('Mitt nya mål');
      await putTeamPlan(app, {
        ...STARTING_TEAM_PLAN,
        unitGoals: [{ id: 'goal-other', text: 'Någon annans mål' }],
        neededCompetences: [],
        expectedVersion: 1,
      });
      await form.getByRole('button', { name: 'Spara' }).click();

      await main(page).getByRole('button', { name: 'Släng mina ändringar' }).click();
      await main(page).getByText('Någon annans mål').waitFor();
      expect(await main(page).getByText('Mitt nya mål').count()).toBe(0);
      expect((await getTeamPlan(app)).teamPlan?.version).toBe(2);
    });

    it('when the unit has no team plan yet, then everyone reads that, the counts still show, and the manager is offered to write it', async () => {
      const employeePage = await openAs(anna.id);
      await main(employeePage).getByText('Teamet har ingen kompetensplan än').waitFor();
      await main(employeePage).getByRole('heading', { name: 'Täckning i teamet' }).waitFor();
      expect(await main(employeePage).getByRole('button').count()).toBe(0);

      const managerPage = await openAs(DEMO_MANAGER.id);
      await main(managerPage).getByText('Teamet har ingen kompetensplan än').waitFor();
      await main(managerPage).getByRole('button', { name: 'Skriv teamets plan' }).click();
      const form = managerPage.getByRole('form', { name: /^Ändra teamets plan/ });
      await form.getByText('Inga mål än.').waitFor();
      await form.getByRole('button', { name: 'Lägg till mål' }).click();
      await form.getByRole('textbox', { name: 'Mål 1', exact: true }).fill('Vårt första mål');
      await form.getByRole('button', { name: 'Spara' }).click();
      await managerPage.getByRole('status').getByText('Teamets plan är sparad').waitFor();
      const stored = await getTeamPlan(app);
      expect(stored.teamPlan?.version).toBe(1);
      expect(stored.teamPlan?.unitGoals.map((goal) => goal.text)).toEqual(['Vårt första mål']);
    });
  });

  describe('inside Teams with single sign-on (the fake Teams host and the fake Entra)', () => {
    const TENANT_ID = '9b0a1e3c-2d4f-4e5a-8b6c-7d8e9f0a1b2c';
    const APP_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
    const PUBLIC_HOST = 'kompetensdialog.example';
    let entra: FakeEntra;

    beforeAll(async () => {
      entra = await FakeEntra.start({
        tenantId: TENANT_ID,
        clientId: APP_ID,
        applicationIdUri: `api://${PUBLIC_HOST}/${APP_ID}`,
      });
    });

    afterAll(async () => {
      await entra?.close();
    });

    beforeEach(async () => {
      app = await startApiTestApp({
        env: {
          DEMO_ORGANISATION: 'false',
          MICROSOFT_APP_ID: APP_ID,
          MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
          MICROSOFT_APP_TENANT_ID: TENANT_ID,
          PUBLIC_URL: `https://${PUBLIC_HOST}`,
          ENTRA_JWKS_URL: entra.jwksUrl,
        },
        directory: new DemoDirectory(),
      });
      await seedDemoUnit(app);
    });

    afterEach(async () => {
      await app?.close();
    });

    /** The tab in the fake Teams host, as the person Teams' token names. */
    async function openInTeamsAs(
      personId: string,
      path: string,
      frameContext: 'content' | 'settings' = 'content',
      savedConfig?: Record<string, string>,
    ): Promise<Page> {
      const isolated = await isolatedContext(browser);
      contexts.push(isolated.context);
      pageErrorLists.push(isolated.pageErrors);
      return openInFakeTeams(isolated.context, app.url, path, {
        frameContext,
        locale: 'sv-SE',
        theme: 'default',
        authTokens: [await entra.token({ oid: personId })],
        ...(savedConfig ? { savedConfig } : {}),
      });
    }

    const tabMain = (host: Page) => host.frameLocator('iframe#tab').getByRole('main');

    it('when an employee and the manager open the channel tab in Teams, then they read the same page, and the manager edits it there', async () => {
      const employeeHost = await openInTeamsAs(anna.id, `tab/${teamTabPath()}`);
      const managerHost = await openInTeamsAs(DEMO_MANAGER.id, `tab/${teamTabPath()}`);
      for (const host of [employeeHost, managerHost]) {
        await tabMain(host).getByRole('heading', { level: 2, name: 'Enhetens mål' }).waitFor();
      }
      expect(await contentWithoutButtons(employeeHost, tabMain(employeeHost))).toBe(
        await contentWithoutButtons(managerHost, tabMain(managerHost)),
      );
      expect(await tabMain(employeeHost).getByRole('button').count()).toBe(0);

      await tabMain(managerHost).getByRole('button', { name: 'Ändra teamets plan' }).click();
      const form = managerHost
        .frameLocator('iframe#tab')
        .getByRole('form', { name: /^Ändra teamets plan/ });
      await form.getByRole('textbox', { name: 'Mål 2', exact: true }).fill('Sparat inifrån Teams');
      await form.getByRole('button', { name: 'Spara' }).click();
      await tabMain(managerHost).getByText('Teamets plan är sparad').waitFor();
      const stored = await app.plans.getTeamPlan(DEMO_UNIT_ID, thisYear());
      expect(stored?.unitGoals.map((goal) => goal.text)).toEqual([
        'Säker vård dygnet runt',
        'Sparat inifrån Teams',
      ]);
      expect(stored?.updatedBy).toBe(DEMO_MANAGER.id);
    });

    it('when the manager adds the tab to a channel, then their unit is chosen, and Save stores the unit with the profile', async () => {
      const host = await openInTeamsAs(DEMO_MANAGER.id, 'tab/config.html', 'settings');
      const tab = host.frameLocator('iframe#tab');
      await tab
        .getByRole('radio', { name: `Din enhet (${DEMO_UNIT_ID})`, checked: true })
        .waitFor();
      expect(await tab.getByText('Du är inte chef här', { exact: false }).count()).toBe(0);
      await tab.getByRole('radio', { name: DEMO_PROFILE.name.sv }).check();
      await eventually(
        async () =>
          (await hostCalls(host))
            .filter((call) => call.func === 'settings.setValidityState')
            .map((call) => call.args[0]),
        (states) => expect(states.at(-1)).toBe(true),
      );

      await sendToTab(host, 'settings.save', [{}]);
      await eventually(
        async () => (await hostCalls(host)).find((call) => call.func === 'settings.setSettings'),
        (call) =>
          expect(call?.args[0]).toMatchObject({
            contentUrl: `${FAKE_TAB_ORIGIN}/tab/${teamTabPath()}`,
          }),
      );
    });

    it('when a tab saved for another unit is configured again, then both units are offered with the saved one chosen', async () => {
      const host = await openInTeamsAs(anna.id, 'tab/config.html', 'settings', {
        contentUrl: `${FAKE_TAB_ORIGIN}/tab/${teamTabPath('unit-elsewhere', 'vasterbotten')}`,
      });
      const tab = host.frameLocator('iframe#tab');
      await tab
        .getByRole('radio', { name: 'Enheten fliken visar nu (unit-elsewhere)', checked: true })
        .waitFor();
      await tab.getByRole('radio', { name: `Din enhet (${DEMO_UNIT_ID})`, checked: false }).check();
      await tab.getByText('Du är inte chef här', { exact: false }).waitFor();
      await tab.getByRole('radio', { name: /Västerbotten/, checked: true }).waitFor();

      await sendToTab(host, 'settings.save', [{}]);
      await eventually(
        async () => (await hostCalls(host)).find((call) => call.func === 'settings.setSettings'),
        (call) =>
          expect(call?.args[0]).toMatchObject({
            contentUrl: `${FAKE_TAB_ORIGIN}/tab/${teamTabPath(DEMO_UNIT_ID, 'vasterbotten')}`,
          }),
      );
    });

    it('when the directory names no unit for the person, then the configuration page says so and Save stays off', async () => {
      await app.close();
      const directory = new DemoDirectory();
      app = await startApiTestApp({
        env: {
          DEMO_ORGANISATION: 'false',
          MICROSOFT_APP_ID: APP_ID,
          MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
          MICROSOFT_APP_TENANT_ID: TENANT_ID,
          PUBLIC_URL: `https://${PUBLIC_HOST}`,
          ENTRA_JWKS_URL: entra.jwksUrl,
        },
        directory: {
          findPerson: async (id) => {
            const person = await directory.findPerson(id);
            if (!person) return undefined;
            const withoutUnit = { ...person };
            delete withoutUnit.unitId;
            return withoutUnit;
          },
          managerOf: (id) => directory.managerOf(id),
          directReportsOf: (id) => directory.directReportsOf(id),
          listPeople: () => directory.listPeople(),
        },
      });
      const host = await openInTeamsAs(anna.id, 'tab/config.html', 'settings');
      const tab = host.frameLocator('iframe#tab');
      await tab.getByRole('alert').getByText('Katalogen anger ingen enhet för dig').waitFor();
      await tab.getByRole('radio', { name: DEMO_PROFILE.name.sv }).check();
      // Give a wrong "valid" every chance to reach the host before looking.
      await host.waitForTimeout(500);
      expect(
        (await hostCalls(host))
          .filter((call) => call.func === 'settings.setValidityState')
          .map((call) => call.args[0]),
      ).not.toContain(true);
    });
  });
});
