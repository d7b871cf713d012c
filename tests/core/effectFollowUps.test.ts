import { DateTime } from 'luxon';
import type { ActivityStatus } from '../../core';
import { EffectFollowUpSchema, type EffectFollowUp } from '../../core/plan/effectFollowUp';
import { defaultReminderPolicy } from '../../core/profiles/profileSchema';
import { planEffectFollowUps, unansweredFollowUps } from '../../core/reminders/effectFollowUps';
import { ReminderPayloadSchema } from '../../core/reminders/reminderJob';
import { spreadTimeOfDay } from '../../core/reminders/workingCalendar';
import { activity, agreedPlan, draftPlan, EMPLOYEE } from './planBuilders';

const policy = defaultReminderPolicy();
const ZONE = 'Europe/Stockholm';
const PLAN_ID = `plan-${EMPLOYEE}-2026`;
/** The plan was agreed in February; every due date in the tables is after this. */
const MARCH = new Date('2026-03-01T12:00:00+01:00');

/** The employee's own time of day, HH:MM, as the spread gives it. */
const ownTime = (() => {
  const minutes = spreadTimeOfDay(EMPLOYEE, policy);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
})();
const dueOn = (date: string, offset: string) => `${date}T${ownTime}:00${offset}`;

const stockholm = (instant: Date): string | null =>
  DateTime.fromJSDate(instant, { zone: ZONE }).toISO({ suppressMilliseconds: true });

function answer(activityId: string, planId = PLAN_ID): EffectFollowUp {
  return EffectFollowUpSchema.parse({
    id: `follow-up-${planId}-${activityId}`,
    personId: EMPLOYEE,
    planId,
    activityId,
    learned: 'Att fråga en kollega tidigt sparar tid.',
    visibility: 'private',
    answeredAt: '2026-06-20T10:00:00+02:00',
  });
}

describe('planning the effect follow-ups of a plan', () => {
  it('when a plan is agreed, then each activity is followed up the working day after its due date', () => {
    const plan = agreedPlan({ activities: [activity(1, { dueDate: '2026-06-15' })] });
    const result = planEffectFollowUps(plan, policy, MARCH);
    expect(result).toEqual({
      keyPrefix: `follow-up:${PLAN_ID}:`,
      planned: [
        {
          key: `follow-up:${PLAN_ID}:activity-1`,
          personId: EMPLOYEE,
          dueAt: DateTime.fromISO(dueOn('2026-06-16', '+02:00')).toJSDate(),
          payload: {
            kind: 'effect-follow-up',
            planId: PLAN_ID,
            activityId: 'activity-1',
            dueDate: '2026-06-15',
          },
        },
      ],
    });
    expect(ReminderPayloadSchema.parse(result.planned[0]?.payload)).toEqual(
      result.planned[0]?.payload,
    );
  });

  it.each([
    ['a Monday', '2026-06-15', dueOn('2026-06-16', '+02:00')],
    ['a Friday', '2026-03-13', dueOn('2026-03-16', '+01:00')],
    ['a Saturday', '2026-03-14', dueOn('2026-03-16', '+01:00')],
    ['skärtorsdagen', '2026-04-02', dueOn('2026-04-07', '+02:00')],
    ['the Thursday before midsommar', '2026-06-18', dueOn('2026-06-22', '+02:00')],
    ['dagen före julafton', '2026-12-23', dueOn('2026-12-28', '+01:00')],
    ['the Friday before the spring change', '2026-03-27', dueOn('2026-03-30', '+02:00')],
    ['the Friday before the autumn change', '2026-10-23', dueOn('2026-10-26', '+01:00')],
  ])('when the due date is %s (%s), then the question comes %s', (_case, dueDate, expected) => {
    const plan = agreedPlan({ activities: [activity(1, { dueDate })] });
    const [followUp] = planEffectFollowUps(plan, policy, MARCH).planned;
    expect(followUp && stockholm(followUp.dueAt)).toBe(expected);
  });

  it.each<[ActivityStatus, boolean]>([
    ['planned', true],
    ['in-progress', true],
    ['done', true],
    ['cancelled', false],
  ])('when the activity is %s, then followed up is %s', (status, followedUp) => {
    const plan = agreedPlan({ activities: [activity(1, { status })] });
    expect(planEffectFollowUps(plan, policy, MARCH).planned).toHaveLength(followedUp ? 1 : 0);
  });

  it('when the plan was never agreed, then nothing is followed up', () => {
    expect(planEffectFollowUps(draftPlan(), policy, MARCH)).toEqual({
      keyPrefix: `follow-up:${PLAN_ID}:`,
      planned: [],
    });
  });

  it('when an agreed plan is being revised, then the agreed activities are still followed up', () => {
    const revising = agreedPlan({ status: 'proposed', version: 4 });
    expect(planEffectFollowUps(revising, policy, MARCH).planned).toHaveLength(1);
  });

  it('when a due date is moved, then the same key gets the new time', () => {
    const before = planEffectFollowUps(agreedPlan(), policy, MARCH).planned;
    const moved = agreedPlan({ activities: [activity(1, { dueDate: '2026-09-01' })] });
    const after = planEffectFollowUps(moved, policy, MARCH).planned;
    expect(after.map((followUp) => followUp.key)).toEqual(before.map((followUp) => followUp.key));
    expect(after.map((followUp) => stockholm(followUp.dueAt))).toEqual([
      dueOn('2026-09-02', '+02:00'),
    ]);
  });

  describe('follow-ups long past', () => {
    const plan = agreedPlan({ activities: [activity(1, { dueDate: '2026-06-15' })] });
    const dueAt = DateTime.fromISO(dueOn('2026-06-16', '+02:00'));
    it.each([
      ['the day it is due', dueAt, 1],
      ['a month later', dueAt.plus({ months: 1 }), 1],
      ['exactly 60 days later', dueAt.plus({ days: 60 }), 1],
      ['a second past 60 days', dueAt.plus({ days: 60, seconds: 1 }), 0],
    ])('when it is %s, then %i follow-up is planned', (_case, now, count) => {
      expect(planEffectFollowUps(plan, policy, now.toJSDate()).planned).toHaveLength(count);
    });
  });
});

describe('follow-ups still unanswered', () => {
  const TODAY = '2026-06-20';
  const plan = agreedPlan({
    activities: [
      activity(1, { dueDate: '2026-06-15' }),
      activity(2, { dueDate: '2026-06-19', status: 'done' }),
      activity(3, { dueDate: TODAY }),
      activity(4, { dueDate: '2026-06-21' }),
      activity(5, { dueDate: '2026-05-01', status: 'cancelled' }),
      activity(6, { dueDate: '2026-05-01' }),
    ],
  });
  const ids = (answers: EffectFollowUp[]) =>
    unansweredFollowUps(plan, answers, TODAY).map((a) => a.id);

  it('when nothing is answered, then every activity due before today and not cancelled is open', () => {
    expect(ids([])).toEqual(['activity-1', 'activity-2', 'activity-6']);
  });

  it.each([
    ['the first', [answer('activity-1')], ['activity-2', 'activity-6']],
    ['all of them', ['activity-1', 'activity-2', 'activity-6'].map((id) => answer(id)), []],
    ['one not due yet', [answer('activity-4')], ['activity-1', 'activity-2', 'activity-6']],
    [
      'the same activity id in another plan',
      [answer('activity-1', 'plan-employee-anna-2025')],
      ['activity-1', 'activity-2', 'activity-6'],
    ],
  ])('when %s is answered, then %j are open', (_case, answers, expected) => {
    expect(ids(answers)).toEqual(expected);
  });
});
