import type { AuditEntryView } from '../../core/privacy/audit';
import type { PersonalData } from '../../core/privacy/personalData';
import { ANNA, call, ERIK, MARIA, OLOF, storedPlan, usePlanApi } from './planApiFixtures';

/*
 * The audit trail, "Vem har sett min plan": who read or changed whose plan, visible to the
 * person concerned, never the content; one's own reads leave no entry.
 */

type AuditBody = { entries: AuditEntryView[] };

const auditOf = async (api: ReturnType<typeof usePlanApi>, who: typeof ANNA) =>
  ((await (await call(api.app, who, 'GET', '/me/audit')).json()) as AuditBody).entries;

describe('GET /me/audit', () => {
  const api = usePlanApi();

  it('when nobody else has looked, then Anna’s trail is empty, her own reading included', async () => {
    await call(api.app, ANNA, 'GET', `/people/${ANNA.id}/plan`);
    await call(api.app, ANNA, 'GET', '/me/plan');

    expect(await auditOf(api, ANNA)).toEqual([]);
  });

  it('when her manager opens her plan and its history, then Anna sees both, with the manager’s name, and none of the plan’s content', async () => {
    const plan = await storedPlan(api, ANNA);
    expect((await call(api.app, MARIA, 'GET', `/people/${ANNA.id}/plan`)).status).toBe(200);
    expect((await call(api.app, MARIA, 'GET', `/plans/${plan.id}/history`)).status).toBe(200);

    const entries = await auditOf(api, ANNA);

    expect(entries.map((e) => [e.actor, e.action])).toEqual([
      [{ id: MARIA.id, displayName: MARIA.displayName }, 'plan.history-viewed'],
      [{ id: MARIA.id, displayName: MARIA.displayName }, 'plan.viewed'],
    ]);
    expect(entries[1]?.details).toMatchObject({ via: 'tab', planId: plan.id });
    const text = JSON.stringify(entries);
    for (const goal of plan.goals) expect(text).not.toContain(goal.text);
  });

  it('when someone who may not see the plan asks for it, then the refusal leaves no entry', async () => {
    const before = await auditOf(api, ERIK);

    const response = await call(api.app, OLOF, 'GET', `/people/${ERIK.id}/plan`);

    expect(response.status).toBe(404);
    expect(await auditOf(api, ERIK)).toEqual(before);
  });

  it('when Maria asks for her own trail, then she sees what concerns her, not what she saw of Anna', async () => {
    const entries = await auditOf(api, MARIA);

    expect(entries.some((e) => e.action === 'plan.viewed')).toBe(false);
  });

  it('when Anna exports her data, then the access log is in it', async () => {
    const data = (await (await call(api.app, ANNA, 'GET', '/me/data')).json()) as PersonalData;

    expect(data.accessLog.map((e) => [e.actorId, e.action])).toEqual(
      expect.arrayContaining([
        [MARIA.id, 'plan.viewed'],
        [MARIA.id, 'plan.history-viewed'],
      ]),
    );
  });

  it.each([['?limit=0'], ['?limit=abc'], ['?personId=employee-erik']])(
    'when the query is %s, then it is refused with 400',
    async (query) => {
      const response = await call(api.app, ANNA, 'GET', `/me/audit${query}`);

      expect(response.status).toBe(400);
    },
  );
});
