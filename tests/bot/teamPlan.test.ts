import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import en from '../../core/i18n/locales/en.json';
import sv from '../../core/i18n/locales/sv.json';
import { PLAN_LIMITS } from '../../core/plan/limits';
import type { TeamPlan } from '../../core/plan/teamPlan';
import { useServiceWithConnector } from '../support/serviceWithConnector';
import {
  PersonalChat,
  cardInputs,
  cardTexts,
  headingOf,
  invokeCard,
} from '../support/personalChat';
import {
  FixedDirectory,
  choicesOf,
  clickWithInputs,
  factsOf,
  fill,
  heldDialogue,
  individualPlan,
  seed,
  testUnit,
  thisYear,
  type TestUnit,
} from './teamPlanFixtures';

const TEXTS = { sv, en } as const;
type Language = keyof typeof TEXTS;
const LOCALES: Record<Language, string> = { sv: 'sv-SE', en: 'en-GB' };

const year = thisYear();

/** One unit per story, so no test sees another's plan. */
const units = {
  firstSv: testUnit('first-sv', 2),
  firstEn: testUnit('first-en', 2),
  validation: testUnit('validation', 2),
  needs: testUnit('needs', 1),
  fallback: testUnit('fallback', 1),
  stale: testUnit('stale', 2),
  race: testUnit('race', 1),
  unlink: testUnit('unlink', 1),
  counted: testUnit('counted', 5),
  other: testUnit('other', 2),
  outside: testUnit('outside', 1),
  noUnit: testUnit('no-unit', 1, { unit: false }),
} satisfies Record<string, TestUnit>;

const [c1, c2, c3, c4, c5] = units.counted.reports;
const [outsider] = units.outside.reports;
if (!c1 || !c2 || !c3 || !c4 || !c5 || !outsider) throw new Error('The units have their reports');

/** The counted unit's plan: two needs its people plan for, two no current plan takes up. */
const COUNTED_PLAN: TeamPlan = {
  id: 'team-plan-counted',
  unitId: units.counted.unitId,
  profileId: 'vgr',
  year,
  unitGoals: [
    { id: 'goal-digital', text: 'Säkrare digitala arbetssätt i vardagen' },
    { id: 'goal-beredskap', text: 'God beredskap vid störningar' },
  ],
  neededCompetences: [
    {
      id: 'need-ai',
      priorityAreaId: 'artificiell-intelligens',
      unitGoalId: 'goal-digital',
      description: 'Förstå vad AI-stöd kan göra i journalarbetet',
      priority: 'high',
    },
    {
      id: 'need-beredskap',
      priorityAreaId: 'sakerhet-och-beredskap',
      unitGoalId: 'goal-beredskap',
      description: 'Öva krisberedskap tillsammans',
      priority: 'high',
    },
    {
      id: 'need-digital',
      priorityAreaId: 'digitalisering',
      description: 'Den nya vårdinformationsmiljön',
      priority: 'medium',
    },
    {
      id: 'need-forandring',
      priorityAreaId: 'forandringsledning',
      description: 'Leda förändring i vardagen',
      priority: 'low',
    },
  ],
  version: 1,
  updatedAt: new Date().toISOString(),
  updatedBy: units.counted.manager.id,
};

const dataDir = mkdtempSync(path.join(tmpdir(), 'kd-team-plan-'));

beforeAll(async () => {
  await seed(dataDir, {
    plans: [
      // Current and agreed: these two count.
      individualPlan({
        employee: c1,
        status: 'agreed',
        agreedDaysAgo: 30,
        areas: ['artificiell-intelligens', 'digitalisering'],
        forms: ['auskultation', 'utbildning'],
      }),
      individualPlan({
        employee: c2,
        status: 'agreed',
        agreedDaysAgo: 60,
        areas: ['artificiell-intelligens'],
        forms: ['auskultation', '!mentorskap'],
      }),
      // Agreed more than a year ago, a draft, and someone in another team: none counts.
      individualPlan({
        employee: c3,
        status: 'agreed',
        agreedDaysAgo: 400,
        areas: ['sakerhet-och-beredskap'],
        forms: ['simulering'],
      }),
      individualPlan({
        employee: c4,
        status: 'draft',
        areas: ['ett-hallbart-arbetsliv'],
        forms: ['studiebesok'],
      }),
      individualPlan({
        employee: outsider,
        status: 'agreed',
        agreedDaysAgo: 10,
        areas: ['forandringsledning'],
        forms: ['seminarier'],
      }),
    ],
    dialogues: [
      heldDialogue(c1, year, 'held'),
      heldDialogue(c2, year, 'held'),
      heldDialogue(c3, year - 1, 'held'),
      heldDialogue(c4, year, 'planned'),
    ],
    teamPlans: [
      COUNTED_PLAN,
      {
        ...COUNTED_PLAN,
        id: 'team-plan-needs',
        unitId: units.needs.unitId,
        unitGoals: [{ id: 'goal-needs', text: 'Ett mål att koppla behov till' }],
        neededCompetences: [],
        updatedBy: units.needs.manager.id,
      },
    ],
  });
});

const running = useServiceWithConnector(
  { DATA_DIR: dataDir },
  { directory: new FixedDirectory(Object.values(units)) },
);

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

beforeEach(() => running.connector.clear());

const chatAs = (person: { id: string }, language: Language = 'sv') =>
  new PersonalChat(() => running.service, running.connector, {
    userId: person.id,
    locale: LOCALES[language],
  });

const texts = (card: unknown) => cardTexts(card).join('\n');
const priorityName = (language: Language, priority: 'high' | 'medium' | 'low') =>
  TEXTS[language].teamPlan.priority[priority];

describe('a manager whose unit has no team plan yet', () => {
  it.each([
    ['sv', 'teamets plan', units.firstSv],
    ['en', 'team plan', units.firstEn],
  ] as const)(
    'when the manager writes "%s: %s", then the card says there is none yet and offers to write it',
    async (language, text, unit) => {
      const t = TEXTS[language];
      const card = await chatAs(unit.manager, language).say(text);
      expect(headingOf(card)).toBe(fill(t.teamPlan.title, { year }));
      const shown = cardTexts(card);
      expect(shown).toContain(fill(t.teamPlan.empty, { year }));
      expect(shown).toContain(t.teamPlan.planned.none);
      expect(shown).toContain(t.team.coverage.heading);
      expect(factsOf(card).get(t.team.coverage.currentPlans)).toBe(
        fill(t.team.coverage.share, { part: 0, whole: 2, percent: 0 }),
      );
      for (const title of [
        t.teamPlan.actions.write,
        t.teamPlan.actions.myTeam,
        t.actions.showHelp,
      ]) {
        expect(() => chatAs(unit.manager).button(card, title)).not.toThrow();
      }
      expect(() => chatAs(unit.manager).button(card, t.teamPlan.actions.editNeeds)).toThrow();
    },
  );

  it.each([
    ['sv', units.firstSv],
    ['en', units.firstEn],
  ] as const)(
    'when the manager (%s) writes two goals and adds a need, then the plan shows them and the need as a gap nobody plans for',
    async (language, unit) => {
      const t = TEXTS[language];
      const chat = chatAs(unit.manager, language);
      const empty = await chat.say(language === 'sv' ? 'teamets plan' : 'team plan');

      const goals = await chat.click(empty, t.teamPlan.actions.write);
      expect(headingOf(goals)).toBe(fill(t.teamPlan.goalsEdit.title, { year }));
      const boxes = [...cardInputs(goals).values()];
      expect(boxes).toHaveLength(3);
      expect(boxes.map((box) => box.label)).toEqual(
        [1, 2, 3].map((number) =>
          fill(t.teamPlan.goalsEdit.label, { number, max: PLAN_LIMITS.unitGoalTextMax }),
        ),
      );
      const [first, second] = boxes.map((box) => String(box.id));
      const needs = await clickWithInputs(chat, goals, t.teamPlan.actions.saveGoals, {
        [String(first)]: 'Kortare väntetider på akuten',
        [String(second)]: '  Tryggare överlämningar  ',
      });

      expect(headingOf(needs)).toBe(fill(t.teamPlan.needsEdit.title, { year }));
      expect(cardTexts(needs)).toEqual(
        expect.arrayContaining([t.teamPlan.notices.goalsSaved, t.teamPlan.notices.nextNeeds]),
      );
      const goalChoices = choicesOf(needs, 'need:unitGoal');
      expect(goalChoices.map((choice) => choice.title)).toEqual([
        t.teamPlan.needsEdit.noUnitGoal,
        'Kortare väntetider på akuten',
        'Tryggare överlämningar',
      ]);
      expect(cardInputs(needs).get('need:priority')?.value).toBe('medium');

      const added = await clickWithInputs(chat, needs, t.teamPlan.actions.addNeed, {
        'need:area': 'artificiell-intelligens',
        'need:description': 'Grundkurs i AI för hela teamet',
        'need:priority': 'high',
        'need:unitGoal': String(goalChoices[1]?.value),
      });
      expect(cardTexts(added)).toContain(t.teamPlan.notices.needAdded);
      const aiName =
        language === 'sv' ? 'Artificiell intelligens (AI)' : 'Artificial intelligence (AI)';
      const item = fill(t.teamPlan.needs.item, {
        number: 1,
        area: aiName,
        priority: priorityName(language, 'high'),
      });
      expect(cardTexts(added)).toContain(item);
      // The form is empty again for the next need.
      expect(cardInputs(added).get('need:description')?.value).toBeUndefined();

      const plan = await chat.click(added, t.teamPlan.actions.done);
      expect(headingOf(plan)).toBe(fill(t.teamPlan.title, { year }));
      const shown = cardTexts(plan);
      expect(shown).toEqual(
        expect.arrayContaining([
          '1. Kortare väntetider på akuten',
          '2. Tryggare överlämningar',
          item,
          'Grundkurs i AI för hela teamet',
          `${t.teamPlan.needs.forGoal} Kortare väntetider på akuten`,
          t.teamPlan.gaps.intro,
          fill(t.teamPlan.gaps.item, { area: aiName, priority: priorityName(language, 'high') }),
        ]),
      );
      for (const title of [t.teamPlan.actions.editGoals, t.teamPlan.actions.editNeeds]) {
        expect(() => chat.button(plan, title)).not.toThrow();
      }
    },
  );
});

describe('what the manager types is checked, and kept when it is wrong', () => {
  const unit = units.validation;

  it('when every goal box is left empty, then nothing is saved and the card asks for a goal', async () => {
    const chat = chatAs(unit.manager);
    const goals = await chat.click(await chat.say('teamets plan'), sv.teamPlan.actions.write);
    const again = await clickWithInputs(chat, goals, sv.teamPlan.actions.saveGoals, {});
    expect(headingOf(again)).toBe(fill(sv.teamPlan.goalsEdit.title, { year }));
    expect(cardTexts(again)).toEqual(
      expect.arrayContaining([sv.teamPlan.notices.fixBelow, sv.teamPlan.errors.goalRequired]),
    );
    expect(cardTexts(await chat.say('teamets plan'))).toContain(fill(sv.teamPlan.empty, { year }));
  });

  it('when one goal is too long, then the error is under it and both typed goals are kept', async () => {
    const chat = chatAs(unit.manager);
    const goals = await chat.click(await chat.say('teamets plan'), sv.teamPlan.actions.write);
    const [first, second] = [...cardInputs(goals).keys()];
    const long = 'x'.repeat(PLAN_LIMITS.unitGoalTextMax + 1);
    const again = await clickWithInputs(chat, goals, sv.teamPlan.actions.saveGoals, {
      [String(first)]: 'Ett bra mål',
      [String(second)]: long,
    });
    expect(cardTexts(again)).toContain(
      fill(sv.teamPlan.errors.tooLong, { max: PLAN_LIMITS.unitGoalTextMax }),
    );
    const inputs = [...cardInputs(again).values()];
    expect(inputs.slice(0, 2).map((input) => input.value)).toEqual(['Ett bra mål', long]);
    // The error sits right under the box it is about.
    const body = again.body as { value?: string; text?: string }[];
    const box = body.findIndex((element) => element.value === long);
    expect(body[box + 1]?.text).toBe(
      fill(sv.teamPlan.errors.tooLong, { max: PLAN_LIMITS.unitGoalTextMax }),
    );

    // Fixed and saved from the same card: the plan is written once.
    const saved = await clickWithInputs(chat, again, sv.teamPlan.actions.saveGoals, {
      [String(first)]: 'Ett bra mål',
      [String(second)]: 'Ett kortare mål',
    });
    expect(cardTexts(saved)).toContain(sv.teamPlan.notices.goalsSaved);
  });

  const validNeed = {
    'need:area': 'digitalisering',
    'need:description': 'Trygg i nya journalsystemet',
    'need:priority': 'low',
    'need:unitGoal': '-',
  };

  it.each([
    ['no area is chosen', { 'need:area': '' }, sv.teamPlan.errors.chooseArea],
    [
      'an area the profile lacks arrives',
      { 'need:area': 'astrologi' },
      sv.teamPlan.errors.chooseArea,
    ],
    ['the description is empty', { 'need:description': '   ' }, sv.teamPlan.errors.describeNeed],
    [
      'the description is too long',
      { 'need:description': 'y'.repeat(PLAN_LIMITS.competenceDescriptionMax + 1) },
      fill(sv.teamPlan.errors.tooLong, { max: PLAN_LIMITS.competenceDescriptionMax }),
    ],
    ['a forged priority arrives', { 'need:priority': 'urgent' }, sv.teamPlan.errors.choosePriority],
    [
      'an unknown unit goal arrives',
      { 'need:unitGoal': 'goal-elsewhere' },
      sv.teamPlan.errors.unknownGoal,
    ],
  ])(
    'when %s, then the need is refused with the error and the typed values kept',
    async (_case, change, error) => {
      const chat = chatAs(units.needs.manager);
      const plan = await chat.say('teamets plan');
      const needs = await chat.click(plan, sv.teamPlan.actions.editNeeds);
      const typed: Record<string, string> = { ...validNeed, ...change };
      const again = await clickWithInputs(chat, needs, sv.teamPlan.actions.addNeed, typed);
      expect(cardTexts(again)).toEqual(
        expect.arrayContaining([sv.teamPlan.notices.fixBelow, error]),
      );
      expect(cardTexts(again)).not.toContain(sv.teamPlan.notices.needAdded);
      const inputs = cardInputs(again);
      // What was typed comes back; a choice the card never offered does not.
      expect(inputs.get('need:description')?.value).toBe(typed['need:description']);
      for (const id of ['need:area', 'need:priority', 'need:unitGoal']) {
        if (!(id in change)) expect(inputs.get(id)?.value).toBe(typed[id]);
      }
      expect(cardTexts(await chat.say('teamets plan'))).toContain(sv.teamPlan.needs.none);
    },
  );
});

describe('two saves from the same card', () => {
  const unit = units.stale;

  it('when a goals card is saved twice, then the second save is refused, says why, and keeps what was typed', async () => {
    const chat = chatAs(unit.manager);
    const goals = await chat.click(await chat.say('teamets plan'), sv.teamPlan.actions.write);
    const [first] = [...cardInputs(goals).keys()];
    await clickWithInputs(chat, goals, sv.teamPlan.actions.saveGoals, {
      [String(first)]: 'Målet som sparades först',
    });

    const stale = await clickWithInputs(chat, goals, sv.teamPlan.actions.saveGoals, {
      [String(first)]: 'Målet som skrevs på det gamla kortet',
    });
    expect(headingOf(stale)).toBe(fill(sv.teamPlan.goalsEdit.title, { year }));
    const shown = cardTexts(stale);
    expect(shown).toEqual(
      expect.arrayContaining([
        sv.teamPlan.notices.stale,
        sv.teamPlan.goalsEdit.savedNow,
        '1. Målet som sparades först',
      ]),
    );
    expect([...cardInputs(stale).values()].map((input) => input.value)).toContain(
      'Målet som skrevs på det gamla kortet',
    );

    const plan = await chat.say('teamets plan');
    expect(cardTexts(plan)).toContain('1. Målet som sparades först');
    expect(texts(plan)).not.toContain('det gamla kortet');
  });

  it('when a needs card adds twice or removes twice, then only the first click changes the plan', async () => {
    const chat = chatAs(unit.manager);
    const needs = await chat.click(await chat.say('teamets plan'), sv.teamPlan.actions.editNeeds);
    const need = {
      'need:area': 'hallbar-utveckling',
      'need:description': 'Klimatsmart förbrukning',
      'need:priority': 'medium',
    };
    const added = await clickWithInputs(chat, needs, sv.teamPlan.actions.addNeed, need);
    expect(cardTexts(added)).toContain(sv.teamPlan.notices.needAdded);

    const again = await clickWithInputs(chat, needs, sv.teamPlan.actions.addNeed, need);
    expect(cardTexts(again)).toContain(sv.teamPlan.notices.stale);
    expect(cardInputs(again).get('need:description')?.value).toBe(need['need:description']);
    expect(cardTexts(again).filter((text) => text === need['need:description'])).toHaveLength(1);

    const remove = fill(sv.teamPlan.actions.removeNeed, { number: 1 });
    const removed = await clickWithInputs(chat, added, remove);
    expect(cardTexts(removed)).toContain(sv.teamPlan.notices.needRemoved);
    expect(cardTexts(removed)).toContain(sv.teamPlan.needsEdit.none);
    const twice = await clickWithInputs(chat, added, remove, {
      'need:description': 'Påbörjat nästa behov',
    });
    expect(cardTexts(twice)).toContain(sv.teamPlan.notices.stale);
    expect(cardInputs(twice).get('need:description')?.value).toBe('Påbörjat nästa behov');
  });

  it('when two cards write the first plan at the same time, then one is saved and the other is told', async () => {
    const chat = chatAs(units.race.manager);
    const empty = await chat.say('teamets plan');
    const [one, two] = await Promise.all(
      [1, 2].map(() => chat.click(empty, sv.teamPlan.actions.write)),
    );
    if (!one || !two) throw new Error('Two cards');
    const box = String([...cardInputs(one).keys()][0]);
    const saves = await Promise.all([
      clickWithInputs(chat, one, sv.teamPlan.actions.saveGoals, { [box]: 'Mål från kort ett' }),
      clickWithInputs(chat, two, sv.teamPlan.actions.saveGoals, {
        [String([...cardInputs(two).keys()][0])]: 'Mål från kort två',
      }),
    ]);
    expect(
      saves.filter((card) => cardTexts(card).includes(sv.teamPlan.notices.stale)),
    ).toHaveLength(1);
    const plan = cardTexts(await chat.say('teamets plan'));
    expect(
      ['1. Mål från kort ett', '1. Mål från kort två'].filter((goal) => plan.includes(goal)),
    ).toHaveLength(1);
  });

  it('when a host without Universal Actions saves the goals, then the next card arrives as a message', async () => {
    const chat = chatAs(units.fallback.manager);
    const goals = await chat.click(await chat.say('teamets plan'), sv.teamPlan.actions.write);
    const saved = await chat.submitFallback(goals, sv.teamPlan.actions.saveGoals, {
      'newUnitGoal:1': 'Ett mål via Action.Submit',
      'newUnitGoal:2': '',
      'newUnitGoal:3': '',
    });
    expect(headingOf(saved)).toBe(fill(sv.teamPlan.needsEdit.title, { year }));
    expect(cardTexts(saved)).toContain(sv.teamPlan.notices.goalsSaved);
    expect(choicesOf(saved, 'need:unitGoal').map((choice) => choice.title)).toContain(
      'Ett mål via Action.Submit',
    );
  });
});

describe('removing a unit goal that a need serves', () => {
  it('when the manager empties that goal box, then the need stays without a goal and the card says so', async () => {
    const chat = chatAs(units.unlink.manager);
    const goals = await chat.click(await chat.say('teamets plan'), sv.teamPlan.actions.write);
    const [first, second] = [...cardInputs(goals).keys()];
    const needs = await clickWithInputs(chat, goals, sv.teamPlan.actions.saveGoals, {
      [String(first)]: 'Mål som ska bort',
      [String(second)]: 'Mål som blir kvar',
    });
    const goalId = String(choicesOf(needs, 'need:unitGoal')[1]?.value);
    const added = await clickWithInputs(chat, needs, sv.teamPlan.actions.addNeed, {
      'need:area': 'styrning-och-ledning',
      'need:description': 'Tydligare uppföljning',
      'need:priority': 'high',
      'need:unitGoal': goalId,
    });

    const edit = await chat.click(added, sv.teamPlan.actions.editGoals);
    expect(cardTexts(edit)).toContain(fill(sv.teamPlan.goalsEdit.usedBy_one, { count: 1 }));
    const plan = await clickWithInputs(chat, edit, sv.teamPlan.actions.saveGoals, {
      [`unitGoal:${goalId}`]: '',
    });
    expect(headingOf(plan)).toBe(fill(sv.teamPlan.title, { year }));
    const shown = cardTexts(plan);
    expect(shown).toEqual(
      expect.arrayContaining([
        sv.teamPlan.notices.goalsSaved,
        fill(sv.teamPlan.notices.unlinked_one, { count: 1 }),
        '1. Mål som blir kvar',
        'Tydligare uppföljning',
      ]),
    );
    expect(texts(plan)).not.toContain('Mål som ska bort');
    expect(texts(plan)).not.toContain(sv.teamPlan.needs.forGoal);
  });
});

describe('what the agreed plans add up to', () => {
  const unit = units.counted;

  it('when the manager opens the plan, then it counts people per priority area and form of learning from current agreed plans only', async () => {
    const card = await chatAs(unit.manager).say('teamets plan');
    const facts = factsOf(card);
    const people = (count: number) =>
      fill(count === 1 ? sv.teamPlan.planned.people_one : sv.teamPlan.planned.people_other, {
        count,
      });
    expect(cardTexts(card)).toContain(fill(sv.teamPlan.planned.base, { plans: 2, employees: 5 }));
    expect(facts.get('Artificiell intelligens (AI)')).toBe(people(2));
    expect(facts.get('Digitalisering')).toBe(people(1));
    expect(facts.get('Auskultation')).toBe(people(2));
    expect(facts.get('Utbildning')).toBe(people(1));
    // Expired (säkerhet, simulering), draft (arbetsliv, studiebesök), cancelled (mentorskap)
    // and another team's plan (förändringsledning, seminarier) are not counted.
    for (const name of [
      'Säkerhet och beredskap',
      'Simulering',
      'Ett hållbart arbetsliv',
      'Studiebesök',
      'Mentorskap',
      'Förändringsledning',
      'Seminarier',
    ]) {
      expect(facts.has(name)).toBe(false);
    }
  });

  it('when the manager opens the plan, then no employee name and no text from anyone’s plan is on it', async () => {
    const card = await chatAs(unit.manager).say('teamets plan');
    const json = JSON.stringify(card);
    expect(json).not.toContain('PRIVAT');
    for (const person of [...unit.reports, outsider]) {
      expect(json).not.toContain(person.displayName);
      expect(json).not.toContain(person.id);
    }
    expect(cardTexts(card)).toContain(sv.teamPlan.planned.privacy);
  });

  it('when needs are planned for by nobody, then they are listed as gaps, most important first', async () => {
    const card = await chatAs(unit.manager).say('teamets plan');
    const shown = cardTexts(card);
    const gap = (area: string, priority: 'high' | 'low') =>
      fill(sv.teamPlan.gaps.item, { area, priority: priorityName('sv', priority) });
    const start = shown.indexOf(sv.teamPlan.gaps.intro);
    expect(start).toBeGreaterThan(-1);
    const gaps = shown.slice(start);
    expect(gaps).toEqual(
      expect.arrayContaining([
        gap('Säkerhet och beredskap', 'high'),
        'Öva krisberedskap tillsammans',
        gap('Förändringsledning', 'low'),
      ]),
    );
    expect(gaps.indexOf(gap('Säkerhet och beredskap', 'high'))).toBeLessThan(
      gaps.indexOf(gap('Förändringsledning', 'low')),
    );
    expect(gaps.join('\n')).not.toContain('Artificiell intelligens');
    expect(gaps.join('\n')).not.toContain('Digitalisering');
  });

  it('when the manager opens the plan, then coverage counts current plans and this year’s held dialogues', async () => {
    const facts = factsOf(await chatAs(unit.manager).say('teamets plan'));
    const share = (part: number) =>
      fill(sv.team.coverage.share, { part, whole: 5, percent: (part / 5) * 100 });
    expect(facts.get(sv.team.coverage.currentPlans)).toBe(share(2));
    const held = (dialogue: string) => fill(sv.team.coverage.held, { dialogue });
    expect(facts.get(held('Medarbetarsamtal (utvecklingssamtal)'))).toBe(share(2));
    expect(facts.get(held('Uppföljning av utvecklingsplanen'))).toBe(share(0));
  });

  it('when the manager reads it in English, then counts, names and gaps are in English', async () => {
    const card = await chatAs(unit.manager, 'en').say('team plan');
    const facts = factsOf(card);
    expect(cardTexts(card)).toEqual(
      expect.arrayContaining([
        en.teamPlan.planned.heading,
        fill(en.teamPlan.planned.base, { plans: 2, employees: 5 }),
        fill(en.teamPlan.gaps.item, { area: 'Change leadership', priority: 'low' }),
      ]),
    );
    expect(facts.get('Artificial intelligence (AI)')).toBe(
      fill(en.teamPlan.planned.people_other, { count: 2 }),
    );
    expect(facts.get('Job shadowing (auskultation)')).toBe(
      fill(en.teamPlan.planned.people_other, { count: 2 }),
    );
    expect(texts(card)).not.toMatch(/Teamets|personer|prioritet /);
  });
});

describe('who may see and write the team plan', () => {
  const owner = units.counted;

  it.each([
    ['sv', 'teamets plan'],
    ['en', 'team plan'],
  ] as const)(
    'when an employee writes "%s: %s", then she is told where the team plan is and what she can do here',
    async (language, text) => {
      const t = TEXTS[language];
      const card = await chatAs(c1, language).say(text);
      expect(headingOf(card)).toBe(t.teamPlan.employee.title);
      expect(cardTexts(card)).toEqual(
        expect.arrayContaining([t.teamPlan.employee.body, t.teamPlan.employee.next]),
      );
      expect(JSON.stringify(card)).not.toContain(COUNTED_PLAN.unitGoals[0]?.text);
      expect(() => chatAs(c1).button(card, t.teamPlan.actions.myPlan)).not.toThrow();
    },
  );

  it('when a manager without a unit in the directory asks, then the card says why the plan cannot be kept', async () => {
    const card = await chatAs(units.noUnit.manager).say('teamets plan');
    expect(headingOf(card)).toBe(sv.teamPlan.noUnit.title);
  });

  /** The owner's edit cards, and the buttons on them another person might replay. */
  async function ownersButtons() {
    const chat = chatAs(owner.manager);
    const plan = await chat.say('teamets plan');
    const goals = await chat.click(plan, sv.teamPlan.actions.editGoals);
    const needs = await chat.click(plan, sv.teamPlan.actions.editNeeds);
    return {
      plan,
      replays: [
        [
          'save the goals',
          chat.button(goals, sv.teamPlan.actions.saveGoals),
          { 'unitGoal:goal-digital': 'KAPAT MÅL', 'newUnitGoal:1': 'KAPAT NYTT MÅL' },
        ],
        [
          'add a need',
          chat.button(needs, sv.teamPlan.actions.addNeed),
          {
            'need:area': 'digitalisering',
            'need:description': 'KAPAT BEHOV',
            'need:priority': 'high',
            'need:unitGoal': 'goal-digital',
          },
        ],
        [
          'remove a need',
          chat.button(needs, fill(sv.teamPlan.actions.removeNeed, { number: 1 })),
          {},
        ],
        ['open the goals', chat.button(plan, sv.teamPlan.actions.editGoals), {}],
      ] as const,
    };
  }

  it.each([
    ['another unit’s manager', units.other.manager],
    ['an employee', c2],
  ])(
    'when %s replays the owner’s edit buttons, then each answers "not yours" or their own view, reveals nothing and changes nothing',
    async (_who, person) => {
      const { plan: before, replays } = await ownersButtons();
      const intruder = chatAs(person);
      for (const [, button, inputs] of replays) {
        const card = await invokeCard(running.service, intruder.options, button, inputs);
        const json = JSON.stringify(card);
        for (const goal of COUNTED_PLAN.unitGoals) expect(json).not.toContain(goal.text);
        for (const need of COUNTED_PLAN.neededCompetences) {
          expect(json).not.toContain(need.description);
        }
        if (String(button.verb) !== 'teamPlan.editGoals') {
          expect(headingOf(card)).toBe(sv.notYours.title);
        }
      }
      const after = await chatAs(owner.manager).say('teamets plan');
      expect(cardTexts(after)).toEqual(cardTexts(before));
      expect(texts(after)).not.toContain('KAPAT');
    },
  );

  it('when the other manager opens their own team plan, then it is their unit’s, empty, with none of the other unit in it', async () => {
    const card = await chatAs(units.other.manager).say('teamets plan');
    expect(cardTexts(card)).toContain(fill(sv.teamPlan.empty, { year }));
    const json = JSON.stringify(card);
    expect(json).not.toContain('KAPAT');
    for (const goal of COUNTED_PLAN.unitGoals) expect(json).not.toContain(goal.text);
    expect(factsOf(card).get(sv.team.coverage.currentPlans)).toBe(
      fill(sv.team.coverage.share, { part: 0, whole: 2, percent: 0 }),
    );
  });
});
