import type { ReminderSettings } from '../reminders/reminderSettings';

/** Each person's reminder choices ("påminnelser"); last write wins, it is one person's own. */
export interface ReminderSettingsStore {
  get(personId: string): Promise<ReminderSettings | undefined>;
  save(settings: ReminderSettings): Promise<void>;
}
