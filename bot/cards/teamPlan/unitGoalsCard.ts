import { TextBlock, TextInput, type AdaptiveCard, type CardElement } from '@microsoft/teams.cards';
import { translator, type Language } from '../../../core/i18n/i18n';
import { PLAN_LIMITS } from '../../../core/plan/limits';
import type { TeamPlan } from '../../../core/plan/teamPlan';
import {
  FORM_ERROR,
  unitGoalRows,
  type FieldErrors,
  type TypedValues,
} from '../../teamPlan/teamPlanInputs';
import { adaptiveCard } from '../adaptiveCard';
import { cardButton } from '../cardActions';
import { userTextBlock } from '../userText';
import { errorText, hint, sectionHeading, warning } from './teamPlanText';

export interface UnitGoalsCardData {
  language: Language;
  year: number;
  /** The plan as stored now; absent when the unit has none yet. */
  plan?: TeamPlan;
  /** The plan the card saves to: the stored one's id, or a fresh one for a first plan. */
  planId: string;
  /** The stored version the card is drawn at; 0 for a first plan. */
  version: number;
  /** What the manager typed, shown instead of the stored text (after an error or a conflict). */
  typed?: TypedValues;
  errors?: FieldErrors;
  /** Someone else saved meanwhile: nothing was saved, what was typed is kept. */
  stale?: boolean;
}

/**
 * The unit's goals as boxes: each goal prefilled (emptying one removes it), then a few empty
 * boxes for new ones. Saving sends them all; ids stay with their goals.
 */
export function unitGoalsCard(data: UnitGoalsCardData): AdaptiveCard {
  const t = translator(data.language);
  const errors = data.errors ?? {};
  const goals = data.plan?.unitGoals ?? [];
  const needs = data.plan?.neededCompetences ?? [];
  const rows = unitGoalRows(goals, data.typed);
  const formError = errors[FORM_ERROR];

  const body: CardElement[] = [
    new TextBlock(t('teamPlan.goalsEdit.title', { year: data.plan?.year ?? data.year }), {
      style: 'heading',
      size: 'Large',
      wrap: true,
    }),
    ...(data.stale ? [warning(t('teamPlan.notices.stale'))] : []),
    ...(Object.keys(errors).length > 0 ? [warning(t('teamPlan.notices.fixBelow'))] : []),
    new TextBlock(t('teamPlan.goalsEdit.intro'), { wrap: true }),
    ...(data.stale && goals.length > 0
      ? [
          sectionHeading(t('teamPlan.goalsEdit.savedNow')),
          ...goals.map((goal, index) => userTextBlock(`${index + 1}. ${goal.text}`)),
        ]
      : []),
    ...(formError ? [errorText(t, formError)] : []),
    ...rows.flatMap((row, index) => {
      const usedBy = row.goalId ? needs.filter((need) => need.unitGoalId === row.goalId).length : 0;
      const error = errors[row.inputId];
      return [
        new TextInput({
          id: row.inputId,
          label: t('teamPlan.goalsEdit.label', {
            number: index + 1,
            max: PLAN_LIMITS.unitGoalTextMax,
          }),
          isMultiline: true,
          maxLength: PLAN_LIMITS.unitGoalTextMax,
          spacing: 'Medium',
          ...(row.text.length > 0 ? { value: row.text } : {}),
        }),
        ...(usedBy > 0 ? [hint(t('teamPlan.goalsEdit.usedBy', { count: usedBy }))] : []),
        ...(error ? [errorText(t, error)] : []),
      ];
    }),
    hint(t('teamPlan.goalsEdit.moreBoxes', { max: PLAN_LIMITS.unitGoalsMax })),
  ];

  return adaptiveCard(body, [
    cardButton(
      t('teamPlan.actions.saveGoals'),
      { verb: 'teamPlan.saveGoals', planId: data.planId, version: data.version },
      { style: 'positive' },
    ),
    cardButton(t('teamPlan.actions.cancel'), { verb: 'teamPlan.show' }, { sendsInputs: false }),
    cardButton(
      t('actions.showHelp'),
      { verb: 'runCommand', command: 'help' },
      { sendsInputs: false },
    ),
  ]);
}
