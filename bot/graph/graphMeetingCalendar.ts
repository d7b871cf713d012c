import { DateTime } from 'luxon';
import type {
  CreatedMeeting,
  MeetingCalendar,
  MeetingGone,
  MeetingRequest,
  MeetingTime,
} from '../../core/ports/meetingCalendar';
import type { IsoDateTime } from '../../core/shared/schemas';
import { GraphRequestError, type GraphRequests } from './graphRequests';

/**
 * Dialogue meetings as Outlook events with a Teams meeting, in the organiser's own calendar,
 * through Microsoft Graph (application permission Calendars.ReadWrite):
 *
 * - create: `POST /users/{organiser}/events` with the employee as a required attendee,
 *   `isOnlineMeeting` with `teamsForBusiness`, and the booking's `transactionId`, which Graph
 *   documents for exactly this: a create sent again after a lost answer finds the first
 *   event. That is why the create may be repeated after a dropped connection or a 5xx;
 * - move: `PATCH /users/{organiser}/events/{id}` with the new start and end, absolute values
 *   that come out the same when sent twice;
 * - cancel: `POST /users/{organiser}/events/{id}/cancel` (202), which sends the attendees
 *   the comment; a repeat finds the event gone, which is what a cancel wants.
 *
 * Times go as UTC: every mailbox accepts it, whereas Graph's list of zones it takes lacks
 * Europe/Stockholm; Outlook shows each person the meeting in their own zone anyway.
 */

interface GraphEvent {
  id: string;
  onlineMeeting?: { joinUrl?: string | null } | null;
}

/** Graph's code for an event id the mailbox does not hold; the mailbox itself is a 404 too. */
const ITEM_NOT_FOUND = 'ErrorItemNotFound';

export class GraphMeetingCalendar implements MeetingCalendar {
  constructor(private readonly graph: GraphRequests) {}

  async create(meeting: MeetingRequest): Promise<CreatedMeeting> {
    const event = await this.graph.post<GraphEvent>(
      eventsOf(meeting.organizerId),
      {
        subject: meeting.subject,
        body: { contentType: 'text', content: meeting.body },
        ...graphTime({ start: meeting.start, end: meeting.end }),
        attendees: meeting.attendees.map((attendee) => ({
          emailAddress: { address: attendee.email, name: attendee.name },
          type: 'required',
        })),
        isOnlineMeeting: true,
        onlineMeetingProvider: 'teamsForBusiness',
        // A time agreed in Outlook would not reach the app's booking, reminders or team view.
        allowNewTimeProposals: false,
        transactionId: meeting.idempotencyKey,
      },
      { replayable: true },
    );
    const joinUrl = event.onlineMeeting?.joinUrl;
    return { eventId: event.id, ...(joinUrl ? { joinUrl } : {}) };
  }

  async move(
    organizerId: string,
    eventId: string,
    time: MeetingTime,
  ): Promise<'moved' | MeetingGone> {
    return goneWhenNotFound('moved', () =>
      this.graph.patch(`${eventsOf(organizerId)}/${encodeURIComponent(eventId)}`, graphTime(time), {
        replayable: true,
      }),
    );
  }

  async cancel(
    organizerId: string,
    eventId: string,
    comment: string,
  ): Promise<'cancelled' | MeetingGone> {
    return goneWhenNotFound('cancelled', () =>
      this.graph.post(
        `${eventsOf(organizerId)}/${encodeURIComponent(eventId)}/cancel`,
        { comment },
        { replayable: true },
      ),
    );
  }
}

const eventsOf = (organizerId: string) => `/users/${encodeURIComponent(organizerId)}/events`;

function graphTime(time: MeetingTime) {
  return { start: utc(time.start), end: utc(time.end) };
}

/** Graph's dateTimeTimeZone: a wall-clock time without offset, and the zone it is read in. */
function utc(instant: IsoDateTime): { dateTime: string; timeZone: 'UTC' } {
  return {
    dateTime: DateTime.fromISO(instant).toUTC().toFormat("yyyy-MM-dd'T'HH:mm:ss"),
    timeZone: 'UTC',
  };
}

async function goneWhenNotFound<Done extends string>(
  done: Done,
  send: () => Promise<unknown>,
): Promise<Done | MeetingGone> {
  try {
    await send();
    return done;
  } catch (error) {
    // Only the event's own 404: a mailbox that is not there (MailboxNotEnabledForRESTAPI) is
    // a fault to report, not an event someone already removed.
    if (error instanceof GraphRequestError && error.code === ITEM_NOT_FOUND) return 'gone';
    throw error;
  }
}
