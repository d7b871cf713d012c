import { existsSync } from 'node:fs';
import path from 'node:path';
import { seriousAxeViolations } from '../support/axe';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import demoOrganisation from '../../bot/demo/demoOrganisation.json';
import { tabBuildDir } from '../../bot/paths';
import { formatDialogueTime } from '../../core/cycle/scheduling';
import { DialogueSchema } from '../../core/plan/dialogue';
import { EffectFollowUpSchema } from '../../core/plan/effectFollowUp';
import { IndividualPlanSchema, type IndividualPlan } from '../../core/plan/individualPlan';
import { ReflectionSchema } from '../../core/plan/reflection';
import { DEFAULT_REFLECTION_PROMPTS } from '../../core/principles/principles';
import { getProfile } from '../../core/profiles/profiles';
import { dateAt, yearAt } from '../../core/time/zonedTime';
import { startApiTestApp, type ApiTestApp } from '../api/apiTestApp';
import type { RecordingMessenger } from '../fakes/recordingMessenger';
import { CHROMIUM_ARGS, CHROMIUM_PATH, describeWithChromium } from '../support/testEnvironment';

/**
 * "Min utvecklingsplan" in a real browser against the real API and plan store: the employee
 * keeps their plan going (activity status, reflections, the answer to a proposal), two
 * windows saving the same plan lose nothing, and the manager sees the team and a plan
 * read-only without the employee's private reflections.
 */

const builtIndex = path.join(tabBuildDir(), 'index.html');

const { manager, employees } = demoOrganisation;
function employee(name: string): (typeof employees)[number] {
  const found = employees.find((person) => person.displayName.startsWith(name));
  if (!found) throw new Error(`the demo organisation has no ${name}`);
  return found;
}
const anna = employee('Anna');
const erik = employee('Erik');
const fatima = employee('Fatima');
const vgr = getProfile('vgr');
const ZONE = 'Europe/Stockholm';
const DAY_MS = 24 * 60 * 60 * 1000;

const now = new Date();
const thisYear = yearAt(now, ZONE);
const dayFromNow = (days: number) => dateAt(new Date(now.getTime() + days * DAY_MS), ZONE);

// Anna's plan: the titles and texts the tests look for.
const AI_COURSE = 'Gå kursen Starta din AI resa';
const SHADOWING = 'Auskultera hos IT-stödet en dag';
const MENTORING = 'Handledarutbildning för nya kollegor';
const PRIVATE_REFLECTION = 'Privat tanke: jag är osäker på AI och patientsäkerhet.';
const SHARED_REFLECTION = 'Delad tanke: handledningen gav mig mycket.';
const PRIVATE_FOLLOW_UP = 'Privat svar: kursen gick för fort för mig.';
const SHARED_FOLLOW_UP = 'Delat svar: hur man ger återkoppling som landar.';

function annasPlan(overrides: Partial<IndividualPlan> = {}): IndividualPlan {
  const agreedAt = new Date(now.getTime() - 30 * DAY_MS).toISOString();
  return IndividualPlanSchema.parse({
    id: `plan-anna-${thisYear}`,
    employeeId: anna.id,
    managerId: manager.id,
    profileId: 'vgr',
    year: yearAt(new Date(agreedAt), ZONE),
    status: 'agreed',
    version: 1,
    goals: [
      {
        id: 'goal-ai',
        text: 'Bli trygg i att använda AI-stöd i journalarbetet',
        ownWords: 'Jag vill förstå vad AI kan göra för oss',
        priorityAreaIds: ['artificiell-intelligens'],
      },
      {
        id: 'goal-mentoring',
        text: 'Handleda nya kollegor på akuten',
        priorityAreaIds: ['kvalitetsdriven-verksamhetsutveckling'],
      },
    ],
    activities: [
      {
        id: 'act-ai-course',
        goalId: 'goal-ai',
        title: AI_COURSE,
        formOfLearningId: 'utbildning',
        catalogueItemId: 'starta-din-ai-resa',
        startDate: dayFromNow(-10),
        dueDate: dayFromNow(60),
        responsible: 'employee',
        supportNeeded: 'Två halvdagar utan patientansvar',
        status: 'planned',
      },
      {
        id: 'act-shadowing',
        goalId: 'goal-ai',
        title: SHADOWING,
        formOfLearningId: 'auskultation',
        dueDate: dayFromNow(90),
        responsible: 'both',
        status: 'planned',
      },
      {
        id: 'act-mentoring',
        goalId: 'goal-mentoring',
        title: MENTORING,
        formOfLearningId: 'handledning',
        dueDate: dayFromNow(120),
        responsible: 'manager',
        status: 'in-progress',
      },
    ],
    followUpDate: dayFromNow(100),
    agreedBy: anna.id,
    agreedAt,
    createdAt: agreedAt,
    updatedAt: agreedAt,
    ...overrides,
  });
}

/** A proposal waiting for Anna's answer: never agreed before. */
function annasProposal(): IndividualPlan {
  const plan: Partial<IndividualPlan> = annasPlan({ status: 'proposed' });
  delete plan.agreedAt;
  delete plan.agreedBy;
  return IndividualPlanSchema.parse(plan);
}

/** Erik's plan was agreed eleven months ago: current, and expiring within 60 days. */
function eriksPlan(): IndividualPlan {
  const agreedAt = new Date(now.getTime() - 335 * DAY_MS).toISOString();
  const plan = annasPlan();
  return IndividualPlanSchema.parse({
    ...plan,
    id: `plan-erik`,
    employeeId: erik.id,
    year: yearAt(new Date(agreedAt), ZONE),
    agreedBy: erik.id,
    agreedAt,
    createdAt: agreedAt,
    updatedAt: agreedAt,
  });
}

/** Anna's booked dialogue: in two days, 09:30 Stockholm time, within this year. */
const annasDialogueAt = (() => {
  const date = dateAt(new Date(now.getTime() + 2 * DAY_MS), ZONE);
  return date.startsWith(String(thisYear))
    ? `${date}T09:30:00+01:00`
    : `${thisYear}-12-31T09:30:00+01:00`;
})();

/**
 * What every test starts from, stored once: Anna's and Erik's plans, Anna's private and
 * shared reflection, her private and shared follow-up answer, her booked dialogue, and
 * Fatima's held ones.
 */
async function seedTeam(service: ApiTestApp): Promise<void> {
  const { plans } = service;
  await plans.saveIndividualPlan(annasPlan(), { expectedVersion: 0, savedBy: manager.id });
  await plans.saveIndividualPlan(eriksPlan(), { expectedVersion: 0, savedBy: manager.id });
  const prompt = (principle: 'motivating' | 'sustainable') =>
    DEFAULT_REFLECTION_PROMPTS.find(
      (p) => p.principle === principle && p.contexts.includes('everyday'),
    );
  for (const [text, visibility, principle, minutesAgo] of [
    [PRIVATE_REFLECTION, 'private', 'motivating', 60],
    [SHARED_REFLECTION, 'shared-with-manager', 'sustainable', 30],
  ] as const) {
    await plans.addReflection(
      ReflectionSchema.parse({
        id: `reflection-${visibility}`,
        personId: anna.id,
        principle,
        promptId: prompt(principle)?.id,
        text,
        visibility,
        createdAt: new Date(now.getTime() - minutesAgo * 60_000).toISOString(),
        context: 'everyday',
      }),
    );
  }
  for (const [activityId, learned, visibility] of [
    ['act-ai-course', PRIVATE_FOLLOW_UP, 'private'],
    ['act-mentoring', SHARED_FOLLOW_UP, 'shared-with-manager'],
  ] as const) {
    await plans.saveEffectFollowUp(
      EffectFollowUpSchema.parse({
        id: `follow-up-${activityId}`,
        personId: anna.id,
        planId: annasPlan().id,
        activityId,
        learned,
        supportNeeded: 'Tid att öva',
        visibility,
        answeredAt: new Date(now.getTime() - 2 * DAY_MS).toISOString(),
      }),
    );
  }
  await plans.saveDialogue(
    DialogueSchema.parse({
      id: 'dialogue-anna',
      employeeId: anna.id,
      managerId: manager.id,
      profileId: 'vgr',
      dialogueTypeId: 'medarbetarsamtal',
      year: thisYear,
      scheduledAt: annasDialogueAt,
      status: 'planned',
    }),
  );
  // Fatima has held both of this year's dialogues: the only one "dialogue not held" leaves out.
  for (const type of vgr.dialogueCycle) {
    await plans.saveDialogue(
      DialogueSchema.parse({
        id: `dialogue-fatima-${type.id}`,
        employeeId: fatima.id,
        managerId: manager.id,
        profileId: 'vgr',
        dialogueTypeId: type.id,
        year: thisYear,
        scheduledAt: `${thisYear}-01-01T00:05:00+01:00`,
        status: 'held',
      }),
    );
  }
}

/**
 * Anna's plan as a test needs it, saved by Karin as the plan's next version: whatever
 * earlier tests did to it, this one starts from a known plan (and its own version number).
 */
async function startFrom(service: ApiTestApp, plan: IndividualPlan): Promise<IndividualPlan> {
  const current = await service.plans.findLatestIndividualPlan(anna.id);
  if (!current) throw new Error('seedTeam stores a plan for Anna first');
  return service.plans.saveIndividualPlan(plan, {
    expectedVersion: current.version,
    savedBy: manager.id,
  });
}

test('the tab has been built (npm run build:tab)', () => {
  expect(existsSync(builtIndex)).toBe(true);
});

describeWithChromium('Min utvecklingsplan in a real browser (Chromium)', () => {
  let service: ApiTestApp;
  let browser: Browser;
  let contexts: BrowserContext[];
  let pageErrors: string[];

  beforeAll(async () => {
    if (!existsSync(builtIndex)) throw new Error(`${builtIndex} is missing: npm run build:tab`);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    // One service and database for the file (a fresh embedded database takes seconds);
    // each test sets Anna's plan itself with startFrom.
    service = await startApiTestApp();
    await seedTeam(service);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  beforeEach(() => {
    contexts = [];
    pageErrors = [];
    (service.messenger as RecordingMessenger).clear();
  });

  afterEach(async () => {
    for (const context of contexts) await context.close();
    expect(pageErrors).toEqual([]);
  });

  /** A browser window of its own (its own session, so its own demo person). */
  async function openWindow(hash = '#/min-plan', lang?: string): Promise<Page> {
    const context = await browser.newContext({ locale: lang === 'en' ? 'en-GB' : 'sv-SE' });
    contexts.push(context);
    await context.route('**/*', (route) => {
      const { hostname } = new URL(route.request().url());
      return hostname === '127.0.0.1' ? route.continue() : route.abort();
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${service.url}/tab/index.html${lang ? `?lang=${lang}` : ''}${hash}`);
    return page;
  }

  const activity = (page: Page, title: string) => page.getByRole('article', { name: title });
  const statusOf = (page: Page, title: string) =>
    activity(page, title).getByRole('combobox', { name: `Status ${title}` });
  const announced = (page: Page, text: string) =>
    page.getByRole('status').filter({ hasText: text }).waitFor({ state: 'attached' });

  async function storedPlan(): Promise<IndividualPlan> {
    const plan = await service.plans.findLatestIndividualPlan(anna.id);
    if (!plan) throw new Error('Anna has no stored plan');
    return plan;
  }

  async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
    expect(await seriousAxeViolations(page)).toEqual([]);
  }

  it('when Anna opens her plan, then goals, activities, the status, the follow-ups, the booked dialogue, her reflections and the history show with the profile’s names', async () => {
    // The shadowing was due yesterday, and Anna has not said how it went.
    const plan = await startFrom(
      service,
      annasPlan({
        activities: annasPlan().activities.map((a) =>
          a.id === 'act-shadowing' ? { ...a, dueDate: dayFromNow(-1) } : a,
        ),
      }),
    );
    const page = await openWindow();
    const main = page.getByRole('main');

    await main.getByRole('heading', { level: 2, name: 'Din utvecklingsplan' }).waitFor();
    await main.getByText('Status: Överenskommen').waitFor();
    expect(await main.getByRole('heading', { level: 3 }).allTextContents()).toEqual(
      expect.arrayContaining(['Mål 1', 'Mål 2']),
    );
    await main.getByText('Bli trygg i att använda AI-stöd i journalarbetet').waitFor();
    await main.getByText('Med egna ord: ”Jag vill förstå vad AI kan göra för oss”').waitFor();
    await main.getByText('Prioriterade områden: Artificiell intelligens (AI)').waitFor();
    const course = activity(page, AI_COURSE);
    await course.getByText('Lärform: Utbildning').waitFor();
    await course.getByText('Utbildning: Starta din AI resa').waitFor();
    await course.getByText('Ansvar: medarbetaren').waitFor();
    await course.getByText('Stöd som behövs: Två halvdagar utan patientansvar').waitFor();
    expect(await statusOf(page, MENTORING).inputValue()).toBe('in-progress');
    await main.getByText('Chef: Karin Lindqvist').waitFor();

    // Her follow-up answers under their activities, each saying in words who sees it, and a
    // note under the one she has not answered yet.
    const followUp = (title: string) =>
      activity(page, title).getByRole('group', { name: 'Din uppföljning' });
    await followUp(MENTORING).getByText('Delad med chefen', { exact: true }).waitFor();
    expect(await followUp(MENTORING).getByRole('term').allTextContents()).toEqual([
      'Vad lärde du dig?',
      'Vilket stöd behöver du för att komma vidare?',
    ]);
    await followUp(MENTORING).getByRole('definition').getByText(SHARED_FOLLOW_UP).waitFor();
    await followUp(AI_COURSE).getByText('Privat', { exact: true }).waitFor();
    await followUp(AI_COURSE).getByText(PRIVATE_FOLLOW_UP).waitFor();
    await activity(page, SHADOWING)
      .getByText('Slutdatumet har passerat. Berätta vad du lärde dig', { exact: false })
      .waitFor();
    expect(await main.getByText('Slutdatumet har passerat.', { exact: false }).count()).toBe(1);

    // The year's dialogues, in Swedish time and words.
    await main.getByRole('heading', { level: 2, name: `Årets samtal ${thisYear}` }).waitFor();
    await main
      .getByText(`Tid: ${formatDialogueTime(annasDialogueAt, ZONE, 'sv')}`, { exact: true })
      .waitFor();

    // Her own reflections, private ones too, each saying in words who sees it.
    await main.getByText(PRIVATE_REFLECTION).waitFor();
    await main.getByText(SHARED_REFLECTION).waitFor();
    const reflection = (text: string) =>
      main
        .getByRole('list', { name: 'Sparade reflektioner' })
        .getByRole('listitem')
        .filter({ hasText: text });
    await reflection(PRIVATE_REFLECTION).getByText('Privat', { exact: true }).waitFor();
    await reflection(SHARED_REFLECTION).getByText('Delad med chefen', { exact: true }).waitFor();

    const latest = main
      .getByRole('listitem')
      .filter({ hasText: `Version ${plan.version} · Överenskommen (senaste)` });
    await latest.getByText(/^Sparad av Karin Lindqvist, /).waitFor();
    await main.getByText(/Målen och aktiviteterna ändrar din chef i chatten/).waitFor();
    await expectNoSeriousAxeViolations(page);
  });

  it('when Anna marks an activity done and adds a shared reflection with the keyboard only, then both are kept after a reload', async () => {
    const plan = await startFrom(service, annasPlan());
    const page = await openWindow();
    const select = statusOf(page, AI_COURSE);

    await select.selectOption('done');
    await activity(page, AI_COURSE).getByText('Ändrad, inte sparad än').waitFor();
    await activity(page, AI_COURSE).getByRole('button', { name: 'Spara status' }).focus();
    await page.keyboard.press('Enter');
    await announced(page, `Sparat: ${AI_COURSE} är nu Klar.`);
    await activity(page, AI_COURSE).getByText('Sparat', { exact: true }).waitFor();
    expect((await storedPlan()).activities.find((a) => a.id === 'act-ai-course')?.status).toBe(
      'done',
    );
    expect((await storedPlan()).version).toBe(plan.version + 1);

    // The reflection, by keyboard: choose the principle, type, share, save.
    const form = page.getByRole('form', { name: 'Skriv en reflektion' });
    await form.getByRole('combobox', { name: 'Vilken princip handlar den om?' }).focus();
    await page.keyboard.press('ArrowDown'); // Aktiverande
    await page.keyboard.press('Tab');
    await page.keyboard.type('Kursen fick mig att våga fråga mer.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await form.getByRole('switch', { name: 'Dela med min chef' }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await announced(page, 'Reflektionen är sparad och delad med din chef.');
    expect(await form.getByRole('textbox', { name: 'Din reflektion' }).inputValue()).toBe('');

    await page.reload();
    await page.getByText('Kursen fick mig att våga fråga mer.').waitFor();
    expect(await statusOf(page, AI_COURSE).inputValue()).toBe('done');
    await page.getByText(`Version ${plan.version + 1} · Överenskommen (senaste)`).waitFor();
    const stored = await service.plans.listReflections(anna.id);
    expect(stored[0]).toMatchObject({
      text: 'Kursen fick mig att våga fråga mer.',
      principle: 'activating',
      visibility: 'shared-with-manager',
    });
  });

  it('when a reflection is saved empty, then it says what to do next to the box, and nothing is sent', async () => {
    await startFrom(service, annasPlan());
    const page = await openWindow();
    let posted = 0;
    page.on('request', (request) => {
      if (request.method() === 'POST') posted++;
    });

    await page.getByRole('button', { name: 'Spara reflektion' }).click();
    await page.getByText('Skriv något innan du sparar.').waitFor();
    // Focus is on the box, so a keyboard user can write at once.
    const box = page.getByRole('textbox', { name: 'Din reflektion' });
    expect(await page.locator(':focus').getAttribute('id')).toBe(await box.getAttribute('id'));
    expect(posted).toBe(0);
  });

  it('when saving fails, then the error shows beside the activity and the chosen status stays', async () => {
    const plan = await startFrom(service, annasPlan());
    const page = await openWindow();
    await page.route('**/api/v1/plans/**', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'not_ready', message: 'Tjänsten startar.' } }),
      }),
    );

    await statusOf(page, SHADOWING).selectOption('in-progress');
    await activity(page, SHADOWING).getByRole('button', { name: 'Spara status' }).click();

    await activity(page, SHADOWING)
      .getByRole('alert')
      .getByText('Statusen sparades inte. Tjänsten startar.')
      .waitFor();
    expect(await statusOf(page, SHADOWING).inputValue()).toBe('in-progress');
    expect((await storedPlan()).version).toBe(plan.version);

    await page.unroute('**/api/v1/plans/**');
    await activity(page, SHADOWING).getByRole('button', { name: 'Spara status' }).click();
    await announced(page, `Sparat: ${SHADOWING} är nu Pågår.`);
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  describe('two windows on the same plan', () => {
    it('when the second saves after the first, then it gets the conflict view with both sides, and "use mine" keeps both changes', async () => {
      const plan = await startFrom(service, annasPlan());
      const first = await openWindow();
      const second = await openWindow();
      await statusOf(second, SHADOWING).waitFor();

      await statusOf(first, AI_COURSE).selectOption('done');
      await activity(first, AI_COURSE).getByRole('button', { name: 'Spara status' }).click();
      await announced(first, `Sparat: ${AI_COURSE} är nu Klar.`);

      await statusOf(second, SHADOWING).selectOption('in-progress');
      await activity(second, SHADOWING).getByRole('button', { name: 'Spara status' }).click();

      const conflict = second.getByRole('region', {
        name: 'Någon annan sparade planen medan du arbetade',
      });
      await conflict.getByText(`Sparat nu: version ${plan.version + 1}`).waitFor();
      // Focus moved to the message, so it is read first.
      expect(await second.locator(':focus').textContent()).toBe(
        'Någon annan sparade planen medan du arbetade',
      );
      await conflict.getByText(/^Sparad av Anna Andersson, /).waitFor();
      await conflict.getByText(`${SHADOWING}: Planerad`).waitFor();
      await conflict.getByText('Din ändring, inte sparad').waitFor();
      await conflict.getByText(`${SHADOWING}: Pågår`).waitFor();
      // The page shows the stored version now (the first window's change), with the
      // second's unsaved choice still in its box.
      expect(await statusOf(second, AI_COURSE).inputValue()).toBe('done');
      expect(await statusOf(second, SHADOWING).inputValue()).toBe('in-progress');
      expect((await storedPlan()).version).toBe(plan.version + 1);
      await expectNoSeriousAxeViolations(second);

      await conflict.getByRole('button', { name: 'Använd min ändring' }).click();
      await announced(second, `Sparat: ${SHADOWING} är nu Pågår.`);
      await conflict.waitFor({ state: 'detached' });

      const stored = await storedPlan();
      expect(stored.version).toBe(plan.version + 2);
      expect(Object.fromEntries(stored.activities.map((a) => [a.id, a.status]))).toEqual({
        'act-ai-course': 'done',
        'act-shadowing': 'in-progress',
        'act-mentoring': 'in-progress',
      });
      await first.reload();
      expect(await statusOf(first, SHADOWING).inputValue()).toBe('in-progress');
      expect(await statusOf(first, AI_COURSE).inputValue()).toBe('done');
    });

    it('when both change the same activity and the second discards theirs, then the stored status shows and nothing more is saved', async () => {
      const plan = await startFrom(service, annasPlan());
      const first = await openWindow();
      const second = await openWindow();
      await statusOf(second, AI_COURSE).waitFor();

      await statusOf(first, AI_COURSE).selectOption('done');
      await activity(first, AI_COURSE).getByRole('button', { name: 'Spara status' }).click();
      await announced(first, `Sparat: ${AI_COURSE} är nu Klar.`);

      await statusOf(second, AI_COURSE).selectOption('cancelled');
      await activity(second, AI_COURSE).getByRole('button', { name: 'Spara status' }).click();
      const conflict = second.getByRole('region', {
        name: 'Någon annan sparade planen medan du arbetade',
      });
      await conflict.getByText(`${AI_COURSE}: Klar`).waitFor();
      await conflict.getByText(`${AI_COURSE}: Avbruten`).waitFor();

      await conflict.getByRole('button', { name: 'Släng min ändring' }).click();
      await announced(second, 'Din ändring är slängd. Du ser planen som den är sparad.');
      expect(await statusOf(second, AI_COURSE).inputValue()).toBe('done');
      expect((await storedPlan()).version).toBe(plan.version + 1);
    });
  });

  it('when the manager revises a proposal while Anna writes her change request, then her comment survives the conflict and is sent on the new version', async () => {
    const proposal = await startFrom(service, annasProposal());
    const page = await openWindow();
    const answer = page.getByRole('region', { name: 'Svara på förslaget' });
    await answer.getByText('Karin Lindqvist har föreslagit planen.', { exact: false }).waitFor();
    expect(await page.getByRole('main').getByRole('combobox').count()).toBe(1); // the principle

    await answer.getByRole('button', { name: 'Be om ändringar' }).click();
    const comment = answer.getByRole('textbox', { name: 'Vad vill du ändra?' });
    await comment.waitFor();
    await page.keyboard.type('Jag vill hinna med kursen före sommaren.');

    // Meanwhile Karin moves the follow-up date in the chat: a new version, still proposed.
    const revised = await service.plans.saveIndividualPlan(
      { ...proposal, followUpDate: dayFromNow(110) },
      { expectedVersion: proposal.version, savedBy: manager.id },
    );
    await answer.getByRole('button', { name: 'Skicka önskemålet' }).click();

    const conflict = page.getByRole('region', {
      name: 'Någon annan sparade planen medan du arbetade',
    });
    await conflict.getByText(`Sparat nu: version ${revised.version}`).waitFor();
    await conflict.getByText('Planens status: Föreslagen').waitFor();
    await conflict.getByText('Du ber om ändringar:').waitFor();
    expect(await conflict.getByRole('textbox').inputValue()).toBe(
      'Jag vill hinna med kursen före sommaren.',
    );
    expect(await comment.inputValue()).toBe('Jag vill hinna med kursen före sommaren.');

    await conflict.getByRole('button', { name: 'Använd min ändring' }).click();
    await announced(page, 'Ditt önskemål om ändringar är skickat till din chef.');
    await page.getByText('Status: Ändringar önskas').waitFor();
    await page.getByText('Jag vill hinna med kursen före sommaren.').waitFor();

    const stored = await storedPlan();
    expect(stored).toMatchObject({
      status: 'changes-requested',
      version: revised.version + 1,
      followUpDate: dayFromNow(110),
      changeRequest: { comment: 'Jag vill hinna med kursen före sommaren.' },
    });
    const messenger = service.messenger as RecordingMessenger;
    expect(messenger.delivered(manager.id)).toHaveLength(1);
  });

  it('when Anna accepts a proposal, then the plan is agreed and says until when it is current', async () => {
    const proposal = await startFrom(service, annasProposal());
    const page = await openWindow('#/min-plan', 'en');

    await page.getByRole('button', { name: 'Accept the plan' }).click();
    await announced(page, 'You accepted the plan. Your manager has been told.');
    await page.getByText('Status: Agreed').waitFor();
    await page.getByText(/^You agreed to the plan on /).waitFor();
    await page.getByText(/^Current until /).waitFor();
    expect(await page.getByRole('region', { name: 'Answer the proposal' }).count()).toBe(0);
    expect((await storedPlan()).version).toBe(proposal.version + 1);
  });

  describe('the manager view', () => {
    async function openAsManager(): Promise<Page> {
      const page = await openWindow();
      await page.getByRole('main').getByText(anna.displayName, { exact: true }).waitFor();
      await page.getByRole('combobox', { name: 'Visa som (demoläge)' }).selectOption(manager.id);
      await page.getByText(`Chef för ${employees.length} medarbetare`).waitFor();
      return page;
    }

    const rowNames = (page: Page) =>
      page
        .getByRole('table', { name: 'Medarbetare i ditt team' })
        .getByRole('link')
        .allTextContents();

    it('when Karin opens Mitt team, then the team list shows and the filters narrow it', async () => {
      await startFrom(service, annasPlan());
      const page = await openAsManager();

      const nav = page.getByRole('navigation', { name: 'Välj vy' });
      expect(await nav.getByRole('link', { name: 'Min plan' }).getAttribute('aria-current')).toBe(
        'page',
      );
      await nav.getByRole('link', { name: 'Mitt team' }).focus();
      await page.keyboard.press('Enter');

      await page.getByRole('heading', { level: 1, name: 'Mitt team' }).waitFor();
      expect(await page.title()).toBe('Mitt team – Kompetensdialog');
      await page.getByText('2 av 5 har en aktuell plan.').waitFor();
      await page.getByText('Visar 5 av 5 medarbetare').waitFor();
      expect(await rowNames(page)).toEqual(employees.map((e) => e.displayName));

      const filter = (name: string) => page.getByRole('checkbox', { name });
      await filter('Ingen aktuell plan').focus();
      await page.keyboard.press('Space');
      await page.getByText('Visar 3 av 5 medarbetare').waitFor();
      expect(await rowNames(page)).toEqual(
        employees.filter((e) => e !== anna && e !== erik).map((e) => e.displayName),
      );

      await filter('Planen går snart ut').check();
      await page.getByText('Ingen i teamet stämmer in på filtren.').waitFor();

      await filter('Ingen aktuell plan').uncheck();
      await page.getByText('Visar 1 av 5 medarbetare').waitFor();
      expect(await rowNames(page)).toEqual([erik.displayName]);
      const eriksRow = page.getByRole('row').filter({ hasText: erik.displayName });
      await eriksRow.getByText('Går snart ut').waitFor();

      await filter('Planen går snart ut').uncheck();
      await filter('Samtal inte hållet').check();
      await page.getByText('Visar 4 av 5 medarbetare').waitFor();
      expect(await rowNames(page)).not.toContain(fatima.displayName);
      await expectNoSeriousAxeViolations(page);
    });

    it('when Karin opens Anna’s plan from the list, then it is read-only and shows only what Anna shared', async () => {
      await startFrom(service, annasPlan());
      const page = await openAsManager();
      await page.getByRole('link', { name: 'Mitt team', exact: true }).click();
      await page.getByRole('checkbox', { name: 'Samtal inte hållet' }).check();
      await page.getByRole('link', { name: anna.displayName }).click();

      const main = page.getByRole('main');
      await main
        .getByRole('heading', { level: 1, name: `Utvecklingsplan för ${anna.displayName}` })
        .waitFor();
      expect(await page.title()).toBe(`Utvecklingsplan för ${anna.displayName} – Kompetensdialog`);
      await activity(page, AI_COURSE).getByText('Status: Planerad').waitFor();
      await main.getByText(/Du ser planen som chef och kan inte ändra den här/).waitFor();
      await main.getByText(SHARED_REFLECTION).waitFor();
      expect(await main.getByText(PRIVATE_REFLECTION).count()).toBe(0);
      expect(await page.content()).not.toContain(PRIVATE_REFLECTION);
      // Only the follow-up Anna shared, under its activity.
      await activity(page, MENTORING)
        .getByRole('group', { name: `Uppföljning från ${anna.displayName}` })
        .getByText(SHARED_FOLLOW_UP)
        .waitFor();
      expect(await activity(page, AI_COURSE).getByRole('group').count()).toBe(0);
      expect(await page.content()).not.toContain(PRIVATE_FOLLOW_UP);
      // Nothing to change: no status boxes, no reflection form, no buttons.
      expect(await main.getByRole('combobox').count()).toBe(0);
      expect(await main.getByRole('textbox').count()).toBe(0);
      expect(await main.getByRole('button').count()).toBe(0);
      await expectNoSeriousAxeViolations(page);

      // Back to the list as it was left.
      await main.getByRole('link', { name: 'Tillbaka till Mitt team' }).click();
      expect(await page.getByRole('checkbox', { name: 'Samtal inte hållet' }).isChecked()).toBe(
        true,
      );
      await page.getByText('Visar 4 av 5 medarbetare').waitFor();
    });

    it('when an employee opens the team address, then it says there is no team and shows no one', async () => {
      await startFrom(service, annasPlan());
      const page = await openWindow('#/min-plan/mitt-team');

      await page.getByText('Du har inga medarbetare, så det finns inget team att visa.').waitFor();
      expect(await page.getByRole('navigation', { name: 'Välj vy' }).count()).toBe(0);
      expect(await page.getByRole('table').count()).toBe(0);
    });

    it('when someone opens the plan of a person who is not their report, then nothing of it shows', async () => {
      await startFrom(service, annasPlan());
      const page = await openWindow(`#/min-plan/mitt-team/${erik.id}`); // as Anna

      await page
        .getByText('Planen finns inte, eller så har du inte behörighet att se den.')
        .waitFor();
      await page.getByRole('link', { name: 'Tillbaka till Mitt team' }).waitFor();
      expect(await page.getByRole('main').innerHTML()).not.toContain(erik.displayName);
    });
  });
});
