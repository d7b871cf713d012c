import { planCurrentUntil } from '../../core/plan/isPlanCurrent';
import type { Dialogue } from '../../core/plan/dialogue';
import type { IndividualPlan } from '../../core/plan/individualPlan';
import { getProfile } from '../../core/profiles/profiles';
import { memberStatuses, type NextAction } from '../../bot/team/memberStatus';
import type { TeamSnapshot } from '../../bot/team/teamSnapshot';
import { EMPLOYEE, MANAGER, agreedPlan, dialogue, draftPlan } from '../core/planBuilders';

const NOW = new Date('2026-11-20T09:00:00Z');
const employee = { id: EMPLOYEE, displayName: 'Anna', profileId: 'vgr', managerId: MANAGER };

function statusOf(
  dialogues: Dialogue[],
  plans: IndividualPlan[] = [],
  profileId = 'vgr',
  agreedPlans = plans.filter((plan) => plan.status === 'agreed'),
) {
  const snapshot: TeamSnapshot = {
    manager: { id: MANAGER, displayName: 'Maria', profileId },
    profile: getProfile(profileId),
    year: 2026,
    today: '2026-11-20',
    reports: [{ ...employee, profileId }],
    plans,
    agreedPlans,
    dialogues,
  };
  const [status] = memberStatuses(snapshot, NOW);
  if (!status) throw new Error('one member');
  return status;
}

const next = (action: NextAction) =>
  action.kind === 'book' || action.kind === 'changeBooking' || action.kind === 'markHeld'
    ? [action.kind, action.dialogueType.id]
    : [action.kind];

const meeting = (fields: Partial<Dialogue>) =>
  dialogue({ dialogueTypeId: 'medarbetarsamtal', ...fields });
const followUp = (fields: Partial<Dialogue>) =>
  dialogue({ dialogueTypeId: 'uppfoljning', ...fields });
const FUTURE = '2026-12-08T09:30:00+01:00';
const PAST = '2026-11-18T13:00:00+01:00';
const current = agreedPlan({ agreedAt: '2026-03-15T14:00:00+01:00' });

describe('the next step "mitt team" offers for one employee', () => {
  it.each<[string, Dialogue[], IndividualPlan[], string[]]>([
    ['nothing this year', [], [], ['book', 'medarbetarsamtal']],
    [
      'a prepared dialogue with no time',
      [meeting({ status: 'prepared', scheduledAt: undefined })],
      [],
      ['book', 'medarbetarsamtal'],
    ],
    [
      'a booked dialogue ahead',
      [meeting({ scheduledAt: FUTURE })],
      [],
      ['changeBooking', 'medarbetarsamtal'],
    ],
    [
      'a booked time that has passed',
      [meeting({ scheduledAt: PAST })],
      [],
      ['markHeld', 'medarbetarsamtal'],
    ],
    [
      'a passed time, even while a plan is being drafted',
      [meeting({ status: 'prepared', scheduledAt: PAST })],
      [draftPlan()],
      ['markHeld', 'medarbetarsamtal'],
    ],
    ['a held dialogue and no plan', [meeting({ status: 'held' })], [], ['writePlan']],
    [
      'a held dialogue and a plan being drafted',
      [meeting({ status: 'held' })],
      [draftPlan()],
      ['continuePlan'],
    ],
    [
      'a plan sent back with changes',
      [meeting({ status: 'held' })],
      [
        draftPlan({
          status: 'changes-requested',
          changeRequest: { comment: 'Fler mål', requestedAt: '2026-11-10T10:00:00+01:00' },
        }),
      ],
      ['continuePlan'],
    ],
    [
      'a plan proposed and waiting for the employee',
      [meeting({ status: 'held' })],
      [draftPlan({ status: 'proposed' })],
      ['book', 'uppfoljning'],
    ],
    [
      'a held dialogue and a current plan',
      [meeting({ status: 'held' })],
      [current],
      ['book', 'uppfoljning'],
    ],
    [
      'the follow-up booked ahead',
      [meeting({ status: 'held' }), followUp({ scheduledAt: FUTURE })],
      [current],
      ['changeBooking', 'uppfoljning'],
    ],
    [
      'the whole cycle held and a current plan',
      [meeting({ status: 'held' }), followUp({ status: 'held' })],
      [current],
      ['none'],
    ],
    [
      'a cancelled dialogue only',
      [meeting({ status: 'cancelled', scheduledAt: FUTURE })],
      [],
      ['book', 'medarbetarsamtal'],
    ],
    [
      "last year's held dialogue only",
      [meeting({ status: 'held', year: 2025 })],
      [],
      ['book', 'medarbetarsamtal'],
    ],
  ])('when there is %s, then the step is %j', (_what, dialogues, plans, expected) => {
    expect(next(statusOf(dialogues, plans).next)).toEqual(expected);
  });

  it('when the plan agreed last year is under revision, then it still counts as current until its date', () => {
    const revised = agreedPlan({ status: 'proposed', agreedAt: '2025-12-01T15:00:00+01:00' });
    const lastAgreed = agreedPlan({ agreedAt: '2025-12-01T15:00:00+01:00' });
    const status = statusOf([meeting({ status: 'held' })], [revised], 'vgr', [lastAgreed]);
    expect(status.planCurrentUntil).toBe('2026-11-30');
    expect(status.planInProgress).toBe('proposed');
  });

  it("when a plan's agreement is more than a year old, then there is no current plan", () => {
    const old = agreedPlan({ year: 2025, agreedAt: '2025-11-19T15:00:00+01:00' });
    expect(statusOf([], [old]).planCurrentUntil).toBeUndefined();
  });

  it('when in Västerbotten, then the cycle has three dialogues and a passed time is marked first', () => {
    const status = statusOf(
      [
        meeting({ profileId: 'vasterbotten', status: 'held' }),
        dialogue({
          profileId: 'vasterbotten',
          dialogueTypeId: 'prestationssamtal',
          scheduledAt: PAST,
        }),
      ],
      [],
      'vasterbotten',
    );
    expect(
      status.cycle.map((entry) => [entry.dialogueType.id, entry.status, entry.timePassed]),
    ).toEqual([
      ['medarbetarsamtal', 'held', false],
      ['prestationssamtal', 'planned', true],
      ['loneaterkopplingssamtal', 'not-planned', false],
    ]);
    expect(next(status.next)).toEqual(['markHeld', 'prestationssamtal']);
  });
});

describe('the last day a plan is current', () => {
  it.each([
    ['2026-03-15T14:00:00+01:00', '2027-03-14'],
    ['2026-01-01T08:00:00+01:00', '2026-12-31'],
    ['2024-02-29T10:00:00+01:00', '2025-02-27'],
    ['2026-12-31T23:30:00+01:00', '2027-12-30'],
  ])('when agreed at %s, then it is current up to and including %s', (agreedAt, until) => {
    expect(planCurrentUntil({ agreedAt })).toBe(until);
  });

  it('when never agreed, then it has no last day', () => {
    expect(planCurrentUntil({})).toBeUndefined();
  });
});
