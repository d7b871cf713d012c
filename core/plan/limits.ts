/**
 * The bounds of the plan model, exported so forms and cards can set the same maxLength
 * and counts the schemas enforce.
 */
export const PLAN_LIMITS = {
  goalsMin: 1,
  goalsMax: 5,
  activitiesMax: 40,
  goalTextMax: 500,
  activityTitleMax: 200,
  supportNeededMax: 500,
  changeRequestMax: 1000,
  unitGoalsMax: 20,
  unitGoalTextMax: 500,
  neededCompetencesMax: 50,
  competenceDescriptionMax: 500,
  reflectionTextMax: 2000,
  preparationAnswersMax: 30,
  preparationAnswerMax: 2000,
  /** Short answers (a role, a strength) get a short box and a short limit. */
  preparationShortAnswerMax: 500,
  preparationChoicesMax: 100,
  /** Each of the three answers of an effect follow-up. */
  followUpAnswerMax: 1000,
} as const;
