import { DEMO_USER_HEADER } from '../../bot/api/identity';
import { GraphRequests } from '../../bot/graph/graphRequests';
import { provisionSharePointLists } from '../../bot/graph/sharePointLists';
import { SharePointPlanStore } from '../../bot/graph/sharePointPlanStore';
import type { Person } from '../../core/ports/directory';
import { FakeDirectory } from '../fakes/fakeDirectory';
import type { FakeGraph } from '../fakes/fakeGraph';
import { startTestService, type TestService } from '../support/inProcessService';
import {
  appTokens,
  graphServiceEnvironment,
  SITE_PATH,
  startSharePointRig,
  testTokens,
} from './graphSupport';

/**
 * The team view's cost on Graph: with plans in SharePoint, "mitt team" in the tab reads each
 * report's records in one request inside $batch (20 to a batch) and the unit's team plan in
 * one more, so N reports take at most ⌈N/20⌉ + 2 requests on the wire, counted here at the
 * sizes where batching turns over. (The directory is a fake here: its own Graph cost is one
 * $batch for the manager and ⌈N/999⌉ pages of direct reports, cached for a minute.)
 */

const TEAM_SIZES = [1, 20, 21, 200, 1000] as const;

const managerOf = (size: number): Person => ({
  id: `a0000000-0000-4000-8000-${String(size).padStart(12, '0')}`,
  displayName: `Chef för ${size}`,
  profileId: 'vgr',
  unitId: `unit-${size}`,
});

const reportsOf = (size: number): Person[] =>
  Array.from({ length: size }, (_, index) => ({
    id: `e0000000-${String(index).padStart(4, '0')}-4000-8000-${String(size).padStart(12, '0')}`,
    displayName: `Medarbetare ${index + 1}`,
    profileId: 'vgr',
    unitId: `unit-${size}`,
    managerId: managerOf(size).id,
  }));

let graph: FakeGraph;
let service: TestService;

beforeAll(async () => {
  ({ graph } = await startSharePointRig());
  const directory = new FakeDirectory();
  const requests = new GraphRequests({ tokens: testTokens, baseUrl: graph.url });
  const seeding = new SharePointPlanStore(
    requests,
    await provisionSharePointLists(requests, SITE_PATH),
  );
  for (const size of TEAM_SIZES) {
    const reports = reportsOf(size);
    directory.add(managerOf(size), ...reports);
    // Every report has a plan and a booked dialogue, so each person's read carries records.
    for (let start = 0; start < reports.length; start += 50) {
      await Promise.all(
        reports.slice(start, start + 50).map(async (report) => {
          await seeding.saveIndividualPlan(
            {
              id: `plan-${report.id}`,
              employeeId: report.id,
              managerId: managerOf(size).id,
              profileId: 'vgr',
              year: 2026,
              status: 'draft',
              version: 1,
              goals: [{ id: 'goal-1', text: 'Handleda nya kollegor', priorityAreaIds: [] }],
              activities: [],
              createdAt: '2026-02-01T09:00:00+01:00',
              updatedAt: '2026-02-01T09:00:00+01:00',
            },
            { expectedVersion: 0, savedBy: report.id },
          );
          await seeding.saveDialogue({
            id: `dialogue-${report.id}`,
            employeeId: report.id,
            managerId: managerOf(size).id,
            profileId: 'vgr',
            dialogueTypeId: 'medarbetarsamtal',
            year: 2026,
            scheduledAt: '2026-04-14T10:00:00+02:00',
            status: 'planned',
          });
        }),
      );
    }
  }
  service = await startTestService(
    graphServiceEnvironment(graph, { PLAN_STORE: 'graph', GRAPH_SITE_ID: SITE_PATH }),
    { graphTokens: appTokens('Sites.Selected'), directory },
  );
}, 120_000);

afterAll(async () => {
  await service?.stop();
  await graph.stop();
});

describe('the team view on SharePoint', () => {
  it.each(TEAM_SIZES)(
    'when a manager with %i reports opens "mitt team" in the tab, then Graph is asked at most ⌈N/20⌉ + 2 times and every report is shown with their plan',
    async (size) => {
      graph.resetCounts();

      const response = await fetch(`${service.url}/api/v1/me/team`, {
        headers: { [DEMO_USER_HEADER]: managerOf(size).id },
      });

      expect(response.status).toBe(200);
      const team = (await response.json()) as { members: { plan: { planId?: string } }[] };
      expect(team.members).toHaveLength(size);
      expect(team.members.every((m) => m.plan.planId?.startsWith('plan-'))).toBe(true);
      const budget = Math.ceil(size / 20) + 2;
      expect(graph.outerCount).toBeLessThanOrEqual(budget);
      // One read per report, so the count is not met by leaving people out.
      expect(graph.innerCount).toBe(size);
    },
  );
});
