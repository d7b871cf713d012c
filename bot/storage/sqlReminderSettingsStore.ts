import type { ReminderSettingsStore } from '../../core/ports/reminderSettingsStore';
import {
  ReminderSettingsSchema,
  type ReminderSettings,
} from '../../core/reminders/reminderSettings';
import type { SqlDatabase } from './sqlDatabase';
import { parseStored } from './versionedDocuments';

export class SqlReminderSettingsStore implements ReminderSettingsStore {
  constructor(private readonly db: SqlDatabase) {}

  async get(personId: string): Promise<ReminderSettings | undefined> {
    const row = (
      await this.db.query<{ document: unknown }>(
        'select document from reminder_settings where person_id = $1',
        [personId],
      )
    )[0];
    return row && parseStored(ReminderSettingsSchema, 'reminder settings', personId, row.document);
  }

  async save(settings: ReminderSettings): Promise<void> {
    const document = ReminderSettingsSchema.parse(settings);
    await this.db.query(
      `insert into reminder_settings (person_id, document, updated_at)
       values ($1, $2::jsonb, $3::timestamptz)
       on conflict (person_id) do update set
         document = excluded.document,
         updated_at = excluded.updated_at`,
      [document.personId, JSON.stringify(document), document.updatedAt],
    );
  }
}
