import type { IndividualPlan, NeededCompetence } from '../../core';
import {
  plannedNeeds,
  unplannedCompetences,
  type PlannedNeeds,
} from '../../core/team/plannedNeeds';
import { activity, agreedPlan, draftPlan, goal, OTHER_MANAGER, teamPlan } from './planBuilders';

const TEAM = ['anna', 'bo', 'cecilia'];
const TODAY = '2026-06-01';

const agreedBy = (employeeId: string, overrides: Partial<IndividualPlan> = {}) =>
  agreedPlan({ employeeId, agreedBy: employeeId, ...overrides });

const AI = 'artificiell-intelligens';
const DIGITAL = 'digitalisering';
const CULTURE = 'organisationskultur-och-ett-sammanhallet-vgr';

/** A plan whose goals cover these areas and whose activities use these forms. */
const planOf = (
  employeeId: string,
  areas: string[][],
  forms: string[],
  overrides: Partial<IndividualPlan> = {},
) =>
  agreedBy(employeeId, {
    goals: areas.map((priorityAreaIds, index) => goal(index + 1, { priorityAreaIds })),
    activities: forms.map((formOfLearningId, index) =>
      activity(index + 1, { formOfLearningId, goalId: 'goal-1' }),
    ),
    ...overrides,
  });

const needs = (plans: IndividualPlan[], employeeIds: readonly string[] = TEAM, today = TODAY) =>
  plannedNeeds({ employeeIds, plans, today });

describe('what a team’s agreed plans add up to', () => {
  it.each<[string, readonly string[], IndividualPlan[]]>([
    ['an empty team', [], [planOf('anna', [[AI]], ['auskultation'])]],
    ['a team without plans', TEAM, []],
    ['only drafts never agreed', TEAM, [draftPlan({ employeeId: 'anna' })]],
    [
      'only proposals never agreed',
      TEAM,
      [draftPlan({ employeeId: 'anna', status: 'proposed', version: 2 })],
    ],
    [
      'only plans agreed more than twelve months ago',
      TEAM,
      [
        planOf('anna', [[AI]], ['auskultation'], {
          year: 2025,
          agreedAt: '2025-05-31T10:00:00+02:00',
        }),
      ],
    ],
    [
      'only plans of another manager’s reports',
      TEAM,
      [planOf('david', [[AI]], ['auskultation'], { managerId: OTHER_MANAGER })],
    ],
  ])('when %s, then nothing is planned', (_c, team, plans) => {
    expect(needs(plans, team)).toEqual<PlannedNeeds>({
      plans: 0,
      byPriorityArea: [],
      byFormOfLearning: [],
    });
  });

  it('when one plan has many goals in one area and another one, then it counts people, not goals', () => {
    const detailed = planOf(
      'anna',
      [[AI], [AI], [AI, DIGITAL], [AI]],
      ['utbildning', 'utbildning'],
    );
    const short = planOf('bo', [[DIGITAL]], ['auskultation']);
    const alsoShort = planOf('cecilia', [[DIGITAL]], ['auskultation']);
    expect(needs([detailed, short, alsoShort])).toEqual<PlannedNeeds>({
      plans: 3,
      byPriorityArea: [
        { id: DIGITAL, people: 3 },
        { id: AI, people: 1 },
      ],
      byFormOfLearning: [
        { id: 'auskultation', people: 2 },
        { id: 'utbildning', people: 1 },
      ],
    });
  });

  it('when counts are equal, then the ids decide the order', () => {
    const plans = [
      planOf('anna', [[DIGITAL]], ['utbildning']),
      planOf('bo', [[CULTURE]], ['mentorskap']),
      planOf('cecilia', [[AI]], ['auskultation']),
    ];
    const result = needs(plans);
    expect(result.byPriorityArea.map((need) => need.id)).toEqual([AI, DIGITAL, CULTURE]);
    expect(result.byFormOfLearning.map((need) => need.id)).toEqual([
      'auskultation',
      'mentorskap',
      'utbildning',
    ]);
  });

  it('when the most common need has the last id, then it still comes first', () => {
    const plans = [
      planOf('anna', [[AI]], ['auskultation']),
      planOf('bo', [[CULTURE]], ['utbildning']),
      planOf('cecilia', [[CULTURE]], ['utbildning']),
    ];
    const result = needs(plans);
    expect(result.byPriorityArea[0]).toEqual({ id: CULTURE, people: 2 });
    expect(result.byFormOfLearning[0]).toEqual({ id: 'utbildning', people: 2 });
  });

  it.each([
    ['cancelled', []],
    ['planned', [{ id: 'mentorskap', people: 1 }]],
    ['in-progress', [{ id: 'mentorskap', people: 1 }]],
    ['done', [{ id: 'mentorskap', people: 1 }]],
  ] as const)('when the only activity is %s, then the forms counted are %j', (status, expected) => {
    const plan = agreedBy('anna', {
      activities: [activity(1, { formOfLearningId: 'mentorskap', status })],
    });
    expect(needs([plan]).byFormOfLearning).toEqual(expected);
  });

  it('when a cancelled and a kept activity share a form, then the person counts once', () => {
    const plan = agreedBy('anna', {
      activities: [
        activity(1, { formOfLearningId: 'mentorskap', status: 'cancelled' }),
        activity(2, { formOfLearningId: 'mentorskap', status: 'planned' }),
      ],
    });
    expect(needs([plan]).byFormOfLearning).toEqual([{ id: 'mentorskap', people: 1 }]);
  });

  it('when an employee has plans from several years, then the latest current one counts once', () => {
    const lastYear = planOf('anna', [[CULTURE]], ['utbildning'], {
      year: 2025,
      agreedAt: '2025-09-01T10:00:00+02:00',
    });
    const thisYear = planOf('anna', [[AI]], ['auskultation'], {
      agreedAt: '2026-02-20T10:00:00+01:00',
    });
    for (const order of [
      [lastYear, thisYear],
      [thisYear, lastYear],
    ]) {
      expect(needs(order)).toEqual<PlannedNeeds>({
        plans: 1,
        byPriorityArea: [{ id: AI, people: 1 }],
        byFormOfLearning: [{ id: 'auskultation', people: 1 }],
      });
    }
  });

  it('when this year’s plan is not agreed yet, then last year’s plan still in force counts', () => {
    const lastYear = planOf('anna', [[CULTURE]], ['utbildning'], {
      year: 2025,
      agreedAt: '2025-09-01T10:00:00+02:00',
    });
    const draft = draftPlan({ employeeId: 'anna', goals: [goal(1, { priorityAreaIds: [AI] })] });
    expect(needs([draft, lastYear]).byPriorityArea).toEqual([{ id: CULTURE, people: 1 }]);
  });

  it('when a new version of an agreed plan is being drafted, then its unagreed goals do not count', () => {
    const revision = planOf('anna', [[DIGITAL]], ['utbildning'], { status: 'draft', version: 4 });
    expect(needs([revision])).toEqual<PlannedNeeds>({
      plans: 0,
      byPriorityArea: [],
      byFormOfLearning: [],
    });
  });

  it('when the agreed version is given beside the draft of the next, then the agreed one counts', () => {
    const agreedVersion = planOf('anna', [[CULTURE]], ['mentorskap'], { version: 3 });
    const revision = planOf('anna', [[DIGITAL]], ['utbildning'], {
      status: 'proposed',
      version: 4,
    });
    for (const order of [
      [agreedVersion, revision],
      [revision, agreedVersion],
    ]) {
      expect(needs(order).byPriorityArea).toEqual([{ id: CULTURE, people: 1 }]);
    }
  });

  it('when two agreed versions of one plan are given, then the later version counts', () => {
    const earlier = planOf('anna', [[CULTURE]], ['mentorskap'], { version: 3 });
    const later = planOf('anna', [[AI]], ['auskultation'], {
      version: 6,
      agreedAt: '2026-04-01T10:00:00+02:00',
    });
    for (const order of [
      [earlier, later],
      [later, earlier],
    ]) {
      expect(needs(order).byPriorityArea).toEqual([{ id: AI, people: 1 }]);
    }
  });

  it.each([
    ['the day before a year has passed', 1, '2027-02-19'],
    ['a year to the day after it was agreed', 0, '2027-02-20'],
  ])(
    'when a plan agreed on 2026-02-20 is asked about %s, then %s plans count',
    (_c, count, today) => {
      expect(needs([planOf('anna', [[AI]], ['auskultation'])], TEAM, today).plans).toBe(count);
    },
  );
});

describe('what the unit needs that nobody plans', () => {
  const need = (id: string, priorityAreaId: string): NeededCompetence => ({
    id,
    priorityAreaId,
    description: `Behov ${id}`,
    priority: 'high',
  });
  const unit = teamPlan({
    neededCompetences: [
      need('need-ai', AI),
      need('need-digital', DIGITAL),
      need('need-culture', CULTURE),
    ],
  });

  it.each<[string, string[], IndividualPlan[]]>([
    ['nobody has a plan', ['need-ai', 'need-digital', 'need-culture'], []],
    ['one plans AI', ['need-digital', 'need-culture'], [planOf('anna', [[AI]], ['auskultation'])]],
    [
      'plans cover every area',
      [],
      [
        planOf('anna', [[AI, DIGITAL]], ['auskultation']),
        planOf('bo', [[CULTURE]], ['utbildning']),
      ],
    ],
    [
      'only a draft takes up AI',
      ['need-ai', 'need-digital', 'need-culture'],
      [draftPlan({ employeeId: 'anna', goals: [goal(1, { priorityAreaIds: [AI] })] })],
    ],
    [
      'only another manager’s report plans AI',
      ['need-ai', 'need-digital', 'need-culture'],
      [planOf('david', [[AI]], ['auskultation'], { managerId: OTHER_MANAGER })],
    ],
    [
      'plans take up an area the unit does not need',
      ['need-ai', 'need-digital', 'need-culture'],
      [planOf('anna', [['styrning-och-ledning']], ['auskultation'])],
    ],
  ])('when %s, then the unplanned needs are %j', (_c, expected, plans) => {
    expect(unplannedCompetences(unit, needs(plans)).map((gap) => gap.id)).toEqual(expected);
  });

  it('when the team plan names no needs, then nothing is unplanned', () => {
    expect(unplannedCompetences(teamPlan(), needs([]))).toEqual([]);
  });

  it('when needs are unplanned, then they come back whole, in the team plan’s order', () => {
    expect(
      unplannedCompetences(unit, needs([planOf('anna', [[DIGITAL]], ['mentorskap'])])),
    ).toEqual([need('need-ai', AI), need('need-culture', CULTURE)]);
  });
});
