import { DateTime } from 'luxon';
import type { DialogueStatus } from '../../core';
import { defaultReminderPolicy, type ReminderPolicy } from '../../core/profiles/profileSchema';
import { planDialogueReminders } from '../../core/reminders/dialogueReminders';
import { ReminderPayloadSchema, type PlannedReminder } from '../../core/reminders/reminderJob';
import { dialogue, EMPLOYEE, MANAGER } from './planBuilders';

const policy = defaultReminderPolicy();
const DIALOGUE_ID = 'dialogue-employee-anna-medarbetarsamtal';
/** Well before the default dialogue on Tuesday 2026-03-10 at 09:30. */
const FEBRUARY = new Date('2026-02-01T12:00:00Z');

const stockholm = (instant: Date): string | null =>
  DateTime.fromJSDate(instant, { zone: 'Europe/Stockholm' }).toISO({
    suppressMilliseconds: true,
  });

/** Key → due time in Stockholm: the shape most tables compare. */
const dueTimes = (planned: readonly PlannedReminder[]): Record<string, string | null> =>
  Object.fromEntries(
    planned.map((reminder) => [
      reminder.key.replace(`dialogue:${DIALOGUE_ID}:`, ''),
      stockholm(reminder.dueAt),
    ]),
  );

describe('planning the reminders of a booked dialogue', () => {
  it('when a dialogue is booked weeks ahead, then the employee, the manager and the after-nudge are planned', () => {
    const result = planDialogueReminders(dialogue(), policy, FEBRUARY, true);
    const scheduledAt = '2026-03-10T09:30:00+01:00';
    expect(result).toEqual({
      keyPrefix: `dialogue:${DIALOGUE_ID}:`,
      planned: [
        {
          key: `dialogue:${DIALOGUE_ID}:employee:10`,
          personId: EMPLOYEE,
          dueAt: new Date('2026-02-24T09:30:00+01:00'),
          payload: {
            kind: 'dialogue-employee',
            dialogueId: DIALOGUE_ID,
            scheduledAt,
            workingDaysBefore: 10,
          },
        },
        {
          key: `dialogue:${DIALOGUE_ID}:employee:2`,
          personId: EMPLOYEE,
          dueAt: new Date('2026-03-06T09:30:00+01:00'),
          payload: {
            kind: 'dialogue-employee',
            dialogueId: DIALOGUE_ID,
            scheduledAt,
            workingDaysBefore: 2,
          },
        },
        {
          key: `dialogue:${DIALOGUE_ID}:manager:2`,
          personId: MANAGER,
          dueAt: new Date('2026-03-06T09:30:00+01:00'),
          payload: {
            kind: 'dialogue-manager',
            dialogueId: DIALOGUE_ID,
            employeeId: EMPLOYEE,
            scheduledAt,
            workingDaysBefore: 2,
          },
        },
        {
          key: `dialogue:${DIALOGUE_ID}:after`,
          personId: MANAGER,
          dueAt: new Date('2026-03-11T09:30:00+01:00'),
          payload: {
            kind: 'dialogue-after',
            dialogueId: DIALOGUE_ID,
            employeeId: EMPLOYEE,
            scheduledAt,
          },
        },
      ],
    });
    for (const reminder of result.planned) {
      expect(ReminderPayloadSchema.parse(reminder.payload)).toEqual(reminder.payload);
    }
  });

  it.each<[DialogueStatus, string[]]>([
    ['planned', ['employee:10', 'employee:2', 'manager:2', 'after']],
    ['prepared', ['employee:10', 'employee:2', 'manager:2', 'after']],
    ['held', ['after']],
    ['cancelled', []],
  ])('when the dialogue is %s, then the reminders are %j', (status, keys) => {
    const result = planDialogueReminders(dialogue({ status }), policy, FEBRUARY, true);
    expect(Object.keys(dueTimes(result.planned))).toEqual(keys);
    expect(result.keyPrefix).toBe(`dialogue:${DIALOGUE_ID}:`);
  });

  it('when the dialogue is not booked yet, then nothing is planned', () => {
    const unbooked = dialogue();
    delete unbooked.scheduledAt;
    expect(planDialogueReminders(unbooked, policy, FEBRUARY, true)).toEqual({
      keyPrefix: `dialogue:${DIALOGUE_ID}:`,
      planned: [],
    });
  });

  it('when the dialogue is not the one the plan is written after (a follow-up), then nobody is nudged to write the plan', () => {
    const result = planDialogueReminders(dialogue(), policy, FEBRUARY, false);
    expect(Object.keys(dueTimes(result.planned))).toEqual([
      'employee:10',
      'employee:2',
      'manager:2',
    ]);
  });

  it('when the directory names no manager, then only the employee is reminded', () => {
    const withoutManager = dialogue();
    delete withoutManager.managerId;
    const result = planDialogueReminders(withoutManager, policy, FEBRUARY, true);
    expect(result.planned.map((reminder) => reminder.personId)).toEqual([EMPLOYEE, EMPLOYEE]);
    expect(Object.keys(dueTimes(result.planned))).toEqual(['employee:10', 'employee:2']);
  });

  it('when the profile asks for other days, then those are planned', () => {
    const other: ReminderPolicy = {
      ...policy,
      employeeWorkingDaysBefore: [5],
      managerWorkingDaysBefore: [5, 1],
      afterDialogueWorkingDays: 3,
    };
    expect(dueTimes(planDialogueReminders(dialogue(), other, FEBRUARY, true).planned)).toEqual({
      'employee:5': '2026-03-03T09:30:00+01:00',
      'manager:5': '2026-03-03T09:30:00+01:00',
      'manager:1': '2026-03-09T09:30:00+01:00',
      after: '2026-03-13T09:30:00+01:00',
    });
  });
});

describe('dialogues around holidays, weekends and DST changes', () => {
  it.each([
    [
      'the Tuesday after Easter',
      '2026-04-07T13:00:00+02:00',
      {
        'employee:10': '2026-03-20T13:00:00+01:00',
        'employee:2': '2026-04-01T13:00:00+02:00',
        'manager:2': '2026-04-01T13:00:00+02:00',
        after: '2026-04-08T13:00:00+02:00',
      },
    ],
    [
      'the Thursday before Easter',
      '2026-04-02T10:00:00+02:00',
      {
        'employee:10': '2026-03-19T10:00:00+01:00',
        'employee:2': '2026-03-31T10:00:00+02:00',
        'manager:2': '2026-03-31T10:00:00+02:00',
        after: '2026-04-07T10:00:00+02:00',
      },
    ],
    [
      'the Monday after midsommar',
      '2026-06-22T10:00:00+02:00',
      {
        'employee:10': '2026-06-05T10:00:00+02:00',
        'employee:2': '2026-06-17T10:00:00+02:00',
        'manager:2': '2026-06-17T10:00:00+02:00',
        after: '2026-06-23T10:00:00+02:00',
      },
    ],
    [
      'the Monday after Christmas',
      '2026-12-28T09:00:00+01:00',
      {
        'employee:10': '2026-12-10T09:00:00+01:00',
        'employee:2': '2026-12-22T09:00:00+01:00',
        'manager:2': '2026-12-22T09:00:00+01:00',
        after: '2026-12-29T09:00:00+01:00',
      },
    ],
    [
      'a Friday, nudged after the weekend',
      '2026-03-13T14:00:00+01:00',
      {
        'employee:10': '2026-02-27T14:00:00+01:00',
        'employee:2': '2026-03-11T14:00:00+01:00',
        'manager:2': '2026-03-11T14:00:00+01:00',
        after: '2026-03-16T14:00:00+01:00',
      },
    ],
    [
      'the Tuesday after the spring change',
      '2026-03-31T09:30:00+02:00',
      {
        'employee:10': '2026-03-17T09:30:00+01:00',
        'employee:2': '2026-03-27T09:30:00+01:00',
        'manager:2': '2026-03-27T09:30:00+01:00',
        after: '2026-04-01T09:30:00+02:00',
      },
    ],
    [
      'the Friday before the spring change',
      '2026-03-27T09:30:00+01:00',
      {
        'employee:10': '2026-03-13T09:30:00+01:00',
        'employee:2': '2026-03-25T09:30:00+01:00',
        'manager:2': '2026-03-25T09:30:00+01:00',
        after: '2026-03-30T09:30:00+02:00',
      },
    ],
    [
      'the Tuesday after the autumn change',
      '2026-10-27T09:30:00+01:00',
      {
        'employee:10': '2026-10-13T09:30:00+02:00',
        'employee:2': '2026-10-23T09:30:00+02:00',
        'manager:2': '2026-10-23T09:30:00+02:00',
        after: '2026-10-28T09:30:00+01:00',
      },
    ],
    [
      'an evening (reminders half an hour before the end of the day)',
      '2026-03-10T18:00:00+01:00',
      {
        'employee:10': '2026-02-24T16:30:00+01:00',
        'employee:2': '2026-03-06T16:30:00+01:00',
        'manager:2': '2026-03-06T16:30:00+01:00',
        after: '2026-03-11T16:30:00+01:00',
      },
    ],
    [
      'early morning (reminders at the start of the day)',
      '2026-03-10T07:15:00+01:00',
      {
        'employee:10': '2026-02-24T08:00:00+01:00',
        'employee:2': '2026-03-06T08:00:00+01:00',
        'manager:2': '2026-03-06T08:00:00+01:00',
        after: '2026-03-11T08:00:00+01:00',
      },
    ],
  ])(
    'when the dialogue is on %s (%s), then the reminders keep working days and clock time',
    (_case, scheduledAt, expected) => {
      const planned = planDialogueReminders(
        dialogue({ scheduledAt }),
        policy,
        FEBRUARY,
        true,
      ).planned;
      expect(dueTimes(planned)).toEqual(expected);
    },
  );
});

describe('reminders already due when planning', () => {
  it.each([
    [
      'a week before, after the first reminder’s time',
      '2026-03-04T12:00:00+01:00',
      ['employee:2', 'manager:2', 'after'],
    ],
    ['the second reminder’s exact time', '2026-03-06T09:30:00+01:00', ['after']],
    [
      'a millisecond before it',
      '2026-03-06T09:29:59.999+01:00',
      ['employee:2', 'manager:2', 'after'],
    ],
    ['the dialogue’s own time', '2026-03-10T09:30:00+01:00', ['after']],
    ['30 days after the after-nudge', '2026-04-10T10:30:00+02:00', ['after']],
    ['a second past 30 days after it', '2026-04-10T10:30:01+02:00', []],
  ])('when it is %s (%s), then only %j are planned', (_case, now, keys) => {
    const planned = planDialogueReminders(dialogue(), policy, new Date(now), true).planned;
    expect(Object.keys(dueTimes(planned))).toEqual(keys);
  });

  it('when the dialogue was held yesterday, then the after-nudge is still planned, already due', () => {
    const now = new Date('2026-03-11T12:00:00+01:00');
    const planned = planDialogueReminders(dialogue({ status: 'held' }), policy, now, true).planned;
    expect(dueTimes(planned)).toEqual({ after: '2026-03-11T09:30:00+01:00' });
  });

  it('when a reminder would fall on or after an early dialogue the same day, then it is left out', () => {
    // Not a policy a profile can hold (days start at 1), but the guard is what keeps a
    // "before" reminder from ever coming after the dialogue.
    const sameDay = { ...policy, employeeWorkingDaysBefore: [0, 1] };
    const early = dialogue({ scheduledAt: '2026-03-10T07:30:00+01:00' });
    expect(
      Object.keys(dueTimes(planDialogueReminders(early, sameDay, FEBRUARY, true).planned)),
    ).toEqual(['employee:1', 'manager:2', 'after']);
  });
});

describe('moving or cancelling a dialogue', () => {
  it.each([
    [
      'a week later',
      '2026-03-17T09:30:00+01:00',
      {
        'employee:10': '2026-03-03T09:30:00+01:00',
        'employee:2': '2026-03-13T09:30:00+01:00',
        'manager:2': '2026-03-13T09:30:00+01:00',
        after: '2026-03-18T09:30:00+01:00',
      },
    ],
    [
      'to the afternoon of the same day',
      '2026-03-10T14:00:00+01:00',
      {
        'employee:10': '2026-02-24T14:00:00+01:00',
        'employee:2': '2026-03-06T14:00:00+01:00',
        'manager:2': '2026-03-06T14:00:00+01:00',
        after: '2026-03-11T14:00:00+01:00',
      },
    ],
    [
      'to next Thursday (the early reminder is past)',
      '2026-02-26T10:00:00+01:00',
      {
        'employee:2': '2026-02-24T10:00:00+01:00',
        'manager:2': '2026-02-24T10:00:00+01:00',
        after: '2026-02-27T10:00:00+01:00',
      },
    ],
  ])('when it is moved %s, then the same keys get new times', (_case, scheduledAt, expected) => {
    const now = new Date('2026-02-20T12:00:00+01:00');
    const before = planDialogueReminders(dialogue(), policy, now, true);
    const after = planDialogueReminders(dialogue({ scheduledAt }), policy, now, true);
    expect(after.keyPrefix).toBe(before.keyPrefix);
    expect(dueTimes(after.planned)).toEqual(expected);
    for (const reminder of after.planned) {
      expect(reminder.payload).toMatchObject({ scheduledAt });
    }
  });

  it('when it is cancelled, then the same prefix comes back with nothing under it', () => {
    const planned = planDialogueReminders(dialogue(), policy, FEBRUARY, true);
    const cancelled = planDialogueReminders(
      dialogue({ status: 'cancelled' }),
      policy,
      FEBRUARY,
      true,
    );
    expect(planned.planned).toHaveLength(4);
    expect(cancelled).toEqual({ keyPrefix: planned.keyPrefix, planned: [] });
  });
});
