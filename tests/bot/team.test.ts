import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import demoOrganisation from '../../bot/demo/demoOrganisation.json';
import { openDatabase } from '../../bot/storage/openDatabase';
import { SqlPlanStore } from '../../bot/storage/sqlPlanStore';
import type { Dialogue } from '../../core/plan/dialogue';
import type { Person } from '../../core/ports/directory';
import { agreedPlan, draftPlan } from '../core/planBuilders';
import { FakeDirectory } from '../fakes/fakeDirectory';
import { RecordingMessenger } from '../fakes/recordingMessenger';
import {
  PersonalChat,
  cardActions,
  cardTexts,
  headingOf,
  invokeCard,
  type CardJson,
} from '../support/personalChat';
import { useServiceWithConnector } from '../support/serviceWithConnector';
import {
  TEXTS,
  clock,
  coverageFacts,
  fill,
  memberBlock,
  memberNames,
  newTeam,
  type Lang,
} from './teamSupport';

const { manager: karinData, unit } = demoOrganisation;
const demo = { profileId: unit.profileId, unitId: unit.id };
const karin: Person = { ...karinData, ...demo };
const demoEmployee = (index: number): Person => {
  const employee = demoOrganisation.employees[index];
  if (!employee) throw new Error('The demo has five employees');
  return { ...employee, ...demo, managerId: karin.id };
};
const [anna, erik, fatima, lars, sofia] = [0, 1, 2, 3, 4].map(demoEmployee) as [
  Person,
  Person,
  Person,
  Person,
  Person,
];

/** A second VGR manager with a team of one: the one who replays Karin's cards. */
const maria = newTeam({ managerName: 'Maria Svensson', size: 1 });
/** A Västerbotten unit: three dialogues a year. */
const jonas = newTeam({ profileId: 'vasterbotten', managerName: 'Jonas Lund', size: 3 });
const [ida, oskar, petra] = jonas.reports;
if (!ida || !oskar || !petra) throw new Error('Jonas has three reports');
/** A big unit, for the size of the card. */
const big = newTeam({ managerName: 'Birgitta Storenhet', size: 30 });
// Long names, and both dialogues of everyone booked: the largest blocks a card can hold.
big.reports.forEach((report, index) => {
  report.displayName = `Anna-Karin Johansson-Lindqvist ${String(index + 1).padStart(2, '0')}`;
});

const directory = new FakeDirectory([
  karin,
  anna,
  erik,
  fatima,
  lars,
  sofia,
  ...maria.people,
  ...jonas.people,
  ...big.people,
]);
const messenger = new RecordingMessenger();

const dialogue = (
  employee: Person,
  managerId: string,
  fields: Partial<Dialogue> & Pick<Dialogue, 'status'>,
): Dialogue => ({
  id: `dialogue-${employee.id}-${fields.dialogueTypeId ?? 'medarbetarsamtal'}`,
  employeeId: employee.id,
  managerId,
  profileId: employee.profileId,
  dialogueTypeId: 'medarbetarsamtal',
  year: 2026,
  ...fields,
});

/**
 * The year so far, stored before the service starts (the embedded database has one owner):
 * Anna has nothing; Erik is booked ahead; Fatima held hers and agreed a plan; Lars's time has
 * passed unmarked; Sofia held hers and a plan is being drafted.
 */
const dataDir = mkdtempSync(path.join(tmpdir(), 'kd-team-'));
beforeAll(async () => {
  const db = await openDatabase({ kind: 'embedded', dataDir });
  try {
    const plans = new SqlPlanStore(db);
    const first = { expectedVersion: 0 };
    for (const stored of [
      dialogue(erik, karin.id, { status: 'planned', scheduledAt: '2026-12-08T09:30:00+01:00' }),
      dialogue(fatima, karin.id, { status: 'held', scheduledAt: '2026-03-10T09:30:00+01:00' }),
      dialogue(lars, karin.id, { status: 'planned', scheduledAt: '2026-11-18T13:00:00+01:00' }),
      dialogue(sofia, karin.id, { status: 'held', scheduledAt: '2026-10-01T10:00:00+02:00' }),
      dialogue(ida, jonas.manager.id, { status: 'held', scheduledAt: '2026-02-03T10:00:00+01:00' }),
      dialogue(petra, jonas.manager.id, {
        status: 'held',
        scheduledAt: '2026-01-20T10:00:00+01:00',
      }),
      dialogue(petra, jonas.manager.id, {
        dialogueTypeId: 'prestationssamtal',
        status: 'planned',
        scheduledAt: '2026-12-15T10:00:00+01:00',
      }),
      ...big.reports.flatMap((report, index) => [
        dialogue(report, big.manager.id, {
          status: 'prepared',
          // The last one's time has passed: the button to mark it held is on page 2.
          scheduledAt:
            index === 29
              ? '2026-11-19T13:30:00+01:00'
              : `2026-12-${String(1 + (index % 20)).padStart(2, '0')}T13:30:00+01:00`,
        }),
        dialogue(report, big.manager.id, {
          dialogueTypeId: 'uppfoljning',
          status: 'planned',
          scheduledAt: `2027-01-${String(10 + (index % 20)).padStart(2, '0')}T08:00:00+01:00`,
        }),
      ]),
    ]) {
      await plans.saveDialogue(stored);
    }
    await plans.saveIndividualPlan(
      agreedPlan({
        employeeId: fatima.id,
        managerId: karin.id,
        agreedBy: fatima.id,
        agreedAt: '2026-03-15T14:00:00+01:00',
      }),
      { ...first, savedBy: karin.id },
    );
    await plans.saveIndividualPlan(draftPlan({ employeeId: sofia.id, managerId: karin.id }), {
      ...first,
      savedBy: karin.id,
    });
    // Petra's plan was agreed last December; a new version is proposed now.
    const petrasPlan = agreedPlan({
      employeeId: petra.id,
      managerId: jonas.manager.id,
      profileId: 'vasterbotten',
      agreedBy: petra.id,
      agreedAt: '2025-12-01T15:00:00+01:00',
    });
    const stored = await plans.saveIndividualPlan(petrasPlan, {
      ...first,
      savedBy: jonas.manager.id,
    });
    await plans.saveIndividualPlan(
      { ...stored, status: 'proposed', updatedAt: '2026-11-02T10:00:00+01:00' },
      { expectedVersion: stored.version, savedBy: jonas.manager.id },
    );
  } finally {
    await db.close();
  }
});
const running = useServiceWithConnector(
  { DATA_DIR: dataDir },
  { messenger, directory, now: clock.now },
);
afterAll(() => rm(dataDir, { recursive: true, force: true }));

beforeEach(() => {
  clock.reset();
  messenger.clear();
  running.connector.clear();
});

const chatAs = (person: Person, lang: Lang = 'sv') =>
  new PersonalChat(() => running.service, running.connector, {
    userId: person.id,
    locale: lang === 'sv' ? 'sv-SE' : 'en-US',
  });

const VGR_MEETING = { sv: 'Medarbetarsamtal (utvecklingssamtal)', en: 'Development dialogue' };
const VGR_FOLLOW_UP = { sv: 'Uppföljning av utvecklingsplanen', en: 'Development plan follow-up' };

describe('"mitt team" for a manager', () => {
  const cases: ReadonlyArray<[Lang, string, Person, [string, string][], string | undefined]> = (
    ['sv', 'en'] as const
  ).flatMap((lang) => {
    const t = TEXTS[lang].team;
    const cycle = t.overview.cycle;
    const plan = t.overview.plan;
    const rows: [Person, [string, string][], string | undefined][] = [
      [
        anna,
        [
          [VGR_MEETING[lang], cycle['not-planned']],
          [VGR_FOLLOW_UP[lang], cycle['not-planned']],
          ['Plan', plan.none],
        ],
        fill(t.actions.book, {
          dialogue: lang === 'sv' ? 'medarbetarsamtal (utvecklingssamtal)' : 'development dialogue',
        }),
      ],
      [
        erik,
        [
          [
            VGR_MEETING[lang],
            fill(cycle.planned, {
              time: lang === 'sv' ? 'tis 8 dec. kl. 09:30' : 'Tue 8 Dec at 09:30',
            }),
          ],
          [VGR_FOLLOW_UP[lang], cycle['not-planned']],
          ['Plan', plan.none],
        ],
        t.actions.changeBooking,
      ],
      [
        fatima,
        [
          [VGR_MEETING[lang], fill(cycle.heldOn, { date: lang === 'sv' ? '10 mars' : '10 March' })],
          [VGR_FOLLOW_UP[lang], cycle['not-planned']],
          [
            'Plan',
            fill(plan.currentUntil, { date: lang === 'sv' ? '14 mars 2027' : '14 March 2027' }),
          ],
          // Her plan's activity was due in June and she has not said what came of it.
          [
            TEXTS[lang].reminders.team.label,
            fill(TEXTS[lang].reminders.team.unanswered_one, { count: 1 }),
          ],
        ],
        fill(t.actions.book, {
          dialogue:
            lang === 'sv' ? 'uppföljning av utvecklingsplanen' : 'development plan follow-up',
        }),
      ],
      [
        lars,
        [
          [
            VGR_MEETING[lang],
            fill(cycle.passed, {
              time: lang === 'sv' ? 'ons 18 nov. kl. 13:00' : 'Wed 18 Nov at 13:00',
            }),
          ],
          [VGR_FOLLOW_UP[lang], cycle['not-planned']],
          ['Plan', plan.none],
        ],
        t.actions.markHeld,
      ],
      [
        sofia,
        [
          [
            VGR_MEETING[lang],
            fill(cycle.heldOn, { date: lang === 'sv' ? '1 oktober' : '1 October' }),
          ],
          [VGR_FOLLOW_UP[lang], cycle['not-planned']],
          ['Plan', `${plan.none} · ${plan.draft}`],
        ],
        t.actions.continuePlan,
      ],
    ];
    return rows.map(
      ([person, facts, button]): [Lang, string, Person, [string, string][], string | undefined] => [
        lang,
        person.displayName,
        person,
        facts,
        button,
      ],
    );
  });

  it.each(cases)(
    "(%s) when Karin opens her team, then %s is listed with this year's dialogues, the plan and one next step",
    async (lang, _name, person, facts, button) => {
      const card = await chatAs(karin, lang).say(lang === 'sv' ? 'mitt team' : 'my team');
      const block = memberBlock(card, person.displayName);
      expect(block.facts).toEqual(facts);
      expect(block.buttons.map((b) => b.title)).toEqual(button ? [button] : []);
    },
  );

  it('when Karin opens her team, then all five are listed by name with the count and the year', async () => {
    const card = await chatAs(karin).say('mitt team');
    expect(headingOf(card)).toBe(TEXTS.sv.team.overview.title);
    expect(memberNames(card)).toEqual([anna, erik, fatima, lars, sofia].map((p) => p.displayName));
    expect(cardTexts(card)).toContain(fill(TEXTS.sv.team.overview.intro, { count: 5, year: 2026 }));
    // Nobody outside her team.
    const texts = cardTexts(card).join('\n');
    for (const other of [...maria.reports, ...jonas.reports]) {
      expect(texts).not.toContain(other.displayName);
    }
  });

  it.each([
    ['a booked dialogue', erik, 'team.schedule', { dialogueTypeId: 'medarbetarsamtal' }],
    [
      'a passed time',
      lars,
      'team.markHeld',
      { dialogueTypeId: 'medarbetarsamtal', bookedAt: '2026-11-18T13:00:00+01:00' },
    ],
    ['a plan being drafted', sofia, 'plan.start', {}],
    ['nothing yet', anna, 'team.schedule', { dialogueTypeId: 'medarbetarsamtal' }],
  ] as const)(
    'when a person has %s, then their button sends the verb and ids of that step',
    async (_what, person, verb, data) => {
      const card = await chatAs(karin).say('mitt team');
      const [button] = memberBlock(card, person.displayName).buttons;
      expect(button).toMatchObject({
        type: 'Action.Execute',
        verb,
        data: { verb, employeeId: person.id, ...data },
      });
    },
  );

  it('when Karin opens her team, then the coverage shows current plans and dialogues held this year', async () => {
    const card = await chatAs(karin).say('mitt team');
    const share = TEXTS.sv.team.coverage.share;
    expect(coverageFacts(card)).toEqual([
      [TEXTS.sv.team.coverage.currentPlans, fill(share, { part: 1, whole: 5, percent: 20 })],
      [
        fill(TEXTS.sv.team.coverage.held, { dialogue: VGR_MEETING.sv }),
        fill(share, { part: 2, whole: 5, percent: 40 }),
      ],
      [
        fill(TEXTS.sv.team.coverage.held, { dialogue: VGR_FOLLOW_UP.sv }),
        fill(share, { part: 0, whole: 5, percent: 0 }),
      ],
    ]);
  });

  it.each(['sv', 'en'] as const)(
    "(%s) when Karin presses the team card's own buttons, then the team plan, a fresh team card and help follow",
    async (lang) => {
      const t = TEXTS[lang];
      const chat = chatAs(karin, lang);
      const card = await chat.say(lang === 'sv' ? 'mitt team' : 'my team');
      expect(chat.button(card, t.team.actions.teamPlan)).toMatchObject({
        data: { verb: 'runCommand', command: 'teamPlan' },
      });
      expect(headingOf(await chat.click(card, t.team.actions.refresh))).toBe(t.team.overview.title);
      expect(headingOf(await chat.click(card, t.actions.showHelp))).toBe(t.help.title);
    },
  );

  it('when the manager uses a host without Universal Actions, then "Uppdatera" still answers with the team', async () => {
    const chat = chatAs(karin);
    const card = await chat.say('mitt team');
    expect(headingOf(await chat.submitFallback(card, TEXTS.sv.team.actions.refresh))).toBe(
      TEXTS.sv.team.overview.title,
    );
  });

  it('when Maria opens her team, then she sees only her own report', async () => {
    const card = await chatAs(maria.manager).say('mitt team');
    expect(memberNames(card)).toEqual(maria.reports.map((p) => p.displayName));
  });
});

describe('a Västerbotten team', () => {
  const VB = ['Medarbetarsamtal', 'Prestationssamtal', 'Löneåterkopplingssamtal'];

  it('when Jonas opens his team, then each person shows the three dialogues of the cycle', async () => {
    const card = await chatAs(jonas.manager).say('mitt team');
    for (const person of jonas.reports) {
      expect(
        memberBlock(card, person.displayName)
          .facts.map(([title]) => title)
          // Petra's agreed plan has a follow-up due, which adds a row after the plan.
          .filter((title) => title !== TEXTS.sv.reminders.team.label),
      ).toEqual([...VB, 'Plan']);
    }
    expect(coverageFacts(card).map(([title]) => title)).toEqual([
      TEXTS.sv.team.coverage.currentPlans,
      ...VB.map((name) => fill(TEXTS.sv.team.coverage.held, { dialogue: name })),
    ]);
  });

  it.each([
    [
      'the plan-writing dialogue is held and there is no plan',
      ida,
      TEXTS.sv.team.actions.writePlan,
      'plan.start',
    ],
    [
      'nothing is booked',
      oskar,
      fill(TEXTS.sv.team.actions.book, { dialogue: 'medarbetarsamtal' }),
      'team.schedule',
    ],
    [
      'a plan is proposed and the next dialogue is booked',
      petra,
      TEXTS.sv.team.actions.changeBooking,
      'team.schedule',
    ],
  ] as const)(
    'when %s, then the one button is the next step',
    async (_what, person, title, verb) => {
      const card = await chatAs(jonas.manager).say('mitt team');
      const block = memberBlock(card, person.displayName);
      expect(block.buttons.map((b) => [b.title, b.verb])).toEqual([[title, verb]]);
    },
  );

  it('when a plan is proposed while an earlier agreement still holds, then both are shown', async () => {
    const card = await chatAs(jonas.manager).say('mitt team');
    const plan = TEXTS.sv.team.overview.plan;
    expect(memberBlock(card, petra.displayName).facts.find(([title]) => title === 'Plan')).toEqual([
      'Plan',
      `${fill(plan.currentUntil, { date: '30 november 2026' })} · ${plan.proposed}`,
    ]);
  });
});

describe('a big team', () => {
  const bytes = (card: CardJson) => Buffer.byteLength(JSON.stringify(card), 'utf8');
  const names = big.reports.map((person) => person.displayName);

  it('when a manager of 30 opens the team, then two pages list everyone once, each well within a Teams message', async () => {
    const chat = chatAs(big.manager);
    const first = await chat.say('mitt team');
    expect(memberNames(first)).toEqual(names.slice(0, 20));
    expect(cardTexts(first)).toContain(
      fill(TEXTS.sv.team.overview.showing, { from: 1, to: 20, count: 30 }),
    );
    const second = await chat.click(first, TEXTS.sv.team.actions.nextPage);
    expect(memberNames(second)).toEqual(names.slice(20));
    expect(cardTexts(second)).toContain(
      fill(TEXTS.sv.team.overview.showing, { from: 21, to: 30, count: 30 }),
    );
    expect(() => chat.button(second, TEXTS.sv.team.actions.nextPage)).toThrow();
    expect(memberNames(await chat.click(second, TEXTS.sv.team.actions.previousPage))).toEqual(
      names.slice(0, 20),
    );
    // Teams refuses bot messages over about 28 KB; each page leaves room for the activity.
    for (const card of [first, second]) expect(bytes(card)).toBeLessThan(24_000);
    // The coverage counts the whole team on every page.
    expect(coverageFacts(second)[0]?.[1]).toBe(
      fill(TEXTS.sv.team.coverage.share, { part: 0, whole: 30, percent: 0 }),
    );
  });

  it("when a booking in next year is listed, then its year is shown; this year's are not", async () => {
    const card = await chatAs(big.manager).say('mitt team');
    expect(memberBlock(card, names[0] as string).facts.slice(0, 2)).toEqual([
      [
        VGR_MEETING.sv,
        fill(TEXTS.sv.team.overview.cycle.prepared, { time: 'tis 1 dec. kl. 13:30' }),
      ],
      [
        VGR_FOLLOW_UP.sv,
        fill(TEXTS.sv.team.overview.cycle.planned, { time: 'sön 10 jan. 2027 kl. 08:00' }),
      ],
    ]);
  });

  it('when the manager acts on someone on page 2, then the team comes back at page 2', async () => {
    const chat = chatAs(big.manager);
    const second = await chat.click(await chat.say('mitt team'), TEXTS.sv.team.actions.nextPage);
    const after = await chat.click(second, TEXTS.sv.team.actions.markHeld);
    expect(memberNames(after)).toEqual(names.slice(20));
    expect(cardTexts(after)).toContain(
      fill(TEXTS.sv.team.notice.held, {
        dialogue: 'medarbetarsamtal (utvecklingssamtal)',
        name: names[29] as string,
      }),
    );
  });
});

describe('"mitt team" for an employee', () => {
  it.each([
    ['sv', 'mitt team'],
    ['en', 'my team'],
  ] as const)(
    '(%s) when Anna, who has no reports, writes "%s", then she gets a friendly explanation and what she can do instead',
    async (lang, text) => {
      const t = TEXTS[lang];
      const card = await chatAs(anna, lang).say(text);
      expect(headingOf(card)).toBe(t.team.notManager.title);
      expect(cardTexts(card)).toEqual(
        expect.arrayContaining([t.team.notManager.body, t.team.notManager.instead]),
      );
      expect(cardActions(card).map((a) => [a.title, (a.data as CardJson).command])).toEqual([
        [t.actions.prepare, 'prepare'],
        [t.team.actions.myPlan, 'myPlan'],
        [t.actions.showHelp, 'help'],
      ]);
      // Nothing about anyone else.
      expect(cardTexts(card).join('\n')).not.toContain(karin.displayName);
    },
  );
});

describe('cards replayed by someone who is not the manager', () => {
  /** Karin's buttons that would change something: book, move, cancel, mark held. */
  async function karinsButtons(): Promise<Record<string, CardJson>> {
    const chat = chatAs(karin);
    const team = await chat.say('mitt team');
    const booking = await chat.click(
      team,
      memberBlock(team, erik.displayName).buttons[0]?.title as string,
    );
    const confirm = await chat.click(booking, TEXTS.sv.team.actions.cancelBooking);
    return {
      schedule: chat.button(team, memberBlock(team, anna.displayName).buttons[0]?.title as string),
      markHeld: chat.button(team, TEXTS.sv.team.actions.markHeld),
      move: chat.button(booking, TEXTS.sv.team.actions.confirmMove),
      cancel: chat.button(booking, TEXTS.sv.team.actions.cancelBooking),
      confirmCancel: chat.button(confirm, TEXTS.sv.team.actions.confirmCancel),
    };
  }

  const replayers: [string, () => Person][] = [
    ['another manager', () => maria.manager],
    ['the employee herself', () => erik],
    [
      'a person the directory does not know',
      () => ({ ...anna, id: '00000000-0000-4000-8000-0000000000ff' }),
    ],
  ];
  const clicks = ['schedule', 'markHeld', 'move', 'cancel', 'confirmCancel'] as const;

  it.each(
    replayers.flatMap(([who, person]) => clicks.map((click) => [who, click, person] as const)),
  )(
    'when %s replays Karin\'s "%s" button, then a polite card says it is not theirs, names nobody, and nothing changes',
    async (_who, click, person) => {
      const buttons = await karinsButtons();
      const before = cardTexts(await chatAs(karin).say('mitt team'));
      const replayer = person();
      const card = await invokeCard(
        running.service,
        { serviceUrl: running.connector.url, userId: replayer.id },
        buttons[click] as CardJson,
        { date: '2026-12-01', time: '08:00' },
      );
      expect(headingOf(card)).toBe(TEXTS.sv.notYours.title);
      const texts = cardTexts(card).join('\n');
      for (const someone of [karin, anna, erik, fatima, lars, sofia]) {
        expect(texts).not.toContain(someone.displayName);
      }
      expect(texts).not.toMatch(/samtal|2026/i);
      expect(messenger.attempts).toEqual([]);
      expect(cardTexts(await chatAs(karin).say('mitt team'))).toEqual(before);
    },
  );

  it("when an employee has moved to another manager, then her old manager's booking button is refused", async () => {
    const team = newTeam({ size: 1 });
    const [employee] = team.reports;
    if (!employee) throw new Error('one report');
    directory.add(...team.people);
    const chat = chatAs(team.manager);
    const card = await chat.say('mitt team');
    const open = memberBlock(card, employee.displayName).buttons[0]?.title as string;
    directory.moveTo(employee.id, maria.manager.id);
    try {
      expect(headingOf(await chat.click(card, open))).toBe(TEXTS.sv.notYours.title);
      // And she is no longer on the old manager's card: the team is empty, so no team at all.
      expect(headingOf(await chat.say('mitt team'))).toBe(TEXTS.sv.team.notManager.title);
    } finally {
      directory.moveTo(employee.id, team.manager.id);
    }
  });
});
