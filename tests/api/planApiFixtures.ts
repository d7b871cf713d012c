import type { EffectFollowUp } from '../../core/plan/effectFollowUp';
import type { IndividualPlan } from '../../core/plan/individualPlan';
import type { Reflection } from '../../core/plan/reflection';
import type { TeamPlan } from '../../core/plan/teamPlan';
import type { Person } from '../../core/ports/directory';
import type { PlanStore } from '../../core/ports/planStore';
import { FakeDirectory } from '../fakes/fakeDirectory';
import type { RecordingMessenger } from '../fakes/recordingMessenger';
import { agreedPlan, dialogue, draftPlan, goal, activity, teamPlan } from '../core/planBuilders';
import { startApiTestApp, type ApiTestApp } from './apiTestApp';

/*
 * The organisation the plan API's tests run in: two units, each with its manager, and one
 * member of unit A whose manager sits in unit B. Plans are marked PRIVAT in their texts, so
 * a test can see that none of them reaches a page that must not show them.
 */

export const UNIT_A = 'unit-a';
export const UNIT_B = 'unit-b';
/** A unit nobody of the organisation is placed in. */
export const UNIT_NOBODY = 'unit-nobody';

const person = (id: string, name: string, unitId: string, managerId?: string): Person => ({
  id,
  displayName: name,
  jobTitle: 'Sjuksköterska',
  profileId: 'vgr',
  unitId,
  ...(managerId ? { managerId } : {}),
});

export const MARIA = person('manager-maria', 'Maria Chef', UNIT_A);
export const ANNA = person('employee-anna', 'Anna Andersson', UNIT_A, MARIA.id);
export const ERIK = person('employee-erik', 'Erik Johansson', UNIT_A, MARIA.id);
export const OLOF = person('manager-olof', 'Olof Chef', UNIT_B);
export const OLLE = person('employee-olle', 'Olle Olsson', UNIT_B, OLOF.id);
/** In unit A, but reporting to Olof in unit B. */
export const STINA = person('employee-stina', 'Stina Svensson', UNIT_A, OLOF.id);
/** Nobody's report and nobody's manager, in unit A: no plan has been written for him. */
export const NILS = person('employee-nils', 'Nils Nyström', UNIT_A);

export const PEOPLE = [MARIA, ANNA, ERIK, OLOF, OLLE, STINA, NILS];

/** The API's clock: a Tuesday in March 2026, in Stockholm. */
export const NOW = new Date('2026-03-10T10:00:00+01:00');
export const YEAR = 2026;

export const PRIVATE_MARK = 'PRIVAT';

export const annaPlan = (overrides: Partial<IndividualPlan> = {}): IndividualPlan =>
  agreedPlan({
    id: 'plan-anna',
    employeeId: ANNA.id,
    managerId: MARIA.id,
    goals: [goal(1, { text: `${PRIVATE_MARK} mål för Anna` })],
    activities: [
      activity(1, { title: `${PRIVATE_MARK} auskultation` }),
      activity(2, { title: 'Handledning', formOfLearningId: 'handledning' }),
    ],
    ...overrides,
  });

/** Erik's plan, proposed to him and waiting for his answer. */
export const erikProposal = (overrides: Partial<IndividualPlan> = {}): IndividualPlan =>
  draftPlan({
    id: 'plan-erik',
    employeeId: ERIK.id,
    managerId: MARIA.id,
    status: 'proposed',
    goals: [goal(1, { text: `${PRIVATE_MARK} mål för Erik` })],
    ...overrides,
  });

export const ollePlan = (): IndividualPlan =>
  agreedPlan({
    id: 'plan-olle',
    employeeId: OLLE.id,
    managerId: OLOF.id,
    goals: [goal(1, { text: `${PRIVATE_MARK} mål för Olle` })],
  });

export const unitAPlan = (overrides: Partial<TeamPlan> = {}): TeamPlan =>
  teamPlan({
    id: 'team-plan-a',
    unitId: UNIT_A,
    updatedBy: MARIA.id,
    unitGoals: [{ id: 'unit-goal-1', text: 'Säkrare digitala arbetssätt' }],
    neededCompetences: [
      {
        id: 'need-1',
        priorityAreaId: 'artificiell-intelligens',
        unitGoalId: 'unit-goal-1',
        description: 'AI-stöd i journalen',
        priority: 'high',
      },
      {
        id: 'need-2',
        priorityAreaId: 'hallbar-utveckling',
        description: 'Mindre spill',
        priority: 'low',
      },
    ],
    ...overrides,
  });

const reflection = (
  id: string,
  text: string,
  visibility: Reflection['visibility'],
  createdAt: string,
): Reflection => ({
  id,
  personId: ANNA.id,
  principle: 'activating',
  promptId: 'activating-practice',
  text,
  visibility,
  createdAt,
  context: 'everyday',
});

export const ANNA_PRIVATE_REFLECTION = reflection(
  'reflection-private',
  `${PRIVATE_MARK} tanke som bara Anna ser`,
  'private',
  '2026-03-02T08:00:00+01:00',
);
export const ANNA_SHARED_REFLECTION = reflection(
  'reflection-shared',
  'Jag lärde mig mycket av att gå bredvid',
  'shared-with-manager',
  '2026-03-03T08:00:00+01:00',
);

const annasFollowUp = (
  activityId: string,
  visibility: EffectFollowUp['visibility'],
  answers: Pick<EffectFollowUp, 'learned' | 'applied' | 'supportNeeded'>,
  answeredAt: string,
): EffectFollowUp => ({
  id: `follow-up-${activityId}`,
  personId: ANNA.id,
  planId: 'plan-anna',
  activityId,
  ...answers,
  visibility,
  answeredAt,
});

/** Anna's answers to the effect follow-ups of her plan's two activities. */
export const ANNA_PRIVATE_FOLLOW_UP = annasFollowUp(
  'activity-1',
  'private',
  { learned: `${PRIVATE_MARK} att jag behöver mer tid än jag trodde` },
  '2026-03-04T09:00:00+01:00',
);
export const ANNA_SHARED_FOLLOW_UP = annasFollowUp(
  'activity-2',
  'shared-with-manager',
  {
    learned: 'Att fråga tidigt',
    applied: 'Jag handleder de nya kollegorna',
    supportNeeded: 'En timme i veckan för reflektion',
  },
  '2026-03-05T09:00:00+01:00',
);

/**
 * Stores `plan` as the employee's plan of its year, over whatever version is there: the
 * state a test starts from, whatever earlier tests did.
 */
export async function givenPlan(plans: PlanStore, plan: IndividualPlan): Promise<IndividualPlan> {
  const current = await plans.getIndividualPlan(plan.employeeId, plan.year);
  return plans.saveIndividualPlan(
    { ...plan, id: current?.id ?? plan.id },
    { expectedVersion: current?.version ?? 0, savedBy: plan.managerId },
  );
}

export async function givenTeamPlan(plans: PlanStore, plan: TeamPlan): Promise<TeamPlan> {
  const current = await plans.getTeamPlan(plan.unitId, plan.year);
  return plans.saveTeamPlan(
    { ...plan, id: current?.id ?? plan.id },
    { expectedVersion: current?.version ?? 0, savedBy: plan.updatedBy },
  );
}

/** The organisation's plans, dialogues, reflections and follow-ups as the tests start them. */
async function seed(plans: PlanStore): Promise<void> {
  await givenPlan(plans, annaPlan());
  await givenPlan(plans, erikProposal());
  await givenPlan(plans, ollePlan());
  await givenTeamPlan(plans, unitAPlan());
  await plans.saveDialogue(
    dialogue({
      employeeId: ANNA.id,
      managerId: MARIA.id,
      status: 'held',
      scheduledAt: '2026-02-10T09:30:00+01:00',
    }),
  );
  await plans.saveDialogue(
    dialogue({
      employeeId: ERIK.id,
      managerId: MARIA.id,
      scheduledAt: '2026-03-20T13:00:00+01:00',
    }),
  );
  await plans.addReflection(ANNA_PRIVATE_REFLECTION);
  await plans.addReflection(ANNA_SHARED_REFLECTION);
  await plans.saveEffectFollowUp(ANNA_PRIVATE_FOLLOW_UP);
  await plans.saveEffectFollowUp(ANNA_SHARED_FOLLOW_UP);
}

export interface PlanApi {
  /** The API in demo mode over the organisation: the X-Demo-User header says who calls. */
  app: ApiTestApp;
  /** The same API, store and directory outside demo mode, where nothing proves who calls. */
  anonymous: ApiTestApp;
  messenger: RecordingMessenger;
  directory: FakeDirectory;
}

/** Starts both apps before the file's tests, seeded, and stops them after. */
export function usePlanApi(): PlanApi {
  const running = {} as PlanApi;
  beforeAll(async () => {
    running.directory = new FakeDirectory(PEOPLE);
    running.app = await startApiTestApp({ directory: running.directory, now: () => NOW });
    running.messenger = running.app.messenger as RecordingMessenger;
    running.anonymous = await startApiTestApp({
      env: { DEMO_ORGANISATION: 'false' },
      directory: running.directory,
      messenger: running.messenger,
      plans: running.app.plans,
      now: () => NOW,
    });
    await seed(running.app.plans);
  });
  afterAll(async () => {
    await running.app?.close();
    await running.anonymous?.close();
  });
  return running;
}

export type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A request as the tab sends it: JSON, as the demo user `as` (or with no identity). */
export function call(
  app: ApiTestApp,
  as: Person | undefined,
  method: Method,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return app.api(path, {
    method,
    headers: {
      ...(as ? { 'X-Demo-User': as.id } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
}

/**
 * Everything the API could write, read straight from the store and the messenger: compared
 * before and after a refused request, it shows that nothing was written or sent.
 */
export async function storeState(api: PlanApi): Promise<string> {
  const { plans } = api.app;
  const individual = await Promise.all(
    [ANNA, ERIK, OLLE, NILS].map(async (employee) => {
      const plan = await plans.findLatestIndividualPlan(employee.id);
      const history = plan ? await plans.individualPlanHistory(plan.id) : [];
      return { plan, versions: history.length };
    }),
  );
  const teams = await Promise.all(
    [UNIT_A, UNIT_B].map((unitId) => plans.getTeamPlan(unitId, YEAR)),
  );
  const reflections = await Promise.all(PEOPLE.map((someone) => plans.listReflections(someone.id)));
  return JSON.stringify({
    individual,
    teams,
    reflections,
    sent: api.messenger.attempts.length,
  });
}

/** The plan of `employee` as stored now; a test that needs it fails loudly without it. */
export async function storedPlan(api: PlanApi, employee: Person): Promise<IndividualPlan> {
  const plan = await api.app.plans.findLatestIndividualPlan(employee.id);
  if (!plan) throw new Error(`${employee.id} has no plan`);
  return plan;
}
