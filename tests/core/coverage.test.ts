import { getProfile, type Dialogue, type IndividualPlan } from '../../core';
import { percentage, teamCoverage } from '../../core/team/coverage';
import { agreedPlan, dialogue, draftPlan, OTHER_MANAGER } from './planBuilders';

const vgr = getProfile('vgr');
const vasterbotten = getProfile('vasterbotten');

const TEAM = ['anna', 'bo', 'cecilia'];
const TODAY = '2026-06-01';

/** Coverage of the VGR team on TODAY, with only what a case changes. */
function coverage(input: {
  employeeIds?: readonly string[];
  plans?: IndividualPlan[];
  dialogues?: Dialogue[];
  today?: string;
}) {
  return teamCoverage({
    profile: vgr,
    employeeIds: input.employeeIds ?? TEAM,
    plans: input.plans ?? [],
    dialogues: input.dialogues ?? [],
    year: 2026,
    today: input.today ?? TODAY,
  });
}

const agreedOn = (employeeId: string, agreedAt: string, overrides: Partial<IndividualPlan> = {}) =>
  agreedPlan({ employeeId, agreedBy: employeeId, agreedAt, ...overrides });

describe('how many of a team have a current plan', () => {
  it.each<{
    case: string;
    team: readonly string[];
    plans: IndividualPlan[];
    employees: number;
    withPlan: number;
  }>([
    { case: 'an empty team', team: [], plans: [], employees: 0, withPlan: 0 },
    {
      case: 'an empty team, with plans of others',
      team: [],
      plans: [agreedOn('anna', '2026-02-20T10:00:00+01:00')],
      employees: 0,
      withPlan: 0,
    },
    { case: 'a team with no plans', team: TEAM, plans: [], employees: 3, withPlan: 0 },
    {
      case: 'a team where one has an agreed plan',
      team: TEAM,
      plans: [agreedOn('anna', '2026-02-20T10:00:00+01:00')],
      employees: 3,
      withPlan: 1,
    },
    {
      case: 'a team where everyone has one',
      team: TEAM,
      plans: TEAM.map((id) => agreedOn(id, '2026-02-20T10:00:00+01:00')),
      employees: 3,
      withPlan: 3,
    },
    {
      case: 'plans agreed more than twelve months ago',
      team: TEAM,
      plans: [
        agreedOn('anna', '2025-05-31T10:00:00+02:00', { year: 2025 }),
        agreedOn('bo', '2024-03-01T10:00:00+01:00', { year: 2024 }),
      ],
      employees: 3,
      withPlan: 0,
    },
    {
      case: 'plans of another manager’s reports, not in this team',
      team: TEAM,
      plans: [
        agreedOn('david', '2026-02-20T10:00:00+01:00', { managerId: OTHER_MANAGER }),
        agreedOn('eva', '2026-02-20T10:00:00+01:00', { managerId: OTHER_MANAGER }),
      ],
      employees: 3,
      withPlan: 0,
    },
    {
      case: 'several plans of one employee over the years',
      team: TEAM,
      plans: [
        agreedOn('anna', '2025-09-01T10:00:00+02:00', { year: 2025 }),
        agreedOn('anna', '2026-02-20T10:00:00+01:00', { year: 2026 }),
      ],
      employees: 3,
      withPlan: 1,
    },
    {
      case: 'drafts and proposals never agreed',
      team: TEAM,
      plans: [
        draftPlan({ employeeId: 'anna' }),
        draftPlan({ employeeId: 'bo', status: 'proposed', version: 2 }),
      ],
      employees: 3,
      withPlan: 0,
    },
    {
      case: 'a new version drafted of a plan agreed before',
      team: TEAM,
      plans: [agreedOn('anna', '2026-02-20T10:00:00+01:00', { status: 'draft', version: 4 })],
      employees: 3,
      withPlan: 1,
    },
    {
      case: 'a new version proposed of a plan agreed before',
      team: TEAM,
      plans: [agreedOn('anna', '2026-02-20T10:00:00+01:00', { status: 'proposed', version: 4 })],
      employees: 3,
      withPlan: 1,
    },
    {
      case: 'a plan agreed after the day asked about',
      team: TEAM,
      plans: [agreedOn('anna', '2026-06-02T10:00:00+02:00')],
      employees: 3,
      withPlan: 0,
    },
    {
      case: 'the same employee listed twice',
      team: ['anna', 'anna'],
      plans: [agreedOn('anna', '2026-02-20T10:00:00+01:00')],
      employees: 1,
      withPlan: 1,
    },
  ])(
    'when $case, then it counts $employees employees, $withPlan with a current plan',
    ({ team, plans, employees, withPlan }) => {
      const result = coverage({ employeeIds: team, plans });
      expect(result.employees).toBe(employees);
      expect(result.withCurrentPlan).toBe(withPlan);
    },
  );

  it.each([
    ['the day before a year has passed', 1, '2027-06-14'],
    ['a year to the day after it was agreed', 0, '2027-06-15'],
  ])(
    'when a plan agreed on 2026-06-15 is asked about %s, then %s of the team has one',
    (_c, expected, today) => {
      const plans = [agreedOn('anna', '2026-06-15T10:00:00+02:00')];
      expect(coverage({ plans, today }).withCurrentPlan).toBe(expected);
    },
  );

  it('when several managers’ plans are given together, then each team counts only its own', () => {
    const plans = [
      agreedOn('anna', '2026-02-20T10:00:00+01:00'),
      agreedOn('bo', '2026-02-20T10:00:00+01:00'),
      agreedOn('david', '2026-02-20T10:00:00+01:00', { managerId: OTHER_MANAGER }),
    ];
    expect(coverage({ employeeIds: ['anna', 'bo', 'cecilia'], plans }).withCurrentPlan).toBe(2);
    expect(coverage({ employeeIds: ['david', 'eva'], plans }).withCurrentPlan).toBe(1);
  });
});

describe('how many of a team have held each dialogue this year', () => {
  const held = (employeeId: string, dialogueTypeId: string, overrides: Partial<Dialogue> = {}) =>
    dialogue({
      id: `${employeeId}-${dialogueTypeId}-${overrides.year ?? 2026}-${overrides.status ?? 'held'}`,
      employeeId,
      dialogueTypeId,
      status: 'held',
      ...overrides,
    });

  it.each<[string, [number, number], readonly string[], Dialogue[]]>([
    ['an empty team', [0, 0], [], [held('anna', 'medarbetarsamtal')]],
    ['no dialogues', [0, 0], TEAM, []],
    [
      'two held their medarbetarsamtal and one their uppföljning',
      [2, 1],
      TEAM,
      [
        held('anna', 'medarbetarsamtal'),
        held('bo', 'medarbetarsamtal'),
        held('anna', 'uppfoljning'),
      ],
    ],
    [
      'dialogues planned or prepared but not held',
      [0, 0],
      TEAM,
      [
        held('anna', 'medarbetarsamtal', { status: 'planned' }),
        held('bo', 'medarbetarsamtal', { status: 'prepared' }),
      ],
    ],
    [
      'a cancelled dialogue',
      [0, 0],
      TEAM,
      [held('anna', 'medarbetarsamtal', { status: 'cancelled' })],
    ],
    [
      'dialogues held in other years',
      [0, 0],
      TEAM,
      [held('anna', 'medarbetarsamtal', { year: 2025 }), held('bo', 'uppfoljning', { year: 2027 })],
    ],
    [
      'dialogues held by another manager’s reports',
      [0, 0],
      TEAM,
      [held('david', 'medarbetarsamtal', { managerId: OTHER_MANAGER })],
    ],
    [
      'one employee with two held medarbetarsamtal',
      [1, 0],
      TEAM,
      [held('anna', 'medarbetarsamtal'), held('anna', 'medarbetarsamtal', { id: 'again' })],
    ],
    [
      'one held and one cancelled of the same type',
      [1, 0],
      TEAM,
      [held('anna', 'medarbetarsamtal'), held('anna', 'medarbetarsamtal', { status: 'cancelled' })],
    ],
  ])(
    'when %s, then medarbetarsamtal and uppföljning held are %j',
    (_c, [first, second], team, dialogues) => {
      expect(coverage({ employeeIds: team, dialogues }).dialoguesHeld).toEqual([
        { dialogueTypeId: 'medarbetarsamtal', held: first },
        { dialogueTypeId: 'uppfoljning', held: second },
      ]);
    },
  );

  it('when in Västerbotten, then the three types are counted in the order of the cycle', () => {
    const at = (employeeId: string, dialogueTypeId: string) =>
      held(employeeId, dialogueTypeId, { profileId: 'vasterbotten' });
    const result = teamCoverage({
      profile: vasterbotten,
      employeeIds: TEAM,
      plans: [],
      dialogues: [
        at('anna', 'loneaterkopplingssamtal'),
        at('anna', 'medarbetarsamtal'),
        at('bo', 'medarbetarsamtal'),
        at('cecilia', 'medarbetarsamtal'),
        at('bo', 'prestationssamtal'),
        at('cecilia', 'prestationssamtal'),
      ],
      year: 2026,
      today: TODAY,
    });
    expect(result.dialoguesHeld).toEqual([
      { dialogueTypeId: 'medarbetarsamtal', held: 3 },
      { dialogueTypeId: 'prestationssamtal', held: 2 },
      { dialogueTypeId: 'loneaterkopplingssamtal', held: 1 },
    ]);
  });
});

describe('a share as a whole percentage', () => {
  it.each([
    [0, 0, 0],
    [0, 3, 0],
    [1, 3, 33],
    [2, 3, 67],
    [1, 2, 50],
    [1, 8, 13],
    [3, 3, 100],
    [7, 12, 58],
  ])('when %s of %s, then %s %', (part, whole, expected) => {
    expect(percentage(part, whole)).toBe(expected);
  });
});
