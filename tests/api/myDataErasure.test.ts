import type { ErasureReport } from '../../core/privacy/erasure';
import type { PersonalData } from '../../core/privacy/personalData';
import { ANNA, call, ERIK, MARIA, storedPlan, storeState, usePlanApi } from './planApiFixtures';

/*
 * "Radera mina data" (GDPR article 17) through the tab API: only with the explicit
 * confirmation, only the caller's own data, and the agreed plan as the profile says (VGR:
 * kept as the unit's record in its agreed version).
 */

describe('DELETE /me/data', () => {
  const api = usePlanApi();

  it.each([
    ['no body', undefined],
    ['an empty object', {}],
    ['the wrong word', { confirmation: 'yes' }],
    ['a confirmation with something more', { confirmation: 'erase-my-data', personId: ERIK.id }],
    ['not JSON at all', 'radera'],
  ])(
    'when the request carries %s, then it is refused with 400 and nothing is erased',
    async (_case, body) => {
      const before = await storeState(api);

      const response = await call(api.app, ANNA, 'DELETE', '/me/data', body);

      expect(response.status).toBe(400);
      expect(await storeState(api)).toBe(before);
    },
  );

  it('when nobody is signed in, then it is refused and nothing is erased', async () => {
    const before = await storeState(api);

    const response = await call(api.anonymous, undefined, 'DELETE', '/me/data', {
      confirmation: 'erase-my-data',
    });

    expect(response.status).toBe(401);
    expect(await storeState(api)).toBe(before);
  });

  it('when Anna confirms, then her reflections, answers and dialogues are gone, her agreed plan stays as the unit’s record in its agreed version, and Erik’s data is untouched', async () => {
    const annasPlan = await storedPlan(api, ANNA);
    const eriksPlan = await storedPlan(api, ERIK);
    const eriksDialogues = await api.app.plans.listDialoguesForEmployee(ERIK.id);

    const response = await call(api.app, ANNA, 'DELETE', '/me/data', {
      confirmation: 'erase-my-data',
    });

    expect(response.status).toBe(200);
    const report = (await response.json()) as ErasureReport;
    expect(report.agreedPlanOnErasure).toBe('keep-as-unit-record');
    expect(report.plans).toMatchObject({ keptAgreedPlans: 1, reflections: 2, dialogues: 1 });
    expect(report.plans.effectFollowUps).toBeGreaterThanOrEqual(2);
    const { plans } = api.app;
    expect(await plans.listReflections(ANNA.id)).toEqual([]);
    expect(await plans.listDialoguesForEmployee(ANNA.id)).toEqual([]);
    expect(await plans.listEffectFollowUps([annasPlan.id])).toEqual([]);
    expect((await plans.getIndividualPlanById(annasPlan.id))?.status).toBe('agreed');
    expect(await storedPlan(api, ERIK)).toEqual(eriksPlan);
    expect(await plans.listDialoguesForEmployee(ERIK.id)).toEqual(eriksDialogues);
  });

  it('when Anna exports after erasing, then only the kept agreed plan and the record of her erasure are left', async () => {
    const response = await call(api.app, ANNA, 'GET', '/me/data');

    const data = (await response.json()) as PersonalData;
    expect(data.reflections).toEqual([]);
    expect(data.dialogues).toEqual([]);
    expect(data.individualPlans.map((p) => p.plan.status)).toEqual(['agreed']);
    expect(data.individualPlans[0]?.versions).toHaveLength(1);
    expect(data.accessLog.map((entry) => entry.action)).toContain('personal-data.erased');
  });

  it('when her manager asks for her plan after the erasure, then the agreed plan is still there for the unit', async () => {
    const response = await call(api.app, MARIA, 'GET', `/people/${ANNA.id}/plan`);

    expect(response.status).toBe(200);
    const body = (await response.json()) as { plan: { status: string } | null };
    expect(body.plan?.status).toBe('agreed');
  });

  it('when Anna erases a second time, then it succeeds and finds nothing more to erase', async () => {
    const response = await call(api.app, ANNA, 'DELETE', '/me/data', {
      confirmation: 'erase-my-data',
    });

    expect(response.status).toBe(200);
    const report = (await response.json()) as ErasureReport;
    expect(report.plans).toMatchObject({ individualPlans: 0, reflections: 0, dialogues: 0 });
  });
});
