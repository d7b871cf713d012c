import { OpenUrlAction, TextBlock, type AdaptiveCard } from '@microsoft/teams.cards';
import type { TFunction } from 'i18next';
import { translator } from '../../../core/i18n/i18n';
import { adaptiveCard } from '../adaptiveCard';
import { helpButton, historyButton, type EmployeeCardData } from './planCardData';
import { planSection } from './planSection';
import { dayInWords, followUpLine, heading, notice, planWord, statusLine } from './planText';

export interface EmployeePlanCardData extends EmployeeCardData {
  /** The employee has just agreed: the card confirms it. */
  justAgreed?: boolean;
  /** Name of who agreed, for an agreed plan. */
  agreedByName?: string;
  myPlanUrl: string;
}

/**
 * The employee's own plan as it stands: the confirmation right after agreeing, and the view
 * of a plan the manager is still working on. The personal tab holds it for good.
 */
export function employeePlanCard(data: EmployeePlanCardData): AdaptiveCard {
  const { language, profile, plan } = data;
  const t = translator(language);
  const title = data.justAgreed
    ? t('plan.employee.agreedTitle')
    : t('plan.ownTitle', { plan: planWord(profile, language), year: plan.year });
  return adaptiveCard(
    [
      heading(title),
      ...(data.stale ? [notice(t('plan.stale'))] : []),
      statusLine(t, plan),
      new TextBlock(stateText(t, data), { wrap: true }),
      ...planSection({ language, profile, plan, unitGoals: data.unitGoals }),
      followUpLine(t, plan, language),
    ],
    [
      new OpenUrlAction(data.myPlanUrl, { title: t('actions.openMyPlan') }),
      historyButton(t, plan.id),
      helpButton(t),
    ],
  );
}

function stateText(t: TFunction, data: EmployeePlanCardData): string {
  const { plan, profile, language, managerName: manager } = data;
  switch (plan.status) {
    case 'agreed':
      return data.justAgreed
        ? t('plan.employee.agreedBody', { manager })
        : t('plan.agreedLine', {
            date: plan.agreedAt ? dayInWords(profile, plan.agreedAt, language) : '',
            name: data.agreedByName ?? t('plan.someone'),
          });
    case 'changes-requested':
      return t('plan.employee.changesRequested', { manager });
    case 'proposed':
      return t('plan.employee.proposed');
    case 'draft':
      return t('plan.employee.draft', { manager });
  }
}
