import { TextBlock, TextInput, type AdaptiveCard } from '@microsoft/teams.cards';
import { translator } from '../../../core/i18n/i18n';
import { PLAN_LIMITS } from '../../../core/plan/limits';
import { COMMENT_INPUT, type FieldErrors, type TypedValues } from '../../plans/planInputs';
import { adaptiveCard } from '../adaptiveCard';
import { cardButton } from '../cardActions';
import { helpButton, historyButton, type EmployeeCardData } from './planCardData';
import { planSection } from './planSection';
import { errorBlock, fixBelow, followUpLine, heading, notice, planWord } from './planText';

export interface PlanProposalCardData extends EmployeeCardData {
  values?: TypedValues;
  errors?: FieldErrors;
}

/**
 * The proposal in the employee's chat: the whole plan, "agree" and "ask for changes" with a
 * comment. Agreeing sends no inputs, so a half-written comment does not stop it.
 */
export function planProposalCard(data: PlanProposalCardData): AdaptiveCard {
  const { language, profile, plan } = data;
  const t = translator(language);
  const errors = data.errors ?? {};
  const at = { planId: plan.id, version: plan.version };
  const comment = data.values?.[COMMENT_INPUT];
  return adaptiveCard(
    [
      heading(t('plan.proposal.title', { plan: planWord(profile, language), year: plan.year })),
      ...(data.stale ? [notice(t('plan.stale'))] : []),
      ...fixBelow(t, errors),
      new TextBlock(t('plan.proposal.intro', { manager: data.managerName }), { wrap: true }),
      ...planSection({ language, profile, plan, unitGoals: data.unitGoals }),
      followUpLine(t, plan, language),
      new TextInput({
        id: COMMENT_INPUT,
        label: t('plan.proposal.comment', { max: PLAN_LIMITS.changeRequestMax }),
        isMultiline: true,
        maxLength: PLAN_LIMITS.changeRequestMax,
        separator: true,
        spacing: 'Large',
        ...(comment ? { value: comment } : {}),
      }),
      ...errorBlock(t, errors[COMMENT_INPUT]),
    ],
    [
      cardButton(
        t('plan.actions.accept'),
        { verb: 'plan.accept', ...at },
        { style: 'positive', sendsInputs: false },
      ),
      cardButton(t('plan.actions.requestChanges'), { verb: 'plan.requestChanges', ...at }),
      historyButton(t, plan.id),
      helpButton(t),
    ],
  );
}

/** The text a client without cards shows, and the notification's preview. */
export function planProposalFallbackText(data: PlanProposalCardData): string {
  const t = translator(data.language);
  return t('plan.proposal.title', {
    plan: planWord(data.profile, data.language),
    year: data.plan.year,
  });
}
