import { FakeDirectory } from '../fakes/fakeDirectory';
import { RecordingMessenger } from '../fakes/recordingMessenger';
import { cardInputs, cardTexts, headingOf, type CardJson } from '../support/personalChat';
import { useServiceWithConnector } from '../support/serviceWithConnector';
import {
  COURSE_ACTIVITY,
  EVERYDAY_ACTIVITY,
  GOAL,
  INCLUSIVE_ANSWER,
  NOW,
  OWN_WORDS,
  PRIVATE_TEXTS,
  TEXTS,
  YEAR,
  asTyped,
  buttons,
  cardsTo,
  chatAs,
  draftToReview,
  fill,
  newTeam,
  openPlan,
  sendPreparation,
  type Lang,
} from './planSupport';

const messenger = new RecordingMessenger();
const directory = new FakeDirectory();
const running = useServiceWithConnector({}, { messenger, directory, now: () => NOW });

beforeEach(() => {
  running.connector.clear();
  messenger.clear();
});

/** The error text a key gives, in the language. */
const errorText = (lang: Lang, key: keyof typeof TEXTS.sv.plan.errors, max?: number) =>
  fill(TEXTS[lang].plan.errors[key], max === undefined ? {} : { max });

/** The card came back with the error, the note to look below, and every typed value kept. */
function expectKept(card: CardJson, lang: Lang, typed: Record<string, string>, error: string) {
  const texts = cardTexts(card);
  expect(texts).toContain(TEXTS[lang].plan.errors.fixBelow);
  expect(texts).toContain(error);
  const inputs = cardInputs(card);
  for (const [id, value] of Object.entries(typed)) {
    if (inputs.has(id) && value !== '') expect(inputs.get(id)?.value).toBe(value);
  }
}

describe.each(['sv', 'en'] as const)('checking what the manager types (%s)', (lang) => {
  const t = TEXTS[lang].plan;

  async function goalsCard() {
    const { manager, employee } = newTeam(directory);
    const karin = chatAs(running, manager, lang);
    const start = await openPlan(karin, running, employee);
    return { karin, employee, card: await karin.click(start, buttons(lang).writeGoals) };
  }

  it.each([
    ['nothing is written', {}, 'noGoals'],
    ['own words come without a goal', { 'goal-1-own': OWN_WORDS }, 'required'],
    [
      'the goal is too long',
      { 'goal-1-text': 'x'.repeat(501), 'goal-1-own': OWN_WORDS },
      'tooLong',
    ],
    [
      'the own words are too long',
      { 'goal-1-text': GOAL['goal-1-text'], 'goal-1-own': 'x'.repeat(501) },
      'tooLong',
    ],
    ['a priority area is unknown', { ...GOAL, 'goal-1-areas': 'trolleri' }, 'unknownChoice'],
    ['a unit goal is unknown', { ...GOAL, 'goal-1-unit': 'okant-mal' }, 'unknownChoice'],
    [
      'six goals arrive',
      Object.fromEntries([1, 2, 3, 4, 5, 6].map((n) => [`goal-${n}-text`, `Mål nummer ${n}`])),
      'tooManyGoals',
    ],
  ] as const)(
    'when %s, then the goals card comes back with the error and what was typed, and nothing is stored',
    async (_case, typed, key) => {
      const { karin, employee, card } = await goalsCard();
      const again = await karin.click(card, buttons(lang).toActivities, typed);
      expect(headingOf(again)).toBe(t.goals.heading);
      const max = key === 'tooLong' ? 500 : key === 'tooManyGoals' ? 5 : undefined;
      expectKept(again, lang, typed, errorText(lang, key, max));
      const start = await openPlan(karin, running, employee);
      expect(cardTexts(start)).toContain(fill(t.start.noPlan, { year: YEAR }));
    },
  );

  it('when five goals are written, then no sixth slot is offered, then or later', async () => {
    const { karin, card } = await goalsCard();
    const b = buttons(lang);
    let goals = card;
    for (let n = 1; n <= 4; n++) {
      expect(() => karin.button(goals, b.addGoal)).not.toThrow();
      goals = await karin.click(goals, b.addGoal, {
        ...asTyped(goals),
        [`goal-${n}-text`]: `Mål ${n}`,
      });
    }
    expect(cardInputs(goals).has('goal-5-text')).toBe(true);
    expect(cardInputs(goals).has('goal-6-text')).toBe(false);
    expect(() => karin.button(goals, b.addGoal)).toThrow();
    // Teams refuses a card over 28 KB; five full slots stay well within it.
    expect(JSON.stringify(goals).length).toBeLessThan(20 * 1024);

    const activities = await karin.click(goals, b.toActivities, {
      ...asTyped(goals),
      'goal-5-text': 'Mål 5',
    });
    expect(cardTexts(activities)).toContain('Mål 5');
    const again = await karin.click(activities, b.editGoals);
    expect(cardInputs(again).get('goal-5-text')?.value).toBe('Mål 5');
    expect(cardInputs(again).has('goal-6-text')).toBe(false);
  });

  async function activityForm() {
    const { manager, employee } = newTeam(directory);
    const karin = chatAs(running, manager, lang);
    const b = buttons(lang);
    const start = await openPlan(karin, running, employee);
    const activities = await karin.click(
      await karin.click(start, b.writeGoals),
      b.toActivities,
      GOAL,
    );
    return { karin, activities, form: await karin.click(activities, b.addActivity(1)) };
  }

  it.each([
    ['there is no due date', { 'activity-due': '' }, 'activity-due', 'required'],
    ['the due date is impossible', { 'activity-due': '2026-02-30' }, 'activity-due', 'invalidDate'],
    [
      'it starts after it is due',
      { 'activity-start': '2026-07-01', 'activity-due': '2026-06-30' },
      'activity-start',
      'startAfterDue',
    ],
    [
      'the form of learning is unknown',
      { 'activity-form': 'trolleri' },
      'activity-form',
      'unknownChoice',
    ],
    [
      'the course is unknown',
      { 'activity-course': 'okand-kurs' },
      'activity-course',
      'unknownChoice',
    ],
    [
      'neither a form of learning nor a course is chosen',
      { 'activity-form': '' },
      'activity-form',
      'formOrCourse',
    ],
    ['there is no title and no course', { 'activity-title': '' }, 'activity-title', 'required'],
    ['the title is too long', { 'activity-title': 'x'.repeat(201) }, 'activity-title', 'tooLong'],
    [
      'the support is too long',
      { 'activity-support': 'x'.repeat(501) },
      'activity-support',
      'tooLong',
    ],
    ['nobody is responsible', { 'activity-responsible': '' }, 'activity-responsible', 'required'],
  ] as const)(
    'when %s, then the activity form comes back with the error and what was typed',
    async (_case, change, _field, key) => {
      const { karin, form } = await activityForm();
      const typed = { ...EVERYDAY_ACTIVITY, ...change };
      const again = await karin.click(form, buttons(lang).saveActivity, typed);
      expect(headingOf(again)).toBe(t.activityForm.heading);
      const max = key === 'tooLong' ? (_field === 'activity-title' ? 200 : 500) : undefined;
      expectKept(again, lang, typed, errorText(lang, key, max));
    },
  );

  it('when a course is chosen without a title, then the activity takes the course title and the course form of learning', async () => {
    const { karin, form } = await activityForm();
    const card = await karin.click(form, buttons(lang).saveActivity, COURSE_ACTIVITY);
    expect(headingOf(card)).toBe(t.activities.heading);
    expect(cardTexts(card).join('\n')).toContain('• Starta din AI resa');
    expect(cardTexts(card).join('\n')).toContain(
      lang === 'sv' ? 'Utbildning ·' : 'Training course ·',
    );
  });

  it("when the activity form is drawn for a goal with priority areas, then it offers that area's courses only, mandatory ones flagged, and everyday forms first", async () => {
    const { form } = await activityForm();
    const courses = cardInputs(form).get('activity-course')?.choices as { value: string }[];
    expect(courses.map((choice) => choice.value)).toEqual([
      'starta-din-ai-resa',
      'ai-for-chefer-och-ledare-halso-och-sjukvard',
      'introduktion-till-ai-halso-och-sjukvard',
    ]);
    const forms = cardInputs(form).get('activity-form')?.choices as { value: string }[];
    expect(forms.slice(0, 8).map((choice) => choice.value)).toEqual([
      'handledning',
      'strukturerad-reflektion',
      'auskultation',
      'mentorskap',
      'andra-arbetsuppgifter',
      'handleda-och-utbilda-andra',
      'fallstudier-med-kollegor',
      'projektarbete',
    ]);
  });

  it('when the goal names no priority area, then every available course is offered and the mandatory ones are marked', async () => {
    const { manager, employee } = newTeam(directory);
    const karin = chatAs(running, manager, lang);
    const b = buttons(lang);
    const start = await openPlan(karin, running, employee);
    const activities = await karin.click(await karin.click(start, b.writeGoals), b.toActivities, {
      'goal-1-text': GOAL['goal-1-text'],
    });
    const form = await karin.click(activities, b.addActivity(1));
    const courses = cardInputs(form).get('activity-course')?.choices as {
      title: string;
      value: string;
    }[];
    expect(courses).toHaveLength(18);
    expect(courses[0]?.title).toBe(
      fill(t.activityForm.mandatory, {
        title: 'Obligatoriska utbildningar inom chefens arbetsmiljöansvar',
      }),
    );
  });

  it.each([
    ['it is missing', '', 'required'],
    ['it has passed', '2026-03-09', 'followUpPast'],
    ['it is impossible', '2026-13-01', 'invalidDate'],
  ] as const)(
    'when the follow-up date %s, then the activities card says so and keeps the date typed',
    async (_case, date, key) => {
      const { karin, activities } = await activityForm();
      const again = await karin.click(activities, buttons(lang).toReview, { 'follow-up': date });
      expect(headingOf(again)).toBe(t.activities.heading);
      expectKept(again, lang, { 'follow-up': date }, errorText(lang, key));
    },
  );

  it.each([
    ['it is empty', '  ', 'required', undefined],
    ['it is too long', 'x'.repeat(1001), 'tooLong', 1000],
  ] as const)(
    'when the employee asks for changes and the comment %s, then the proposal comes back with the error and nothing is sent',
    async (_case, comment, key, max) => {
      const { manager, employee } = newTeam(directory);
      const karin = chatAs(running, manager, lang);
      const anna = chatAs(running, employee, lang);
      const b = buttons(lang, employee.displayName);
      await karin.click(await draftToReview(karin, running, employee, { lang }), b.propose);
      const proposal = cardsTo(messenger, employee)[0] as CardJson;
      messenger.clear();
      const again = await anna.click(proposal, b.requestChanges, { 'change-comment': comment });
      expect(headingOf(again)).toBe(headingOf(proposal));
      expectKept(
        again,
        lang,
        comment.trim() ? { 'change-comment': comment } : {},
        errorText(lang, key, max),
      );
      expect(messenger.attempts).toHaveLength(0);
      // Still a proposal to answer: agreeing works.
      const agreed = await anna.click(again, b.accept);
      expect(headingOf(agreed)).toBe(t.employee.agreedTitle);
    },
  );
});

describe.each(['sv', 'en'] as const)('the principle check (%s)', (lang) => {
  const t = TEXTS[lang].plan;
  const gaps = (name: string) => ({
    activating: fill(t.review.gaps.activating, {
      name,
      form: lang === 'sv' ? 'handledning' : 'supervision',
    }),
    motivating: fill(t.review.gaps.motivating, { name }),
    sustainable: fill(t.review.gaps.sustainable, { name, year: YEAR }),
  });
  const notesOn = (card: CardJson, name: string) =>
    Object.entries(gaps(name))
      .filter(([, text]) => cardTexts(card).includes(`• ${text}`))
      .map(([principle]) => principle);

  it('when the plan has a course only, no own words and nothing after this year, then all three notes show, and each goes as the plan gets what it lacked', async () => {
    const { manager, employee } = newTeam(directory);
    const name = employee.displayName;
    const karin = chatAs(running, manager, lang);
    const b = buttons(lang, name);
    let review = await draftToReview(karin, running, employee, {
      lang,
      activities: [COURSE_ACTIVITY],
      followUp: '2026-11-15',
    });
    expect(cardTexts(review)).toContain(t.review.principlesHeading);
    expect(notesOn(review, name)).toEqual(['activating', 'motivating', 'sustainable']);
    // The notes are advice: the plan can be sent anyway.
    expect(() => karin.button(review, b.propose)).not.toThrow();

    const activities = await karin.click(review, b.editActivities);
    const form = await karin.click(activities, b.addActivity(1));
    review = await karin.click(
      await karin.click(form, b.saveActivity, EVERYDAY_ACTIVITY),
      b.toReview,
      {
        'follow-up': '2026-11-15',
      },
    );
    expect(notesOn(review, name)).toEqual(['motivating', 'sustainable']);

    const goals = await karin.click(review, b.editGoals);
    const withOwnWords = await karin.click(goals, b.toActivities, {
      ...asTyped(goals),
      'goal-1-own': OWN_WORDS,
    });
    review = await karin.click(withOwnWords, b.toReview, { 'follow-up': '2026-11-15' });
    expect(notesOn(review, name)).toEqual(['sustainable']);
    expect(cardTexts(review).join('\n')).toContain(OWN_WORDS);

    review = await karin.click(await karin.click(review, b.editActivities), b.toReview, {
      'follow-up': '2027-01-20',
    });
    expect(notesOn(review, name)).toEqual([]);
    expect(cardTexts(review)).not.toContain(t.review.principlesHeading);
  });

  it('when the manager opens a plan with goals only, then the review says plainly what keeps it from being sent, and offers no send', async () => {
    const { manager, employee } = newTeam(directory);
    const karin = chatAs(running, manager, lang);
    const b = buttons(lang, employee.displayName);
    const start = await openPlan(karin, running, employee);
    await karin.click(await karin.click(start, b.writeGoals), b.toActivities, GOAL);
    const review = await karin.click(await openPlan(karin, running, employee), b.continue);
    expect(headingOf(review)).toBe(t.review.heading);
    expect(cardTexts(review)).toEqual(
      expect.arrayContaining([
        t.review.problemsHeading,
        `• ${t.review.problems['goal-without-activity']}`,
        `• ${t.review.problems['no-follow-up-date']}`,
      ]),
    );
    expect(() => karin.button(review, b.propose)).toThrow();
  });
});

describe('what the manager sees of the preparation', () => {
  it.each([
    ['shares', true],
    ['keeps private', false],
  ] as const)(
    'when the employee %s how they learn best, then it is shown beside the activities only if shared, and no private answer reaches any manager card',
    async (_case, shareInclusive) => {
      const { manager, employee } = newTeam(directory);
      const b = buttons('sv', employee.displayName);
      const anna = chatAs(running, employee);
      const karin = chatAs(running, manager);
      await sendPreparation(anna, messenger, { shareInclusive });

      const start = await openPlan(karin, running, employee);
      expect(cardTexts(start)).toContain(
        fill(TEXTS.sv.plan.start.sharedIntro, { name: employee.displayName }),
      );
      expect(cardTexts(start).join('\n')).toContain('Sjuksköterska på akutmottagningen');
      const goals = await karin.click(start, b.writeGoals);
      const activities = await karin.click(goals, b.toActivities, GOAL);
      const form = await karin.click(activities, b.addActivity(1));
      const withActivity = await karin.click(form, b.saveActivity, EVERYDAY_ACTIVITY);
      const review = await karin.click(withActivity, b.toReview, { 'follow-up': '2027-02-15' });
      const history = await karin.click(review, b.history);

      const inclusiveHeading = fill(TEXTS.sv.plan.inclusive.heading, {
        name: employee.displayName,
      });
      for (const card of [activities, form, withActivity, review]) {
        expect(cardTexts(card).includes(inclusiveHeading)).toBe(shareInclusive);
        expect(JSON.stringify(card).includes(INCLUSIVE_ANSWER)).toBe(shareInclusive);
      }
      for (const card of [start, goals, activities, form, withActivity, review, history]) {
        const json = JSON.stringify(card);
        for (const secret of PRIVATE_TEXTS) expect(json).not.toContain(secret);
      }
      expect(JSON.stringify(start).includes(INCLUSIVE_ANSWER)).toBe(shareInclusive);
    },
  );

  it('when the employee has not prepared, then the first card says nothing was shared and the plan can be written anyway', async () => {
    const { manager, employee } = newTeam(directory);
    const karin = chatAs(running, manager);
    const start = await openPlan(karin, running, employee);
    expect(cardTexts(start)).toContain(
      fill(TEXTS.sv.plan.start.nothingShared, {
        name: employee.displayName,
        dialogue: 'medarbetarsamtal',
      }),
    );
    expect(headingOf(await karin.click(start, buttons('sv').writeGoals))).toBe(
      TEXTS.sv.plan.goals.heading,
    );
  });

  it('when a goal holds markdown and links, then the review and the proposal show it as plain text runs only', async () => {
    const { manager, employee } = newTeam(directory);
    const karin = chatAs(running, manager);
    const b = buttons('sv', employee.displayName);
    const injection =
      '**fet** [klicka här](https://evil.example) {{DATE(2017-02-14T06:08:39Z, SHORT)}}';
    const review = await draftToReview(karin, running, employee, {
      goal: { 'goal-1-text': injection },
    });
    await karin.click(review, b.propose);
    for (const card of [review, cardsTo(messenger, employee)[0]]) {
      const blocks = collect(card, 'TextBlock').join('\n');
      expect(blocks).not.toContain('evil.example');
      expect(
        collect(card, 'TextRun').some((text) =>
          text.includes('[klicka här](https://evil.example)'),
        ),
      ).toBe(true);
      expect(collect(card, 'TextRun').join('\n')).not.toContain('{{DATE(');
    }
  });
});

function collect(card: unknown, type: string): string[] {
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const record = node as CardJson;
      if (record.type === type && typeof record.text === 'string') found.push(record.text);
      Object.values(record).forEach(visit);
    }
  };
  visit(JSON.parse(JSON.stringify(card)));
  return found;
}
