import { DateInput, TextBlock, type AdaptiveCard } from '@microsoft/teams.cards';
import { translator } from '../../../core/i18n/i18n';
import { FOLLOW_UP_INPUT, type FieldErrors, type TypedValues } from '../../plans/planInputs';
import { adaptiveCard } from '../adaptiveCard';
import { cardButton } from '../cardActions';
import { helpButton, myTeamButton, openButton, planAt, type ManagerCardData } from './planCardData';
import { planSection } from './planSection';
import {
  errorBlock,
  fixBelow,
  heading,
  hint,
  inclusiveNeedsBlock,
  notice,
  planTitle,
} from './planText';

export interface PlanActivitiesCardData extends ManagerCardData {
  values?: TypedValues;
  errors?: FieldErrors;
}

/**
 * The goals with their activities, a way to add and remove them, what the employee needs
 * to learn well, and the follow-up date. Only drawn for a saved plan: the goals come first.
 */
export function planActivitiesCard(data: PlanActivitiesCardData): AdaptiveCard {
  const { language, profile, plan } = data;
  const t = translator(language);
  const errors = data.errors ?? {};
  const followUp = data.values?.[FOLLOW_UP_INPUT] ?? plan?.followUpDate;

  return adaptiveCard(
    [
      planTitle(t, profile, language, data.year, data.employeeName),
      heading(t('plan.activities.heading')),
      ...(data.stale ? [notice(t('plan.stale'))] : []),
      ...fixBelow(t, errors),
      new TextBlock(t('plan.activities.intro'), { wrap: true }),
      ...inclusiveNeedsBlock(t, data.employeeName, data.inclusiveNeeds),
      ...(plan
        ? planSection({
            language,
            profile,
            plan,
            unitGoals: data.unitGoals,
            editing: { employeeId: data.employeeId },
          })
        : []),
      new DateInput({
        id: FOLLOW_UP_INPUT,
        label: t('plan.activities.followUp'),
        separator: true,
        spacing: 'Large',
        ...(followUp ? { value: followUp } : {}),
      }),
      ...errorBlock(t, errors[FOLLOW_UP_INPUT]),
      hint(t('plan.activities.followUpHint')),
    ],
    [
      cardButton(
        t('plan.actions.toReview'),
        { verb: 'plan.saveFollowUp', ...planAt(data) },
        { style: 'positive' },
      ),
      openButton(t('plan.actions.editGoals'), data, 'goals'),
      myTeamButton(t),
      helpButton(t),
    ],
  );
}
