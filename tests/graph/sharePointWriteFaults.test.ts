import { randomUUID } from 'node:crypto';
import { GraphRequests } from '../../bot/graph/graphRequests';
import { provisionSharePointLists, SHAREPOINT_LISTS } from '../../bot/graph/sharePointLists';
import { SharePointPlanStore } from '../../bot/graph/sharePointPlanStore';
import type { Dialogue } from '../../core/plan/dialogue';
import type { IndividualPlan } from '../../core/plan/individualPlan';
import { PlanStoreUnavailableError } from '../../core/ports/storeErrors';
import type { FakeGraph, GraphFault } from '../fakes/fakeGraph';
import type { FakeSharePoint } from '../fakes/fakeSharePoint';
import { SITE_PATH, startSharePointRig, testTokens, VirtualTimers } from './graphSupport';

/**
 * Every kind of write to SharePoint meets each fault Graph documents: a 412 from a changed
 * ETag, a 429 and a 503 with Retry-After, and a connection dropped before or after the item
 * was written. Nothing may be lost or written twice; when Graph stays down the caller gets
 * PlanStoreUnavailableError (the person is told) and what was stored is unchanged.
 */

let graph: FakeGraph;
let sharePoint: FakeSharePoint;
let siteId: string;
let timers: VirtualTimers;
let store: SharePointPlanStore;

beforeAll(async () => {
  ({ graph, sharePoint, siteId } = await startSharePointRig());
  timers = new VirtualTimers();
  const requests = new GraphRequests({
    tokens: testTokens,
    baseUrl: graph.url,
    timers,
    // A dropped connection is noticed at once rather than after the default 10 s.
    attemptTimeoutMs: 2_000,
  });
  store = new SharePointPlanStore(requests, await provisionSharePointLists(requests, SITE_PATH));
});

afterAll(async () => {
  await graph.stop();
});

beforeEach(() => {
  graph.clearFaults();
  timers.sleeps.length = 0;
});

function plan(overrides: Partial<IndividualPlan> = {}): IndividualPlan {
  return {
    id: `plan-${randomUUID()}`,
    employeeId: `employee-${randomUUID()}`,
    managerId: 'manager-1',
    profileId: 'vgr',
    year: 2026,
    status: 'draft',
    version: 1,
    goals: [{ id: 'goal-1', text: 'Handleda nya kollegor', priorityAreaIds: [] }],
    activities: [],
    createdAt: '2026-02-01T09:00:00+01:00',
    updatedAt: '2026-02-01T09:00:00+01:00',
    ...overrides,
  };
}

function dialogue(): Dialogue {
  return {
    id: `dialogue-${randomUUID()}`,
    employeeId: `employee-${randomUUID()}`,
    managerId: 'manager-1',
    profileId: 'vgr',
    dialogueTypeId: 'medarbetarsamtal',
    year: 2026,
    scheduledAt: '2026-04-14T10:00:00+02:00',
    status: 'planned',
  };
}

const documentItems = (key: string) =>
  sharePoint
    .items(siteId, SHAREPOINT_LISTS.documents.displayName)
    .filter((item) => item.fields['DocumentKey'] === key);

/** One write, what it is expected to leave behind, and the request a fault is put on. */
interface Write {
  name: string;
  /** The request the fault meets: the item's create (POST) or its update (PATCH). */
  method: 'POST' | 'PATCH';
  arrange(): Promise<() => Promise<void>>;
  /** After the write succeeded (or after it failed, with `written` false). */
  check(written: boolean): Promise<void>;
}

function writes(): Write[] {
  let created: IndividualPlan;
  let updated: IndividualPlan;
  let booked: Dialogue;
  let moved: Dialogue;
  let reflectionId: string;
  let personId: string;
  let unitId: string;
  let answeredPlanId: string;
  return [
    {
      name: 'a new team plan',
      method: 'POST',
      arrange: async () => {
        unitId = `unit-${randomUUID()}`;
        return async () => {
          await store.saveTeamPlan(
            {
              id: `team-plan-${randomUUID()}`,
              unitId,
              profileId: 'vgr',
              year: 2026,
              unitGoals: [{ id: 'unit-goal-1', text: 'Säker digital dokumentation' }],
              neededCompetences: [],
              version: 1,
              updatedAt: '2026-02-01T09:00:00+01:00',
              updatedBy: 'manager-1',
            },
            { expectedVersion: 0, savedBy: 'manager-1' },
          );
        };
      },
      check: async (written) => {
        expect((await store.getTeamPlan(unitId, 2026))?.version).toBe(written ? 1 : undefined);
      },
    },
    {
      name: 'an effect follow-up answer',
      method: 'POST',
      arrange: async () => {
        answeredPlanId = `plan-${randomUUID()}`;
        return () =>
          store.saveEffectFollowUp({
            id: `follow-up-${randomUUID()}`,
            personId: 'employee-1',
            planId: answeredPlanId,
            activityId: 'activity-1',
            learned: 'Att skriva kortare anteckningar.',
            visibility: 'private',
            answeredAt: '2026-07-01T10:00:00+02:00',
          });
      },
      check: async (written) => {
        expect(await store.listEffectFollowUps([answeredPlanId])).toHaveLength(written ? 1 : 0);
      },
    },
    {
      name: 'a new individual plan',
      method: 'POST',
      arrange: async () => {
        created = plan();
        return async () => {
          await store.saveIndividualPlan(created, { expectedVersion: 0, savedBy: 'anna' });
        };
      },
      check: async (written) => {
        expect(documentItems(`individual-plan:${created.id}`)).toHaveLength(written ? 1 : 0);
        expect((await store.individualPlanHistory(created.id)).map((r) => r.version)).toEqual(
          written ? [1] : [],
        );
      },
    },
    {
      name: 'a change to an individual plan',
      method: 'PATCH',
      arrange: async () => {
        updated = await store.saveIndividualPlan(plan(), { expectedVersion: 0, savedBy: 'anna' });
        return async () => {
          await store.saveIndividualPlan(
            {
              ...updated,
              goals: [{ id: 'goal-2', text: 'Leda reflektionsgrupper', priorityAreaIds: [] }],
            },
            { expectedVersion: 1, savedBy: 'anna' },
          );
        };
      },
      check: async (written) => {
        const stored = await store.getIndividualPlanById(updated.id);
        expect([stored?.version, stored?.goals[0]?.id]).toEqual(
          written ? [2, 'goal-2'] : [1, 'goal-1'],
        );
        expect((await store.individualPlanHistory(updated.id)).map((r) => r.version)).toEqual(
          written ? [1, 2] : [1],
        );
      },
    },
    {
      name: 'a booked dialogue',
      method: 'POST',
      arrange: async () => {
        booked = dialogue();
        return () => store.saveDialogue(booked);
      },
      check: async (written) => {
        expect(documentItems(`dialogue:${booked.id}`)).toHaveLength(written ? 1 : 0);
        expect(await store.getDialogue(booked.id)).toEqual(written ? booked : undefined);
      },
    },
    {
      name: 'a moved dialogue',
      method: 'PATCH',
      arrange: async () => {
        const first = dialogue();
        await store.saveDialogue(first);
        moved = { ...first, scheduledAt: '2026-04-21T10:00:00+02:00' };
        return () => store.saveDialogue(moved);
      },
      check: async (written) => {
        expect((await store.getDialogue(moved.id))?.scheduledAt).toBe(
          written ? moved.scheduledAt : '2026-04-14T10:00:00+02:00',
        );
      },
    },
    {
      name: 'a reflection',
      method: 'POST',
      arrange: async () => {
        reflectionId = `reflection-${randomUUID()}`;
        personId = `employee-${randomUUID()}`;
        return () =>
          store.addReflection({
            id: reflectionId,
            personId,
            principle: 'activating',
            promptId: 'what-did-you-try',
            text: 'Jag provade simuleringsövningen.',
            visibility: 'private',
            createdAt: '2026-03-01T10:00:00+01:00',
            context: 'everyday',
          });
      },
      check: async (written) => {
        expect((await store.listReflections(personId)).map((r) => r.id)).toEqual(
          written ? [reflectionId] : [],
        );
      },
    },
  ];
}

const RECOVERABLE: [string, GraphFault][] = [
  ['a 412 (the ETag changed in between)', { status: 412, code: 'preconditionFailed' }],
  ['a 429 with Retry-After', { status: 429, retryAfter: '7' }],
  ['a 503 with Retry-After', { status: 503, retryAfter: '3' }],
  ['a connection dropped before the write', { drop: true }],
  ['a connection dropped after the write landed', { drop: true, afterWork: true }],
];

describe('writes to SharePoint under faults', () => {
  const cases = writes().flatMap((write) =>
    RECOVERABLE
      // A create has no ETag to be stale: a 412 can only meet an update.
      .filter(
        ([, fault]) => !('status' in fault && fault.status === 412) || write.method === 'PATCH',
      )
      .map(([faultName, fault]) => [write.name, faultName, write, fault] as const),
  );

  it.each(cases)(
    'when saving %s meets %s, then it is saved exactly once',
    async (_w, _f, write, fault) => {
      const act = await write.arrange();
      const path = write.method === 'POST' ? /\/items$/ : /\/items\/[^/]+\/fields$/;
      graph.inject(path, fault, 1, write.method);

      await act();

      await write.check(true);
      if ('retryAfter' in fault) expect(timers.sleeps).toContain(Number(fault.retryAfter) * 1000);
    },
  );

  it.each(writes().map((write) => [write.name, write] as const))(
    'when saving %s meets a Graph that stays down, then the caller is told the store is unavailable and nothing changed',
    async (_w, write) => {
      const act = await write.arrange();
      const path = write.method === 'POST' ? /\/items$/ : /\/items\/[^/]+\/fields$/;
      graph.inject(path, { status: 503, retryAfter: '10' }, 1_000, write.method);

      await expect(act()).rejects.toBeInstanceOf(PlanStoreUnavailableError);

      graph.clearFaults();
      await write.check(false);
    },
  );

  it('when the version record is dropped after it landed, then the history still has each version once', async () => {
    const saved = await store.saveIndividualPlan(plan(), { expectedVersion: 0, savedBy: 'anna' });
    // The document's PATCH goes through; the next POST to items is the version record.
    graph.inject(/\/items$/, { drop: true, afterWork: true }, 1, 'POST');

    await store.saveIndividualPlan(
      { ...saved, status: 'proposed', followUpDate: '2026-09-01' },
      {
        expectedVersion: 1,
        savedBy: 'anna',
      },
    );

    expect((await store.individualPlanHistory(saved.id)).map((r) => r.version)).toEqual([1, 2]);
  });
});
