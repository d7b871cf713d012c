import {
  DialoguePreparationSchema,
  DialogueSchema,
  findDialogueReferenceProblems,
  findPlanReferenceProblems,
  findTeamPlanReferenceProblems,
  getProfile,
  IndividualPlanSchema,
  PLAN_LIMITS,
  ReflectionSchema,
  TeamPlanSchema,
  type IndividualPlan,
  type TeamPlan,
} from '../../core';

const EMPLOYEE = '00000000-0000-4000-8000-000000000011';
const MANAGER = '00000000-0000-4000-8000-000000000001';

const goal = (n: number) => ({
  id: `goal-${n}`,
  text: `Mål ${n}: bli trygg i att använda AI-verktyg i journalarbetet`,
  priorityAreaIds: ['artificiell-intelligens'],
});

/** An agreed VGR plan as the tab would send it; tests change one thing at a time. */
function agreedPlan(): IndividualPlan {
  return {
    id: 'plan-1',
    employeeId: EMPLOYEE,
    managerId: MANAGER,
    profileId: 'vgr',
    year: 2026,
    status: 'agreed',
    version: 3,
    goals: [
      {
        ...goal(1),
        ownWords: 'Jag vill förstå vad AI kan och inte kan göra för oss på akuten',
        unitGoalId: 'unit-goal-1',
      },
    ],
    activities: [
      {
        id: 'activity-1',
        goalId: 'goal-1',
        title: 'Gå Starta din AI resa',
        formOfLearningId: 'utbildning',
        catalogueItemId: 'starta-din-ai-resa',
        startDate: '2026-03-01',
        dueDate: '2026-04-30',
        responsible: 'employee',
        supportNeeded: 'Två timmar avsatt i schemat',
        status: 'planned',
      },
      {
        id: 'activity-2',
        goalId: 'goal-1',
        title: 'Auskultera hos en kollega som använder taligenkänning',
        formOfLearningId: 'auskultation',
        dueDate: '2026-06-15',
        responsible: 'both',
        status: 'in-progress',
      },
    ],
    followUpDate: '2026-09-15',
    agreedBy: EMPLOYEE,
    agreedAt: '2026-02-20T14:05:00+01:00',
    createdAt: '2026-02-10T09:00:00+01:00',
    updatedAt: '2026-02-20T14:05:00+01:00',
  };
}

function teamPlan(): TeamPlan {
  return {
    id: 'team-plan-1',
    unitId: 'demo-unit-akutmottagningen',
    profileId: 'vgr',
    year: 2026,
    unitGoals: [
      { id: 'unit-goal-1', text: 'Kortare väntetider genom säkrare digitala arbetssätt' },
    ],
    neededCompetences: [
      {
        id: 'need-1',
        priorityAreaId: 'artificiell-intelligens',
        unitGoalId: 'unit-goal-1',
        description: 'Grundläggande förståelse för AI-stöd i journalföring',
        priority: 'high',
      },
    ],
    version: 1,
    updatedAt: '2026-01-15T10:00:00+01:00',
    updatedBy: MANAGER,
  };
}

/** The messages a rejected plan carries, with their paths. */
function planProblems(plan: unknown): string[] {
  const result = IndividualPlanSchema.safeParse(plan);
  if (result.success) throw new Error('expected the plan to be rejected');
  return result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('an individual plan', () => {
  it('when the plan is complete, then it parses unchanged', () => {
    expect(IndividualPlanSchema.parse(agreedPlan())).toEqual(agreedPlan());
  });

  it('when it has five goals, then that is the most it may have', () => {
    const plan = { ...agreedPlan(), goals: [1, 2, 3, 4, 5].map(goal), activities: [] };
    expect(IndividualPlanSchema.safeParse(plan).success).toBe(true);
  });

  it.each([
    ['no goals', []],
    ['six goals', [1, 2, 3, 4, 5, 6].map(goal)],
  ])('when it has %s, then it is rejected', (_case, goals) => {
    expect(planProblems({ ...agreedPlan(), goals, activities: [] })).toEqual([
      expect.stringMatching(/^goals: Too (small|big)/),
    ]);
  });

  it.each([
    ['an impossible date', { dueDate: '2026-02-30' }, 'activities.1.dueDate: Invalid ISO date'],
    ['a date without zero padding', { startDate: '2026-4-1' }, 'activities.1.startDate: Invalid'],
    [
      'a start after the due date',
      { startDate: '2026-06-16' },
      'activities.1.dueDate: The start date must not be after the due date',
    ],
  ])('when an activity has %s, then it is rejected at that field', (_case, change, problem) => {
    const plan = agreedPlan();
    const [first, second] = plan.activities;
    if (!first || !second) throw new Error('fixture changed');
    const broken = { ...plan, activities: [first, { ...second, ...change }] };
    expect(planProblems(broken)).toEqual([expect.stringContaining(problem)]);
  });

  it.each([
    ['without an offset', '2026-02-20T14:05:00'],
    ['as a date only', '2026-02-20'],
  ])('when agreedAt is written %s, then it is rejected', (_case, agreedAt) => {
    expect(planProblems({ ...agreedPlan(), agreedAt })).toEqual([
      expect.stringMatching(/^agreedAt: /),
    ]);
  });

  it('when a goal is longer than its limit, then it is rejected; at the limit it is kept', () => {
    const atLimit = 'å'.repeat(PLAN_LIMITS.goalTextMax);
    const withText = (text: string) => ({ ...agreedPlan(), goals: [{ ...goal(1), text }] });
    expect(IndividualPlanSchema.safeParse(withText(atLimit)).success).toBe(true);
    expect(planProblems(withText(`${atLimit}x`))).toEqual([
      expect.stringMatching(/^goals.0.text: Too big/),
    ]);
  });

  it('when a goal is only spaces, then it is rejected; surrounding spaces are dropped', () => {
    const withText = (text: string) => ({ ...agreedPlan(), goals: [{ ...goal(1), text }] });
    expect(planProblems(withText('   '))).toEqual([expect.stringMatching(/^goals.0.text: /)]);
    expect(IndividualPlanSchema.parse(withText('  Lära mig triage  ')).goals[0]?.text).toBe(
      'Lära mig triage',
    );
  });

  it('when an activity belongs to a goal the plan does not have, then it is rejected naming both', () => {
    const plan = agreedPlan();
    const [first] = plan.activities;
    if (!first) throw new Error('fixture changed');
    expect(planProblems({ ...plan, activities: [{ ...first, goalId: 'goal-9' }] })).toEqual([
      'activities.0.goalId: Activity "activity-1" belongs to unknown goal "goal-9"',
    ]);
  });

  it('when two goals share an id, then it is rejected', () => {
    expect(planProblems({ ...agreedPlan(), goals: [goal(1), goal(1)] })).toEqual([
      'goals.1.id: Goal id "goal-1" is used more than once',
    ]);
  });

  it('when a plan is agreed, then it says who agreed it and when', () => {
    const unsigned = { ...agreedPlan(), agreedAt: undefined, agreedBy: undefined };
    expect(planProblems(unsigned)).toEqual([
      'agreedAt: An agreed plan records who agreed it and when',
    ]);
  });

  it('when only one of agreedBy and agreedAt is set, then it is rejected', () => {
    expect(planProblems({ ...agreedPlan(), status: 'draft', agreedAt: undefined })).toEqual([
      'agreedAt: agreedBy and agreedAt are set together',
    ]);
  });

  it('when an agreed plan is revised, then the earlier agreement stays on the new version', () => {
    const revised = { ...agreedPlan(), status: 'proposed', version: 4 };
    expect(IndividualPlanSchema.safeParse(revised).success).toBe(true);
  });

  it('when someone outside the dialogue agrees the plan, then it is rejected', () => {
    expect(planProblems({ ...agreedPlan(), agreedBy: 'someone-else' })).toEqual([
      'agreedBy: Only the employee or the manager can agree the plan',
    ]);
  });

  it('when a plan is proposed without a follow-up date, then it is rejected; a draft may wait', () => {
    const open = {
      ...agreedPlan(),
      followUpDate: undefined,
      agreedAt: undefined,
      agreedBy: undefined,
    };
    expect(planProblems({ ...open, status: 'proposed' })).toEqual([
      'followUpDate: A proposed or agreed plan has a follow-up date',
    ]);
    expect(IndividualPlanSchema.safeParse({ ...open, status: 'draft' }).success).toBe(true);
  });

  it('when the employee is their own manager, then it is rejected', () => {
    expect(planProblems({ ...agreedPlan(), managerId: EMPLOYEE })).toEqual([
      'managerId: The employee and the manager must be different people',
    ]);
  });
});

describe('checking a plan against its profile', () => {
  it('when every id resolves, then there are no problems', () => {
    expect(findPlanReferenceProblems(agreedPlan(), getProfile('vgr'), teamPlan())).toEqual([]);
  });

  it('when a VGR plan is checked against Västerbotten, then each borrowed id is named', () => {
    expect(findPlanReferenceProblems(agreedPlan(), getProfile('vasterbotten'))).toEqual([
      'Belongs to profile "vgr", checked against "vasterbotten"',
      'Goal "goal-1" refers to unknown priority area "artificiell-intelligens"',
      'Activity "activity-1" refers to unknown catalogue item "starta-din-ai-resa"',
    ]);
  });

  it('when a goal serves a unit goal the team plan lacks, then it is named', () => {
    const plan = { ...agreedPlan(), goals: [{ ...goal(1), unitGoalId: 'unit-goal-7' }] };
    expect(findPlanReferenceProblems(plan, getProfile('vgr'), teamPlan())).toEqual([
      'Goal "goal-1" refers to unknown unit goal "unit-goal-7"',
    ]);
  });

  it('when an activity uses a form of learning the profile lacks, then it is named', () => {
    const plan = agreedPlan();
    const [first] = plan.activities;
    if (!first) throw new Error('fixture changed');
    const changed = { ...plan, activities: [{ ...first, formOfLearningId: 'telepati' }] };
    expect(findPlanReferenceProblems(changed, getProfile('vgr'))).toEqual([
      'Activity "activity-1" refers to unknown form of learning "telepati"',
    ]);
  });
});

describe('a team plan', () => {
  it('when complete, then it parses and its needs resolve in the profile', () => {
    expect(TeamPlanSchema.parse(teamPlan())).toEqual(teamPlan());
    expect(findTeamPlanReferenceProblems(teamPlan(), getProfile('vgr'))).toEqual([]);
  });

  it('when a need refers to a unit goal that is not in the plan, then it is rejected', () => {
    const plan = teamPlan();
    const [need] = plan.neededCompetences;
    if (!need) throw new Error('fixture changed');
    const result = TeamPlanSchema.safeParse({
      ...plan,
      neededCompetences: [{ ...need, unitGoalId: 'unit-goal-2' }],
    });
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      'Needed competence "need-1" refers to unknown unit goal "unit-goal-2"',
    ]);
  });

  it('when a need has an unknown priority, then it is rejected', () => {
    const plan = teamPlan();
    const [need] = plan.neededCompetences;
    if (!need) throw new Error('fixture changed');
    const result = TeamPlanSchema.safeParse({
      ...plan,
      neededCompetences: [{ ...need, priority: 'urgent' }],
    });
    expect(result.success).toBe(false);
  });

  it('when a need names a priority area Västerbotten does not have, then it is named', () => {
    expect(
      findTeamPlanReferenceProblems(
        { ...teamPlan(), profileId: 'vasterbotten' },
        getProfile('vasterbotten'),
      ),
    ).toEqual([
      'Needed competence "need-1" refers to unknown priority area "artificiell-intelligens"',
    ]);
  });
});

describe('a reflection', () => {
  const reflection = {
    id: 'reflection-1',
    personId: EMPLOYEE,
    principle: 'activating',
    promptId: 'activating-share',
    text: 'Jag visade två kollegor hur vi använder checklistan vid överrapportering.',
    createdAt: '2026-03-04T16:20:00+01:00',
    context: 'everyday',
  };

  it('when no visibility is chosen, then it stays private', () => {
    expect(ReflectionSchema.parse(reflection).visibility).toBe('private');
  });

  it('when shared, then the choice is kept', () => {
    const shared = ReflectionSchema.parse({ ...reflection, visibility: 'shared-with-manager' });
    expect(shared.visibility).toBe('shared-with-manager');
  });

  it('when the text is over its limit, then it is rejected', () => {
    const long = { ...reflection, text: 'x'.repeat(PLAN_LIMITS.reflectionTextMax + 1) };
    expect(ReflectionSchema.safeParse(long).success).toBe(false);
  });

  it('when the principle is not one of the four, then it is rejected', () => {
    expect(ReflectionSchema.safeParse({ ...reflection, principle: 'fun' }).success).toBe(false);
  });
});

describe('a dialogue and its preparation', () => {
  const dialogue = {
    id: 'dialogue-1',
    employeeId: EMPLOYEE,
    managerId: MANAGER,
    profileId: 'vasterbotten',
    dialogueTypeId: 'prestationssamtal',
    year: 2026,
    scheduledAt: '2026-10-06T13:00:00+02:00',
    status: 'planned',
  };

  it('when scheduled with an offset, then it parses and its type is in the profile', () => {
    const parsed = DialogueSchema.parse(dialogue);
    expect(findDialogueReferenceProblems(parsed, getProfile('vasterbotten'))).toEqual([]);
  });

  it('when scheduled without an offset, then it is rejected: the local time would be a guess', () => {
    expect(
      DialogueSchema.safeParse({ ...dialogue, scheduledAt: '2026-10-06T13:00:00' }).success,
    ).toBe(false);
  });

  it('when a VGR dialogue type is used in Västerbotten, then it is named', () => {
    const parsed = DialogueSchema.parse({ ...dialogue, dialogueTypeId: 'uppfoljning' });
    expect(findDialogueReferenceProblems(parsed, getProfile('vasterbotten'))).toEqual([
      'Unknown dialogue type "uppfoljning"',
    ]);
  });

  it('when it is not booked yet and the directory names no manager, then it is still a dialogue to prepare', () => {
    const unbooked = {
      ...dialogue,
      status: 'prepared',
      scheduledAt: undefined,
      managerId: undefined,
    };
    expect(DialogueSchema.safeParse(unbooked).success).toBe(true);
  });

  it('when answers are saved, then each keeps its own visibility, private by default', () => {
    const preparation = DialoguePreparationSchema.parse({
      id: 'prep-1',
      dialogueId: 'dialogue-1',
      employeeId: EMPLOYEE,
      answers: [
        {
          stepId: 'principles',
          questionId: 'reflection-inclusive',
          promptId: 'inclusive-time',
          text: 'Jag behöver tid på förmiddagar.',
        },
        {
          stepId: 'development-needs',
          questionId: 'priority-areas',
          choiceIds: ['artificiell-intelligens'],
          visibility: 'shared-with-manager',
        },
      ],
      updatedAt: '2026-09-28T19:40:00+02:00',
    });
    expect(preparation.answers.map((a) => a.visibility)).toEqual([
      'private',
      'shared-with-manager',
    ]);
    expect(preparation.skippedStepIds).toEqual([]);
  });

  it.each([
    ['both text and choices', { text: 'Något', choiceIds: ['ai'] }],
    ['neither text nor choices', {}],
    ['an empty list of choices', { choiceIds: [] }],
  ])('when an answer has %s, then it is rejected', (_case, content) => {
    const result = DialoguePreparationSchema.safeParse({
      id: 'prep-1',
      dialogueId: 'dialogue-1',
      employeeId: EMPLOYEE,
      answers: [{ stepId: 'development-needs', questionId: 'priority-areas', ...content }],
      updatedAt: '2026-09-28T19:40:00+02:00',
    });
    expect(result.success).toBe(false);
  });

  it('when a question is answered twice, then the preparation is rejected', () => {
    const result = DialoguePreparationSchema.safeParse({
      id: 'prep-1',
      dialogueId: 'dialogue-1',
      employeeId: EMPLOYEE,
      answers: [
        { stepId: 'principles', questionId: 'reflection-inclusive', text: 'Första svaret.' },
        { stepId: 'principles', questionId: 'reflection-inclusive', text: 'Andra svaret.' },
      ],
      updatedAt: '2026-09-28T19:40:00+02:00',
    });
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['answers.1.questionId']);
  });
});
