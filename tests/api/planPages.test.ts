import {
  PlanHistoryResponseSchema,
  PlanPageResponseSchema,
  type PlanPageResponse,
} from '../../bot/api/contract';
import type { Person } from '../../core/ports/directory';
import { activity } from '../core/planBuilders';
import {
  ANNA,
  ANNA_PRIVATE_FOLLOW_UP,
  ANNA_PRIVATE_REFLECTION,
  ANNA_SHARED_FOLLOW_UP,
  ANNA_SHARED_REFLECTION,
  annaPlan,
  call,
  ERIK,
  erikProposal,
  givenPlan,
  MARIA,
  NILS,
  PRIVATE_MARK,
  storedPlan,
  usePlanApi,
  YEAR,
} from './planApiFixtures';

/*
 * The plan pages: the employee's own (everything of theirs) and their manager's copy (the
 * plan and the shared reflections and follow-ups, never a private one, and nothing to change).
 */

describe('the plan pages GET /me/plan and GET /people/{employeeId}/plan', () => {
  const api = usePlanApi();

  async function page(as: Person, path: string): Promise<{ text: string; body: PlanPageResponse }> {
    const response = await call(api.app, as, 'GET', path);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const text = await response.text();
    return { text, body: PlanPageResponseSchema.parse(JSON.parse(text)) };
  }

  it('when Anna opens her own page, then she sees her plan, its versions, her cycle and every reflection and follow-up', async () => {
    const stored = await storedPlan(api, ANNA);

    const { body } = await page(ANNA, '/me/plan');

    expect(body.employee).toEqual({
      id: ANNA.id,
      displayName: ANNA.displayName,
      jobTitle: ANNA.jobTitle,
    });
    expect(body.manager).toMatchObject({ id: MARIA.id, displayName: MARIA.displayName });
    expect(body).toMatchObject({ profileId: 'vgr', year: YEAR, plan: stored });
    expect(body.history[0]).toMatchObject({
      version: stored.version,
      savedByName: MARIA.displayName,
      status: 'agreed',
    });
    expect(body.cycle).toEqual([
      {
        dialogueTypeId: 'medarbetarsamtal',
        status: 'held',
        scheduledAt: '2026-02-10T09:30:00+01:00',
      },
      { dialogueTypeId: 'uppfoljning', status: 'not-planned' },
    ]);
    expect(body.reflections).toEqual([ANNA_SHARED_REFLECTION, ANNA_PRIVATE_REFLECTION]);
    expect(body.followUps).toEqual({
      answers: [ANNA_SHARED_FOLLOW_UP, ANNA_PRIVATE_FOLLOW_UP],
      unansweredActivityIds: [],
    });
    expect(body.canEdit).toEqual({
      activityStatus: true,
      reflections: true,
      answerProposal: false,
    });
  });

  it('when Maria opens Anna’s page, then she sees the plan and only the shared reflection and follow-up', async () => {
    const { text, body } = await page(MARIA, `/people/${ANNA.id}/plan`);

    expect(body.employee.id).toBe(ANNA.id);
    expect(body.plan?.id).toBe('plan-anna');
    expect(body.reflections).toEqual([ANNA_SHARED_REFLECTION]);
    expect(text).not.toContain(ANNA_PRIVATE_REFLECTION.text);
    expect(text).not.toContain(ANNA_PRIVATE_REFLECTION.id);
    expect(body.followUps.answers).toEqual([ANNA_SHARED_FOLLOW_UP]);
    expect(text).not.toContain(ANNA_PRIVATE_FOLLOW_UP.learned);
    expect(text).not.toContain(ANNA_PRIVATE_FOLLOW_UP.id);
    expect(body.canEdit).toEqual({
      activityStatus: false,
      reflections: false,
      answerProposal: false,
    });
  });

  it('when Anna adds a private reflection, then her page has it and Maria’s copy still does not', async () => {
    const added = await call(api.app, ANNA, 'POST', '/me/reflections', {
      principle: 'sustainable',
      text: `${PRIVATE_MARK} trött efter nattpassen`,
    });
    expect(added.status).toBe(201);

    const own = await page(ANNA, '/me/plan');
    const managers = await page(MARIA, `/people/${ANNA.id}/plan`);

    expect(own.text).toContain('trött efter nattpassen');
    expect(managers.text).not.toContain(PRIVATE_MARK + ' trött');
    expect(managers.body.reflections.every((r) => r.visibility === 'shared-with-manager')).toBe(
      true,
    );
  });

  it.each([
    ['a proposed plan', ERIK, { activityStatus: false, reflections: true, answerProposal: true }],
    ['no plan yet', NILS, { activityStatus: false, reflections: true, answerProposal: false }],
  ])('when the employee has %s, then the page offers what fits', async (_what, who, canEdit) => {
    const { body } = await page(who, '/me/plan');

    expect(body.canEdit).toEqual(canEdit);
  });

  it('when nobody has written a plan for Nils, then his page has no plan, no versions and no manager', async () => {
    const { body } = await page(NILS, '/me/plan');

    expect(body).toMatchObject({ plan: null, history: [], manager: null, reflections: [] });
    expect(body.cycle.map((entry) => entry.status)).toEqual(['not-planned', 'not-planned']);
  });

  it('when the employee asks for /people/{own id}/plan, then it is their own page', async () => {
    const viaPeople = await page(ANNA, `/people/${ANNA.id}/plan`);
    const viaMe = await page(ANNA, '/me/plan');

    expect(viaPeople.body).toEqual(viaMe.body);
  });

  it('when due dates have passed, then both pages name the activities whose follow-up is still open, a private answer counting as answered', async () => {
    // NOW is 10 March: activities 1 and 2 are answered (privately, and shared), 3 is open,
    // 4 was cancelled, and 5 is due today, so not yet passed.
    await givenPlan(
      api.app.plans,
      annaPlan({
        activities: [
          activity(1, { dueDate: '2026-03-02' }),
          activity(2, { dueDate: '2026-03-05', status: 'done' }),
          activity(3, { dueDate: '2026-03-09' }),
          activity(4, { dueDate: '2026-03-09', status: 'cancelled' }),
          activity(5, { dueDate: '2026-03-10' }),
        ],
      }),
    );
    try {
      const own = await page(ANNA, '/me/plan');
      const managers = await page(MARIA, `/people/${ANNA.id}/plan`);

      expect(own.body.followUps.unansweredActivityIds).toEqual(['activity-3']);
      expect(managers.body.followUps).toEqual({
        answers: [ANNA_SHARED_FOLLOW_UP],
        unansweredActivityIds: ['activity-3'],
      });
    } finally {
      await givenPlan(api.app.plans, annaPlan());
    }
  });

  it('when a proposal was never agreed, then none of its follow-ups is open, however late its dates', async () => {
    await givenPlan(
      api.app.plans,
      erikProposal({ activities: [activity(1, { dueDate: '2026-03-02' })] }),
    );
    try {
      const { body } = await page(ERIK, '/me/plan');

      expect(body.followUps).toEqual({ answers: [], unansweredActivityIds: [] });
    } finally {
      await givenPlan(api.app.plans, erikProposal());
    }
  });

  it('when the manager is drafting a new version, then the employee may not update activities', async () => {
    const agreed = await storedPlan(api, ANNA);
    await givenPlan(api.app.plans, { ...agreed, status: 'draft' });
    try {
      const { body } = await page(ANNA, '/me/plan');
      expect(body.plan?.status).toBe('draft');
      expect(body.canEdit.activityStatus).toBe(false);
    } finally {
      await givenPlan(api.app.plans, annaPlan());
    }
  });
});

describe('the plan history GET /plans/{planId}/history', () => {
  const api = usePlanApi();

  it.each([
    ['the employee', ANNA],
    ['her manager', MARIA],
  ])('when %s asks, then every version comes newest first with who saved it', async (_who, as) => {
    const agreed = await storedPlan(api, ANNA);
    await givenPlan(api.app.plans, { ...agreed, status: 'draft' });
    await givenPlan(api.app.plans, annaPlan());
    const history = await api.app.plans.individualPlanHistory('plan-anna');

    const response = await call(api.app, as, 'GET', '/plans/plan-anna/history');

    expect(response.status).toBe(200);
    const { versions } = PlanHistoryResponseSchema.parse(await response.json());
    expect(versions.map((v) => v.version)).toEqual(history.map((r) => r.version).reverse());
    expect(versions.slice(0, 2).map((v) => v.status)).toEqual(['agreed', 'draft']);
    expect(versions.every((v) => v.savedByName === MARIA.displayName)).toBe(true);
  });

  it('when someone who saved a version has left the directory, then that version has no name', async () => {
    const plan = await storedPlan(api, ANNA);
    await api.app.plans.saveIndividualPlan(plan, {
      expectedVersion: plan.version,
      savedBy: 'former-manager',
    });

    const response = await call(api.app, ANNA, 'GET', '/plans/plan-anna/history');

    const { versions } = PlanHistoryResponseSchema.parse(await response.json());
    expect(versions[0]).toMatchObject({ version: plan.version + 1, savedByName: '' });
  });
});
