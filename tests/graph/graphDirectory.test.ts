import { GraphDirectory, type GraphDirectoryOptions } from '../../bot/directory/graphDirectory';
import { FakeGraph, type FakeGraphUser } from '../fakes/fakeGraph';
import { graphRequestsFor, VirtualTimers } from './graphSupport';

const BIRGITTA: FakeGraphUser = {
  id: 'birgitta',
  displayName: 'Birgitta Holm',
  mail: 'birgitta.holm@vgregion.se',
  jobTitle: 'Enhetschef',
  department: 'Medicinavdelning 32',
  managerId: 'cecilia',
};
const CECILIA: FakeGraphUser = { id: 'cecilia', displayName: 'Cecilia Ek', department: 'Ledning' };
const ANNA: FakeGraphUser = {
  id: 'anna',
  displayName: 'Anna Lind',
  mail: 'anna.lind@vgregion.se',
  jobTitle: 'Sjuksköterska',
  department: 'Medicinavdelning 32',
  managerId: 'birgitta',
};
const DAVID: FakeGraphUser = { id: 'david', displayName: 'David Berg', managerId: 'birgitta' };

let graph: FakeGraph;
let timers: VirtualTimers;

beforeAll(async () => {
  graph = await FakeGraph.start();
});

afterAll(() => graph.stop());

beforeEach(() => {
  graph.clearFaults();
  timers = new VirtualTimers();
});

/** A fresh organisation and a directory with an empty cache, counting from zero. */
async function directory(options: Partial<GraphDirectoryOptions> = {}): Promise<GraphDirectory> {
  await graph.stop();
  graph = await FakeGraph.start();
  graph.addUsers(BIRGITTA, CECILIA, ANNA, DAVID);
  return new GraphDirectory(graphRequestsFor(graph, timers), {
    defaultProfileId: 'vgr',
    now: () => timers.now(),
    ...options,
  });
}

describe('GraphDirectory: people', () => {
  it('when a person is looked up, then their Entra user becomes a Person (mail → email, department → unit, manager from /manager) in one request on the wire', async () => {
    const people = await directory();

    await expect(people.findPerson('anna')).resolves.toEqual({
      id: 'anna',
      displayName: 'Anna Lind',
      email: 'anna.lind@vgregion.se',
      jobTitle: 'Sjuksköterska',
      unitId: 'Medicinavdelning 32',
      profileId: 'vgr',
      managerId: 'birgitta',
    });
    expect(graph.outerCount).toBe(1);
    expect(graph.requests.filter((r) => r.inBatch).map((r) => r.path)).toEqual([
      '/v1.0/users/anna',
      '/v1.0/users/anna/manager',
    ]);
  });

  it('when a person is not in Entra, then there is no such person', async () => {
    const people = await directory();

    await expect(people.findPerson('nobody')).resolves.toBeUndefined();
    await expect(people.managerOf('nobody')).resolves.toBeUndefined();
  });

  it('when someone has a manager, then managerOf gives the manager as a Person', async () => {
    const people = await directory();

    await expect(people.managerOf('anna')).resolves.toMatchObject({
      id: 'birgitta',
      displayName: 'Birgitta Holm',
      managerId: 'cecilia',
    });
  });

  it('when someone has no manager (Graph answers 404 on /manager), then managerOf gives none', async () => {
    const people = await directory();

    await expect(people.findPerson('cecilia')).resolves.not.toHaveProperty('managerId');
    await expect(people.managerOf('cecilia')).resolves.toBeUndefined();
  });

  it('when the tenant names each person’s profile in an extension attribute, then a known profile is used and anything else falls back to the default', async () => {
    const attribute = 'extension_b1e2_kompetensdialogProfile';
    const people = await directory({
      profileAttribute: attribute,
      knownProfileIds: ['vgr', 'vasterbotten'],
    });
    graph.updateUser('anna', { extra: { [attribute]: 'vasterbotten' } });
    graph.updateUser('david', { extra: { [attribute]: 'atlantis' } });

    await expect(people.findPerson('anna')).resolves.toMatchObject({ profileId: 'vasterbotten' });
    await expect(people.findPerson('david')).resolves.toMatchObject({ profileId: 'vgr' });
    await expect(people.findPerson('birgitta')).resolves.toMatchObject({ profileId: 'vgr' });
  });

  it('when 25 people are looked up together, then they come in ⌈25/10⌉ = 3 batches', async () => {
    const people = await directory();
    graph.addUsers(
      ...Array.from({ length: 25 }, (_, i) => ({ id: `p${i}`, displayName: `P ${i}` })),
    );
    graph.resetCounts();

    const found = await people.findPeople(Array.from({ length: 25 }, (_, i) => `p${i}`));

    expect(found.size).toBe(25);
    expect(graph.outerCount).toBe(3);
  });
});

describe('GraphDirectory: direct reports', () => {
  it('when a manager has 250 direct reports, then all are read through nextLink in ⌈250/100⌉ = 3 pages, each knowing its manager', async () => {
    const people = await directory();
    graph.addUsers(
      ...Array.from({ length: 250 }, (_, i) => ({
        id: `e${String(i).padStart(3, '0')}`,
        displayName: `Employee ${i}`,
        managerId: 'big-boss',
      })),
      { id: 'big-boss', displayName: 'Big Boss' },
    );
    graph.resetCounts();

    const reports = await people.directReportsOf('big-boss');

    expect(reports).toHaveLength(250);
    expect(new Set(reports.map((p) => p.id)).size).toBe(250);
    expect(reports.every((p) => p.managerId === 'big-boss' && p.profileId === 'vgr')).toBe(true);
    expect(graph.outerCount).toBe(3);
    expect(graph.requests.map((r) => r.query.get('$top'))).toEqual(['100', '100', '100']);
  });

  it('when an organisational contact reports to the manager, then it is left out (it cannot sign in)', async () => {
    const people = await directory();
    graph.addContact({ id: 'vikarie', displayName: 'Bemanningsbolaget', managerId: 'birgitta' });

    const reports = await people.directReportsOf('birgitta');

    expect(reports.map((p) => p.id).sort()).toEqual(['anna', 'david']);
  });

  it('when a team view reads the reports and then each member, then the members come from the cache: one request in all', async () => {
    const people = await directory();

    const reports = await people.directReportsOf('birgitta');
    for (const report of reports) await people.findPerson(report.id);

    expect(graph.outerCount).toBe(1);
  });

  it('when the manager is unknown to Entra, then they have no direct reports', async () => {
    const people = await directory();

    await expect(people.directReportsOf('nobody')).resolves.toEqual([]);
  });
});

describe('GraphDirectory: everyone, for the organisation’s figures', () => {
  it('when everyone is listed, then every enabled member account comes back over all pages, guests and disabled accounts left out', async () => {
    const people = await directory();
    graph.addUsers(
      ...Array.from({ length: 1200 }, (_, i) => ({
        id: `p${String(i).padStart(4, '0')}`,
        displayName: `Person ${i}`,
        department: i % 2 === 0 ? 'Akuten' : 'Vårdcentral Norr',
      })),
      { id: 'guest', displayName: 'Konsult', userType: 'Guest' as const },
      { id: 'left', displayName: 'Slutat', accountEnabled: false },
    );
    graph.resetCounts();

    const everyone = await people.listPeople();

    expect(everyone).toHaveLength(1204);
    expect(everyone.map((p) => p.id)).not.toContain('guest');
    expect(everyone.map((p) => p.id)).not.toContain('left');
    expect(everyone.find((p) => p.id === 'p0001')).toEqual({
      id: 'p0001',
      displayName: 'Person 1',
      unitId: 'Vårdcentral Norr',
      profileId: 'vgr',
    });
    expect(graph.outerCount).toBe(2);
    expect(graph.requests.map((r) => r.query.get('$top'))).toEqual(['999', '999']);
  });
});

describe('GraphDirectory: the cache follows the organisation within the TTL', () => {
  it('when a person is asked for again within 60 s, then Graph is not asked again; after 60 s a new manager in Entra is seen', async () => {
    const people = await directory();
    await people.findPerson('anna');

    graph.setManager('anna', 'cecilia');
    timers.advance(59_000);
    await expect(people.findPerson('anna')).resolves.toMatchObject({ managerId: 'birgitta' });
    expect(graph.outerCount).toBe(1);

    timers.advance(1_000);
    await expect(people.findPerson('anna')).resolves.toMatchObject({ managerId: 'cecilia' });
    expect(graph.outerCount).toBe(2);
  });

  it('when direct reports are asked for again after the TTL, then someone who moved to another manager is gone', async () => {
    const people = await directory();
    await people.directReportsOf('birgitta');
    graph.setManager('david', 'cecilia');

    await expect(people.directReportsOf('birgitta')).resolves.toHaveLength(2);
    timers.advance(60_000);
    const after = await people.directReportsOf('birgitta');

    expect(after.map((p) => p.id)).toEqual(['anna']);
    expect(graph.outerCount).toBe(2);
  });

  it('when the same person is asked for by several turns at once, then Graph is asked once', async () => {
    const people = await directory();

    await Promise.all([people.findPerson('anna'), people.findPerson('anna')]);

    expect(graph.outerCount).toBe(1);
  });

  it('when the cache is full, then the person stored longest ago makes room and is fetched again when needed', async () => {
    const people = await directory({ cacheSize: 2 });
    await people.findPerson('anna');
    await people.findPerson('david');
    await people.findPerson('cecilia');

    await people.findPerson('david');
    expect(graph.outerCount).toBe(3);
    await people.findPerson('anna');
    expect(graph.outerCount).toBe(4);
  });

  it('when Graph throttles a batched lookup, then the person still comes back after Graph’s wait', async () => {
    const people = await directory();
    graph.inject(/^\/v1\.0\/users\/anna\/manager$/, { status: 429, retryAfter: '2' });

    await expect(people.findPerson('anna')).resolves.toMatchObject({ managerId: 'birgitta' });

    expect(timers.sleeps).toEqual([2_000]);
  });
});
