import type { IsoDateTime } from '../shared/schemas';

/** Someone invited to a dialogue's meeting, as a calendar addresses them. */
export interface MeetingAttendee {
  name: string;
  email: string;
}

/** The meeting a booked dialogue should have in the organiser's calendar. */
export interface MeetingRequest {
  /** Whose calendar holds the event and who sends the invitation: the manager's Entra id. */
  organizerId: string;
  /**
   * The same booking says the same key: a create sent again with it (after a dropped
   * connection) finds the first event instead of making a second.
   */
  idempotencyKey: string;
  subject: string;
  /** Plain text for the invitation. */
  body: string;
  start: IsoDateTime;
  end: IsoDateTime;
  attendees: readonly MeetingAttendee[];
}

export interface MeetingTime {
  start: IsoDateTime;
  end: IsoDateTime;
}

export interface CreatedMeeting {
  eventId: string;
  /** Where the online meeting is joined, when the calendar made one. */
  joinUrl?: string;
}

/** The event is not in the organiser's calendar any more (deleted or cancelled in Outlook). */
export type MeetingGone = 'gone';

/**
 * Calendar events with an online meeting for booked dialogues (Outlook with Teams through
 * Microsoft Graph in production). Every method throws when the calendar cannot be reached
 * or refuses; the caller decides what that means for the person booking.
 */
export interface MeetingCalendar {
  create(meeting: MeetingRequest): Promise<CreatedMeeting>;
  move(organizerId: string, eventId: string, time: MeetingTime): Promise<'moved' | MeetingGone>;
  /** Tells the attendees, with `comment`, and takes the event out of the calendar. */
  cancel(organizerId: string, eventId: string, comment: string): Promise<'cancelled' | MeetingGone>;
}

/** Whether booked dialogues get calendar events, and if not, why not. */
export type MeetingCalendarStatus =
  | { kind: 'on'; calendar: MeetingCalendar }
  /** CALENDAR=off: the organisation books its meetings elsewhere. */
  | { kind: 'off-by-config' }
  /** Switched on, but the permission it needs was never granted. */
  | { kind: 'off-missing-permission' };
