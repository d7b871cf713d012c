import type { StoreItems } from 'botbuilder';
import {
  migrate,
  MigrationError,
  migrationFrom,
  readMigrations,
  type Migration,
} from '../../bot/storage/migrate';
import { SqlAuditLog } from '../../bot/storage/sqlAuditLog';
import {
  BotStateETagConflictError,
  SqlBotStateStorage,
} from '../../bot/storage/sqlBotStateStorage';
import {
  SqlConversationReferenceStore,
  type BotConversationReference,
} from '../../bot/storage/sqlConversationReferenceStore';
import { UniqueViolationError, type SqlDatabase } from '../../bot/storage/sqlDatabase';
import { SqlWelcomeRegistry } from '../../bot/storage/sqlWelcomeRegistry';
import type { ConversationReferenceInput } from '../../core/ports/conversationReferenceStore';
import type { FreshDatabase } from '../support/freshDatabase';
import { describePlanStoreContract, sqlPlanStoreUnderTest } from './planStoreContract';
import { describePreparationDraftStoreContract } from './preparationDraftStoreContract';
import { describeReminderQueueContract } from './reminderQueueContract';
import { describeReminderSettingsStoreContract } from './reminderSettingsStoreContract';
import { describeOperationalPersonalDataContract } from './operationalPersonalDataContract';

export type { FreshDatabase } from '../support/freshDatabase';

let counter = 0;
/** Ids unique within a run, so the cases share one database without seeing each other. */
export const uniqueId = (prefix: string): string => `${prefix}-${Date.now()}-${++counter}`;

/**
 * The cases every SQL adapter must pass. Each adapter's test file calls this with a factory
 * for a fresh database; the cases themselves know nothing about which adapter runs them.
 */
export function describeStoreContract(
  adapterName: string,
  openFresh: () => Promise<FreshDatabase>,
): void {
  describe(`the store contract on ${adapterName}`, () => {
    let fresh: FreshDatabase;
    let db: SqlDatabase;
    let firstMigration: { applied: number[] };
    const shipped = readMigrations();

    beforeAll(async () => {
      fresh = await openFresh();
      db = fresh.db;
      firstMigration = await migrate(db);
    });

    afterAll(async () => {
      await fresh?.dispose();
    });

    describe('migrations', () => {
      it('when the service starts on an empty database, then every shipped migration is applied once and a second start changes nothing', async () => {
        expect(firstMigration.applied).toEqual(shipped.map((m) => m.version));

        const second = await migrate(db);

        expect(second.applied).toEqual([]);
        const recorded = await db.query<{ version: number }>(
          'select version from schema_migrations order by version',
        );
        expect(recorded.map((row) => row.version)).toEqual(shipped.map((m) => m.version));
      });

      it('when an applied migration file was edited, then the start is refused and nothing runs', async () => {
        const edited: Migration[] = shipped.map((m, index) =>
          index === 0 ? migrationFrom(m.version, m.name, `${m.sql}\n-- a later edit\n`) : m,
        );

        await expect(migrate(db, { migrations: edited })).rejects.toThrow(MigrationError);
        await expect(migrate(db, { migrations: edited })).rejects.toThrow(/was changed/);
      });

      it('when the same file only differs in line endings, then it counts as unchanged', async () => {
        const crlf = shipped.map((m) =>
          migrationFrom(m.version, m.name, m.sql.replace(/\n/g, '\r\n')),
        );

        await expect(migrate(db, { migrations: crlf })).resolves.toEqual({ applied: [] });
      });

      it('when a new migration fails halfway, then none of its statements stay and it is not recorded', async () => {
        const broken = migrationFrom(
          9001,
          'broken',
          'create table half_done (id text); select * from no_such_table;',
        );

        await expect(migrate(db, { migrations: [...shipped, broken] })).rejects.toThrow(
          /no_such_table/,
        );

        const tables = await db.query<{ name: string | null }>(
          "select to_regclass('half_done')::text as name",
        );
        expect(tables[0]?.name).toBeNull();
        const recorded = await db.query('select 1 from schema_migrations where version = 9001');
        expect(recorded).toHaveLength(0);
      });
    });

    describe('the database port', () => {
      it('when a statement breaks a unique constraint, then the caller gets a UniqueViolationError', async () => {
        const key = uniqueId('welcome');
        await db.query('insert into welcomes (scope_key) values ($1)', [key]);

        await expect(
          db.query('insert into welcomes (scope_key) values ($1)', [key]),
        ).rejects.toBeInstanceOf(UniqueViolationError);
      });

      it('when the work inside a transaction throws, then its writes are rolled back and the error comes through', async () => {
        const key = uniqueId('welcome');
        const failure = new Error('the card could not be built');

        await expect(
          db.transaction(async (tx) => {
            await tx.query('insert into welcomes (scope_key) values ($1)', [key]);
            throw failure;
          }),
        ).rejects.toBe(failure);

        expect(await db.query('select 1 from welcomes where scope_key = $1', [key])).toHaveLength(
          0,
        );
      });
    });

    describe('bot state (botbuilder Storage)', () => {
      let storage: SqlBotStateStorage;
      beforeAll(() => {
        storage = new SqlBotStateStorage(db);
      });

      const readOne = async (key: string): Promise<StoreItems[string]> =>
        (await storage.read([key]))[key];

      it('when state is written and read back, then the document comes back with an eTag', async () => {
        const key = uniqueId('conversation');

        await storage.write({ [key]: { dialogStack: [{ id: 'prepare', step: 2 }], locale: 'sv' } });
        const item = await readOne(key);

        expect(item).toEqual({
          dialogStack: [{ id: 'prepare', step: 2 }],
          locale: 'sv',
          eTag: expect.any(String),
        });
      });

      it('when keys were never written, then they are absent from the result', async () => {
        expect(await storage.read([uniqueId('missing'), uniqueId('missing')])).toEqual({});
      });

      it('when state is written again, then it gets a new eTag', async () => {
        const key = uniqueId('conversation');
        await storage.write({ [key]: { count: 1 } });
        const first = await readOne(key);

        await storage.write({ [key]: { ...first, count: 2 } });
        const second = await readOne(key);

        expect(second.count).toBe(2);
        expect(second.eTag).not.toBe(first.eTag);
      });

      it('when two turns save the same state with the same eTag, then the second fails and the first is kept', async () => {
        const key = uniqueId('conversation');
        await storage.write({ [key]: { answer: 'initial' } });
        const readByBoth = await readOne(key);

        await storage.write({ [key]: { ...readByBoth, answer: 'first turn' } });
        const second = storage.write({ [key]: { ...readByBoth, answer: 'second turn' } });

        await expect(second).rejects.toBeInstanceOf(BotStateETagConflictError);
        await expect(second).rejects.toThrow(
          `Storage: error writing "${key}" due to eTag conflict.`,
        );
        expect((await readOne(key)).answer).toBe('first turn');
      });

      it('when two turns save the same state with the same eTag at the same moment, then exactly one wins', async () => {
        const key = uniqueId('conversation');
        await storage.write({ [key]: { answer: 'initial' } });
        const readByBoth = await readOne(key);

        const results = await Promise.allSettled(
          ['a', 'b'].map((answer) => storage.write({ [key]: { ...readByBoth, answer } })),
        );

        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const rejected = results.find((r) => r.status === 'rejected');
        expect(rejected?.reason).toBeInstanceOf(BotStateETagConflictError);
      });

      it("when a turn saves with eTag '*', then it overwrites whatever is stored", async () => {
        const key = uniqueId('conversation');
        await storage.write({ [key]: { answer: 'initial' } });
        const stale = await readOne(key);
        await storage.write({ [key]: { ...stale, answer: 'newer' } });

        await storage.write({ [key]: { ...stale, answer: 'last writer', eTag: '*' } });

        expect((await readOne(key)).answer).toBe('last writer');
      });

      it('when one item of a batch conflicts, then no item of the batch is written', async () => {
        const fine = uniqueId('user');
        const conflicting = uniqueId('conversation');
        await storage.write({ [fine]: { n: 1 }, [conflicting]: { n: 1 } });
        const stale = await readOne(conflicting);
        await storage.write({ [conflicting]: { ...stale, n: 2 } });

        await expect(
          storage.write({ [fine]: { n: 3 }, [conflicting]: { ...stale, n: 3 } }),
        ).rejects.toBeInstanceOf(BotStateETagConflictError);

        expect((await readOne(fine)).n).toBe(1);
      });

      it('when state is deleted, then reading it finds nothing, and deleting it again is harmless', async () => {
        const key = uniqueId('conversation');
        await storage.write({ [key]: { answer: 'x' } });

        await storage.delete([key]);
        await storage.delete([key]);

        expect(await storage.read([key])).toEqual({});
      });
    });

    describe('welcomes', () => {
      let welcomes: SqlWelcomeRegistry;
      beforeAll(() => {
        welcomes = new SqlWelcomeRegistry(db);
      });

      it('when a scope is welcomed the first time, then it is true, and every later time false', async () => {
        const key = `personal:${uniqueId('user')}`;

        expect(await welcomes.markWelcomed(key)).toBe(true);
        expect(await welcomes.markWelcomed(key)).toBe(false);
        expect(await welcomes.markWelcomed(key)).toBe(false);
      });

      it('when ten install events for one team arrive at once, then exactly one of them welcomes', async () => {
        const key = `team:${uniqueId('team')}`;

        const results = await Promise.all(
          Array.from({ length: 10 }, () => welcomes.markWelcomed(key)),
        );

        expect(results.filter(Boolean)).toHaveLength(1);
      });

      it('when a welcome is given back after a failed send, then the next event welcomes again', async () => {
        const key = `personal:${uniqueId('user')}`;
        await welcomes.markWelcomed(key);

        await welcomes.forgetWelcome(key);

        expect(await welcomes.markWelcomed(key)).toBe(true);
      });
    });

    describe('conversation references', () => {
      let references: SqlConversationReferenceStore;
      beforeAll(() => {
        references = new SqlConversationReferenceStore(db);
      });

      const referenceFor = (
        userId: string,
        conversationId: string,
        conversationType = 'personal',
        serviceUrl = 'https://smba.trafficmanager.net/emea/',
      ): ConversationReferenceInput<BotConversationReference> => ({
        userId,
        conversationId,
        conversationType,
        serviceUrl,
        tenantId: 'tenant-1',
        reference: {
          channelId: 'msteams',
          serviceUrl,
          conversation: { id: conversationId, conversationType, isGroup: false, name: '' },
          user: { id: `29:${userId}`, name: '', aadObjectId: userId },
        },
      });

      it('when a user is seen again in the same chat, then the one reference is updated', async () => {
        const user = uniqueId('user');
        await references.upsert(referenceFor(user, 'a:personal-1'));

        await references.upsert(
          referenceFor(user, 'a:personal-1', 'personal', 'https://smba.trafficmanager.net/amer/'),
        );

        const stored = await references.listForUser(user);
        expect(stored).toHaveLength(1);
        expect(stored[0]).toMatchObject({
          userId: user,
          conversationId: 'a:personal-1',
          conversationType: 'personal',
          serviceUrl: 'https://smba.trafficmanager.net/amer/',
          tenantId: 'tenant-1',
          reference: { serviceUrl: 'https://smba.trafficmanager.net/amer/' },
          updatedAt: expect.any(Date),
        });
      });

      it('when reminders look up several users, then each one with a personal chat gets it and the rest are missing', async () => {
        const withChat = uniqueId('user');
        const onlyInChannel = uniqueId('user');
        const neverSeen = uniqueId('user');
        await references.upsert(referenceFor(withChat, `a:${withChat}`));
        await references.upsert(referenceFor(withChat, '19:team-channel', 'channel'));
        await references.upsert(referenceFor(onlyInChannel, '19:team-channel', 'channel'));

        const found = await references.findPersonalForUsers([withChat, onlyInChannel, neverSeen]);

        expect([...found.keys()]).toEqual([withChat]);
        expect(found.get(withChat)?.conversationId).toBe(`a:${withChat}`);
      });

      it('when a user blocked the bot and the reference is removed, then it is no longer found', async () => {
        const user = uniqueId('user');
        await references.upsert(referenceFor(user, `a:${user}`));

        await references.remove(user, `a:${user}`);

        expect(await references.listForUser(user)).toEqual([]);
      });
    });

    describe('audit log', () => {
      it('when actions touch a person, then their trail lists them newest first', async () => {
        const audit = new SqlAuditLog(db);
        const employee = uniqueId('employee');
        await audit.record({
          actorId: 'manager-1',
          action: 'plan.viewed',
          subjectPersonId: employee,
        });
        await audit.record({
          actorId: employee,
          action: 'plan.saved',
          subjectPersonId: employee,
          details: { version: 2 },
        });
        await audit.record({ actorId: 'scheduler', action: 'reminders.sent' });

        const trail = await audit.listForSubject(employee);

        expect(trail.map((e) => [e.actorId, e.action, e.details])).toEqual([
          [employee, 'plan.saved', { version: 2 }],
          ['manager-1', 'plan.viewed', {}],
        ]);
        expect(trail[0]?.at).toBeInstanceOf(Date);
      });
    });

    describe('plans, reflections, dialogues and preparation drafts', () => {
      describePlanStoreContract(() => sqlPlanStoreUnderTest(db));
      describePreparationDraftStoreContract(() => db);
    });

    describe('reminders', () => {
      describeReminderQueueContract(() => db);
      describeReminderSettingsStoreContract(() => db);
    });

    describe('privacy: erasure of the bot’s memory, and the retention lease', () => {
      describeOperationalPersonalDataContract(() => db);
    });
  });
}
