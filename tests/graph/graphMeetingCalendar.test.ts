import { GraphRequestError } from '../../bot/graph/graphRequests';
import { GraphMeetingCalendar } from '../../bot/graph/graphMeetingCalendar';
import { GraphUnavailableError } from '../../bot/graph/resilience';
import type { MeetingRequest } from '../../core/ports/meetingCalendar';
import { FakeGraph } from '../fakes/fakeGraph';
import { FakeOutlookCalendar } from '../fakes/fakeOutlookCalendar';
import { graphRequestsFor, VirtualTimers } from './graphSupport';

const BIRGITTA = {
  userId: 'birgitta',
  address: 'birgitta.holm@vgregion.se',
  name: 'Birgitta Holm',
};
const ANNA = { name: 'Anna Lind', email: 'anna.lind@vgregion.se' };

/** Tuesday 8 December 2026, 09:30–10:30 in Stockholm. */
const MEETING: MeetingRequest = {
  organizerId: BIRGITTA.userId,
  idempotencyKey: 'd0a1b2c3-0000-4000-8000-000000000001@1796718600',
  subject: 'Medarbetarsamtal (utvecklingssamtal): Anna Lind och Birgitta Holm',
  body: 'Birgitta Holm har bokat medarbetarsamtal (utvecklingssamtal) med dig i Kompetensdialog.',
  start: '2026-12-08T09:30:00+01:00',
  end: '2026-12-08T10:30:00+01:00',
  attendees: [ANNA],
};

const EVENTS = /\/events$/;

let graph: FakeGraph;
let calendar: FakeOutlookCalendar;
let timers: VirtualTimers;
let meetings: GraphMeetingCalendar;

beforeEach(async () => {
  graph = await FakeGraph.start();
  calendar = new FakeOutlookCalendar().addMailboxes(BIRGITTA);
  graph.mount(calendar.route);
  timers = new VirtualTimers();
  meetings = new GraphMeetingCalendar(graphRequestsFor(graph, timers));
});

afterEach(() => graph.stop());

const onlyEvent = () => {
  const events = calendar.eventsOf(BIRGITTA.userId);
  expect(events).toHaveLength(1);
  return events[0] as NonNullable<(typeof events)[number]>;
};

describe('GraphMeetingCalendar: creating the meeting', () => {
  it("when a dialogue is booked, then the manager's calendar holds a Teams meeting with the employee as required attendee, at the booked time in UTC", async () => {
    const made = await meetings.create(MEETING);

    const event = onlyEvent();
    expect(made).toEqual({ eventId: event.id, joinUrl: event.onlineMeeting?.joinUrl });
    expect(event).toMatchObject({
      subject: MEETING.subject,
      body: { contentType: 'text', content: MEETING.body },
      start: { dateTime: '2026-12-08T08:30:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '2026-12-08T09:30:00.0000000', timeZone: 'UTC' },
      attendees: [{ emailAddress: { address: ANNA.email, name: ANNA.name }, type: 'required' }],
      organizer: { emailAddress: { address: BIRGITTA.address, name: BIRGITTA.name } },
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      allowNewTimeProposals: false,
      transactionId: MEETING.idempotencyKey,
    });
    expect(event.onlineMeeting?.joinUrl).toMatch(
      /^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//,
    );
  });

  it('when the connection drops after Graph made the event, then the create is sent again with the same transactionId and there is still one event', async () => {
    graph.inject(EVENTS, { drop: true, afterWork: true }, 1, 'POST');

    const made = await meetings.create(MEETING);

    expect(graph.count(EVENTS)).toBe(2);
    expect(made.eventId).toBe(onlyEvent().id);
  });

  it('when Graph throttles the create with 429 and Retry-After, then it waits exactly that long and makes one event', async () => {
    graph.inject(EVENTS, { status: 429, retryAfter: '7' }, 1, 'POST');

    await meetings.create(MEETING);

    expect(timers.sleeps).toEqual([7000]);
    onlyEvent();
  });

  it('when Graph answers 503 with Retry-After, then the create is retried after it and makes one event', async () => {
    graph.inject(EVENTS, { status: 503, retryAfter: '2' }, 2, 'POST');

    await meetings.create(MEETING);

    expect(timers.sleeps).toEqual([2000, 2000]);
    onlyEvent();
  });

  it('when Graph stays unavailable, then the create fails with GraphUnavailableError and no event is made', async () => {
    graph.inject(EVENTS, { status: 503 }, 100, 'POST');

    await expect(meetings.create(MEETING)).rejects.toBeInstanceOf(GraphUnavailableError);
    expect(calendar.eventsOf(BIRGITTA.userId)).toEqual([]);
  });

  it("when the manager has no Exchange Online mailbox, then the create fails with Graph's MailboxNotEnabledForRESTAPI", async () => {
    const error = await meetings
      .create({ ...MEETING, organizerId: 'no-mailbox' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphRequestError);
    expect(error).toMatchObject({ status: 404, code: 'MailboxNotEnabledForRESTAPI' });
  });
});

describe('GraphMeetingCalendar: moving and cancelling', () => {
  it('when the dialogue is moved, then the event moves to the new time and keeps its attendee and meeting', async () => {
    const { eventId, joinUrl } = await meetings.create(MEETING);

    await expect(
      meetings.move(BIRGITTA.userId, eventId, {
        start: '2026-12-10T14:00:00+01:00',
        end: '2026-12-10T15:00:00+01:00',
      }),
    ).resolves.toBe('moved');

    expect(onlyEvent()).toMatchObject({
      id: eventId,
      start: { dateTime: '2026-12-10T13:00:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '2026-12-10T14:00:00.0000000', timeZone: 'UTC' },
      attendees: [{ emailAddress: { address: ANNA.email } }],
      onlineMeeting: { joinUrl },
    });
  });

  it('when Graph answers the move 503 once, then the move is sent again and lands', async () => {
    const { eventId } = await meetings.create(MEETING);
    graph.inject(/\/events\/[^/]+$/, { status: 503 }, 1, 'PATCH');

    await meetings.move(BIRGITTA.userId, eventId, {
      start: '2026-12-10T14:00:00+01:00',
      end: '2026-12-10T15:00:00+01:00',
    });

    expect(timers.sleeps).toHaveLength(1);
    expect(onlyEvent().start.dateTime).toBe('2026-12-10T13:00:00.0000000');
  });

  it('when the event was deleted in Outlook, then moving it says it is gone rather than failing', async () => {
    const { eventId } = await meetings.create(MEETING);
    calendar.deleteInOutlook(BIRGITTA.userId, eventId);

    await expect(
      meetings.move(BIRGITTA.userId, eventId, { start: MEETING.start, end: MEETING.end }),
    ).resolves.toBe('gone');
  });

  it('when the dialogue is cancelled, then the event is cancelled with the comment for the employee, and a second cancel finds it gone', async () => {
    const { eventId } = await meetings.create(MEETING);

    await expect(meetings.cancel(BIRGITTA.userId, eventId, 'Samtalet är avbokat.')).resolves.toBe(
      'cancelled',
    );

    expect(calendar.eventsOf(BIRGITTA.userId)).toEqual([]);
    expect(calendar.cancellations).toEqual([
      {
        organizerId: BIRGITTA.userId,
        event: expect.objectContaining({ id: eventId }),
        comment: 'Samtalet är avbokat.',
      },
    ]);
    await expect(meetings.cancel(BIRGITTA.userId, eventId, 'Igen.')).resolves.toBe('gone');
  });

  it('when the connection drops after Graph cancelled the event, then the repeat finds it gone and the cancel still counts as done', async () => {
    const { eventId } = await meetings.create(MEETING);
    graph.inject(/\/cancel$/, { drop: true, afterWork: true }, 1, 'POST');

    await expect(meetings.cancel(BIRGITTA.userId, eventId, 'Avbokat.')).resolves.toBe('gone');
    expect(calendar.cancellations).toHaveLength(1);
  });

  it("when the organiser's mailbox is not there, then a move fails rather than calling the event gone", async () => {
    await expect(
      meetings.move('no-mailbox', 'AAMkADxyz=', { start: MEETING.start, end: MEETING.end }),
    ).rejects.toMatchObject({ status: 404, code: 'MailboxNotEnabledForRESTAPI' });
  });
});
