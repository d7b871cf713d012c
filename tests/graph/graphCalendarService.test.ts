import type { ServiceOptions } from '../../bot/service';
import { FakeBotConnector } from '../fakes/botConnector';
import { FakeGraph, type FakeGraphUser } from '../fakes/fakeGraph';
import { FakeOutlookCalendar } from '../fakes/fakeOutlookCalendar';
import { RecordingMessenger } from '../fakes/recordingMessenger';
import { startTestService, type TestService } from '../support/inProcessService';
import { memoryLog, type MemoryLog } from '../support/memoryLog';
import { cardTexts, PersonalChat, type CardJson } from '../support/personalChat';
import { fill, memberBlock, TEXTS } from '../bot/teamSupport';
import { appTokens, graphServiceEnvironment } from './graphSupport';

/**
 * CALENDAR=graph: booking a dialogue in "mitt team" puts an Outlook event with a Teams
 * meeting in the manager's calendar, moving and cancelling the booking follow it there, and
 * a calendar that is not allowed or not answering never costs the booking. The organisation
 * and the calendars exist only in the local Graph stand-in.
 */

const t = TEXTS.sv;
const KARIN: FakeGraphUser = {
  id: 'c0a80201-0000-4000-8000-000000000001',
  displayName: 'Karin Lindqvist',
  mail: 'karin.lindqvist@vgregion.se',
  department: 'Akutmottagningen',
};
const report = (n: number, displayName: string, mail?: string): FakeGraphUser => ({
  id: `c0a80201-0000-4000-8000-00000000001${n}`,
  displayName,
  ...(mail ? { mail } : {}),
  department: 'Akutmottagningen',
  managerId: KARIN.id,
});
const ANNA = report(1, 'Anna Lind', 'anna.lind@vgregion.se');
const BERTIL = report(2, 'Bertil Ek', 'bertil.ek@vgregion.se');
const CECILIA = report(3, 'Cecilia Holm', 'cecilia.holm@vgregion.se');
const DAVID = report(4, 'David Berg');
const ELIN = report(5, 'Elin Sand', 'elin.sand@vgregion.se');
const FILIP = report(6, 'Filip Ström', 'filip.strom@vgregion.se');
const GRETA = report(7, 'Greta Nord', 'greta.nord@vgregion.se');

const MEETING = 'medarbetarsamtal (utvecklingssamtal)';
const WHEN = 'tisdag 8 december 2026 kl. 09:30';
const MOVED_TO = 'torsdag 10 december 2026 kl. 14:00';

let graph: FakeGraph;
let calendar: FakeOutlookCalendar;
let connector: FakeBotConnector;

const graphEnvironment = () =>
  graphServiceEnvironment(graph, { DIRECTORY: 'graph', CALENDAR: 'graph' });

/** Friday 20 November 2026, 10:00 in Stockholm. */
const serviceOptions = (roles: string[], extra: ServiceOptions = {}): ServiceOptions => ({
  graphTokens: appTokens(...roles),
  messenger: new RecordingMessenger(),
  now: () => new Date('2026-11-20T09:00:00Z'),
  ...extra,
});

beforeAll(async () => {
  graph = (await FakeGraph.start()).addUsers(
    KARIN,
    ANNA,
    BERTIL,
    CECILIA,
    DAVID,
    ELIN,
    FILIP,
    GRETA,
  );
  calendar = new FakeOutlookCalendar().addMailboxes({
    userId: KARIN.id,
    address: KARIN.mail ?? '',
    name: KARIN.displayName,
  });
  graph.mount(calendar.route);
  connector = await new FakeBotConnector().start();
});

afterAll(async () => {
  await connector.stop();
  await graph.stop();
});

beforeEach(() => graph.clearFaults());

/** Karin's chat with the bot in the service `service()` returns. */
function karin(service: () => TestService) {
  const chat = new PersonalChat(service, connector, { userId: KARIN.id, locale: 'sv-SE' });
  /** Clicks `title` in the block of the person named `name` on the team card. */
  const clickFor = (team: CardJson, name: string, title?: string) => {
    const { buttons } = memberBlock(team, name);
    return chat.click({ actions: buttons }, title ?? String(buttons[0]?.title));
  };
  return {
    async book(person: FakeGraphUser, date = '2026-12-08', time = '09:30') {
      const booking = await clickFor(await chat.say('mitt team'), person.displayName);
      return chat.click(booking, t.team.actions.confirmBook, { date, time });
    },
    async move(person: FakeGraphUser, date: string, time: string) {
      const team = await chat.say('mitt team');
      const booking = await clickFor(team, person.displayName, t.team.actions.changeBooking);
      return chat.click(booking, t.team.actions.confirmMove, { date, time });
    },
    async cancel(person: FakeGraphUser) {
      const team = await chat.say('mitt team');
      const booking = await clickFor(team, person.displayName, t.team.actions.changeBooking);
      const confirm = await chat.click(booking, t.team.actions.cancelBooking);
      return chat.click(confirm, t.team.actions.confirmCancel);
    },
  };
}

/** The sentence above the team card after a booking, a move or a cancellation. */
const notice = (
  kind: 'booked' | 'moved' | 'cancelled',
  person: FakeGraphUser,
  time: string,
  meeting?: keyof typeof t.team.meeting.notice,
) => {
  const name = person.displayName;
  const what = fill(t.team.notice[kind], { dialogue: MEETING, name, time });
  const told = fill(t.team.notice.delivered, { name });
  return meeting
    ? `${what} ${told} ${fill(t.team.meeting.notice[meeting], { name })}`
    : `${what} ${told}`;
};

const eventsWith = (person: FakeGraphUser) =>
  calendar
    .eventsOf(KARIN.id)
    .filter((event) => event.attendees.some((a) => a.emailAddress.address === person.mail));

const bookedFact = (team: CardJson, person: FakeGraphUser) =>
  memberBlock(team, person.displayName).facts[0]?.[1];

describe('Outlook meetings for booked dialogues, with Calendars.ReadWrite', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService(
      graphEnvironment(),
      serviceOptions(['User.Read.All', 'Calendars.ReadWrite']),
    );
  });
  afterAll(() => service.stop());
  const chat = () => karin(() => service);

  it('when Karin books a dialogue with Anna, then her Outlook calendar holds a Teams meeting with Anna invited, and the card says so', async () => {
    const team = await chat().book(ANNA);

    expect(cardTexts(team)).toContain(notice('booked', ANNA, WHEN, 'created'));
    const [event, ...more] = eventsWith(ANNA);
    expect(more).toEqual([]);
    expect(event).toMatchObject({
      subject: 'Medarbetarsamtal (utvecklingssamtal): Anna Lind och Karin Lindqvist',
      start: { dateTime: '2026-12-08T08:30:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '2026-12-08T09:30:00.0000000', timeZone: 'UTC' },
      attendees: [
        { emailAddress: { address: ANNA.mail, name: ANNA.displayName }, type: 'required' },
      ],
      organizer: { emailAddress: { address: KARIN.mail, name: KARIN.displayName } },
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
    });
    expect(event?.onlineMeeting?.joinUrl).toBeTruthy();
  });

  it('when Karin moves the booking, then the same event moves to the new time', async () => {
    await chat().book(BERTIL);
    const [booked] = eventsWith(BERTIL);

    const team = await chat().move(BERTIL, '2026-12-10', '14:00');

    expect(cardTexts(team)).toContain(notice('moved', BERTIL, MOVED_TO, 'moved'));
    expect(eventsWith(BERTIL)).toEqual([
      expect.objectContaining({
        id: booked?.id,
        start: { dateTime: '2026-12-10T13:00:00.0000000', timeZone: 'UTC' },
        end: { dateTime: '2026-12-10T14:00:00.0000000', timeZone: 'UTC' },
      }),
    ]);
  });

  it('when Karin cancels the booking, then the event is cancelled with a Swedish comment to the employee', async () => {
    await chat().book(CECILIA);
    const [booked] = eventsWith(CECILIA);

    const team = await chat().cancel(CECILIA);

    expect(cardTexts(team)).toContain(notice('cancelled', CECILIA, '', 'cancelled'));
    expect(eventsWith(CECILIA)).toEqual([]);
    expect(calendar.cancellations).toContainEqual({
      organizerId: KARIN.id,
      event: expect.objectContaining({ id: booked?.id }),
      comment:
        'Karin Lindqvist har avbokat samtalet i Kompetensdialog. Ni kommer överens om en ny tid.',
    });
  });

  it('when the event was deleted in Outlook and Karin moves the booking, then a new event is made at the new time', async () => {
    await chat().book(FILIP);
    const [deleted] = eventsWith(FILIP);
    calendar.deleteInOutlook(KARIN.id, deleted?.id ?? '');

    const team = await chat().move(FILIP, '2026-12-10', '14:00');

    expect(cardTexts(team)).toContain(notice('moved', FILIP, MOVED_TO, 'created'));
    expect(eventsWith(FILIP)).toEqual([
      expect.objectContaining({
        start: { dateTime: '2026-12-10T13:00:00.0000000', timeZone: 'UTC' },
      }),
    ]);
  });

  it('when the directory has no address for the employee, then the booking stands and Karin is told to book the meeting in Outlook', async () => {
    const team = await chat().book(DAVID);

    expect(cardTexts(team)).toContain(notice('booked', DAVID, WHEN, 'noAddress'));
    expect(bookedFact(team, DAVID)).toBe(
      fill(t.team.overview.cycle.planned, { time: 'tis 8 dec. kl. 09:30' }),
    );
  });

  it('when Graph keeps throttling the create beyond the wait the app allows, then the booking is saved and Karin is told to check Outlook, not shown an error', async () => {
    graph.inject(/\/events$/, { status: 429, retryAfter: '120' }, 10, 'POST');

    const team = await chat().book(ELIN);

    expect(cardTexts(team)).toContain(notice('booked', ELIN, WHEN, 'createFailed'));
    expect(bookedFact(team, ELIN)).toBe(
      fill(t.team.overview.cycle.planned, { time: 'tis 8 dec. kl. 09:30' }),
    );
    expect(eventsWith(ELIN)).toEqual([]);
  });

  it('when Exchange refuses to move the event, then the booking moves in the app and Karin is told to change the meeting in Outlook', async () => {
    await chat().book(GRETA);
    graph.inject(/\/events\/[^/]+$/, { status: 403, code: 'ErrorAccessDenied' }, 1, 'PATCH');

    const team = await chat().move(GRETA, '2026-12-10', '14:00');

    expect(cardTexts(team)).toContain(notice('moved', GRETA, MOVED_TO, 'updateFailed'));
    expect(bookedFact(team, GRETA)).toBe(
      fill(t.team.overview.cycle.planned, { time: 'tors 10 dec. kl. 14:00' }),
    );
  });
});

describe('Outlook meetings without Calendars.ReadWrite', () => {
  let service: TestService;
  let log: MemoryLog;
  beforeAll(async () => {
    log = memoryLog('info');
    service = await startTestService(
      graphEnvironment(),
      serviceOptions(['User.Read.All'], { logger: log.logger }),
    );
  });
  afterAll(() => service.stop());

  it('when the permission was not granted, then the service starts and says once which permission is missing', () => {
    const warnings = log
      .tail(200)
      .split('\n')
      .filter((line) => line.includes('CALENDAR=graph'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('Calendars.ReadWrite');
  });

  it('when Karin books, then the booking works, no event is made, and the card says why and what to do', async () => {
    const before = calendar.eventsOf(KARIN.id).length;

    const team = await karin(() => service).book(ANNA, '2026-12-09', '09:30');

    expect(cardTexts(team)).toContain(
      notice('booked', ANNA, 'onsdag 9 december 2026 kl. 09:30', 'missingPermission'),
    );
    expect(t.team.meeting.notice.missingPermission).toContain('(Calendars.ReadWrite)');
    expect(calendar.eventsOf(KARIN.id)).toHaveLength(before);
  });
});
