import type { Dialogue, DialoguePreparation } from '../../core/plan/dialogue';
import type { EffectFollowUp } from '../../core/plan/effectFollowUp';
import type { IndividualPlan } from '../../core/plan/individualPlan';
import type { Reflection } from '../../core/plan/reflection';
import type { TeamPlan } from '../../core/plan/teamPlan';
import { StoredDocumentError, VersionConflictError } from '../../core/ports/storeErrors';
import type { PlanStore } from '../../core/ports/planStore';
import type { SqlDatabase } from '../../bot/storage/sqlDatabase';
import { SqlPlanStore } from '../../bot/storage/sqlPlanStore';

let counter = 0;
const uniqueId = (prefix: string): string => `${prefix}-${Date.now()}-${++counter}`;

function individualPlan(overrides: Partial<IndividualPlan> = {}): IndividualPlan {
  return {
    id: uniqueId('plan'),
    employeeId: uniqueId('employee'),
    managerId: 'manager-1',
    profileId: 'vgr',
    year: 2026,
    status: 'draft',
    version: 1,
    goals: [{ id: 'goal-1', text: 'Använda AI-stöd i journalföringen', priorityAreaIds: ['ai'] }],
    activities: [
      {
        id: 'activity-1',
        goalId: 'goal-1',
        title: 'Starta din AI-resa',
        formOfLearningId: 'utbildning',
        dueDate: '2026-06-30',
        responsible: 'employee',
        status: 'planned',
      },
    ],
    createdAt: '2026-02-01T09:00:00+01:00',
    updatedAt: '2026-02-01T09:00:00+01:00',
    ...overrides,
  };
}

function teamPlan(overrides: Partial<TeamPlan> = {}): TeamPlan {
  return {
    id: uniqueId('team-plan'),
    unitId: uniqueId('unit'),
    profileId: 'vgr',
    year: 2026,
    unitGoals: [{ id: 'unit-goal-1', text: 'Säker digital dokumentation' }],
    neededCompetences: [
      {
        id: 'need-1',
        priorityAreaId: 'digitalisering',
        unitGoalId: 'unit-goal-1',
        description: 'Grundläggande digital kompetens',
        priority: 'high',
      },
    ],
    version: 1,
    updatedAt: '2026-02-01T09:00:00+01:00',
    updatedBy: 'manager-1',
    ...overrides,
  };
}

function reflection(personId: string, overrides: Partial<Reflection> = {}): Reflection {
  return {
    id: uniqueId('reflection'),
    personId,
    principle: 'activating',
    promptId: 'what-did-you-try',
    text: 'Jag provade att handleda en ny kollega.',
    visibility: 'private',
    createdAt: '2026-03-01T10:00:00+01:00',
    context: 'everyday',
    ...overrides,
  };
}

function dialogue(overrides: Partial<Dialogue> = {}): Dialogue & { managerId: string } {
  return {
    id: uniqueId('dialogue'),
    employeeId: uniqueId('employee'),
    managerId: uniqueId('manager'),
    profileId: 'vasterbotten',
    dialogueTypeId: 'medarbetarsamtal',
    year: 2026,
    scheduledAt: '2026-04-14T10:00:00+02:00',
    status: 'planned',
    ...overrides,
  };
}

function preparation(of: Dialogue, answer: string): DialoguePreparation {
  return {
    id: `preparation-${of.id}`,
    dialogueId: of.id,
    employeeId: of.employeeId,
    answers: [
      {
        stepId: 'principles',
        questionId: 'reflection-motivating',
        promptId: 'motivating-curious',
        text: answer,
        visibility: 'shared-with-manager',
      },
    ],
    skippedStepIds: [],
    updatedAt: '2026-04-10T08:00:00+02:00',
  };
}

function followUp(planId: string, overrides: Partial<EffectFollowUp> = {}): EffectFollowUp {
  return {
    id: uniqueId('follow-up'),
    personId: 'employee-1',
    planId,
    activityId: 'activity-1',
    learned: 'Hur AI-stödet sammanfattar en journal.',
    applied: 'Jag låter det skriva ett första utkast.',
    visibility: 'private',
    answeredAt: '2026-07-01T10:00:00+02:00',
    ...overrides,
  };
}

/** A plan store to run the contract on, with a way to spoil what it stored. */
export interface PlanStoreUnderTest {
  store: PlanStore;
  /** Removes the goals from a stored plan's document, as a careless hand edit would. */
  dropGoalsOfStoredPlan(planId: string): Promise<void>;
}

export function sqlPlanStoreUnderTest(db: SqlDatabase): PlanStoreUnderTest {
  return {
    store: new SqlPlanStore(db),
    dropGoalsOfStoredPlan: async (planId) => {
      await db.query(`update individual_plans set document = document - 'goals' where id = $1`, [
        planId,
      ]);
    },
  };
}

/**
 * The plan store's cases: run on the embedded database and PostgreSQL inside the store
 * contract, and on SharePoint lists through the Graph stand-in.
 */
export function describePlanStoreContract(open: () => PlanStoreUnderTest): void {
  let store: PlanStore;
  let underTest: PlanStoreUnderTest;
  beforeAll(() => {
    underTest = open();
    store = underTest.store;
  });

  describe('individual plans', () => {
    it('when an employee saves a new plan and then changes it, then the store has version 2 and both versions in the history', async () => {
      const draft = individualPlan();

      const first = await store.saveIndividualPlan(draft, {
        expectedVersion: 0,
        savedBy: draft.employeeId,
      });
      const second = await store.saveIndividualPlan(
        { ...first, status: 'proposed', followUpDate: '2026-09-01' },
        { expectedVersion: first.version, savedBy: draft.employeeId },
      );

      expect(first.version).toBe(1);
      expect(second.version).toBe(2);
      expect(await store.getIndividualPlan(draft.employeeId, 2026)).toEqual(second);
      expect(await store.getIndividualPlanById(draft.id)).toEqual(second);
      const history = await store.individualPlanHistory(draft.id);
      expect(history.map((r) => [r.version, r.document.status, r.savedBy])).toEqual([
        [1, 'draft', draft.employeeId],
        [2, 'proposed', draft.employeeId],
      ]);
      expect(history[1]?.savedAt).toBeInstanceOf(Date);
    });

    it('when the manager saves over a version the employee already changed, then it is refused with the current version and nothing is lost', async () => {
      const plan = await store.saveIndividualPlan(individualPlan(), {
        expectedVersion: 0,
        savedBy: 'employee',
      });
      await store.saveIndividualPlan(
        { ...plan, followUpDate: '2026-10-01' },
        { expectedVersion: 1, savedBy: plan.employeeId },
      );

      const stale = store.saveIndividualPlan(
        { ...plan, followUpDate: '2026-11-01' },
        { expectedVersion: 1, savedBy: plan.managerId },
      );

      await expect(stale).rejects.toBeInstanceOf(VersionConflictError);
      await expect(stale).rejects.toMatchObject({
        kind: 'individual-plan',
        id: plan.id,
        expectedVersion: 1,
        currentVersion: 2,
      });
      expect((await store.getIndividualPlanById(plan.id))?.followUpDate).toBe('2026-10-01');
      expect(await store.individualPlanHistory(plan.id)).toHaveLength(2);
    });

    it('when both of them save the same version at the same moment, then exactly one save wins', async () => {
      const plan = await store.saveIndividualPlan(individualPlan(), {
        expectedVersion: 0,
        savedBy: 'employee',
      });

      const results = await Promise.allSettled(
        ['2026-10-01', '2026-11-01'].map((followUpDate) =>
          store.saveIndividualPlan(
            { ...plan, followUpDate },
            { expectedVersion: 1, savedBy: 'someone' },
          ),
        ),
      );

      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.find((r) => r.status === 'rejected');
      expect(rejected?.reason).toBeInstanceOf(VersionConflictError);
      expect(await store.individualPlanHistory(plan.id)).toHaveLength(2);
    });

    it('when two people create the plan for the same employee and year, then the second gets a conflict naming the first plan', async () => {
      const employeeId = uniqueId('employee');
      const first = await store.saveIndividualPlan(individualPlan({ employeeId }), {
        expectedVersion: 0,
        savedBy: employeeId,
      });

      const second = store.saveIndividualPlan(individualPlan({ employeeId }), {
        expectedVersion: 0,
        savedBy: 'manager-1',
      });

      await expect(second).rejects.toMatchObject({
        name: 'VersionConflictError',
        id: first.id,
        currentVersion: 1,
      });
    });

    it('when a manager looks at the team, then the current plans of exactly the asked employees come back, filtered by year on request', async () => {
      const anna = uniqueId('employee');
      const bo = uniqueId('employee');
      const outsider = uniqueId('employee');
      for (const [employeeId, year] of [
        [anna, 2025],
        [anna, 2026],
        [bo, 2026],
        [outsider, 2026],
      ] as const) {
        await store.saveIndividualPlan(individualPlan({ employeeId, year }), {
          expectedVersion: 0,
          savedBy: 'manager-1',
        });
      }

      const all = await store.listIndividualPlans([anna, bo]);
      const thisYear = await store.listIndividualPlans([anna, bo], { year: 2026 });

      expect(all.map((p) => [p.employeeId, p.year])).toEqual([
        [anna, 2026],
        [anna, 2025],
        [bo, 2026],
      ]);
      expect(thisYear.map((p) => p.employeeId)).toEqual([anna, bo]);
      expect((await store.findLatestIndividualPlan(anna))?.year).toBe(2026);
      expect(await store.listIndividualPlans([])).toEqual([]);
    });

    it('when nothing is stored for an employee, then there is no plan and saving an update is a conflict with version 0', async () => {
      const plan = individualPlan();

      expect(await store.findLatestIndividualPlan(plan.employeeId)).toBeUndefined();
      await expect(
        store.saveIndividualPlan(plan, { expectedVersion: 3, savedBy: 'manager-1' }),
      ).rejects.toMatchObject({ name: 'VersionConflictError', currentVersion: 0 });
    });

    it('when a plan breaks the domain rules, then it is not written', async () => {
      const invalid = individualPlan({ goals: [] });

      await expect(
        store.saveIndividualPlan(invalid, { expectedVersion: 0, savedBy: 'manager-1' }),
      ).rejects.toThrow();
      expect(await store.getIndividualPlanById(invalid.id)).toBeUndefined();
    });

    it('when a stored plan no longer matches the schema, then reading it fails loudly instead of showing half a plan', async () => {
      const plan = await store.saveIndividualPlan(individualPlan(), {
        expectedVersion: 0,
        savedBy: 'manager-1',
      });
      await underTest.dropGoalsOfStoredPlan(plan.id);

      await expect(store.getIndividualPlanById(plan.id)).rejects.toBeInstanceOf(
        StoredDocumentError,
      );
    });
  });

  describe('team plans', () => {
    it('when a manager saves the unit plan twice, then the second is version 2 and both are in the history', async () => {
      const plan = teamPlan();

      const first = await store.saveTeamPlan(plan, { expectedVersion: 0, savedBy: 'manager-1' });
      const second = await store.saveTeamPlan(
        {
          ...first,
          unitGoals: [...first.unitGoals, { id: 'unit-goal-2', text: 'Hållbart arbetsliv' }],
        },
        { expectedVersion: 1, savedBy: 'manager-2' },
      );

      expect(second.version).toBe(2);
      expect(await store.getTeamPlan(plan.unitId, 2026)).toEqual(second);
      expect(await store.getTeamPlan(plan.unitId, 2027)).toBeUndefined();
      const history = await store.teamPlanHistory(plan.id);
      expect(history.map((r) => [r.version, r.savedBy, r.document.unitGoals.length])).toEqual([
        [1, 'manager-1', 1],
        [2, 'manager-2', 2],
      ]);
    });

    it('when two managers save the unit plan from the same version, then the later one gets a conflict', async () => {
      const plan = await store.saveTeamPlan(teamPlan(), {
        expectedVersion: 0,
        savedBy: 'manager-1',
      });
      await store.saveTeamPlan(plan, { expectedVersion: 1, savedBy: 'manager-1' });

      await expect(
        store.saveTeamPlan(plan, { expectedVersion: 1, savedBy: 'manager-2' }),
      ).rejects.toMatchObject({
        name: 'VersionConflictError',
        kind: 'team-plan',
        currentVersion: 2,
      });
    });
  });

  describe('the team view', () => {
    it('when a manager opens the team view, then each report’s current plans, latest agreed versions, dialogues and follow-up answers come back, and nothing of anyone else', async () => {
      const [anna, bo, outsider] = [
        uniqueId('employee'),
        uniqueId('employee'),
        uniqueId('employee'),
      ];
      const agreed = await store.saveIndividualPlan(
        individualPlan({
          employeeId: anna,
          status: 'agreed',
          agreedAt: '2026-02-10T10:00:00+01:00',
          agreedBy: 'manager-1',
          followUpDate: '2026-09-01',
        }),
        { expectedVersion: 0, savedBy: 'manager-1' },
      );
      // Revised after the agreement: the agreed version still counts until the next one.
      const revised = await store.saveIndividualPlan(
        { ...agreed, status: 'proposed' },
        { expectedVersion: 1, savedBy: anna },
      );
      const draft = await store.saveIndividualPlan(individualPlan({ employeeId: bo }), {
        expectedVersion: 0,
        savedBy: bo,
      });
      await store.saveIndividualPlan(individualPlan({ employeeId: outsider }), {
        expectedVersion: 0,
        savedBy: outsider,
      });
      const booked = dialogue({ employeeId: bo });
      await store.saveDialogue(booked);
      await store.saveDialogue(dialogue({ employeeId: outsider }));
      const answer = followUp(agreed.id, { personId: anna });
      await store.saveEffectFollowUp(answer);
      await store.saveEffectFollowUp(followUp(uniqueId('plan'), { personId: outsider }));

      const team = await store.readTeamRecords([anna, bo]);

      expect(team.plans.map((p) => [p.id, p.version]).sort()).toEqual(
        [
          [revised.id, 2],
          [draft.id, 1],
        ].sort(),
      );
      expect(team.agreedPlans.map((p) => [p.id, p.version, p.status])).toEqual([
        [agreed.id, 1, 'agreed'],
      ]);
      expect(team.dialogues).toEqual([booked]);
      expect(team.followUps).toEqual([answer]);
      expect(await store.readTeamRecords([])).toEqual({
        plans: [],
        agreedPlans: [],
        dialogues: [],
        followUps: [],
      });
    });
  });

  describe('reflections', () => {
    it('when an employee writes private and shared reflections, then they see all, newest first, and their manager only the shared ones', async () => {
      const person = uniqueId('employee');
      const older = reflection(person, {
        visibility: 'shared-with-manager',
        createdAt: '2026-03-01T10:00:00+01:00',
      });
      const newer = reflection(person, { createdAt: '2026-03-02T10:00:00+01:00' });
      await store.addReflection(older);
      await store.addReflection(newer);
      await store.addReflection(reflection(uniqueId('someone-else')));

      expect((await store.listReflections(person)).map((r) => r.id)).toEqual([newer.id, older.id]);
      expect(await store.listReflections(person, { sharedOnly: true })).toEqual([older]);
    });
  });

  describe('effect follow-ups', () => {
    it("when an employee answers an activity's follow-up and later changes the answer, then the latest answer is the one kept", async () => {
      const planId = uniqueId('plan');
      await store.saveEffectFollowUp(followUp(planId));

      const changed = followUp(planId, {
        applied: 'Jag använder det vid varje utskrivning.',
        supportNeeded: 'Tid att öva med en kollega.',
        answeredAt: '2026-07-08T10:00:00+02:00',
      });
      await store.saveEffectFollowUp(changed);

      expect(await store.listEffectFollowUps([planId])).toEqual([changed]);
    });

    it('when a manager looks at follow-ups, then only the shared ones of the asked plans come back; the employee sees all, newest first', async () => {
      const [planId, otherPlanId] = [uniqueId('plan'), uniqueId('plan')];
      const kept = followUp(planId, { activityId: 'activity-1' });
      const shared = followUp(planId, {
        activityId: 'activity-2',
        visibility: 'shared-with-manager',
        answeredAt: '2026-07-02T10:00:00+02:00',
      });
      await store.saveEffectFollowUp(kept);
      await store.saveEffectFollowUp(shared);
      await store.saveEffectFollowUp(followUp(otherPlanId, { visibility: 'shared-with-manager' }));

      expect(await store.listEffectFollowUps([planId])).toEqual([shared, kept]);
      expect(await store.listEffectFollowUps([planId], { sharedOnly: true })).toEqual([shared]);
      expect(await store.listEffectFollowUps([])).toEqual([]);
    });

    it('when a follow-up answers none of its questions, then it is not written', async () => {
      const planId = uniqueId('plan');
      const empty = followUp(planId);
      delete empty.learned;
      delete empty.applied;

      await expect(store.saveEffectFollowUp(empty)).rejects.toThrow();
      expect(await store.listEffectFollowUps([planId])).toEqual([]);
    });
  });

  describe('dialogues and preparations', () => {
    it('when a dialogue is booked and then moved, then employee and manager both see it once, at the new time', async () => {
      const booked = dialogue();
      await store.saveDialogue(booked);

      const moved = { ...booked, scheduledAt: '2026-04-21T10:00:00+02:00' };
      await store.saveDialogue(moved);

      expect(await store.getDialogue(booked.id)).toEqual(moved);
      expect(await store.listDialoguesForEmployee(booked.employeeId)).toEqual([moved]);
      expect(await store.listDialoguesForEmployees([booked.employeeId])).toEqual([moved]);
    });

    it('when the reminder catch-up asks what was saved lately, then a dialogue and a plan saved a moment ago are among them', async () => {
      const booked = dialogue();
      await store.saveDialogue(booked);
      const saved = await store.saveIndividualPlan(individualPlan(), {
        expectedVersion: 0,
        savedBy: 'someone',
      });

      const minute = 60_000;
      expect((await store.listDialoguesSavedWithin(minute)).map((d) => d.id)).toContain(booked.id);
      expect((await store.listIndividualPlansSavedWithin(minute)).map((p) => p.id)).toContain(
        saved.id,
      );
    });

    it("when a team's dialogues are listed, then they come soonest first, the unbooked last, and no one else's are among them", async () => {
      const [anna, erik] = [uniqueId('employee'), uniqueId('employee')];
      const later = dialogue({ employeeId: anna, scheduledAt: '2026-05-01T09:00:00+02:00' });
      const sooner = dialogue({ employeeId: erik, scheduledAt: '2026-04-01T09:00:00+02:00' });
      const unbooked: Dialogue = { ...dialogue({ employeeId: erik }), status: 'prepared' };
      delete unbooked.managerId;
      delete unbooked.scheduledAt;
      for (const each of [unbooked, later, sooner, dialogue()]) await store.saveDialogue(each);

      expect((await store.listDialoguesForEmployees([anna, erik])).map((d) => d.id)).toEqual([
        sooner.id,
        later.id,
        unbooked.id,
      ]);
      expect(await store.listDialoguesForEmployees([])).toEqual([]);
    });

    it('when an employee without a manager prepares a dialogue that is not booked yet, then it is kept without a time, after the booked ones', async () => {
      const employeeId = uniqueId('employee');
      const booked = dialogue({ employeeId, dialogueTypeId: 'prestationssamtal' });
      const unbooked: Dialogue = { ...dialogue({ employeeId }), status: 'prepared' };
      delete unbooked.managerId;
      delete unbooked.scheduledAt;
      await store.saveDialogue(unbooked);
      await store.saveDialogue(booked);

      const listed = await store.listDialoguesForEmployee(employeeId);
      expect(listed.map((d) => d.id)).toEqual([booked.id, unbooked.id]);
      expect(listed[1]).toEqual(unbooked);
    });

    it('when an employee prepares a dialogue in two sittings, then the preparation is at version 2 and a stale save is refused', async () => {
      const booked = dialogue();
      await store.saveDialogue(booked);

      const first = await store.savePreparation(
        preparation(booked, 'Jag vill lära mig mer om AI.'),
        {
          expectedVersion: 0,
          savedBy: booked.employeeId,
        },
      );
      const second = await store.savePreparation(
        preparation(booked, 'Jag vill lära mig mer om AI i vården.'),
        { expectedVersion: first.version, savedBy: booked.employeeId },
      );

      expect(second.version).toBe(2);
      expect(await store.getPreparation(booked.id)).toEqual(second);
      await expect(
        store.savePreparation(preparation(booked, 'Ett gammalt utkast'), {
          expectedVersion: 1,
          savedBy: booked.employeeId,
        }),
      ).rejects.toMatchObject({ name: 'VersionConflictError', currentVersion: 2 });
      const history = await store.preparationHistory(first.preparation.id);
      expect(history.map((r) => r.document.answers[0]?.text)).toEqual([
        'Jag vill lära mig mer om AI.',
        'Jag vill lära mig mer om AI i vården.',
      ]);
    });
  });

  describe('erasure ("radera mina data") and retention', () => {
    /** Everything one employee can have in the plan store, agreed plan included. */
    async function employeeWithEverything() {
      const employee = uniqueId('employee');
      const agreed = await store.saveIndividualPlan(
        individualPlan({
          employeeId: employee,
          year: 2025,
          status: 'agreed',
          agreedAt: '2025-02-10T10:00:00+01:00',
          agreedBy: 'manager-1',
          followUpDate: '2025-09-01',
        }),
        { expectedVersion: 0, savedBy: 'manager-1' },
      );
      // Revised after the agreement: a proposal with a change nobody agreed to yet.
      const revised = await store.saveIndividualPlan(
        {
          ...agreed,
          status: 'proposed',
          goals: [{ id: 'goal-1', text: 'Ett nytt förslag', priorityAreaIds: ['ai'] }],
        },
        { expectedVersion: 1, savedBy: 'manager-1' },
      );
      const draft = await store.saveIndividualPlan(
        individualPlan({ employeeId: employee, year: 2026 }),
        { expectedVersion: 0, savedBy: 'manager-1' },
      );
      const booked = dialogue({ employeeId: employee });
      await store.saveDialogue(booked);
      await store.savePreparation(preparation(booked, 'Mitt privata svar'), {
        expectedVersion: 0,
        savedBy: employee,
      });
      await store.addReflection(reflection(employee));
      await store.saveEffectFollowUp(followUp(agreed.id, { personId: employee }));
      return { employee, agreed, revised, draft, booked };
    }

    it('when the profile erases agreed plans too, then nothing of the employee is left, and someone else’s records are untouched', async () => {
      const { employee, agreed, draft, booked } = await employeeWithEverything();
      const other = await employeeWithEverything();

      const erased = await store.erasePersonalData(employee, { agreedPlans: 'erase' });

      expect(erased).toEqual({
        individualPlans: 2,
        keptAgreedPlans: 0,
        dialogues: 1,
        preparations: 1,
        reflections: 1,
        effectFollowUps: 1,
      });
      expect(await store.listIndividualPlans([employee])).toEqual([]);
      expect(await store.individualPlanHistory(agreed.id)).toEqual([]);
      expect(await store.individualPlanHistory(draft.id)).toEqual([]);
      expect(await store.listDialoguesForEmployee(employee)).toEqual([]);
      expect(await store.getPreparation(booked.id)).toBeUndefined();
      expect(await store.listReflections(employee)).toEqual([]);
      expect(await store.listEffectFollowUps([agreed.id])).toEqual([]);
      expect(await store.listIndividualPlans([other.employee])).toHaveLength(2);
      expect(await store.listReflections(other.employee)).toHaveLength(1);
      expect(await store.getPreparation(other.booked.id)).toBeDefined();
    });

    it('when the profile keeps agreed plans as the unit’s record, then only the agreed version stays, and the never-agreed plan, the later proposal and everything else go', async () => {
      const { employee, agreed, draft } = await employeeWithEverything();

      const erased = await store.erasePersonalData(employee, {
        agreedPlans: 'keep-as-unit-record',
      });

      expect(erased).toMatchObject({ individualPlans: 1, keptAgreedPlans: 1, reflections: 1 });
      const kept = await store.getIndividualPlanById(agreed.id);
      expect(kept).toEqual(agreed);
      expect((await store.individualPlanHistory(agreed.id)).map((r) => r.version)).toEqual([1]);
      expect(await store.getIndividualPlanById(draft.id)).toBeUndefined();
      expect(await store.listReflections(employee)).toEqual([]);
      expect(await store.listDialoguesForEmployee(employee)).toEqual([]);
      // The kept plan can still be worked on: the manager writes the next version over it.
      const next = await store.saveIndividualPlan(
        { ...agreed, status: 'draft', agreedAt: undefined, agreedBy: undefined },
        { expectedVersion: 1, savedBy: 'manager-1' },
      );
      expect(next.version).toBe(2);
    });

    it('when an erasure is run a second time (a retry, or a second instance), then it finds nothing more and the kept plan stays', async () => {
      const { employee, agreed } = await employeeWithEverything();
      await store.erasePersonalData(employee, { agreedPlans: 'keep-as-unit-record' });

      const again = await store.erasePersonalData(employee, {
        agreedPlans: 'keep-as-unit-record',
      });

      expect(again).toEqual({
        individualPlans: 0,
        keptAgreedPlans: 1,
        dialogues: 0,
        preparations: 0,
        reflections: 0,
        effectFollowUps: 0,
      });
      expect(await store.getIndividualPlanById(agreed.id)).toEqual(agreed);
    });

    it('when retention runs for a profile, then its plans and dialogues of earlier years go with their answers and preparations, and newer years and other profiles stay', async () => {
      const employee = uniqueId('employee');
      const old = await store.saveIndividualPlan(
        individualPlan({ employeeId: employee, year: 2019, profileId: 'retention-a' }),
        { expectedVersion: 0, savedBy: employee },
      );
      const recent = await store.saveIndividualPlan(
        individualPlan({ employeeId: employee, year: 2024, profileId: 'retention-a' }),
        { expectedVersion: 0, savedBy: employee },
      );
      const otherProfile = await store.saveIndividualPlan(
        individualPlan({ year: 2019, profileId: 'retention-b' }),
        { expectedVersion: 0, savedBy: 'manager-1' },
      );
      await store.saveEffectFollowUp(followUp(old.id, { personId: employee }));
      const oldDialogue = dialogue({ employeeId: employee, year: 2019, profileId: 'retention-a' });
      const recentDialogue = dialogue({
        employeeId: employee,
        year: 2024,
        profileId: 'retention-a',
      });
      await store.saveDialogue(oldDialogue);
      await store.saveDialogue(recentDialogue);
      await store.savePreparation(preparation(oldDialogue, 'Gammalt svar'), {
        expectedVersion: 0,
        savedBy: employee,
      });

      const removed = await store.removeExpired({ profileId: 'retention-a', beforeYear: 2021 });

      expect(removed).toEqual({ individualPlans: 1, dialogues: 1 });
      expect((await store.listIndividualPlans([employee])).map((p) => p.id)).toEqual([recent.id]);
      expect(await store.individualPlanHistory(old.id)).toEqual([]);
      expect(await store.listEffectFollowUps([old.id])).toEqual([]);
      expect(await store.getPreparation(oldDialogue.id)).toBeUndefined();
      expect((await store.listDialoguesForEmployee(employee)).map((d) => d.id)).toEqual([
        recentDialogue.id,
      ]);
      expect(await store.getIndividualPlanById(otherProfile.id)).toBeDefined();
      expect(await store.removeExpired({ profileId: 'retention-a', beforeYear: 2021 })).toEqual({
        individualPlans: 0,
        dialogues: 0,
      });
    });

    it('when reflections are older than retention keeps, then they go and newer ones stay', async () => {
      const person = uniqueId('employee');
      const old = reflection(person, { createdAt: '2018-05-01T10:00:00+02:00' });
      const recent = reflection(person, { createdAt: '2026-03-01T10:00:00+01:00' });
      await store.addReflection(old);
      await store.addReflection(recent);

      const removed = await store.removeReflectionsBefore(new Date('2019-01-01T00:00:00+01:00'));

      expect(removed).toBeGreaterThanOrEqual(1);
      expect((await store.listReflections(person)).map((r) => r.id)).toEqual([recent.id]);
    });
  });
}
