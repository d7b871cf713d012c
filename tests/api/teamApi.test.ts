import {
  TeamPlanPageResponseSchema,
  TeamResponseSchema,
  type TeamPlanChange,
  type TeamPlanPageResponse,
} from '../../bot/api/contract';
import { PLAN_LIMITS } from '../../core/plan/limits';
import type { Person } from '../../core/ports/directory';
import { agreedPlan, dialogue, draftPlan, goal } from '../core/planBuilders';
import { expectErrorResponse } from './expectErrorResponse';
import {
  ANNA,
  annaPlan,
  call,
  ERIK,
  givenPlan,
  givenTeamPlan,
  MARIA,
  NOW,
  OLLE,
  OLOF,
  PRIVATE_MARK,
  STINA,
  storeState,
  UNIT_A,
  UNIT_B,
  unitAPlan,
  usePlanApi,
  YEAR,
} from './planApiFixtures';

/*
 * The manager's list ("mitt team") and the unit's team plan, the channel tab's page: the
 * same counts for every reader of the unit, never whose plan says what.
 */

describe('GET /me/team', () => {
  const api = usePlanApi();

  it('when Maria asks for her team, then each report comes with cycle, plan and the filters’ flags', async () => {
    const response = await call(api.app, MARIA, 'GET', '/me/team');

    expect(response.status).toBe(200);
    const team = TeamResponseSchema.parse(await response.json());
    expect(team).toMatchObject({ profileId: 'vgr', year: YEAR, today: '2026-03-10' });
    expect(team.members.map((m) => m.person.displayName)).toEqual([
      ANNA.displayName,
      ERIK.displayName,
    ]);
    const [anna, erik] = team.members;
    expect(anna).toMatchObject({
      plan: { planId: 'plan-anna', status: 'agreed', currentUntil: '2027-02-19' },
      flags: { noCurrentPlan: false, planExpiring: false, dialogueNotHeld: true },
    });
    expect(anna?.cycle[0]).toEqual({
      dialogueTypeId: 'medarbetarsamtal',
      status: 'held',
      scheduledAt: '2026-02-10T09:30:00+01:00',
    });
    expect(erik).toMatchObject({
      plan: { planId: 'plan-erik', status: 'proposed' },
      flags: { noCurrentPlan: true, planExpiring: false, dialogueNotHeld: true },
    });
    expect(erik?.plan.currentUntil).toBeUndefined();
    expect(team.coverage).toEqual({
      employees: 2,
      withCurrentPlan: 1,
      dialoguesHeld: [
        { dialogueTypeId: 'medarbetarsamtal', held: 1 },
        { dialogueTypeId: 'uppfoljning', held: 0 },
      ],
    });
  });

  it.each([
    ['within 60 days', '2025-04-20T10:00:00+02:00', '2026-04-19', true],
    ['on the 60th day', '2025-05-10T10:00:00+02:00', '2026-05-09', true],
    ['after 60 days', '2025-05-11T10:00:00+02:00', '2026-05-10', false],
  ])(
    'when a plan’s last day is %s, then the plan is flagged as expiring accordingly',
    async (_when, agreedAt, until, expiring) => {
      await givenPlan(
        api.app.plans,
        agreedPlan({ id: 'plan-anna-2025', employeeId: ANNA.id, year: 2025, agreedAt }),
      );
      // This year's plan is a draft never agreed: last year's agreement is the one in force.
      await givenPlan(
        api.app.plans,
        draftPlan({ id: 'plan-anna', employeeId: ANNA.id, managerId: MARIA.id }),
      );
      try {
        const team = TeamResponseSchema.parse(
          await (await call(api.app, MARIA, 'GET', '/me/team')).json(),
        );

        expect(team.members[0]).toMatchObject({
          plan: { planId: 'plan-anna', status: 'draft', currentUntil: until },
          flags: { noCurrentPlan: false, planExpiring: expiring },
        });
      } finally {
        await givenPlan(api.app.plans, annaPlan());
      }
    },
  );

  it('when every dialogue of the year is held, then the report is not flagged for it', async () => {
    for (const type of ['medarbetarsamtal', 'uppfoljning']) {
      await api.app.plans.saveDialogue(
        dialogue({
          employeeId: ERIK.id,
          managerId: MARIA.id,
          dialogueTypeId: type,
          status: 'held',
        }),
      );
    }

    const team = TeamResponseSchema.parse(
      await (await call(api.app, MARIA, 'GET', '/me/team')).json(),
    );

    expect(team.members[1]?.flags.dialogueNotHeld).toBe(false);
  });
});

describe('GET /units/{unitId}/team-plan', () => {
  const api = usePlanApi();

  async function teamPage(as: Person, unitId = UNIT_A) {
    const response = await call(api.app, as, 'GET', `/units/${unitId}/team-plan`);
    expect(response.status).toBe(200);
    const text = await response.text();
    return { text, body: TeamPlanPageResponseSchema.parse(JSON.parse(text)) };
  }

  it('when the unit’s manager and a member of her team of two open the page, then both see the plan, only the manager the counts, and only she may edit', async () => {
    const manager = await teamPage(MARIA);
    const member = await teamPage(ANNA);

    expect(manager.body).toMatchObject({ canEdit: true, countsWithheld: false });
    expect(manager.body.coverage).toMatchObject({ employees: 2 });
    expect(member.body).toEqual({
      ...manager.body,
      canEdit: false,
      countsWithheld: true,
      plannedNeeds: null,
      unplannedCompetenceIds: null,
      coverage: null,
    });
  });

  it('when the page is drawn for the manager, then it has the plan and what the agreed plans add up to, as counts', async () => {
    const { body, text } = await teamPage(MARIA);

    expect(body).toMatchObject({ unitId: UNIT_A, profileId: 'vgr', year: YEAR });
    expect(body.teamPlan).toEqual(await api.app.plans.getTeamPlan(UNIT_A, YEAR));
    // Anna's agreed plan: AI, by auskultation and handledning. Erik's is only proposed.
    expect(body.plannedNeeds).toEqual({
      plans: 1,
      byPriorityArea: [{ id: 'artificiell-intelligens', people: 1 }],
      byFormOfLearning: [
        { id: 'auskultation', people: 1 },
        { id: 'handledning', people: 1 },
      ],
    });
    expect(body.unplannedCompetenceIds).toEqual(['need-2']);
    expect(body.coverage).toMatchObject({ employees: 2, withCurrentPlan: 1 });
    for (const personal of [
      PRIVATE_MARK,
      ANNA.displayName,
      ANNA.id,
      ERIK.displayName,
      'plan-anna',
    ]) {
      expect(text).not.toContain(personal);
    }
  });

  it('when a member’s manager is placed in another unit, then she reads the unit’s plan with no team counted', async () => {
    const { body } = await teamPage(STINA);

    expect(body.canEdit).toBe(false);
    expect(body.teamPlan?.id).toBe('team-plan-a');
    expect(body.countsWithheld).toBe(false);
    expect(body.plannedNeeds).toEqual({ plans: 0, byPriorityArea: [], byFormOfLearning: [] });
    expect(body.coverage?.employees).toBe(0);
  });

  it('when the unit has no plan for the year yet, then the page says so with null and counts anyway', async () => {
    const { body } = await teamPage(OLOF, UNIT_B);

    expect(body).toMatchObject({ teamPlan: null, unplannedCompetenceIds: [], canEdit: true });
    expect(body.plannedNeeds?.plans).toBe(1);
  });
});

describe('GET /units/{unitId}/team-plan for a channel member of a team of five', () => {
  const api = usePlanApi();
  const colleague = (n: number): Person => ({
    ...ERIK,
    id: `employee-colleague-${n}`,
    displayName: `Kollega ${n}`,
  });

  it('when the team has the minimum group size, then a member sees the counts the manager sees', async () => {
    api.directory.add(colleague(1), colleague(2), colleague(3));

    const member = await call(api.app, ANNA, 'GET', `/units/${UNIT_A}/team-plan`);
    const manager = await call(api.app, MARIA, 'GET', `/units/${UNIT_A}/team-plan`);

    const body = TeamPlanPageResponseSchema.parse(await member.json());
    expect(body).toMatchObject({ countsWithheld: false, canEdit: false });
    expect(body.coverage).toMatchObject({ employees: 5, withCurrentPlan: 1 });
    expect(body.plannedNeeds?.plans).toBe(1);
    expect({ ...body, canEdit: true }).toEqual(
      TeamPlanPageResponseSchema.parse(await manager.json()),
    );
  });
});

describe('PUT /units/{unitId}/team-plan', () => {
  const api = usePlanApi();

  const change = (version: number, overrides: Partial<TeamPlanChange> = {}): TeamPlanChange => ({
    unitGoals: [
      { id: 'unit-goal-1', text: 'Säkrare digitala arbetssätt' },
      { id: 'unit-goal-2', text: 'Ett hållbart arbetsliv' },
    ],
    neededCompetences: [
      {
        id: 'need-1',
        priorityAreaId: 'artificiell-intelligens',
        unitGoalId: 'unit-goal-1',
        description: 'AI-stöd i journalen',
        priority: 'high',
      },
      {
        id: 'need-3',
        priorityAreaId: 'ett-hallbart-arbetsliv',
        unitGoalId: 'unit-goal-2',
        description: 'Återhämtning mellan passen',
        priority: 'medium',
      },
    ],
    expectedVersion: version,
    ...overrides,
  });
  const put = (as: Person, body: unknown, unitId = UNIT_A) =>
    call(api.app, as, 'PUT', `/units/${unitId}/team-plan`, body);
  const storedVersion = async () => (await api.app.plans.getTeamPlan(UNIT_A, YEAR))?.version ?? 0;

  beforeEach(async () => {
    await givenTeamPlan(api.app.plans, unitAPlan());
  });

  it('when Maria saves the goals and needs from the version she saw, then they are stored as the next version', async () => {
    const version = await storedVersion();

    const response = await put(MARIA, change(version));

    expect(response.status).toBe(200);
    const page: TeamPlanPageResponse = TeamPlanPageResponseSchema.parse(await response.json());
    const stored = await api.app.plans.getTeamPlan(UNIT_A, YEAR);
    expect(page.teamPlan).toEqual(stored);
    expect(stored).toMatchObject({
      id: 'team-plan-a',
      version: version + 1,
      unitGoals: change(version).unitGoals,
      neededCompetences: change(version).neededCompetences,
      updatedBy: MARIA.id,
      updatedAt: NOW.toISOString(),
    });
    expect(page.unplannedCompetenceIds).toEqual(['need-3']);
    expect(page.canEdit).toBe(true);
  });

  it('when Maria saves what is stored already, then no new version is made', async () => {
    const version = await storedVersion();
    const { unitGoals, neededCompetences } = unitAPlan();

    const response = await put(MARIA, { unitGoals, neededCompetences, expectedVersion: version });

    expect(response.status).toBe(200);
    expect(await storedVersion()).toBe(version);
  });

  it('when a unit has no plan for the year, then its manager writes the first from version 0', async () => {
    const response = await put(OLOF, change(0), UNIT_B);

    expect(response.status).toBe(200);
    const stored = await api.app.plans.getTeamPlan(UNIT_B, YEAR);
    expect(stored).toMatchObject({ unitId: UNIT_B, profileId: 'vgr', year: YEAR, version: 1 });
    expect(TeamPlanPageResponseSchema.parse(await response.json()).teamPlan).toEqual(stored);
  });

  it.each([
    ['an older version', (v: number) => v - 1],
    ['a version not saved yet', (v: number) => v + 1],
    ['0, as if the plan were new', () => 0],
  ])(
    'when Maria saves from %s, then it is 409 and the stored plan stays as it was',
    async (_what, versionSent) => {
      const stored = await api.app.plans.getTeamPlan(UNIT_A, YEAR);
      const before = await storeState(api);

      const response = await put(MARIA, change(versionSent(stored?.version ?? 0)));

      await expectErrorResponse(response, 409, 'version_conflict');
      expect(await storeState(api)).toBe(before);
      expect(await api.app.plans.getTeamPlan(UNIT_A, YEAR)).toEqual(stored);
    },
  );

  /** A need with `overrides` sent as they are, right or wrong: the API is what checks them. */
  const need = (overrides: Record<string, unknown>) =>
    ({
      id: 'need-9',
      priorityAreaId: 'digitalisering',
      description: 'Digitala verktyg',
      priority: 'low',
      ...overrides,
    }) as TeamPlanChange['neededCompetences'][number];
  const goals = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ id: `unit-goal-${i + 1}`, text: `Mål ${i + 1}` }));

  it.each([
    ['an unknown field', (v: number) => ({ ...change(v), note: 'x' }), 'note'],
    [
      'an unknown field in a goal',
      (v: number) => change(v, { unitGoals: [{ id: 'g', text: 'x', owner: 'x' } as never] }),
      'owner',
    ],
    [
      'a goal text too long',
      (v: number) =>
        change(v, { unitGoals: [{ id: 'g', text: 'x'.repeat(PLAN_LIMITS.unitGoalTextMax + 1) }] }),
      'unitGoals.0.text',
    ],
    [
      'too many goals',
      (v: number) =>
        change(v, { unitGoals: goals(PLAN_LIMITS.unitGoalsMax + 1), neededCompetences: [] }),
      'unitGoals',
    ],
    [
      'a goal id twice',
      (v: number) =>
        change(v, {
          unitGoals: [
            { id: 'g', text: 'a' },
            { id: 'g', text: 'b' },
          ],
          neededCompetences: [],
        }),
      'unitGoals.1.id',
    ],
    [
      'a need for a goal not sent',
      (v: number) => change(v, { neededCompetences: [need({ unitGoalId: 'unit-goal-7' })] }),
      'neededCompetences.0.unitGoalId',
    ],
    [
      'a need for an unknown priority area',
      (v: number) => change(v, { neededCompetences: [need({ priorityAreaId: 'astrologi' })] }),
      'neededCompetences.0.priorityAreaId',
    ],
    [
      'an unknown priority',
      (v: number) => change(v, { neededCompetences: [need({ priority: 'urgent' })] }),
      'priority',
    ],
    [
      'goals that are not a list',
      (v: number) => ({ ...change(v), unitGoals: 'Mål 1' }),
      'unitGoals',
    ],
    [
      'no version',
      (v: number) => ({
        unitGoals: change(v).unitGoals,
        neededCompetences: change(v).neededCompetences,
      }),
      'expectedVersion',
    ],
    ['a negative version', () => change(-1), 'expectedVersion'],
  ] as const)(
    'when Maria sends %s, then it is 400 naming the field and nothing is written',
    async (_what, body, names) => {
      const before = await storeState(api);

      const response = await put(MARIA, body(await storedVersion()));

      const error = await expectErrorResponse(response, 400, 'invalid_request');
      expect(error.error.message).toContain(names);
      expect(await storeState(api)).toBe(before);
    },
  );

  it('when a member of the unit sends a valid change, then it is 403 and the plan stays as it was', async () => {
    const before = await storeState(api);

    const response = await put(ERIK, change(await storedVersion()));

    await expectErrorResponse(response, 403, 'not_the_unit_manager');
    expect(await storeState(api)).toBe(before);
  });

  it('when an employee of another unit sends a valid change, then the unit does not exist for him', async () => {
    const before = await storeState(api);

    await expectErrorResponse(await put(OLLE, change(await storedVersion())), 404, 'not_found');
    expect(await storeState(api)).toBe(before);
  });

  it('when Maria and her stand-in save from the same version at once, then one is stored and the other is 409', async () => {
    const version = await storedVersion();

    const answers = await Promise.all([
      put(MARIA, change(version)),
      put(MARIA, change(version, { unitGoals: goals(1), neededCompetences: [] })),
    ]);

    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await storedVersion()).toBe(version + 1);
  });
});

describe('the team plan page and individual plans agreed in the meantime', () => {
  const api = usePlanApi();

  it('when Erik agrees his plan, then the team plan counts him without showing what he wrote', async () => {
    const before = TeamPlanPageResponseSchema.parse(
      await (await call(api.app, MARIA, 'GET', `/units/${UNIT_A}/team-plan`)).json(),
    );
    const erik = await api.app.plans.findLatestIndividualPlan(ERIK.id);
    await givenPlan(api.app.plans, {
      ...agreedPlan({ employeeId: ERIK.id, managerId: MARIA.id }),
      id: erik?.id ?? 'plan-erik',
      goals: [
        goal(1, { text: `${PRIVATE_MARK} Eriks mål`, priorityAreaIds: ['hallbar-utveckling'] }),
      ],
    });

    const after = await call(api.app, MARIA, 'GET', `/units/${UNIT_A}/team-plan`);

    const text = await after.text();
    const page = TeamPlanPageResponseSchema.parse(JSON.parse(text));
    expect(before.plannedNeeds?.plans).toBe(1);
    expect(page.plannedNeeds?.plans).toBe(2);
    expect(page.unplannedCompetenceIds).toEqual([]);
    expect(text).not.toContain(PRIVATE_MARK);
  });
});
