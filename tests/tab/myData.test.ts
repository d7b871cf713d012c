import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import demoOrganisation from '../../bot/demo/demoOrganisation.json';
import { tabBuildDir } from '../../bot/paths';
import { IndividualPlanSchema } from '../../core/plan/individualPlan';
import { ReflectionSchema } from '../../core/plan/reflection';
import { DEFAULT_REFLECTION_PROMPTS } from '../../core/principles/principles';
import { startApiTestApp, type ApiTestApp } from '../api/apiTestApp';
import { seriousAxeViolations } from '../support/axe';
import { CHROMIUM_ARGS, CHROMIUM_PATH, describeWithChromium } from '../support/testEnvironment';

/**
 * "Mina data" on the personal tab, in a real browser against the real API and embedded
 * store: the employee sees who else read her plan, downloads everything stored about her,
 * and erases it after a confirmation she can also back out of.
 */

const builtIndex = path.join(tabBuildDir(), 'index.html');
const { manager, employees } = demoOrganisation;
const anna = (() => {
  const first = employees[0];
  if (!first?.displayName.startsWith('Anna')) throw new Error('Anna is the first demo employee');
  return first;
})();

const PRIVATE_REFLECTION = 'Privat: jag vill byta arbetsplats inom ett år.';
const GOAL = 'Bli trygg i att använda AI-stöd i journalarbetet';

async function seedAnna(service: ApiTestApp): Promise<void> {
  const now = new Date();
  const year = now.getFullYear();
  await service.plans.saveIndividualPlan(
    IndividualPlanSchema.parse({
      id: `plan-anna-${year}`,
      employeeId: anna.id,
      managerId: manager.id,
      profileId: 'vgr',
      year,
      status: 'proposed',
      version: 1,
      goals: [{ id: 'goal-ai', text: GOAL, priorityAreaIds: ['artificiell-intelligens'] }],
      activities: [],
      followUpDate: `${year + 1}-01-31`,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    }),
    { expectedVersion: 0, savedBy: manager.id },
  );
  await service.plans.addReflection(
    ReflectionSchema.parse({
      id: 'reflection-private',
      personId: anna.id,
      principle: 'sustainable',
      promptId: DEFAULT_REFLECTION_PROMPTS.find((prompt) => prompt.principle === 'sustainable')?.id,
      text: PRIVATE_REFLECTION,
      visibility: 'private',
      createdAt: now.toISOString(),
      context: 'everyday',
    }),
  );
}

describeWithChromium('Mina data on the personal tab (Chromium)', () => {
  let service: ApiTestApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (!existsSync(builtIndex)) throw new Error(`${builtIndex} is missing: npm run build:tab`);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    service = await startApiTestApp();
    await seedAnna(service);
    // Karin reads Anna's plan in her own tab: the access Anna is shown.
    const read = await service.api(`/people/${anna.id}/plan`, {
      headers: { 'X-Demo-User': manager.id },
    });
    expect(read.status).toBe(200);

    context = await browser.newContext({ locale: 'sv-SE', acceptDownloads: true });
    await context.route('**/*', (route) =>
      new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort(),
    );
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${service.url}/tab/index.html#/min-plan`);
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await service?.close();
  });

  afterEach(() => expect(pageErrors).toEqual([]));

  const main = () => page.getByRole('main');
  const section = (name: string) => main().getByRole('region', { name });
  /** The message bar under the buttons (the same words also go to a live region). */
  const outcome = (text: string) =>
    section('Mina data').getByRole('group').getByText(text, { exact: false });

  it('when Anna opens her plan, then "Vem har sett min plan" says Karin read it, and the page passes axe', async () => {
    await main().getByText(GOAL).waitFor();
    await section('Vem har sett min plan')
      .getByText('Karin Lindqvist läste din plan', { exact: false })
      .first()
      .waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('when Anna presses "Exportera mina data", then she gets a JSON file with her plan and her private reflection', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section('Mina data').getByRole('button', { name: 'Exportera mina data' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^kompetensdialog-mina-data-\d{4}-\d{2}-\d{2}\.json$/,
    );
    const file = await download.path();
    const text = await readFile(file, 'utf8');
    expect(JSON.parse(text)).toEqual(expect.any(Object));
    expect(text).toContain(GOAL);
    expect(text).toContain(PRIVATE_REFLECTION);
    await outcome('Filen med dina data är nedladdad.').waitFor();
  });

  it('when Anna asks to erase and then cancels, then nothing is erased', async () => {
    await section('Mina data').getByRole('button', { name: 'Radera mina data' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Radera mina data?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    await dialog.waitFor({ state: 'hidden' });

    expect(await service.plans.findLatestIndividualPlan(anna.id)).toBeDefined();
    expect(await service.plans.listReflections(anna.id)).toHaveLength(1);
  });

  it('when Anna confirms the erasure, then her plan and reflections are gone, the page says so and no longer shows the plan', async () => {
    await section('Mina data').getByRole('button', { name: 'Radera mina data' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Radera mina data?' });
    await dialog.getByRole('button', { name: 'Ja, radera allt' }).click();

    await outcome('Dina data är raderade.').waitFor();
    // Never agreed, so not the unit's record: nothing of it is kept.
    expect(await service.plans.findLatestIndividualPlan(anna.id)).toBeUndefined();
    expect(await service.plans.listReflections(anna.id)).toEqual([]);
    await main().getByText(GOAL).waitFor({ state: 'detached' });
  });
});
