import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator } from 'playwright-core';
import type { TeamPlanChange, TeamPlanPageResponse } from '../../bot/api/contract';
import demoOrganisation from '../../bot/demo/demoOrganisation.json';
import { tabBuildDir } from '../../bot/paths';
import type { Person } from '../../core/ports/directory';
import { getProfile } from '../../core/profiles/profiles';
import type { ApiTestApp } from '../api/apiTestApp';
import { heldDialogue, individualPlan, thisYear } from '../bot/teamPlanFixtures';
import { eventually } from '../support/eventually';

/** The channel tab's pages and the demo organisation they are tried on. */

export const DEMO_UNIT_ID = demoOrganisation.unit.id;
export const DEMO_PROFILE = getProfile(demoOrganisation.unit.profileId);
export const { manager: DEMO_MANAGER, employees: DEMO_EMPLOYEES } = demoOrganisation;

/** Where the configuration page saves the channel tab, relative to /tab/. */
export const teamTabPath = (unitId: string = DEMO_UNIT_ID, profileId = DEMO_PROFILE.id): string =>
  `index.html#/team?unit=${encodeURIComponent(unitId)}&profile=${encodeURIComponent(profileId)}`;

export function requireBuiltTab(): void {
  for (const file of ['index.html', 'config.html', 'privacy.html', 'terms.html']) {
    const built = path.join(tabBuildDir(), file);
    if (!existsSync(built)) {
      throw new Error(`${built} is missing. Run npm run build:tab before these tests.`);
    }
  }
}

export interface IsolatedContext {
  context: BrowserContext;
  /** Errors thrown in any page of the context: a test ends with none. */
  pageErrors: string[];
}

/**
 * A fresh browser profile that reaches nothing but the service on loopback. `demoUser` acts
 * as that demo person in browser mode (the demo-user switcher's choice, kept for the session).
 */
export async function isolatedContext(
  browser: Browser,
  options: {
    locale?: string;
    colorScheme?: 'light' | 'dark';
    forcedColors?: 'active' | 'none';
    demoUser?: string;
  } = {},
): Promise<IsolatedContext> {
  const context = await browser.newContext({
    locale: options.locale ?? 'sv-SE',
    colorScheme: options.colorScheme ?? 'light',
    forcedColors: options.forcedColors ?? 'none',
  });
  await context.route('**/*', (route) => {
    const { hostname } = new URL(route.request().url());
    return hostname === '127.0.0.1' || hostname === 'localhost' ? route.continue() : route.abort();
  });
  if (options.demoUser) {
    await context.addInitScript(chooseDemoUser, options.demoUser);
  }
  const pageErrors: string[] = [];
  context.on('page', (page) => page.on('pageerror', (error) => pageErrors.push(error.message)));
  return { context, pageErrors };
}

/**
 * An init script: the demo-user switcher's choice, set before the tab's own scripts run. Runs
 * in every document of the context; those without storage (about:blank) are skipped.
 */
export function chooseDemoUser(id: string): void {
  try {
    // Runs in the page; the test project has no DOM types.
    (
      globalThis as unknown as { sessionStorage: { setItem(k: string, v: string): void } }
    ).sessionStorage.setItem('kompetensdialog.demoUser', id);
  } catch {
    // a document without storage is not the tab
  }
}

/** Calls the API as a demo person (X-Demo-User). */
export function asDemoPerson(app: ApiTestApp, personId: string, init: RequestInit = {}) {
  return (apiPath: string, more: RequestInit = {}) =>
    app.api(apiPath, {
      ...init,
      ...more,
      headers: {
        'Content-Type': 'application/json',
        'X-Demo-User': personId,
        ...init.headers,
        ...more.headers,
      },
    });
}

export const teamPlanApiPath = (unitId: string = DEMO_UNIT_ID) =>
  `/units/${encodeURIComponent(unitId)}/team-plan`;

/** The manager saves the team plan through the API, as another browser would. */
export async function putTeamPlan(
  app: ApiTestApp,
  change: TeamPlanChange,
  managerId: string = DEMO_MANAGER.id,
): Promise<TeamPlanPageResponse> {
  const response = await asDemoPerson(app, managerId)(teamPlanApiPath(), {
    method: 'PUT',
    body: JSON.stringify(change),
  });
  if (response.status !== 200) {
    throw new Error(`PUT team-plan answered ${response.status}: ${await response.text()}`);
  }
  return (await response.json()) as TeamPlanPageResponse;
}

export async function getTeamPlan(
  app: ApiTestApp,
  personId: string = DEMO_MANAGER.id,
): Promise<TeamPlanPageResponse> {
  const response = await asDemoPerson(app, personId)(teamPlanApiPath());
  if (response.status !== 200) throw new Error(`GET team-plan answered ${response.status}`);
  return (await response.json()) as TeamPlanPageResponse;
}

const area = (index: number): string => {
  const found = DEMO_PROFILE.priorityAreas.areas[index];
  if (!found) throw new Error(`the profile has no priority area ${index}`);
  return found.id;
};

/** VGR's first priority area (Digitalisering), which two agreed plans take up. */
export const PLANNED_AREA = area(0);
/** VGR's last priority area (Säkerhet och beredskap), which no plan takes up. */
export const UNPLANNED_AREA = area(DEMO_PROFILE.priorityAreas.areas.length - 1);

/** The team plan the demo unit starts with: two goals, one need planned, one not. */
export const STARTING_TEAM_PLAN: TeamPlanChange = {
  unitGoals: [
    { id: 'goal-safe-care', text: 'Säker vård dygnet runt' },
    { id: 'goal-digital', text: 'Digitala arbetssätt i vardagen' },
  ],
  neededCompetences: [
    {
      id: 'need-digital',
      priorityAreaId: PLANNED_AREA,
      unitGoalId: 'goal-digital',
      description: 'Använda journalsystemets nya funktioner',
      priority: 'high',
    },
    {
      id: 'need-preparedness',
      priorityAreaId: UNPLANNED_AREA,
      description: 'Öva på krisberedskap och brandskydd',
      priority: 'medium',
    },
  ],
  expectedVersion: 0,
};

/**
 * The demo unit as the tests find it: two employees with agreed plans (one of them also with a
 * cancelled activity), one with a draft that does not count, one dialogue held this year, and
 * the starting team plan (version 1) – written through the plan store.
 */
export async function seedDemoUnit(app: ApiTestApp): Promise<void> {
  const person = async (index: number): Promise<Person> => {
    const id = DEMO_EMPLOYEES[index]?.id;
    const found = id ? await app.deps.directory.findPerson(id) : undefined;
    if (!found) throw new Error(`demo employee ${index} is not in the directory`);
    return found;
  };
  const plans = [
    individualPlan({
      employee: await person(0),
      status: 'agreed',
      agreedDaysAgo: 20,
      areas: [PLANNED_AREA, area(1)],
      forms: ['utbildning', 'handledning'],
    }),
    individualPlan({
      employee: await person(1),
      status: 'agreed',
      agreedDaysAgo: 40,
      areas: [PLANNED_AREA],
      forms: ['strukturerad-reflektion', '!utbildning'],
    }),
    individualPlan({
      employee: await person(2),
      status: 'draft',
      areas: [UNPLANNED_AREA],
      forms: ['auskultation'],
    }),
  ];
  for (const plan of plans) {
    await app.plans.saveIndividualPlan(plan, { expectedVersion: 0, savedBy: plan.managerId });
  }
  await app.plans.saveDialogue(heldDialogue(await person(0), thisYear(), 'held'));
  await app.plans.saveTeamPlan(
    {
      id: 'team-plan-demo',
      unitId: DEMO_UNIT_ID,
      profileId: DEMO_PROFILE.id,
      year: thisYear(),
      unitGoals: STARTING_TEAM_PLAN.unitGoals,
      neededCompetences: STARTING_TEAM_PLAN.neededCompetences,
      version: 1,
      updatedAt: new Date().toISOString(),
      updatedBy: DEMO_MANAGER.id,
    },
    { expectedVersion: 0, savedBy: DEMO_MANAGER.id },
  );
}

/** Waits until the locator's element has the keyboard focus. */
export async function expectFocused(locator: Locator): Promise<void> {
  await eventually(
    () => locator.evaluate((element) => element.ownerDocument.activeElement === element),
    (focused) => expect(focused).toBe(true),
  );
}
