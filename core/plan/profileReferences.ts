import type { OrganisationProfile } from '../profiles/profileSchema';
import type { Dialogue } from './dialogue';
import type { IndividualPlan } from './individualPlan';
import type { TeamPlan } from './teamPlan';

/*
 * The schemas check a record on its own; these check the ids it borrows from its
 * organisation profile (and, for a goal's unit goal, from the team plan). An empty list
 * means every reference resolves.
 */

function profileMismatch(record: { profileId: string }, profile: OrganisationProfile): string[] {
  return record.profileId === profile.id
    ? []
    : [`Belongs to profile "${record.profileId}", checked against "${profile.id}"`];
}

export function findPlanReferenceProblems(
  plan: IndividualPlan,
  profile: OrganisationProfile,
  teamPlan?: TeamPlan,
): string[] {
  const areaIds = new Set(profile.priorityAreas.areas.map((area) => area.id));
  const formIds = new Set(profile.formsOfLearning.map((form) => form.id));
  const offerIds = new Set(profile.catalogue.items.map((item) => item.id));
  const unitGoalIds = teamPlan && new Set(teamPlan.unitGoals.map((goal) => goal.id));
  const problems = profileMismatch(plan, profile);
  for (const goal of plan.goals) {
    for (const areaId of goal.priorityAreaIds) {
      if (!areaIds.has(areaId)) {
        problems.push(`Goal "${goal.id}" refers to unknown priority area "${areaId}"`);
      }
    }
    if (unitGoalIds && goal.unitGoalId !== undefined && !unitGoalIds.has(goal.unitGoalId)) {
      problems.push(`Goal "${goal.id}" refers to unknown unit goal "${goal.unitGoalId}"`);
    }
  }
  for (const activity of plan.activities) {
    if (!formIds.has(activity.formOfLearningId)) {
      problems.push(
        `Activity "${activity.id}" refers to unknown form of learning "${activity.formOfLearningId}"`,
      );
    }
    if (activity.catalogueItemId !== undefined && !offerIds.has(activity.catalogueItemId)) {
      problems.push(
        `Activity "${activity.id}" refers to unknown catalogue item "${activity.catalogueItemId}"`,
      );
    }
  }
  return problems;
}

export function findTeamPlanReferenceProblems(
  teamPlan: TeamPlan,
  profile: OrganisationProfile,
): string[] {
  const areaIds = new Set(profile.priorityAreas.areas.map((area) => area.id));
  return [
    ...profileMismatch(teamPlan, profile),
    ...teamPlan.neededCompetences
      .filter((need) => !areaIds.has(need.priorityAreaId))
      .map(
        (need) =>
          `Needed competence "${need.id}" refers to unknown priority area "${need.priorityAreaId}"`,
      ),
  ];
}

export function findDialogueReferenceProblems(
  dialogue: Dialogue,
  profile: OrganisationProfile,
): string[] {
  const known = profile.dialogueCycle.some((type) => type.id === dialogue.dialogueTypeId);
  return [
    ...profileMismatch(dialogue, profile),
    ...(known ? [] : [`Unknown dialogue type "${dialogue.dialogueTypeId}"`]),
  ];
}
