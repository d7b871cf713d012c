import type { AdaptiveCard } from '@microsoft/teams.cards';
import { CardActionSchema } from '../../bot/cards/cardActions';
import { planReviewCard } from '../../bot/cards/plan/planReviewCard';
import { afterDialogueReminderCard } from '../../bot/cards/reminders/afterDialogueReminderCard';
import { effectFollowUpCard } from '../../bot/cards/reminders/effectFollowUpCard';
import { employeeDialogueReminderCard } from '../../bot/cards/reminders/employeeDialogueReminderCard';
import { followUpClosedCard } from '../../bot/cards/reminders/followUpClosedCard';
import { followUpSavedCard } from '../../bot/cards/reminders/followUpSavedCard';
import { managerDialogueReminderCard } from '../../bot/cards/reminders/managerDialogueReminderCard';
import { reflectionClosedCard } from '../../bot/cards/reminders/reflectionClosedCard';
import { reflectionPromptCard } from '../../bot/cards/reminders/reflectionPromptCard';
import { reflectionSavedCard } from '../../bot/cards/reminders/reflectionSavedCard';
import { reminderSettingsCancelledCard } from '../../bot/cards/reminders/reminderSettingsCancelledCard';
import { reminderSettingsCard } from '../../bot/cards/reminders/reminderSettingsCard';
import { reminderSettingsSavedCard } from '../../bot/cards/reminders/reminderSettingsSavedCard';
import { pausePeriod } from '../../bot/cards/reminders/remindersText';
import { workingDaysUntil } from '../../core/reminders/workingCalendar';
import { teamOverviewCard } from '../../bot/cards/team/teamOverviewCard';
import { welcomeCard } from '../../bot/cards/welcomeCard';
import type { MemberStatus } from '../../bot/team/memberStatus';
import { SUPPORTED_LANGUAGES, type Language } from '../../core/i18n/i18n';
import type { EffectFollowUp } from '../../core/plan/effectFollowUp';
import { PLAN_LIMITS } from '../../core/plan/limits';
import type { Reflection } from '../../core/plan/reflection';
import { markSent, toDialoguePreparation } from '../../core/preparation/preparation';
import type { PreparationDraft } from '../../core/preparation/draft';
import { promptsOf } from '../../core/profiles/profileSchema';
import { getProfile } from '../../core/profiles/profiles';
import { teamCoverage } from '../../core/team/coverage';
import { adaptiveCardProblems, cardTexts } from '../support/adaptiveCards';
import { cardActions, type CardJson } from '../support/personalChat';
import { activity, agreedPlan } from '../core/planBuilders';
import en from '../../core/i18n/locales/en.json';
import sv from '../../core/i18n/locales/sv.json';
import { CONTEXT, INJECTION, draftsOfAWalk } from './preparationCards';

const TEXTS = { sv, en } as const;
const PROFILE = getProfile('vgr');
const TZ = PROFILE.reminderPolicy.timeZone;
function defined<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`VGR has no ${what}`);
  return value;
}
const PLAN_WRITING = defined(
  PROFILE.dialogueCycle.find((type) => type.writesPlan),
  'plan-writing dialogue',
);
const FOLLOW_UP_DIALOGUE = defined(
  PROFILE.dialogueCycle.find((type) => !type.writesPlan),
  'follow-up dialogue',
);
const SCHEDULED = '2026-12-08T09:30:00+01:00';
const PROMPT = defined(
  promptsOf(PROFILE).find((prompt) => prompt.contexts.includes('everyday')),
  'everyday prompt',
);

/** The preparation as sent, every answer shared: the most a manager's reminder can show. */
function sharedPreparation() {
  const summary = draftsOfAWalk().at(-1) as PreparationDraft;
  const sent = toDialoguePreparation(
    markSent(summary, {}, '2026-11-02T09:00:00+01:00') ?? summary,
    { id: 'prep-1', dialogueId: 'dialogue-1' },
    '2026-11-02T09:00:00+01:00',
  );
  return {
    ...sent,
    answers: sent.answers.map((answer) => ({
      ...answer,
      visibility: 'shared-with-manager' as const,
    })),
  };
}

const reflection = (overrides: Partial<Reflection> = {}): Reflection => ({
  id: 'reflection-1',
  personId: 'employee-anna',
  principle: 'inclusive',
  promptId: PROMPT.id,
  text: INJECTION,
  visibility: 'private',
  createdAt: '2026-12-01T10:00:00+01:00',
  context: 'everyday',
  ...overrides,
});

const followUp = (overrides: Partial<EffectFollowUp> = {}): EffectFollowUp => ({
  id: 'follow-up-1',
  personId: 'employee-anna',
  planId: 'plan-employee-anna-2026',
  activityId: 'activity-1',
  learned: INJECTION,
  applied: 'Jag visar kollegorna hur AI-stödet sammanfattar journalen',
  supportNeeded: 'En timme i veckan med en superanvändare',
  visibility: 'shared-with-manager',
  answeredAt: '2026-06-16T10:00:00+02:00',
  ...overrides,
});

const LONG = 'å'.repeat(PLAN_LIMITS.followUpAnswerMax);

function remindersCards(language: Language): [string, AdaptiveCard][] {
  const name = (card: string) => `${card} ${language}`;
  const common = { language, timeZone: TZ };
  const dueActivity = { id: 'activity-1', title: INJECTION, dueDate: '2026-06-15' };
  const dialogue = { language, profile: PROFILE, scheduledAt: SCHEDULED, workingDays: 2 };
  return [
    [
      name('settings, defaults'),
      reminderSettingsCard({
        ...common,
        values: { rhythm: 'every-other-week', pauseFrom: '', pauseTo: '', language: 'teams' },
        today: '2026-11-20',
      }),
    ],
    [
      name('settings, refused pause'),
      reminderSettingsCard({
        ...common,
        values: {
          rhythm: 'weekly',
          pauseFrom: '2026-12-14',
          pauseTo: '2026-12-01',
          language: 'en',
        },
        errors: { pauseTo: 'pauseOrder' },
        today: '2026-11-20',
        nextPromptAt: new Date('2026-12-08T09:12:00+01:00'),
      }),
    ],
    [
      name('settings saved, paused'),
      reminderSettingsSavedCard({
        ...common,
        settings: {
          personId: 'employee-anna',
          reflectionRhythm: 'monthly',
          pause: { from: '2026-12-01', to: '2026-12-14' },
          language: 'sv',
          updatedAt: '2026-11-20T09:00:00Z',
        },
        nextPromptAt: new Date('2026-12-21T09:12:00+01:00'),
      }),
    ],
    [
      name('settings saved, off'),
      reminderSettingsSavedCard({
        ...common,
        settings: {
          personId: 'employee-anna',
          reflectionRhythm: 'off',
          updatedAt: '2026-11-20T09:00:00Z',
        },
      }),
    ],
    [name('settings cancelled'), reminderSettingsCancelledCard({ language })],
    [
      name('employee, to prepare'),
      employeeDialogueReminderCard({
        ...dialogue,
        dialogueType: PLAN_WRITING,
        preparationSent: false,
      }),
    ],
    [
      name('employee, prepared'),
      employeeDialogueReminderCard({
        ...dialogue,
        dialogueType: PLAN_WRITING,
        preparationSent: true,
      }),
    ],
    [
      name('employee, follow-up dialogue'),
      employeeDialogueReminderCard({
        ...dialogue,
        dialogueType: FOLLOW_UP_DIALOGUE,
        preparationSent: false,
        workingDays: 0,
      }),
    ],
    [
      name('manager, shared preparation'),
      managerDialogueReminderCard({
        ...dialogue,
        dialogueType: PLAN_WRITING,
        employeeName: 'Anna Medarbetare',
        preparation: { context: CONTEXT, preparation: sharedPreparation() },
      }),
    ],
    [
      name('manager, no preparation'),
      managerDialogueReminderCard({
        ...dialogue,
        dialogueType: PLAN_WRITING,
        employeeName: 'Anna Medarbetare',
      }),
    ],
    ...[true, false].map(
      (held) =>
        [
          name(`after, ${held ? 'held' : 'not marked'}`),
          afterDialogueReminderCard({
            language,
            profile: PROFILE,
            dialogueType: PLAN_WRITING,
            employeeId: 'employee-anna',
            employeeName: 'Anna Medarbetare',
            scheduledAt: SCHEDULED,
            held,
          }),
        ] as [string, AdaptiveCard],
    ),
    [name('reflection prompt'), reflectionPromptCard({ language, jobId: 'job-1', prompt: PROMPT })],
    [
      name('reflection prompt, too long'),
      reflectionPromptCard({
        language,
        jobId: 'job-1',
        prompt: PROMPT,
        values: {
          text: INJECTION.repeat(Math.ceil(PLAN_LIMITS.reflectionTextMax / INJECTION.length)),
          visibility: 'shared-with-manager',
        },
        problem: 'tooLong',
      }),
    ],
    [
      name('reflection saved'),
      reflectionSavedCard({ language, reflection: reflection(), again: false }),
    ],
    [
      name('reflection saved again, shared'),
      reflectionSavedCard({
        language,
        reflection: reflection({ visibility: 'shared-with-manager' }),
        again: true,
      }),
    ],
    [
      name('reflection later'),
      reflectionClosedCard({
        ...common,
        reason: 'later',
        nextPromptAt: new Date('2026-12-08T09:12:00+01:00'),
      }),
    ],
    [name('reflection gone'), reflectionClosedCard({ ...common, reason: 'gone' })],
    [name('follow-up'), effectFollowUpCard({ language, planId: 'plan-1', activity: dueActivity })],
    [
      name('follow-up, refused, long answers'),
      effectFollowUpCard({
        language,
        planId: 'plan-1',
        activity: dueActivity,
        values: {
          answers: { learned: LONG, applied: LONG, supportNeeded: LONG },
          visibility: 'shared-with-manager',
        },
        problem: 'tooLong',
      }),
    ],
    [
      name('follow-up saved'),
      followUpSavedCard({ language, activityTitle: INJECTION, followUp: followUp() }),
    ],
    [
      name('follow-up later'),
      followUpClosedCard({ language, reason: 'later', planId: 'plan-1', activityId: 'activity-1' }),
    ],
    [name('follow-up gone'), followUpClosedCard({ language, reason: 'gone' })],
  ];
}

const everyCard = SUPPORTED_LANGUAGES.flatMap(remindersCards);
const json = (card: unknown) => JSON.parse(JSON.stringify(card)) as CardJson;

describe('the reminder cards', () => {
  it.each(everyCard)('the %s card is a valid Adaptive Card 1.5', (_name, card) => {
    expect(adaptiveCardProblems(card)).toEqual([]);
  });

  it.each(everyCard)(
    'the %s card, at its longest, stays well within a Teams message',
    (_name, card) => {
      // Teams refuses bot messages over about 28 KB; the activity around the card needs room.
      expect(Buffer.byteLength(JSON.stringify(card), 'utf8')).toBeLessThan(24_000);
    },
  );

  it.each(everyCard)('the %s card shows no untranslated key or placeholder', (_name, card) => {
    for (const text of cardTexts(card)) {
      expect(text).not.toMatch(/\{\{|\}\}|^[a-z]+(\.[a-zA-Z-]+)+$/);
    }
  });

  it.each(everyCard)(
    'the %s card offers help, and every button sends a payload the router accepts',
    (_name, card) => {
      const actions = cardActions(json(card));
      expect(actions.map((action) => action.data)).toContainEqual({
        verb: 'runCommand',
        command: 'help',
      });
      for (const action of actions.filter((a) => a.type === 'Action.Execute')) {
        expect(CardActionSchema.safeParse(action.data).success).toBe(true);
      }
    },
  );

  it.each(everyCard)(
    'the %s card shows what people wrote only as plain text, never as markdown',
    (_name, card) => {
      const markdown: string[] = [];
      const visit = (node: unknown): void => {
        if (Array.isArray(node)) node.forEach(visit);
        else if (node && typeof node === 'object') {
          const record = node as CardJson;
          if (record.type === 'TextBlock') markdown.push(String(record.text));
          Object.values(record).forEach(visit);
        }
      };
      visit(json(card));
      for (const text of markdown) expect(text).not.toContain('**fet**');
    },
  );

  it.each(SUPPORTED_LANGUAGES)(
    'the employee reminder (%s) starts the preparation with the very action the welcome card uses',
    (language) => {
      const prepare = TEXTS[language].actions.prepare;
      const fromWelcome = cardActions(json(welcomeCard({ language, scope: 'personal' }))).find(
        (action) => action.title === prepare,
      );
      const reminder = remindersCards(language).find(([name]) =>
        name.startsWith('employee, to prepare'),
      )?.[1];
      const fromReminder = cardActions(json(reminder)).find((action) => action.title === prepare);
      expect(fromReminder?.data).toEqual({ verb: 'runCommand', command: 'prepare' });
      expect(fromReminder?.data).toEqual(fromWelcome?.data);
      expect(fromReminder?.style).toBe('positive');
    },
  );

  it('the reflection prompt is private until the toggle is turned on', () => {
    const card = json(reflectionPromptCard({ language: 'sv', jobId: 'job-1', prompt: PROMPT }));
    const toggle = JSON.stringify(card).match(/"type":"Input\.Toggle"[^}]*/)?.[0] ?? '';
    expect(toggle).toContain('"value":"private"');
    expect(toggle).toContain('"valueOn":"shared-with-manager"');
    expect(toggle).toContain(`"title":"${sv.reminders.reflection.share}"`);
  });
});

describe('how the cards say days and pauses', () => {
  it.each([
    ['a pause within a month', '2026-12-01', '2026-12-14', 'sv', '1–14 december'],
    ['a pause across months', '2026-11-28', '2026-12-03', 'sv', '28 november–3 december'],
    [
      'a pause across the new year',
      '2026-12-28',
      '2027-01-03',
      'sv',
      '28 december 2026–3 januari 2027',
    ],
    ['a pause of one day', '2026-12-07', '2026-12-07', 'sv', '7 december'],
    ['a pause in English', '2026-12-01', '2026-12-14', 'en', '1–14 December'],
  ] as const)('%s (%s to %s, in %s) reads "%s"', (_case, from, to, language, words) => {
    expect(pausePeriod({ from, to }, language)).toBe(words);
  });

  it.each([
    [
      'Thursday before a Monday dialogue',
      '2026-12-03T09:30:00+01:00',
      '2026-12-07T09:30:00+01:00',
      2,
    ],
    ['the morning of the dialogue', '2026-12-08T08:00:00+01:00', '2026-12-08T09:30:00+01:00', 0],
    ['the day before', '2026-12-07T16:00:00+01:00', '2026-12-08T09:30:00+01:00', 1],
    // Julafton, juldagen and the weekend are no working days.
    ['over Christmas', '2026-12-23T10:00:00+01:00', '2026-12-28T09:30:00+01:00', 1],
    // 23:30 UTC on the 7th is already the 8th in Stockholm.
    ['late at night in UTC', '2026-12-07T23:30:00Z', '2026-12-09T09:30:00+01:00', 1],
  ] as const)('%s (%s, dialogue %s): %i working days away', (_case, now, scheduledAt, days) => {
    expect(workingDaysUntil(new Date(now), scheduledAt, TZ)).toBe(days);
  });
});

describe('follow-ups on the manager’s cards', () => {
  const member = (id: string, displayName: string): MemberStatus => ({
    person: { id, displayName, profileId: 'vgr' },
    cycle: [],
    next: { kind: 'none' },
  });
  const factsOf = (card: unknown, name: string): string[] => {
    const body = json(card).body as CardJson[];
    const block = body.find(
      (element) => element.type === 'Container' && JSON.stringify(element).includes(name),
    );
    return cardTexts(block);
  };

  it.each(SUPPORTED_LANGUAGES)(
    '"mitt team" (%s) shows the unanswered follow-ups of the employees who have some, and nothing for the others',
    (language) => {
      const card = teamOverviewCard({
        language,
        profile: PROFILE,
        year: 2026,
        members: [member('anna', 'Anna Medarbetare'), member('erik', 'Erik Medarbetare')],
        page: 1,
        coverage: teamCoverage({
          profile: PROFILE,
          employeeIds: ['anna', 'erik'],
          plans: [],
          dialogues: [],
          year: 2026,
          today: '2026-11-20',
        }),
        unansweredFollowUps: new Map([['anna', 2]]),
      });
      expect(adaptiveCardProblems(card)).toEqual([]);
      const label = TEXTS[language].reminders.team.label;
      const count = TEXTS[language].reminders.team.unanswered_other.replace('{{count}}', '2');
      expect(factsOf(card, 'Anna Medarbetare')).toEqual(expect.arrayContaining([label, count]));
      expect(factsOf(card, 'Erik Medarbetare')).not.toContain(label);
    },
  );

  it.each(SUPPORTED_LANGUAGES)(
    'the plan review (%s) shows a shared follow-up under its activity, and never a private one',
    (language) => {
      const plan = agreedPlan({
        activities: [
          activity(1, { title: 'Gå bredvid en kollega' }),
          activity(2, { title: 'Lära sig triage' }),
        ],
      });
      const card = planReviewCard({
        language,
        profile: PROFILE,
        employeeId: plan.employeeId,
        employeeName: 'Anna Medarbetare',
        year: 2026,
        plan,
        unitGoals: [],
        problems: [],
        gaps: [],
        sharedFollowUps: [
          followUp({ planId: plan.id, activityId: 'activity-1' }),
          followUp({
            id: 'follow-up-2',
            planId: plan.id,
            activityId: 'activity-2',
            learned: 'PRIVAT: det här ska chefen inte se',
            visibility: 'private',
          }),
        ],
      });
      expect(adaptiveCardProblems(card)).toEqual([]);
      const texts = cardTexts(card);
      const heading = TEXTS[language].reminders.followUp.forManager
        .replace('{{name}}', 'Anna Medarbetare')
        .replace('{{date}}', language === 'sv' ? '16 juni 2026' : '16 June 2026');
      const at = texts.indexOf(heading);
      expect(at).toBeGreaterThan(texts.indexOf('• Gå bredvid en kollega'));
      expect(at).toBeLessThan(texts.indexOf('• Lära sig triage'));
      expect(texts).toContain(INJECTION);
      expect(texts).toContain(TEXTS[language].reminders.followUp.learned);
      expect(texts.join('\n')).not.toContain('PRIVAT');
    },
  );
});
