import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import { graphError, ok, type GraphAnswer, type GraphCall, type GraphRoute } from './fakeGraph';

/**
 * Outlook calendars in the Graph stand-in (mount `calendar.route` on a FakeGraph), following
 * the documented semantics of the endpoints the app uses:
 *
 * - `POST /v1.0/users/{id}/events`: 201 with the event, its `id`, the `organizer` (the
 *   mailbox's owner) and, for `isOnlineMeeting` with `teamsForBusiness`,
 *   `onlineMeeting.joinUrl`. A `transactionId` already used in that calendar answers the
 *   event it made rather than a second one (Graph: "to avoid redundant POST operations in
 *   case of client retries"); it is returned only when it was set.
 * - `PATCH /v1.0/users/{id}/events/{id}`: 200 with the updated event; `transactionId` cannot
 *   be changed.
 * - `POST /v1.0/users/{id}/events/{id}/cancel`: 202 without a body; the event leaves the
 *   organiser's calendar (Graph moves it to Deleted Items) and the comment goes to the
 *   attendees.
 * - start and end are `dateTimeTimeZone`: a wall-clock `dateTime` without offset and a
 *   `timeZone` Graph takes (UTC, Windows names, and the IANA names Graph lists, among which
 *   Europe/Stockholm is not); answers give them in UTC, with seven fractional digits.
 * - an event id the calendar does not hold: 404 `ErrorItemNotFound`; a user without an
 *   Exchange Online mailbox: 404 `MailboxNotEnabledForRESTAPI`.
 */

export interface FakeMailbox {
  userId: string;
  address: string;
  name: string;
}

interface DateTimeTimeZone {
  dateTime: string;
  timeZone: string;
}

export interface FakeEvent {
  id: string;
  subject: string;
  body: { contentType: string; content: string };
  start: DateTimeTimeZone;
  end: DateTimeTimeZone;
  attendees: { emailAddress: { address: string; name?: string }; type: string }[];
  organizer: { emailAddress: { address: string; name: string } };
  isOnlineMeeting: boolean;
  onlineMeetingProvider: string;
  onlineMeeting: { joinUrl: string } | null;
  allowNewTimeProposals: boolean;
  transactionId?: string;
}

export interface FakeCancellation {
  organizerId: string;
  event: FakeEvent;
  comment: string;
}

/** Zones the stand-in takes, with the IANA zone that reads them. */
const TIME_ZONES: Record<string, string> = {
  UTC: 'UTC',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Europe/Berlin': 'Europe/Berlin',
  'Europe/Paris': 'Europe/Paris',
};
const ONLINE_MEETING_PROVIDERS = [
  'unknown',
  'teamsForBusiness',
  'skypeForBusiness',
  'skypeForConsumer',
];
const ATTENDEE_TYPES = ['required', 'optional', 'resource'];
const WALL_CLOCK = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?$/;

export class FakeOutlookCalendar {
  readonly cancellations: FakeCancellation[] = [];
  private readonly mailboxes = new Map<string, FakeMailbox>();
  /** Per organiser, the events in their calendar by id. */
  private readonly calendars = new Map<string, Map<string, FakeEvent>>();

  addMailboxes(...mailboxes: readonly FakeMailbox[]): this {
    for (const mailbox of mailboxes) {
      this.mailboxes.set(mailbox.userId, mailbox);
      this.calendars.set(mailbox.userId, new Map());
    }
    return this;
  }

  /** The events in the user's calendar now, oldest first. */
  eventsOf(userId: string): FakeEvent[] {
    return [...(this.calendars.get(userId)?.values() ?? [])];
  }

  /** The organiser deletes the event in Outlook, outside the app. */
  deleteInOutlook(userId: string, eventId: string): void {
    this.calendars.get(userId)?.delete(eventId);
  }

  readonly route: GraphRoute = (call) => {
    const match = /^\/v1\.0\/users\/([^/]+)\/events(?:\/([^/]+)(\/cancel)?)?$/.exec(call.path);
    if (!match) return undefined;
    const [, userId = '', eventId, cancel] = match;
    const calendar = this.calendars.get(userId);
    if (!calendar) {
      return graphError(
        404,
        'MailboxNotEnabledForRESTAPI',
        'The mailbox is either inactive, soft-deleted, or is hosted on-premise.',
      );
    }
    if (eventId === undefined) {
      return call.method === 'POST' ? this.create(userId, calendar, call) : undefined;
    }
    const event = calendar.get(eventId);
    if (!event) {
      return graphError(
        404,
        'ErrorItemNotFound',
        'The specified object was not found in the store.',
      );
    }
    if (cancel && call.method === 'POST') return this.cancel(userId, calendar, event, call);
    if (!cancel && call.method === 'PATCH') return this.update(event, call);
    return undefined;
  };

  private create(userId: string, calendar: Map<string, FakeEvent>, call: GraphCall): GraphAnswer {
    const body = record(call.body);
    const transactionId = body.transactionId;
    if (transactionId !== undefined && typeof transactionId !== 'string') {
      return badRequest('transactionId must be a string');
    }
    const earlier =
      transactionId === undefined
        ? undefined
        : [...calendar.values()].find((e) => e.transactionId === transactionId);
    if (earlier) return created(earlier);

    const times = eventTimes(body.start, body.end);
    if ('status' in times) return times;
    const attendees = body.attendees ?? [];
    if (!Array.isArray(attendees) || !attendees.every(isAttendee)) {
      return badRequest('Every attendee needs an emailAddress with an address and a type');
    }
    const provider = body.onlineMeetingProvider ?? 'unknown';
    if (typeof provider !== 'string' || !ONLINE_MEETING_PROVIDERS.includes(provider)) {
      return badRequest(`Invalid onlineMeetingProvider '${String(provider)}'`);
    }
    const content = record(body.body);
    const mailbox = this.mailboxes.get(userId) as FakeMailbox;
    const isOnlineMeeting = body.isOnlineMeeting === true;
    const event: FakeEvent = {
      id: `AAMkAD${randomBytes(30).toString('base64url')}=`,
      subject: typeof body.subject === 'string' ? body.subject : '',
      body: {
        contentType: content.contentType === 'html' ? 'html' : 'text',
        content: typeof content.content === 'string' ? content.content : '',
      },
      ...times,
      attendees: attendees.map((a) => ({ emailAddress: a.emailAddress, type: a.type })),
      organizer: { emailAddress: { address: mailbox.address, name: mailbox.name } },
      isOnlineMeeting,
      onlineMeetingProvider: provider,
      onlineMeeting:
        isOnlineMeeting && provider === 'teamsForBusiness'
          ? {
              joinUrl: `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${randomBytes(12).toString('hex')}%40thread.v2/0`,
            }
          : null,
      allowNewTimeProposals: body.allowNewTimeProposals !== false,
      ...(transactionId !== undefined ? { transactionId } : {}),
    };
    calendar.set(event.id, event);
    return created(event);
  }

  private update(event: FakeEvent, call: GraphCall): GraphAnswer {
    const body = record(call.body);
    if (body.transactionId !== undefined && body.transactionId !== event.transactionId) {
      return badRequest('The transactionId of an event cannot be changed');
    }
    const times = eventTimes(body.start ?? event.start, body.end ?? event.end);
    if ('status' in times) return times;
    Object.assign(event, times);
    if (typeof body.subject === 'string') event.subject = body.subject;
    return ok(event);
  }

  private cancel(
    organizerId: string,
    calendar: Map<string, FakeEvent>,
    event: FakeEvent,
    call: GraphCall,
  ): GraphAnswer {
    const comment = record(call.body).comment ?? '';
    if (typeof comment !== 'string') return badRequest('comment must be a string');
    calendar.delete(event.id);
    this.cancellations.push({ organizerId, event, comment });
    return { status: 202, headers: {} };
  }
}

type Attendee = FakeEvent['attendees'][number];

function isAttendee(value: unknown): value is Attendee {
  const attendee = record(value);
  const address = record(attendee.emailAddress).address;
  return (
    typeof address === 'string' &&
    address.includes('@') &&
    typeof attendee.type === 'string' &&
    ATTENDEE_TYPES.includes(attendee.type)
  );
}

/** Start and end as Graph stores and answers them (UTC), or the 400 Graph gives instead. */
function eventTimes(
  start: unknown,
  end: unknown,
): { start: DateTimeTimeZone; end: DateTimeTimeZone } | GraphAnswer {
  const from = instant(start);
  const to = instant(end);
  if (typeof from === 'string') return from === 'zone' ? zoneNotSupported(start) : badTime();
  if (typeof to === 'string') return to === 'zone' ? zoneNotSupported(end) : badTime();
  if (to < from) {
    return graphError(
      400,
      'ErrorCalendarEndDateIsEarlierThanStartDate',
      'The end date occurs before the start date.',
    );
  }
  return { start: asUtc(from), end: asUtc(to) };
}

function instant(value: unknown): DateTime | 'zone' | 'format' {
  const { dateTime, timeZone } = record(value);
  if (typeof dateTime !== 'string' || !WALL_CLOCK.test(dateTime)) return 'format';
  const zone = typeof timeZone === 'string' ? TIME_ZONES[timeZone] : undefined;
  if (!zone) return 'zone';
  return DateTime.fromISO(dateTime, { zone });
}

function asUtc(time: DateTime): DateTimeTimeZone {
  return { dateTime: `${time.toUTC().toFormat("yyyy-MM-dd'T'HH:mm:ss")}.0000000`, timeZone: 'UTC' };
}

function zoneNotSupported(value: unknown): GraphAnswer {
  return graphError(
    400,
    'TimeZoneNotSupportedException',
    `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${String(record(value).timeZone ?? '')}'.`,
  );
}

const badTime = () => badRequest('start and end need a dateTime ({date}T{time}) and a timeZone');

const badRequest = (message: string) => graphError(400, 'BadRequest', message);

function created(event: FakeEvent): GraphAnswer {
  return { status: 201, headers: { 'Content-Type': 'application/json' }, body: event };
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}
