import { TextBlock, type AdaptiveCard } from '@microsoft/teams.cards';
import { translator, type Language } from '../../../core/i18n/i18n';
import { adaptiveCard } from '../adaptiveCard';
import { helpButton } from './planCardData';
import { heading } from './planText';

/**
 * A plan button clicked by someone who is neither the plan's employee nor their manager
 * today, or a forged one: polite, and it says nothing of whose plan or what is in it.
 */
export function planNotYoursCard(data: { language: Language }): AdaptiveCard {
  const t = translator(data.language);
  return adaptiveCard(
    [heading(t('plan.notYours.title')), new TextBlock(t('plan.notYours.body'), { wrap: true })],
    [helpButton(t)],
  );
}
