import { randomUUID } from 'node:crypto';
import { GraphRequests } from '../../bot/graph/graphRequests';
import { provisionSharePointLists, type SharePointSite } from '../../bot/graph/sharePointLists';
import { SharePointPlanStore } from '../../bot/graph/sharePointPlanStore';
import { PlanStoreUnavailableError } from '../../core/ports/storeErrors';
import type { FakeGraph } from '../fakes/fakeGraph';
import { SITE_PATH, startSharePointRig, testTokens, VirtualTimers } from './graphSupport';

/**
 * Reads from SharePoint as Graph serves them: throttled inside a batch, paged, and failing
 * altogether. A team's records are complete or the read fails; never a silently short list.
 */

let graph: FakeGraph;
let site: SharePointSite;
let timers: VirtualTimers;

const storeWith = (pageSize?: number) => {
  const requests = new GraphRequests({ tokens: testTokens, baseUrl: graph.url, timers });
  return new SharePointPlanStore(requests, site, pageSize ? { pageSize } : {});
};

beforeEach(async () => {
  ({ graph } = await startSharePointRig());
  timers = new VirtualTimers();
  site = await provisionSharePointLists(
    new GraphRequests({ tokens: testTokens, baseUrl: graph.url, timers }),
    SITE_PATH,
  );
});

afterEach(async () => {
  await graph.stop();
});

async function employeeWithDialogues(count: number): Promise<string> {
  const employeeId = `employee-${randomUUID()}`;
  const store = storeWith();
  for (let day = 1; day <= count; day++) {
    await store.saveDialogue({
      id: `dialogue-${randomUUID()}`,
      employeeId,
      managerId: 'manager-1',
      profileId: 'vgr',
      dialogueTypeId: 'medarbetarsamtal',
      year: 2026,
      scheduledAt: `2026-04-${String(day).padStart(2, '0')}T10:00:00+02:00`,
      status: 'planned',
    });
  }
  return employeeId;
}

describe('reading a team from SharePoint', () => {
  it('when Graph throttles three of the batched reads, then only those three are sent again after Retry-After and the team is complete', async () => {
    const team = await Promise.all(Array.from({ length: 25 }, () => employeeWithDialogues(1)));
    graph.resetCounts();
    graph.inject(/\/items$/, { status: 429, retryAfter: '5' }, 3, 'GET');

    const records = await storeWith().readTeamRecords(team);

    expect(records.dialogues).toHaveLength(25);
    expect(graph.innerCount).toBe(25 + 3);
    expect(timers.sleeps).toEqual([5_000]);
  });

  it('when a person has more records than one page holds, then the read follows the nextLink to the last page', async () => {
    const [many, few] = [await employeeWithDialogues(5), await employeeWithDialogues(1)];
    graph.resetCounts();

    const records = await storeWith(2).readTeamRecords([many, few]);

    expect(records.dialogues.filter((d) => d.employeeId === many)).toHaveLength(5);
    expect(records.dialogues.filter((d) => d.employeeId === few)).toHaveLength(1);
    // Pages 2 and 3 of the first person come after the batch, on their own.
    expect(graph.outerCount).toBe(1 + 2);
    expect(graph.requests.filter((r) => !r.inBatch && r.query.has('$skiptoken')).length).toBe(2);
  });

  it('when one person’s read is refused inside the batch, then the whole read fails instead of showing the team without them', async () => {
    const team = [await employeeWithDialogues(1), await employeeWithDialogues(1)];
    graph.inject(/\/items$/, { status: 403, code: 'accessDenied' }, 1, 'GET');

    await expect(storeWith().readTeamRecords(team)).rejects.toMatchObject({ status: 403 });
  });

  it('when SharePoint stays down, then reads fail as "store unavailable", and once the circuit is open they fail without sending', async () => {
    const employee = await employeeWithDialogues(1);
    const store = storeWith();
    graph.inject(/\/items$/, { status: 500 }, 1_000, 'GET');

    await expect(store.listDialoguesForEmployee(employee)).rejects.toBeInstanceOf(
      PlanStoreUnavailableError,
    );
    const sent = graph.outerCount;
    await expect(store.listDialoguesForEmployee(employee)).rejects.toBeInstanceOf(
      PlanStoreUnavailableError,
    );
    expect(graph.outerCount).toBe(sent);
  });
});
