import {
  DialogueSchema,
  IndividualPlanSchema,
  TeamPlanSchema,
  type Activity,
  type Dialogue,
  type Goal,
  type IndividualPlan,
  type TeamPlan,
} from '../../core';

/**
 * Valid plans, dialogues and team plans for the manager's side; each test changes only what
 * it is about. Every builder parses what it returns, so a fixture that drifts from the
 * schema fails at once instead of making a test pass for the wrong reason.
 */

export const EMPLOYEE = 'employee-anna';
export const MANAGER = 'manager-maria';
export const OTHER_MANAGER = 'manager-olof';

export function goal(n: number, overrides: Partial<Goal> = {}): Goal {
  return {
    id: `goal-${n}`,
    text: `Mål ${n}: bli trygg i att använda AI-stöd i journalarbetet`,
    priorityAreaIds: ['artificiell-intelligens'],
    ...overrides,
  };
}

export function activity(n: number, overrides: Partial<Activity> = {}): Activity {
  return {
    id: `activity-${n}`,
    goalId: 'goal-1',
    title: `Aktivitet ${n}`,
    formOfLearningId: 'auskultation',
    dueDate: '2026-06-15',
    responsible: 'employee',
    status: 'planned',
    ...overrides,
  };
}

/** An agreed VGR plan for 2026, agreed on 2026-02-20 by the employee. */
export function agreedPlan(overrides: Partial<IndividualPlan> = {}): IndividualPlan {
  return IndividualPlanSchema.parse({
    id: `plan-${overrides.employeeId ?? EMPLOYEE}-${overrides.year ?? 2026}`,
    employeeId: EMPLOYEE,
    managerId: MANAGER,
    profileId: 'vgr',
    year: 2026,
    status: 'agreed',
    version: 3,
    goals: [goal(1)],
    activities: [activity(1)],
    followUpDate: '2026-09-15',
    agreedBy: overrides.employeeId ?? EMPLOYEE,
    agreedAt: '2026-02-20T14:05:00+01:00',
    createdAt: '2026-02-10T09:00:00+01:00',
    updatedAt: '2026-02-20T14:05:00+01:00',
    ...overrides,
  });
}

/** A plan never agreed: no agreedBy or agreedAt. */
export function draftPlan(overrides: Partial<IndividualPlan> = {}): IndividualPlan {
  const plan: Partial<IndividualPlan> = agreedPlan();
  delete plan.agreedBy;
  delete plan.agreedAt;
  return IndividualPlanSchema.parse({ ...plan, status: 'draft', version: 1, ...overrides });
}

export function dialogue(overrides: Partial<Dialogue> = {}): Dialogue {
  return DialogueSchema.parse({
    id: `dialogue-${overrides.employeeId ?? EMPLOYEE}-${overrides.dialogueTypeId ?? 'medarbetarsamtal'}`,
    employeeId: EMPLOYEE,
    managerId: MANAGER,
    profileId: 'vgr',
    dialogueTypeId: 'medarbetarsamtal',
    year: 2026,
    scheduledAt: '2026-03-10T09:30:00+01:00',
    status: 'planned',
    ...overrides,
  });
}

export function teamPlan(overrides: Partial<TeamPlan> = {}): TeamPlan {
  return TeamPlanSchema.parse({
    id: 'team-plan-1',
    unitId: 'unit-akutmottagningen',
    profileId: 'vgr',
    year: 2026,
    unitGoals: [
      { id: 'unit-goal-1', text: 'Kortare väntetider genom säkrare digitala arbetssätt' },
    ],
    neededCompetences: [],
    version: 1,
    updatedAt: '2026-01-15T10:00:00+01:00',
    updatedBy: MANAGER,
    ...overrides,
  });
}
