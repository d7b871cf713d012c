import { DateTime } from 'luxon';
import { translator, type Language } from '../../core/i18n/i18n';
import type { CalendarEventRef, Dialogue } from '../../core/plan/dialogue';
import type { Person } from '../../core/ports/directory';
import type { MeetingRequest } from '../../core/ports/meetingCalendar';
import type { DialogueType } from '../../core/profiles/profileSchema';
import type { IsoDateTime } from '../../core/shared/schemas';
import { dialogueInSentence, dialogueName } from '../cards/team/teamText';
import type { FlowDependencies } from '../flowDependencies';

/**
 * Keeps a booked dialogue's Outlook meeting in step with the booking. The booking is saved
 * before the calendar is asked and stands whatever the calendar answers: a calendar that is
 * off, refuses or is out of reach only adds a sentence for the manager, never an error.
 */

/** What the manager is told of the Outlook meeting, after what the booking did. */
export type MeetingNotice =
  | 'created'
  | 'moved'
  | 'cancelled'
  /** CALENDAR=graph without Calendars.ReadWrite: nothing was made. */
  | 'missingPermission'
  /** The directory has no address to invite the employee at. */
  | 'noAddress'
  | 'createFailed'
  | 'updateFailed'
  /** An event from earlier exists, but the calendar is off now: it was left as it was. */
  | 'notUpdated';

/** No profile gives its dialogues a length yet; an hour is what the regions' guides plan. */
export const DIALOGUE_MEETING_MINUTES = 60;

export interface MeetingParties {
  employee: Person;
  /** The manager booking now: the organiser of the meeting. */
  manager: { id: string; displayName: string };
  dialogueType: DialogueType;
  /** The manager's: the employee's language is not known here. */
  language: Language;
}

type Dependencies = Pick<FlowDependencies, 'calendar' | 'plans' | 'logger'>;

/**
 * After a booking or a move was saved: the dialogue's event at the booked time, moved when
 * there is one, made when there is none (or it was deleted in Outlook, or another manager
 * organised it), and saved on the dialogue.
 */
export async function meetingAfterBooking(
  deps: Dependencies,
  booked: Dialogue & { scheduledAt: IsoDateTime },
  parties: MeetingParties,
): Promise<MeetingNotice | undefined> {
  const status = deps.calendar ?? { kind: 'off-by-config' };
  const earlier = booked.calendarEvent;
  if (status.kind !== 'on') {
    if (earlier) return 'notUpdated';
    return status.kind === 'off-missing-permission' ? 'missingPermission' : undefined;
  }
  const { calendar } = status;
  if (earlier) {
    try {
      if (earlier.organizerId === parties.manager.id) {
        const moved = await calendar.move(earlier.organizerId, earlier.eventId, timeOf(booked));
        if (moved === 'moved') return 'moved';
      } else {
        // The meeting belongs in the calendar of the manager who books it now, with them in it.
        await calendar.cancel(earlier.organizerId, earlier.eventId, cancelComment(parties));
      }
    } catch (error) {
      deps.logger.error({ err: error }, 'the dialogue meeting could not be moved');
      return 'updateFailed';
    }
  }

  const { employee } = parties;
  let made: CalendarEventRef | undefined;
  let notice: MeetingNotice = 'created';
  if (!employee.email) {
    notice = 'noAddress';
  } else {
    try {
      const meeting = await calendar.create(meetingRequest(booked, parties, employee.email));
      made = { organizerId: parties.manager.id, eventId: meeting.eventId };
    } catch (error) {
      deps.logger.error({ err: error }, 'the dialogue meeting could not be created');
      notice = earlier ? 'updateFailed' : 'createFailed';
    }
  }
  if (made || earlier) await deps.plans.saveDialogue(withEvent(booked, made));
  return notice;
}

/**
 * After a cancellation (or a prepared dialogue losing its time) was saved: the event is
 * cancelled, the attendees told, and the dialogue let go of it. An event that could not be
 * cancelled stays on the dialogue, so the next booking moves it instead of making another.
 */
export async function meetingAfterCancellation(
  deps: Dependencies,
  unbooked: Dialogue,
  parties: MeetingParties,
): Promise<MeetingNotice | undefined> {
  const event = unbooked.calendarEvent;
  if (!event) return undefined;
  const status = deps.calendar ?? { kind: 'off-by-config' };
  if (status.kind !== 'on') return 'notUpdated';
  try {
    await status.calendar.cancel(event.organizerId, event.eventId, cancelComment(parties));
  } catch (error) {
    deps.logger.error({ err: error }, 'the dialogue meeting could not be cancelled');
    return 'updateFailed';
  }
  await deps.plans.saveDialogue(withEvent(unbooked, undefined));
  return 'cancelled';
}

function meetingRequest(
  booked: Dialogue & { scheduledAt: IsoDateTime },
  parties: MeetingParties,
  email: string,
): MeetingRequest {
  const t = translator(parties.language);
  const { employee, manager, dialogueType, language } = parties;
  return {
    organizerId: manager.id,
    // One booking, one key: a create repeated after a lost answer finds its event. A move
    // that has to make a new event books another instant, and so gets another key.
    idempotencyKey: `${booked.id}@${Date.parse(booked.scheduledAt) / 1000}`,
    subject: t('team.meeting.subject', {
      dialogue: dialogueName(dialogueType, language),
      employee: employee.displayName,
      manager: manager.displayName,
    }),
    body: t('team.meeting.body', {
      manager: manager.displayName,
      dialogue: dialogueInSentence(dialogueType, language),
    }),
    ...timeOf(booked),
    attendees: [{ name: employee.displayName, email }],
  };
}

function timeOf(booked: { scheduledAt: IsoDateTime }): { start: IsoDateTime; end: IsoDateTime } {
  const end = DateTime.fromISO(booked.scheduledAt, { setZone: true }).plus({
    minutes: DIALOGUE_MEETING_MINUTES,
  });
  return {
    start: booked.scheduledAt,
    end: end.toISO({ suppressMilliseconds: true }) as IsoDateTime,
  };
}

function cancelComment(parties: MeetingParties): string {
  return translator(parties.language)('team.meeting.cancelComment', {
    manager: parties.manager.displayName,
  });
}

function withEvent(dialogue: Dialogue, event: CalendarEventRef | undefined): Dialogue {
  const next: Dialogue = { ...dialogue };
  delete next.calendarEvent;
  return event ? { ...next, calendarEvent: event } : next;
}
