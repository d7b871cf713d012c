import type { SqlDatabase } from '../../bot/storage/sqlDatabase';
import { SqlReminderSettingsStore } from '../../bot/storage/sqlReminderSettingsStore';
import { StoredDocumentError } from '../../core/ports/storeErrors';
import type { ReminderSettings } from '../../core/reminders/reminderSettings';

let counter = 0;
const uniqueId = (prefix: string): string => `${prefix}-${Date.now()}-${++counter}`;

function settings(overrides: Partial<ReminderSettings> = {}): ReminderSettings {
  return {
    personId: uniqueId('employee'),
    reflectionRhythm: 'weekly',
    updatedAt: '2026-03-02T09:00:00+01:00',
    ...overrides,
  };
}

/** The reminder settings store's cases, declared inside the store contract on its migrated database. */
export function describeReminderSettingsStoreContract(database: () => SqlDatabase): void {
  let store: SqlReminderSettingsStore;
  beforeAll(() => {
    store = new SqlReminderSettingsStore(database());
  });

  describe('reminder settings', () => {
    it('when a person has never chosen, then there are no settings and the defaults apply', async () => {
      expect(await store.get(uniqueId('employee'))).toBeUndefined();
    });

    it('when a person pauses reminders and later ends the pause, then their latest choice is what is read', async () => {
      const paused = settings({
        reflectionRhythm: 'monthly',
        pause: { from: '2026-07-01', to: '2026-08-09' },
        language: 'en',
      });
      await store.save(paused);
      expect(await store.get(paused.personId)).toEqual(paused);

      const resumed: ReminderSettings = {
        personId: paused.personId,
        reflectionRhythm: 'every-other-week',
        language: 'en',
        updatedAt: '2026-07-10T08:00:00+02:00',
      };
      await store.save(resumed);

      expect(await store.get(paused.personId)).toEqual(resumed);
    });

    it('when settings break the rules (a pause ending before it starts), then they are not saved', async () => {
      const invalid = settings({ pause: { from: '2026-08-09', to: '2026-07-01' } });

      await expect(store.save(invalid)).rejects.toThrow();

      expect(await store.get(invalid.personId)).toBeUndefined();
    });

    it('when stored settings no longer match the schema, then reading them fails loudly', async () => {
      const saved = settings();
      await store.save(saved);
      await database().query(
        `update reminder_settings set document = document || '{"reflectionRhythm":"hourly"}'
         where person_id = $1`,
        [saved.personId],
      );

      await expect(store.get(saved.personId)).rejects.toBeInstanceOf(StoredDocumentError);
    });
  });
}
