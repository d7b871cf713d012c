import {
  TeamPlanSchema,
  type NeededCompetence,
  type TeamPlan,
  type UnitGoal,
} from '../../core/plan/teamPlan';

/** Who changes the plan and when: stamped on every change. */
export interface ChangeStamp {
  managerId: string;
  at: string;
}

/**
 * A unit's plan for the year before its first save. Its version is the one it will be
 * stored at: the store writes `expectedVersion + 1` whatever the document says.
 */
export function newTeamPlan(input: {
  id: string;
  unitId: string;
  profileId: string;
  year: number;
}): Omit<TeamPlan, 'updatedAt' | 'updatedBy'> {
  return { ...input, unitGoals: [], neededCompetences: [], version: 1 };
}

/**
 * The plan with these unit goals. A needed competence that served a goal no longer there
 * stays in the plan without a goal (the schema would refuse a dangling link); `unlinked`
 * says how many, so the manager is told.
 */
export function withUnitGoals(
  plan: Omit<TeamPlan, 'updatedAt' | 'updatedBy'>,
  goals: readonly UnitGoal[],
  stamp: ChangeStamp,
): { plan: TeamPlan; unlinked: number } {
  const kept = new Set(goals.map((goal) => goal.id));
  let unlinked = 0;
  const neededCompetences = plan.neededCompetences.map((need) => {
    if (need.unitGoalId === undefined || kept.has(need.unitGoalId)) return need;
    unlinked += 1;
    const withoutGoal: NeededCompetence = { ...need };
    delete withoutGoal.unitGoalId;
    return withoutGoal;
  });
  return {
    plan: stamped({ ...plan, unitGoals: [...goals], neededCompetences }, stamp),
    unlinked,
  };
}

export function withNeededCompetence(
  plan: TeamPlan,
  need: NeededCompetence,
  stamp: ChangeStamp,
): TeamPlan {
  return stamped({ ...plan, neededCompetences: [...plan.neededCompetences, need] }, stamp);
}

/** The plan without the need, or undefined when it has no need with that id. */
export function withoutNeededCompetence(
  plan: TeamPlan,
  needId: string,
  stamp: ChangeStamp,
): TeamPlan | undefined {
  if (!plan.neededCompetences.some((need) => need.id === needId)) return undefined;
  return stamped(
    { ...plan, neededCompetences: plan.neededCompetences.filter((need) => need.id !== needId) },
    stamp,
  );
}

/** Parsed on the way out, so a change that breaks the schema fails here, not in the store. */
function stamped(plan: Omit<TeamPlan, 'updatedAt' | 'updatedBy'>, stamp: ChangeStamp): TeamPlan {
  return TeamPlanSchema.parse({
    ...plan,
    updatedAt: stamp.at,
    updatedBy: stamp.managerId,
  });
}
