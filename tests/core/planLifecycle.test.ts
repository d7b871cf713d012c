import { PLAN_LIMITS, type IndividualPlan } from '../../core';
import {
  acceptPlan,
  addActivity,
  editPlan,
  newPlanDraft,
  proposalProblems,
  proposePlan,
  removeActivity,
  replaceGoals,
  requestChanges,
  setFollowUpDate,
  type PlanChange,
  type PlanRefusal,
  type PlanResult,
} from '../../core/plan/planLifecycle';
import {
  activity,
  agreedPlan,
  draftPlan,
  EMPLOYEE,
  goal,
  MANAGER,
  OTHER_MANAGER,
} from './planBuilders';

const T0 = '2026-02-10T09:00:00+01:00';
const T1 = '2026-02-11T10:00:00+01:00';
const T2 = '2026-02-12T11:00:00+01:00';
const T3 = '2026-02-13T12:00:00+01:00';
const T4 = '2026-02-14T13:00:00+01:00';
const T5 = '2026-02-15T14:00:00+01:00';
const COMMENT = 'Jag vill hellre gå bredvid en kollega än gå en kurs';

/** The plan of a result that must have succeeded; the refusal otherwise, to read in the failure. */
function planOf(result: PlanResult): IndividualPlan {
  if (!result.ok) throw new Error(`expected a plan, was refused: ${result.reason}`);
  return result.plan;
}

const reasonOf = (result: PlanResult) => (result.ok ? 'ok' : result.reason);

/** A draft ready to propose: one goal, one activity, a follow-up date. */
const readyDraft = (overrides: Partial<IndividualPlan> = {}) => draftPlan(overrides);
const proposed = (overrides: Partial<IndividualPlan> = {}) =>
  draftPlan({ status: 'proposed', version: 2, ...overrides });
const changesRequested = () =>
  draftPlan({
    status: 'changes-requested',
    version: 3,
    changeRequest: { comment: COMMENT, requestedAt: T2 },
  });

describe('the manager’s first draft', () => {
  const input = {
    id: 'plan-1',
    employeeId: EMPLOYEE,
    managerId: MANAGER,
    profileId: 'vgr',
    year: 2026,
    goals: [goal(1)],
    now: T0,
  };

  it('when written after a dialogue, then it is a first version without activities', () => {
    expect(planOf(newPlanDraft({ ...input, dialogueId: 'dialogue-1' }))).toEqual({
      id: 'plan-1',
      employeeId: EMPLOYEE,
      managerId: MANAGER,
      profileId: 'vgr',
      year: 2026,
      dialogueId: 'dialogue-1',
      status: 'draft',
      version: 1,
      goals: [goal(1)],
      activities: [],
      createdAt: T0,
      updatedAt: T0,
    });
  });

  it('when written without a dialogue, then it names none', () => {
    expect(planOf(newPlanDraft(input))).not.toHaveProperty('dialogueId');
  });

  it.each<[string, Partial<typeof input>]>([
    ['no goals', { goals: [] }],
    ['six goals', { goals: [1, 2, 3, 4, 5, 6].map((n) => goal(n)) }],
    ['the employee as their own manager', { managerId: EMPLOYEE }],
    ['a goal of only spaces', { goals: [goal(1, { text: '   ' })] }],
    ['two goals with one id', { goals: [goal(1), goal(1)] }],
    ['a time without an offset', { now: '2026-02-10T09:00:00' }],
  ])('when it has %s, then it is refused as invalid', (_c, change) => {
    expect(newPlanDraft({ ...input, ...change })).toEqual({ ok: false, reason: 'invalid' });
  });

  it('when it has five goals, then that is allowed', () => {
    const goals = [1, 2, 3, 4, 5].map((n) => goal(n));
    expect(goals).toHaveLength(PLAN_LIMITS.goalsMax);
    expect(planOf(newPlanDraft({ ...input, goals })).goals).toHaveLength(5);
  });
});

describe('a plan from the first draft to the employee’s agreement', () => {
  it('when it goes draft, proposed, sent back, edited, proposed again and accepted, then each step says so', () => {
    const draft = planOf(
      newPlanDraft({
        id: 'plan-1',
        employeeId: EMPLOYEE,
        managerId: MANAGER,
        profileId: 'vgr',
        year: 2026,
        goals: [goal(1)],
        now: T0,
      }),
    );
    expect(proposalProblems(draft)).toEqual(['goal-without-activity', 'no-follow-up-date']);

    const complete = planOf(
      editPlan(
        planOf(
          editPlan(
            draft,
            MANAGER,
            addActivity(activity(1, { formOfLearningId: 'utbildning' })),
            T1,
          ),
        ),
        MANAGER,
        setFollowUpDate('2026-09-15'),
        T1,
      ),
    );
    expect(complete.status).toBe('draft');
    expect(proposalProblems(complete)).toEqual([]);

    const first = planOf(proposePlan(complete, MANAGER, T1));
    expect(first).toMatchObject({ status: 'proposed', updatedAt: T1 });

    const sentBack = planOf(requestChanges(first, EMPLOYEE, COMMENT, T2));
    expect(sentBack).toMatchObject({
      status: 'changes-requested',
      changeRequest: { comment: COMMENT, requestedAt: T2 },
      updatedAt: T2,
    });

    const reworked = planOf(
      editPlan(
        planOf(editPlan(sentBack, MANAGER, removeActivity('activity-1'), T3)),
        MANAGER,
        addActivity(activity(2, { formOfLearningId: 'auskultation' })),
        T3,
      ),
    );
    expect(reworked).toMatchObject({
      status: 'changes-requested',
      changeRequest: { comment: COMMENT, requestedAt: T2 },
      updatedAt: T3,
    });
    expect(reworked.activities.map((a) => a.id)).toEqual(['activity-2']);

    const second = planOf(proposePlan(reworked, MANAGER, T4));
    expect(second).toMatchObject({ status: 'proposed', updatedAt: T4 });
    expect(second).not.toHaveProperty('changeRequest');

    const agreed = planOf(acceptPlan(second, EMPLOYEE, T5));
    expect(agreed).toEqual({
      ...second,
      status: 'agreed',
      agreedBy: EMPLOYEE,
      agreedAt: T5,
      updatedAt: T5,
    });
    // Saving raises the version; the lifecycle itself never does.
    expect(agreed.version).toBe(1);
    expect(agreed.createdAt).toBe(T0);
  });
});

describe('who may do what to a plan', () => {
  it.each<[string, () => PlanResult, PlanRefusal]>([
    [
      'another manager edits',
      () => editPlan(readyDraft(), OTHER_MANAGER, setFollowUpDate('2026-10-01'), T1),
      'not-the-manager',
    ],
    [
      'the employee edits',
      () => editPlan(readyDraft(), EMPLOYEE, setFollowUpDate('2026-10-01'), T1),
      'not-the-manager',
    ],
    [
      'another manager proposes',
      () => proposePlan(readyDraft(), OTHER_MANAGER, T1),
      'not-the-manager',
    ],
    ['the employee proposes', () => proposePlan(readyDraft(), EMPLOYEE, T1), 'not-the-manager'],
    [
      'another manager proposes a plan that is not ready either',
      () => proposePlan(readyDraft({ activities: [] }), OTHER_MANAGER, T1),
      'not-the-manager',
    ],
    ['the manager accepts', () => acceptPlan(proposed(), MANAGER, T1), 'not-the-employee'],
    ['a colleague accepts', () => acceptPlan(proposed(), 'employee-bo', T1), 'not-the-employee'],
    [
      'the manager asks for changes',
      () => requestChanges(proposed(), MANAGER, COMMENT, T1),
      'not-the-employee',
    ],
    [
      'a colleague asks for changes to a draft',
      () => requestChanges(readyDraft(), 'employee-bo', COMMENT, T1),
      'not-the-employee',
    ],
  ])('when %s, then it is refused', (_c, act, reason) => {
    expect(act()).toEqual({ ok: false, reason });
  });

  it.each<[string, () => IndividualPlan]>([
    ['a draft', () => readyDraft()],
    ['a plan sent back for changes', changesRequested],
    ['an agreed plan', () => agreedPlan()],
  ])('when the employee accepts %s, then it is refused as not proposed', (_c, plan) => {
    expect(acceptPlan(plan(), EMPLOYEE, T1)).toEqual({ ok: false, reason: 'not-proposed' });
  });

  it.each<[string, () => IndividualPlan]>([
    ['a draft', () => readyDraft()],
    ['a plan already sent back', changesRequested],
    ['an agreed plan', () => agreedPlan()],
  ])('when the employee asks for changes to %s, then it is refused as not proposed', (_c, plan) => {
    expect(requestChanges(plan(), EMPLOYEE, COMMENT, T1)).toEqual({
      ok: false,
      reason: 'not-proposed',
    });
  });
});

describe('what keeps a plan from being proposed', () => {
  it.each<[string, PlanRefusal[], Partial<IndividualPlan>]>([
    ['everything it needs', [], {}],
    ['a goal without an activity', ['goal-without-activity'], { goals: [goal(1), goal(2)] }],
    ['no activities at all', ['goal-without-activity'], { activities: [] }],
    [
      'a goal whose only activity is cancelled',
      ['goal-without-activity'],
      { activities: [activity(1, { status: 'cancelled' })] },
    ],
    [
      'a cancelled activity beside one that stays',
      [],
      { activities: [activity(1, { status: 'cancelled' }), activity(2, { status: 'done' })] },
    ],
    ['no follow-up date', ['no-follow-up-date'], { followUpDate: undefined }],
    [
      'a goal without an activity and no follow-up date',
      ['goal-without-activity', 'no-follow-up-date'],
      { goals: [goal(1), goal(2)], followUpDate: undefined },
    ],
  ])('when the plan has %s, then the problems are %j', (_c, problems, change) => {
    const plan = readyDraft(change);
    expect(proposalProblems(plan)).toEqual(problems);
    expect(reasonOf(proposePlan(plan, MANAGER, T1))).toBe(problems[0] ?? 'ok');
  });

  it.each<[string, () => IndividualPlan]>([
    ['a draft', () => readyDraft()],
    ['a plan sent back for changes', changesRequested],
  ])('when the manager proposes %s that is ready, then it is proposed', (_c, plan) => {
    const result = planOf(proposePlan(plan(), MANAGER, T1));
    expect(result.status).toBe('proposed');
    expect(result).not.toHaveProperty('changeRequest');
  });
});

describe('the manager’s edits', () => {
  const later = setFollowUpDate('2026-11-30');

  it.each<[string, string, () => IndividualPlan]>([
    ['a draft', 'draft', () => readyDraft()],
    ['a proposed plan', 'draft', () => proposed()],
    ['a plan sent back for changes', 'changes-requested', changesRequested],
    ['an agreed plan', 'draft', () => agreedPlan()],
  ])('when %s is edited, then it is %s', (_c, status, plan) => {
    const edited = planOf(editPlan(plan(), MANAGER, later, T3));
    expect(edited.status).toBe(status);
    expect(edited.followUpDate).toBe('2026-11-30');
    expect(edited.updatedAt).toBe(T3);
  });

  it('when an agreed plan is edited, then the agreement in force stays on the draft', () => {
    const agreed = agreedPlan();
    const edited = planOf(editPlan(agreed, MANAGER, later, T3));
    expect(edited).toMatchObject({
      status: 'draft',
      agreedBy: agreed.agreedBy,
      agreedAt: agreed.agreedAt,
      version: agreed.version,
      createdAt: agreed.createdAt,
    });
  });

  it('when a proposed revision of an agreed plan is accepted, then the new agreement replaces the old', () => {
    const revision = agreedPlan({ status: 'proposed', version: 4 });
    expect(planOf(acceptPlan(revision, EMPLOYEE, T5))).toMatchObject({
      status: 'agreed',
      agreedBy: EMPLOYEE,
      agreedAt: T5,
    });
  });

  it('when goals are replaced, then the activities of removed goals go and the others stay', () => {
    const plan = readyDraft({
      goals: [goal(1), goal(2), goal(3)],
      activities: [
        activity(1, { goalId: 'goal-1' }),
        activity(2, { goalId: 'goal-2' }),
        activity(3, { goalId: 'goal-3' }),
        activity(4, { goalId: 'goal-2' }),
      ],
    });
    const edited = planOf(editPlan(plan, MANAGER, replaceGoals([goal(1), goal(3), goal(4)]), T3));
    expect(edited.goals.map((g) => g.id)).toEqual(['goal-1', 'goal-3', 'goal-4']);
    expect(edited.activities.map((a) => a.id)).toEqual(['activity-1', 'activity-3']);
  });

  it('when a goal is reworded under the same id, then its activities stay', () => {
    const plan = readyDraft({ activities: [activity(1), activity(2)] });
    const reworded = goal(1, { text: 'Leda införandet av taligenkänning på avdelningen' });
    const edited = planOf(editPlan(plan, MANAGER, replaceGoals([reworded]), T3));
    expect(edited.goals).toEqual([reworded]);
    expect(edited.activities.map((a) => a.id)).toEqual(['activity-1', 'activity-2']);
  });

  it.each<[string, PlanChange]>([
    ['six goals', replaceGoals([1, 2, 3, 4, 5, 6].map((n) => goal(n)))],
    ['no goals', replaceGoals([])],
    ['an activity for a goal the plan lacks', addActivity(activity(9, { goalId: 'goal-9' }))],
    ['a second activity with the same id', addActivity(activity(1))],
    ['an activity starting after it is due', addActivity(activity(2, { startDate: '2026-07-01' }))],
    ['an impossible follow-up date', setFollowUpDate('2026-02-30')],
  ])('when the edit leaves %s, then it is refused as invalid', (_c, change) => {
    expect(editPlan(readyDraft(), MANAGER, change, T3)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('when the manager removes an activity the plan does not have, then nothing else changes', () => {
    const plan = readyDraft();
    expect(planOf(editPlan(plan, MANAGER, removeActivity('activity-9'), T3))).toEqual({
      ...plan,
      updatedAt: T3,
    });
  });

  it('when a plan is edited, proposed, sent back or accepted, then the plan given is left as it was', () => {
    const draft = readyDraft();
    const offer = proposed();
    const sentBack = changesRequested();
    const copies = structuredClone([draft, offer, sentBack]);
    editPlan(draft, MANAGER, replaceGoals([goal(2)]), T3);
    proposePlan(sentBack, MANAGER, T3);
    requestChanges(offer, EMPLOYEE, COMMENT, T3);
    acceptPlan(offer, EMPLOYEE, T3);
    expect([draft, offer, sentBack]).toEqual(copies);
    expect(sentBack.changeRequest).toEqual({ comment: COMMENT, requestedAt: T2 });
  });
});

describe('the employee’s comment when sending a plan back', () => {
  it.each([
    ['empty', ''],
    ['only spaces', '   '],
    ['longer than allowed', 'x'.repeat(PLAN_LIMITS.changeRequestMax + 1)],
  ])('when it is %s, then it is refused as invalid', (_c, comment) => {
    expect(requestChanges(proposed(), EMPLOYEE, comment, T2)).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('when it has spaces around it, then they are dropped', () => {
    const sentBack = planOf(requestChanges(proposed(), EMPLOYEE, `  ${COMMENT}  `, T2));
    expect(sentBack.changeRequest?.comment).toBe(COMMENT);
  });

  it('when it is exactly as long as allowed, then it is kept', () => {
    const comment = 'x'.repeat(PLAN_LIMITS.changeRequestMax);
    expect(planOf(requestChanges(proposed(), EMPLOYEE, comment, T2)).changeRequest?.comment).toBe(
      comment,
    );
  });
});
