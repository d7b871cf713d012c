import {
  DialoguePreparationSchema,
  getProfile,
  type Activity,
  type DialoguePreparation,
  type IndividualPlan,
  type OrganisationProfile,
} from '../../core';
import {
  principleGaps,
  sharedInclusiveNeeds,
  type CheckedPrinciple,
} from '../../core/plan/principleCheck';
import { activity, draftPlan, goal } from './planBuilders';

const vgr = getProfile('vgr');

const OWN_WORDS = 'Jag vill kunna förklara för patienter vad AI-stödet gör';

/**
 * A plan that meets all three checked principles: an everyday activity, a goal in the
 * employee's own words and a follow-up in the next year. Cases take one of them away.
 */
const wholePlan = (overrides: Partial<IndividualPlan> = {}) =>
  draftPlan({
    goals: [goal(1, { ownWords: OWN_WORDS })],
    activities: [activity(1, { formOfLearningId: 'auskultation' })],
    followUpDate: '2027-01-20',
    ...overrides,
  });

const principlesOf = (plan: IndividualPlan, profile: OrganisationProfile = vgr) =>
  principleGaps(plan, profile).map((gap) => gap.principle);

const onlyActivities = (...activities: Partial<Activity>[]) =>
  activities.map((change, index) => activity(index + 1, change));

describe('what a plan lacks of the principles', () => {
  it('when the plan meets all three, then nothing is asked', () => {
    expect(principleGaps(wholePlan(), vgr)).toEqual([]);
  });

  it.each<[string, CheckedPrinciple[], Activity[]]>([
    [
      'an everyday activity (auskultation)',
      [],
      onlyActivities({ formOfLearningId: 'auskultation' }),
    ],
    [
      'a structured reflection',
      [],
      onlyActivities({ formOfLearningId: 'strukturerad-reflektion' }),
    ],
    ['an exchange with others (nätverk)', [], onlyActivities({ formOfLearningId: 'natverk' })],
    ['only a course', ['activating'], onlyActivities({ formOfLearningId: 'utbildning' })],
    ['only self-study', ['activating'], onlyActivities({ formOfLearningId: 'egenstudier' })],
    ['only research', ['activating'], onlyActivities({ formOfLearningId: 'forskning' })],
    [
      'a course and an everyday activity',
      [],
      onlyActivities({ formOfLearningId: 'utbildning' }, { formOfLearningId: 'mentorskap' }),
    ],
    [
      'an everyday activity that was cancelled',
      ['activating'],
      onlyActivities(
        { formOfLearningId: 'utbildning' },
        { formOfLearningId: 'mentorskap', status: 'cancelled' },
      ),
    ],
    [
      'an everyday activity that is done',
      [],
      onlyActivities({ formOfLearningId: 'mentorskap', status: 'done' }),
    ],
    [
      'a form the profile does not know',
      ['activating'],
      onlyActivities({ formOfLearningId: 'okand-form' }),
    ],
    ['no activities', ['activating'], []],
  ])('when the plan has %s, then the gaps are %j', (_c, expected, activities) => {
    expect(principlesOf(wholePlan({ activities }))).toEqual(expected);
  });

  it.each([
    ['VGR', getProfile('vgr')],
    ['Västerbotten', getProfile('vasterbotten')],
  ])(
    'when a plan in %s lacks practice, then the suggestion is an everyday form of that profile',
    (_c, profile) => {
      const [gap] = principleGaps(wholePlan({ activities: [] }), profile);
      const suggested = profile.formsOfLearning.find(
        (form) => form.id === gap?.suggestedFormOfLearningId,
      );
      expect(gap?.principle).toBe('activating');
      expect(suggested?.kind).toBe('everyday');
    },
  );

  it('when the profile has no everyday forms, then the gap is named without a suggestion', () => {
    const withoutEveryday: OrganisationProfile = {
      ...vgr,
      formsOfLearning: vgr.formsOfLearning.filter((form) => form.kind !== 'everyday'),
    };
    expect(principleGaps(wholePlan({ activities: [] }), withoutEveryday)).toEqual([
      { principle: 'activating' },
    ]);
  });

  it.each<[string, CheckedPrinciple[], IndividualPlan['goals']]>([
    ['its only goal in the employee’s own words', [], [goal(1, { ownWords: OWN_WORDS })]],
    [
      'one of two goals in the employee’s own words',
      [],
      [goal(1), goal(2, { ownWords: OWN_WORDS })],
    ],
    ['no goal in the employee’s own words', ['motivating'], [goal(1)]],
    ['two goals, neither in the employee’s own words', ['motivating'], [goal(1), goal(2)]],
  ])('when the plan has %s, then the gaps are %j', (_c, expected, goals) => {
    expect(principlesOf(wholePlan({ goals }))).toEqual(expected);
  });

  it.each<[string, CheckedPrinciple[], Partial<IndividualPlan>]>([
    ['a follow-up on New Year’s Day after', [], { followUpDate: '2027-01-01' }],
    [
      'a follow-up on New Year’s Eve of the plan’s year',
      ['sustainable'],
      { followUpDate: '2026-12-31' },
    ],
    ['a follow-up in the autumn', ['sustainable'], { followUpDate: '2026-09-15' }],
    ['no follow-up date', ['sustainable'], { followUpDate: undefined }],
    [
      'no follow-up date but an activity due the next year',
      [],
      { followUpDate: undefined, activities: onlyActivities({ dueDate: '2027-02-01' }) },
    ],
    [
      'an autumn follow-up and an activity due the next year',
      [],
      { followUpDate: '2026-10-01', activities: onlyActivities({ dueDate: '2027-02-01' }) },
    ],
    [
      'an autumn follow-up and an activity due on New Year’s Eve',
      ['sustainable'],
      { followUpDate: '2026-10-01', activities: onlyActivities({ dueDate: '2026-12-31' }) },
    ],
    [
      'an autumn follow-up and only a cancelled activity due the next year',
      ['activating', 'sustainable'],
      {
        followUpDate: '2026-10-01',
        activities: onlyActivities({ dueDate: '2027-02-01', status: 'cancelled' }),
      },
    ],
    [
      'a 2027 plan followed up in 2027',
      ['sustainable'],
      { year: 2027, followUpDate: '2027-11-01' },
    ],
  ])('when the plan has %s, then the gaps are %j', (_c, expected, change) => {
    expect(principlesOf(wholePlan(change))).toEqual(expected);
  });

  it('when the plan lacks all three, then they come in the order activating, motivating, sustainable', () => {
    const bare = wholePlan({
      goals: [goal(1)],
      activities: onlyActivities({ formOfLearningId: 'utbildning' }),
      followUpDate: '2026-10-01',
    });
    expect(principleGaps(bare, vgr)).toEqual([
      { principle: 'activating', suggestedFormOfLearningId: expect.any(String) },
      { principle: 'motivating' },
      { principle: 'sustainable' },
    ]);
  });
});

describe('what the employee shared about how they learn best', () => {
  const INCLUSIVE = 'Jag lär mig bäst när jag får prova själv med en kollega bredvid';

  const preparation = (answers: unknown[]): DialoguePreparation =>
    DialoguePreparationSchema.parse({
      id: 'preparation-1',
      dialogueId: 'dialogue-1',
      employeeId: 'employee-anna',
      answers,
      updatedAt: '2026-02-01T10:00:00+01:00',
    });

  const answer = (questionId: string, rest: object) => ({
    stepId: questionId.startsWith('reflection-') ? 'principles' : 'ways-of-learning',
    questionId,
    ...rest,
  });

  it.each<[string, string | undefined, DialoguePreparation | undefined]>([
    ['no preparation', undefined, undefined],
    ['a preparation without answers', undefined, preparation([])],
    [
      'a shared answer on the inclusive principle',
      INCLUSIVE,
      preparation([
        answer('reflection-inclusive', { text: INCLUSIVE, visibility: 'shared-with-manager' }),
      ]),
    ],
    [
      'a private answer on the inclusive principle',
      undefined,
      preparation([answer('reflection-inclusive', { text: INCLUSIVE, visibility: 'private' })]),
    ],
    [
      'an answer on the inclusive principle with no visibility chosen',
      undefined,
      preparation([answer('reflection-inclusive', { text: INCLUSIVE })]),
    ],
    [
      'a shared answer to another principle only',
      undefined,
      preparation([
        answer('reflection-activating', { text: INCLUSIVE, visibility: 'shared-with-manager' }),
      ]),
    ],
    [
      'a shared answer on learning conditions only',
      undefined,
      preparation([
        answer('learning-conditions', { text: INCLUSIVE, visibility: 'shared-with-manager' }),
      ]),
    ],
    [
      'a private inclusive answer beside shared answers to other questions',
      undefined,
      preparation([
        answer('reflection-activating', { text: 'Delat', visibility: 'shared-with-manager' }),
        answer('reflection-inclusive', { text: INCLUSIVE, visibility: 'private' }),
        answer('learning-conditions', { text: 'Delat', visibility: 'shared-with-manager' }),
      ]),
    ],
    [
      'a shared inclusive answer among others',
      INCLUSIVE,
      preparation([
        answer('reflection-activating', { text: 'Privat', visibility: 'private' }),
        answer('reflection-inclusive', { text: INCLUSIVE, visibility: 'shared-with-manager' }),
      ]),
    ],
  ])('when there is %s, then the manager sees %j', (_c, expected, given) => {
    expect(sharedInclusiveNeeds(given)).toBe(expected);
  });
});
