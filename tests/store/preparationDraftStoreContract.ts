import { getProfile } from '../../core/profiles/profiles';
import { changeStatus, goBack, startPreparation } from '../../core/preparation/preparation';
import type { PreparationDraft } from '../../core/preparation/draft';
import type { SqlDatabase } from '../../bot/storage/sqlDatabase';
import { CachedPreparationDrafts } from '../../bot/storage/cachedPreparationDrafts';
import { SqlPreparationDraftStore } from '../../bot/storage/sqlPreparationDraftStore';

let counter = 0;
const uniqueId = (prefix: string): string => `${prefix}-${Date.now()}-${++counter}`;
const NOW = '2026-03-02T09:00:00+01:00';

function draft(employeeId = uniqueId('employee')): PreparationDraft {
  return startPreparation({
    id: uniqueId('draft'),
    employeeId,
    profile: getProfile('vgr'),
    year: 2026,
    now: NOW,
  });
}

/** The draft store's cases, declared inside the store contract on its migrated database. */
export function describePreparationDraftStoreContract(database: () => SqlDatabase): void {
  let store: SqlPreparationDraftStore;
  beforeAll(() => {
    store = new SqlPreparationDraftStore(database());
  });

  describe('preparation drafts', () => {
    it('when an employee starts a preparation, then it is found as the one in progress, and a second one is refused', async () => {
      const first = draft();
      expect(await store.create(first)).toBe(true);
      expect(await store.create(draft(first.employeeId))).toBe(false);
      expect(await store.findInProgress(first.employeeId)).toEqual(first);
      expect(await store.get(first.id)).toEqual(first);
    });

    it('when two writers change the same revision at once, then exactly one is stored', async () => {
      const started = draft();
      await store.create(started);
      const step = { ...started, step: 'world-and-goals' as const, revision: 2 };
      const results = await Promise.all([store.update(step), store.update(step)]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect((await store.get(started.id))?.revision).toBe(2);
      // A write from the old revision (a stale card) changes nothing.
      expect(await store.update(goBack(step, NOW) ?? step)).toBe(true);
      expect(await store.update(step)).toBe(false);
    });

    it('when a preparation is cancelled, then it is no longer in progress and a new one may start', async () => {
      const started = draft();
      await store.create(started);
      expect(await store.update(changeStatus(started, 'cancelled', NOW))).toBe(true);
      expect(await store.findInProgress(started.employeeId)).toBeUndefined();
      expect(await store.create(draft(started.employeeId))).toBe(true);
      expect((await store.get(started.id))?.status).toBe('cancelled');
    });
  });

  describe('preparation drafts cached per instance', () => {
    it('when another instance moved a draft on, then this instance cannot write over it, and reads it afresh after', async () => {
      const instanceA = new CachedPreparationDrafts(store);
      const instanceB = new CachedPreparationDrafts(store);
      const started = draft();
      await instanceA.create(started);
      expect(await instanceB.get(started.id)).toEqual(started);

      const movedOnByB = { ...started, step: 'world-and-goals' as const, revision: 2 };
      expect(await instanceB.update(movedOnByB)).toBe(true);

      // A still remembers revision 1; its write from there is refused, not stored over B's.
      expect((await instanceA.get(started.id))?.revision).toBe(1);
      const staleWriteByA = { ...started, step: 'development-needs' as const, revision: 2 };
      expect(await instanceA.update(staleWriteByA)).toBe(false);
      expect(await instanceA.get(started.id)).toEqual(movedOnByB);
      expect(await store.get(started.id)).toEqual(movedOnByB);
    });

    it('when asked for a fresh read, then the store is read even if this instance remembers the draft', async () => {
      const instanceA = new CachedPreparationDrafts(store);
      const started = draft();
      await instanceA.create(started);
      const movedOn = { ...started, step: 'world-and-goals' as const, revision: 2 };
      await store.update(movedOn);
      expect((await instanceA.get(started.id))?.revision).toBe(1);
      expect(await instanceA.get(started.id, { fresh: true })).toEqual(movedOn);
    });
  });
}
