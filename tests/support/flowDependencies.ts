import pino from 'pino';
import type { FlowDependencies } from '../../bot/flowDependencies';
import type { SqlDatabase } from '../../bot/storage/sqlDatabase';
import { SqlPlanStore } from '../../bot/storage/sqlPlanStore';
import { SqlReminderQueue } from '../../bot/storage/sqlReminderQueue';
import { SqlReminderSettingsStore } from '../../bot/storage/sqlReminderSettingsStore';
import type { Directory } from '../../core/ports/directory';
import { RecordingMessenger } from '../fakes/recordingMessenger';

/**
 * What the flows work with, over a test's own database, for tests that call a flow's parts
 * directly rather than through the service: the SQL stores, a recording messenger, a fixed
 * clock.
 */
export function flowDependenciesOver(
  db: SqlDatabase,
  options: { directory: Directory; now: Date },
): FlowDependencies {
  return {
    plans: new SqlPlanStore(db),
    directory: options.directory,
    messenger: new RecordingMessenger(),
    logger: pino({ level: 'silent' }),
    defaultProfileId: 'vgr',
    myPlanUrl: 'https://teams.microsoft.com/l/entity/x/y',
    reminders: new SqlReminderQueue(db),
    reminderSettings: new SqlReminderSettingsStore(db),
    now: () => options.now,
  };
}
