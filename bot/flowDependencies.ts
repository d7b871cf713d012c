import type { Language } from '../core/i18n/i18n';
import type { AuditLog } from '../core/ports/auditLog';
import type { Directory } from '../core/ports/directory';
import type { MeetingCalendarStatus } from '../core/ports/meetingCalendar';
import type { Messenger } from '../core/ports/messenger';
import type { OperationalPersonalData } from '../core/ports/personalDataErasure';
import type { PlanStore } from '../core/ports/planStore';
import type { ReminderQueue } from '../core/ports/reminderQueue';
import type { ReminderSettingsStore } from '../core/ports/reminderSettingsStore';
import type { Logger } from './logger';

/** What every conversation flow (preparation, team, plan, team plan) works with. */
export interface FlowDependencies {
  plans: PlanStore;
  directory: Directory;
  /** Proactive cards to other people: the lead's TeamsMessenger, a recording fake in tests. */
  messenger: Messenger;
  logger: Logger;
  /** The profile for people the directory does not place (DEFAULT_PROFILE). */
  defaultProfileId: string;
  /** Deep link to the personal tab "Min utvecklingsplan". */
  myPlanUrl: string;
  /** The durable queue of reminders, prompts and follow-ups the flows plan into. */
  reminders: ReminderQueue;
  /** Each person's "påminnelser" choices. */
  reminderSettings: ReminderSettingsStore;
  /** Outlook events for booked dialogues, or why there are none; absent is CALENDAR=off. */
  calendar?: MeetingCalendarStatus;
  now?: () => Date;
  /** Who read or changed whose plan (core/privacy/audit.ts); absent records nothing. */
  audit?: AuditLog;
  /** The bot's memory of a person, erased with their plans on "radera mina data". */
  operationalData?: OperationalPersonalData;
}

/**
 * Who is acting in this turn: their Entra object id from the activity (never from a card's
 * data) and the language of their Teams client.
 */
export interface Actor {
  personId: string;
  language: Language;
}
