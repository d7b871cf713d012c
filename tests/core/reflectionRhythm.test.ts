import { DateTime } from 'luxon';
import type { PrincipleId } from '../../core';
import { defaultReminderPolicy } from '../../core/profiles/profileSchema';
import {
  planNextReflectionPrompt,
  principleForSequence,
} from '../../core/reminders/reflectionRhythm';
import { ReminderPayloadSchema } from '../../core/reminders/reminderJob';
import {
  REFLECTION_RHYTHMS,
  type ReflectionRhythm,
  type ReminderPause,
  type ReminderSettings,
} from '../../core/reminders/reminderSettings';
import { isWithinWorkingTime, spreadTimeOfDay } from '../../core/reminders/workingCalendar';
import { EMPLOYEE } from './planBuilders';

const policy = defaultReminderPolicy();
const ZONE = 'Europe/Stockholm';

function settings(reflectionRhythm: ReflectionRhythm, pause?: ReminderPause): ReminderSettings {
  return {
    personId: EMPLOYEE,
    reflectionRhythm,
    ...(pause ? { pause } : {}),
    updatedAt: '2026-01-05T10:00:00+01:00',
  };
}

/** The employee's own time of day, HH:MM, as the spread gives it. */
const ownTime = (() => {
  const minutes = spreadTimeOfDay(EMPLOYEE, policy);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
})();

/** The due time as the local date and clock time with its offset. */
const stockholm = (instant: Date): string | null =>
  DateTime.fromJSDate(instant, { zone: ZONE }).toISO({ suppressMilliseconds: true });

const dueOn = (date: string, offset: string) => `${date}T${ownTime}:00${offset}`;

function plannedDue(
  rhythm: ReflectionRhythm,
  after: string,
  pause?: ReminderPause,
): string | null | undefined {
  const { planned } = planNextReflectionPrompt(settings(rhythm, pause), policy, new Date(after), 3);
  expect(planned.length).toBeLessThanOrEqual(1);
  const [prompt] = planned;
  return prompt && stockholm(prompt.dueAt);
}

describe('which principle a prompt is about', () => {
  it.each<[number, PrincipleId]>([
    [0, 'inclusive'],
    [1, 'activating'],
    [2, 'motivating'],
    [3, 'sustainable'],
    [4, 'inclusive'],
    [9, 'activating'],
    [103, 'sustainable'],
  ])('when it is prompt number %i, then it is about %s', (sequence, principle) => {
    expect(principleForSequence(sequence)).toBe(principle);
  });

  it.each([[-1], [1.5]])('when the sequence is %p, then it is refused', (sequence) => {
    expect(() => principleForSequence(sequence)).toThrow(RangeError);
  });
});

describe('planning the next everyday reflection prompt', () => {
  it('when the rhythm is every other week, then one prompt is planned with its sequence', () => {
    const after = new Date('2026-03-10T10:00:00+01:00');
    const result = planNextReflectionPrompt(settings('every-other-week'), policy, after, 5);
    expect(result).toEqual({
      keyPrefix: `reflection:${EMPLOYEE}:`,
      planned: [
        {
          key: `reflection:${EMPLOYEE}:5`,
          personId: EMPLOYEE,
          dueAt: DateTime.fromISO(dueOn('2026-03-24', '+01:00')).toJSDate(),
          payload: { kind: 'reflection-prompt', sequence: 5 },
        },
      ],
    });
    expect(ReminderPayloadSchema.parse(result.planned[0]?.payload)).toEqual({
      kind: 'reflection-prompt',
      sequence: 5,
    });
  });

  it('when the rhythm is off, then nothing is planned and the pending prompt goes', () => {
    const after = new Date('2026-03-10T10:00:00+01:00');
    expect(planNextReflectionPrompt(settings('off'), policy, after, 5)).toEqual({
      keyPrefix: `reflection:${EMPLOYEE}:`,
      planned: [],
    });
  });

  it.each<[string, ReflectionRhythm, string, string]>([
    ['weekly from a Tuesday', 'weekly', '2026-03-10T10:00:00+01:00', dueOn('2026-03-17', '+01:00')],
    [
      'every other week from a Tuesday',
      'every-other-week',
      '2026-03-10T10:00:00+01:00',
      dueOn('2026-03-24', '+01:00'),
    ],
    [
      'monthly from a Tuesday',
      'monthly',
      '2026-03-10T10:00:00+01:00',
      dueOn('2026-04-10', '+02:00'),
    ],
    [
      'monthly from 31 January, to a Saturday',
      'monthly',
      '2026-01-31T10:00:00+01:00',
      dueOn('2026-03-02', '+01:00'),
    ],
    [
      'weekly onto långfredagen',
      'weekly',
      '2026-03-27T10:00:00+01:00',
      dueOn('2026-04-07', '+02:00'),
    ],
    [
      'weekly onto annandag påsk',
      'weekly',
      '2026-03-30T10:00:00+02:00',
      dueOn('2026-04-07', '+02:00'),
    ],
    [
      'every other week onto midsommarafton',
      'every-other-week',
      '2026-06-05T10:00:00+02:00',
      dueOn('2026-06-22', '+02:00'),
    ],
    ['weekly onto julafton', 'weekly', '2026-12-17T10:00:00+01:00', dueOn('2026-12-28', '+01:00')],
    [
      'weekly across the spring change',
      'weekly',
      '2026-03-24T10:00:00+01:00',
      dueOn('2026-03-31', '+02:00'),
    ],
    [
      'weekly across the autumn change',
      'weekly',
      '2026-10-20T10:00:00+02:00',
      dueOn('2026-10-27', '+01:00'),
    ],
    [
      'weekly from late evening, counted from the local date',
      'weekly',
      '2026-03-10T23:30:00+01:00',
      dueOn('2026-03-17', '+01:00'),
    ],
    [
      'weekly from just after local midnight',
      'weekly',
      '2026-03-10T23:30:00Z',
      dueOn('2026-03-18', '+01:00'),
    ],
  ])('when it is %s, then the prompt is due %4$s', (_case, rhythm, after, expected) => {
    expect(plannedDue(rhythm, after)).toBe(expected);
  });

  it('when two people share a rhythm, then their prompts come at their own times of day', () => {
    const after = new Date('2026-03-10T10:00:00+01:00');
    const dueTimes = ['employee-anna', 'employee-bo', 'person-1'].map((personId) =>
      planNextReflectionPrompt({ ...settings('weekly'), personId }, policy, after, 0).planned.map(
        (prompt) => stockholm(prompt.dueAt),
      ),
    );
    expect(new Set(dueTimes.flat()).size).toBe(3);
  });

  it('when prompts are planned from every day of 2026 in every rhythm, then each is due in working time after it', () => {
    const start = DateTime.fromISO('2026-01-01T16:45:00', { zone: ZONE });
    for (let day = 0; day < 365; day += 1) {
      const after = start.plus({ days: day }).toJSDate();
      for (const rhythm of REFLECTION_RHYTHMS.filter((r) => r !== 'off')) {
        const [prompt] = planNextReflectionPrompt(settings(rhythm), policy, after, day).planned;
        if (!prompt) throw new Error(`no prompt planned for ${rhythm} after day ${day}`);
        expect({ day, rhythm, ok: isWithinWorkingTime(prompt.dueAt, policy) }).toEqual({
          day,
          rhythm,
          ok: true,
        });
        expect(prompt.dueAt.getTime()).toBeGreaterThan(after.getTime());
      }
    }
  });
});

describe('a pause moves the next prompt', () => {
  const after = '2026-03-10T10:00:00+01:00'; // every other week: Tuesday 2026-03-24
  it.each<[string, ReminderPause | undefined, string]>([
    ['no pause', undefined, dueOn('2026-03-24', '+01:00')],
    [
      'a pause that ends the day before',
      { from: '2026-03-16', to: '2026-03-23' },
      dueOn('2026-03-24', '+01:00'),
    ],
    [
      'a pause that starts the day after',
      { from: '2026-03-25', to: '2026-04-10' },
      dueOn('2026-03-24', '+01:00'),
    ],
    [
      'a pause of that one day',
      { from: '2026-03-24', to: '2026-03-24' },
      dueOn('2026-03-25', '+01:00'),
    ],
    [
      'a pause ending on a Friday',
      { from: '2026-03-20', to: '2026-03-27' },
      dueOn('2026-03-30', '+02:00'),
    ],
    [
      'a pause ending on skärtorsdagen',
      { from: '2026-03-23', to: '2026-04-02' },
      dueOn('2026-04-07', '+02:00'),
    ],
  ])('when there is %s, then the prompt is due %3$s', (_case, pause, expected) => {
    expect(plannedDue('every-other-week', after, pause)).toBe(expected);
  });

  it('when the pause ends before midsommar, then the prompt waits for the Monday after', () => {
    expect(
      plannedDue('weekly', '2026-06-11T10:00:00+02:00', { from: '2026-06-15', to: '2026-06-18' }),
    ).toBe(dueOn('2026-06-22', '+02:00'));
  });
});
