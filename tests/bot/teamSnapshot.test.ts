import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Person } from '../../core/ports/directory';
import { openDatabase } from '../../bot/storage/openDatabase';
import type { SqlDatabase } from '../../bot/storage/sqlDatabase';
import { SqlPlanStore } from '../../bot/storage/sqlPlanStore';
import { loadTeamSnapshot } from '../../bot/team/teamSnapshot';
import type { FlowDependencies } from '../../bot/flowDependencies';
import { FakeDirectory } from '../fakes/fakeDirectory';
import { agreedPlan, dialogue, draftPlan, goal } from '../core/planBuilders';
import { flowDependenciesOver } from '../support/flowDependencies';

const MARIA = 'manager-maria';
const person = (id: string, managerId?: string): Person => ({
  id,
  displayName: id,
  profileId: 'vgr',
  unitId: 'unit-1',
  ...(managerId ? { managerId } : {}),
});

describe('the team snapshot read for "mitt team" and the team plan', () => {
  let dataDir: string;
  let db: SqlDatabase;
  let deps: FlowDependencies;
  let directory: FakeDirectory;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'kd-snapshot-'));
    db = await openDatabase({ kind: 'embedded', dataDir });
    const plans = new SqlPlanStore(db);
    directory = new FakeDirectory([
      person(MARIA),
      person('employee-anna', MARIA),
      person('employee-erik', MARIA),
      person('employee-olle', 'manager-olof'),
      person('manager-olof'),
    ]);
    deps = flowDependenciesOver(db, { directory, now: new Date('2026-11-25T10:00:00+01:00') });

    // Anna's plan was agreed, and a second version is now being drafted with a new goal.
    const agreed = agreedPlan({ employeeId: 'employee-anna', managerId: MARIA, version: 1 });
    const stored = await plans.saveIndividualPlan(agreed, { expectedVersion: 0, savedBy: MARIA });
    await plans.saveIndividualPlan(
      { ...stored, status: 'draft', goals: [goal(1, { text: 'Ett nytt mål i utkastet' })] },
      { expectedVersion: stored.version, savedBy: MARIA },
    );
    // Erik has a draft that was never agreed; Olle is in another team.
    await plans.saveIndividualPlan(
      draftPlan({ id: 'plan-erik', employeeId: 'employee-erik', managerId: MARIA }),
      {
        expectedVersion: 0,
        savedBy: MARIA,
      },
    );
    await plans.saveIndividualPlan(
      agreedPlan({ employeeId: 'employee-olle', managerId: 'manager-olof' }),
      { expectedVersion: 0, savedBy: 'manager-olof' },
    );
    await plans.saveDialogue(dialogue({ employeeId: 'employee-anna', managerId: MARIA }));
    await plans.saveDialogue(dialogue({ employeeId: 'employee-erik', managerId: MARIA }));
  });

  afterAll(async () => {
    await db.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('counts the agreed version of a plan under revision, not the draft, and no unagreed plan', async () => {
    const snapshot = await loadTeamSnapshot(deps, MARIA);
    expect(snapshot?.agreedPlans.map((plan) => [plan.employeeId, plan.version])).toEqual([
      ['employee-anna', 1],
    ]);
    expect(snapshot?.agreedPlans[0]?.goals[0]?.text).not.toBe('Ett nytt mål i utkastet');
    expect(snapshot?.plans.map((plan) => [plan.employeeId, plan.status]).sort()).toEqual([
      ['employee-anna', 'draft'],
      ['employee-erik', 'draft'],
    ]);
  });

  it('reads the year and the day in Stockholm, and only the reports the directory lists now', async () => {
    directory.moveTo('employee-erik', 'manager-olof');
    try {
      const snapshot = await loadTeamSnapshot(deps, MARIA);
      expect(snapshot && { year: snapshot.year, today: snapshot.today }).toEqual({
        year: 2026,
        today: '2026-11-25',
      });
      expect(snapshot?.reports.map((report) => report.id)).toEqual(['employee-anna']);
      expect(snapshot?.dialogues.map((d) => d.employeeId)).toEqual(['employee-anna']);
      expect(snapshot?.plans.map((plan) => plan.employeeId)).toEqual(['employee-anna']);
    } finally {
      directory.moveTo('employee-erik', MARIA);
    }
  });

  it('is nothing for someone with no direct reports', async () => {
    expect(await loadTeamSnapshot(deps, 'employee-anna')).toBeUndefined();
  });
});
