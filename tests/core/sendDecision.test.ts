import { DateTime } from 'luxon';
import { defaultReminderPolicy } from '../../core/profiles/profileSchema';
import type { ReminderJob, ReminderKind, ReminderPayload } from '../../core/reminders/reminderJob';
import type {
  ReflectionRhythm,
  ReminderPause,
  ReminderSettings,
} from '../../core/reminders/reminderSettings';
import { decideSend, type SendDecision } from '../../core/reminders/sendDecision';
import { EMPLOYEE, MANAGER } from './planBuilders';

const policy = defaultReminderPolicy();
/** The dialogue every dialogue reminder here is about: Thursday 2026-03-12 at 09:30. */
const DIALOGUE_AT = '2026-03-12T09:30:00+01:00';

function payloadOf(kind: ReminderKind, scheduledAt = DIALOGUE_AT): ReminderPayload {
  const dialogueId = 'dialogue-1';
  switch (kind) {
    case 'dialogue-employee':
      return { kind, dialogueId, scheduledAt, workingDaysBefore: 2 };
    case 'dialogue-manager':
      return { kind, dialogueId, employeeId: EMPLOYEE, scheduledAt, workingDaysBefore: 2 };
    case 'dialogue-after':
      return { kind, dialogueId, employeeId: EMPLOYEE, scheduledAt };
    case 'reflection-prompt':
      return { kind, sequence: 4 };
    case 'effect-follow-up':
      return { kind, planId: 'plan-1', activityId: 'activity-1', dueDate: '2026-03-01' };
    case 'notice':
      return { kind, card: { type: 'AdaptiveCard' }, fallbackText: 'Karin har bokat ett samtal' };
  }
}

function job(kind: ReminderKind, scheduledAt?: string): ReminderJob {
  return {
    id: `job-${kind}`,
    key: `some-key:${kind}`,
    personId: kind === 'dialogue-manager' || kind === 'dialogue-after' ? MANAGER : EMPLOYEE,
    dueAt: new Date('2026-03-10T09:30:00+01:00'),
    payload: payloadOf(kind, scheduledAt),
    status: 'sending',
    attempts: 1,
  };
}

function settings(reflectionRhythm: ReflectionRhythm, pause?: ReminderPause): ReminderSettings {
  return {
    personId: EMPLOYEE,
    reflectionRhythm,
    ...(pause ? { pause } : {}),
    updatedAt: '2026-01-05T10:00:00+01:00',
  };
}

/** A decision with its instant read in Stockholm, so the tables can show local times. */
function decide(
  kind: ReminderKind,
  chosen: ReminderSettings | undefined,
  now: string,
  scheduledAt?: string,
):
  | { action: 'send' }
  | { action: 'defer'; until: string | null }
  | { action: 'skip'; reason: string } {
  const decision: SendDecision = decideSend(job(kind, scheduledAt), chosen, policy, new Date(now));
  return decision.action === 'defer'
    ? {
        action: 'defer',
        until: DateTime.fromJSDate(decision.until, { zone: 'Europe/Stockholm' }).toISO({
          suppressMilliseconds: true,
        }),
      }
    : decision;
}

const KINDS: ReminderKind[] = [
  'dialogue-employee',
  'dialogue-manager',
  'dialogue-after',
  'reflection-prompt',
  'effect-follow-up',
];
const TUESDAY_MORNING = '2026-03-10T09:30:00+01:00';

describe('deciding at send time', () => {
  it.each(KINDS)(
    'when a %s job comes due in working time with no settings, then it is sent',
    (kind) => {
      expect(decide(kind, undefined, TUESDAY_MORNING)).toEqual({ action: 'send' });
    },
  );

  it.each([
    ['early on a working day', '2026-03-10T06:00:00+01:00', '2026-03-10T08:00:00+01:00'],
    ['a Tuesday evening', '2026-03-10T19:00:00+01:00', '2026-03-11T08:00:00+01:00'],
    ['a Saturday', '2026-03-07T11:00:00+01:00', '2026-03-09T08:00:00+01:00'],
    ['långfredagen', '2026-04-03T11:00:00+02:00', '2026-04-07T08:00:00+02:00'],
    ['midsommarafton', '2026-06-19T11:00:00+02:00', '2026-06-22T08:00:00+02:00'],
    ['julafton', '2026-12-24T11:00:00+01:00', '2026-12-28T08:00:00+01:00'],
    [
      'the Friday evening before the spring change',
      '2026-03-27T18:00:00+01:00',
      '2026-03-30T08:00:00+02:00',
    ],
    [
      'the Friday evening before the autumn change',
      '2026-10-23T18:00:00+02:00',
      '2026-10-26T08:00:00+01:00',
    ],
  ])('when a prompt comes due on %s, then it waits until %s → %s', (_case, now, until) => {
    expect(decide('reflection-prompt', undefined, now)).toEqual({ action: 'defer', until });
  });

  it.each([
    ['the dialogue-employee reminder', 'dialogue-employee' as const],
    ['the dialogue-manager reminder', 'dialogue-manager' as const],
  ])('when %s comes due as the dialogue starts, then it is skipped as too late', (_case, kind) => {
    expect(decide(kind, undefined, DIALOGUE_AT)).toEqual({ action: 'skip', reason: 'too late' });
    expect(decide(kind, undefined, '2026-03-12T11:00:00+01:00')).toEqual({
      action: 'skip',
      reason: 'too late',
    });
  });

  it('when the after-nudge comes due after the dialogue, then it is sent', () => {
    expect(decide('dialogue-after', undefined, '2026-03-13T09:30:00+01:00')).toEqual({
      action: 'send',
    });
  });

  it.each([
    [
      'when working time comes only as the dialogue starts, then it is skipped',
      '2026-03-11T18:00:00+01:00',
      '2026-03-12T08:00:00+01:00',
      { action: 'skip', reason: 'too late' },
    ],
    [
      'when working time comes before the dialogue, then it waits',
      '2026-03-11T18:00:00+01:00',
      '2026-03-12T10:00:00+01:00',
      { action: 'defer', until: '2026-03-12T08:00:00+01:00' },
    ],
  ])('%s', (_case, now, scheduledAt, expected) => {
    expect(decide('dialogue-employee', undefined, now, scheduledAt)).toEqual(expected);
  });
});

describe('the reflection rhythm at send time', () => {
  it.each<[ReflectionRhythm, string, SendDecision['action']]>([
    ['off', TUESDAY_MORNING, 'skip'],
    ['off', '2026-03-07T11:00:00+01:00', 'skip'],
    ['weekly', TUESDAY_MORNING, 'send'],
    ['every-other-week', TUESDAY_MORNING, 'send'],
    ['monthly', TUESDAY_MORNING, 'send'],
  ])('when the rhythm is %s at %s, then the prompt is %s', (rhythm, now, action) => {
    const decision = decide('reflection-prompt', settings(rhythm), now);
    expect(decision.action).toBe(action);
    if (decision.action === 'skip') expect(decision.reason).toBe('reflection prompts turned off');
  });

  it.each(KINDS.filter((kind) => kind !== 'reflection-prompt'))(
    'when prompts are off, then a %s job is still sent',
    (kind) => {
      expect(decide(kind, settings('off'), TUESDAY_MORNING)).toEqual({ action: 'send' });
    },
  );
});

describe('a pause at send time', () => {
  const pause = { from: '2026-03-09', to: '2026-04-02' };

  it.each<[ReminderKind, ReturnType<typeof decide>]>([
    ['dialogue-employee', { action: 'skip', reason: 'paused' }],
    ['dialogue-manager', { action: 'skip', reason: 'paused' }],
    ['dialogue-after', { action: 'skip', reason: 'paused' }],
    // The pause ends on skärtorsdagen: the first working day after it is after Easter.
    ['reflection-prompt', { action: 'defer', until: '2026-04-07T08:00:00+02:00' }],
    ['effect-follow-up', { action: 'defer', until: '2026-04-07T08:00:00+02:00' }],
    ['notice', { action: 'defer', until: '2026-04-07T08:00:00+02:00' }],
  ])('when a %s job comes due during a pause, then %j', (kind, expected) => {
    expect(decide(kind, settings('weekly', pause), TUESDAY_MORNING)).toEqual(expected);
  });

  it.each([
    ['the day before it starts', '2026-03-08T23:59:00+01:00', 'not paused'],
    ['its first minute', '2026-03-09T00:00:00+01:00', 'paused'],
    ['its last day', '2026-04-02T16:00:00+02:00', 'paused'],
    ['the day after it ends', '2026-04-03T00:00:00+02:00', 'not paused'],
    ['UTC still the day before, Stockholm already in it', '2026-03-08T23:30:00Z', 'paused'],
  ])('when it is %s (%s), then the reminder is %s', (_case, now, expected) => {
    const decision = decide('dialogue-after', settings('weekly', pause), now);
    expect(decision).toEqual(
      expected === 'paused'
        ? { action: 'skip', reason: 'paused' }
        : { action: 'defer', until: expect.any(String) },
    );
  });

  it('when a pause ends on a Friday, then a follow-up waits for Monday morning', () => {
    const friday = { from: '2026-06-01', to: '2026-06-12' };
    expect(
      decide('effect-follow-up', settings('weekly', friday), '2026-06-10T13:00:00+02:00'),
    ).toEqual({ action: 'defer', until: '2026-06-15T08:00:00+02:00' });
  });
});
