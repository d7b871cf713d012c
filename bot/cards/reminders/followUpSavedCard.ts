import { TextBlock, type AdaptiveCard } from '@microsoft/teams.cards';
import { translator, type Language } from '../../../core/i18n/i18n';
import type { EffectFollowUp } from '../../../core/plan/effectFollowUp';
import { adaptiveCard } from '../adaptiveCard';
import { cardButton } from '../cardActions';
import { userTextBlock } from '../userText';
import { followUpAnswers } from './followUpAnswers';

export interface FollowUpSavedCardData {
  language: Language;
  activityTitle: string;
  followUp: EffectFollowUp;
}

/** The thank-you: each answer under its question, and whether the manager can see them. */
export function followUpSavedCard(data: FollowUpSavedCardData): AdaptiveCard {
  const { language, followUp } = data;
  const t = translator(language);
  const shared = followUp.visibility === 'shared-with-manager';
  return adaptiveCard(
    [
      new TextBlock(t('reminders.followUp.saved.title'), {
        style: 'heading',
        size: 'Large',
        wrap: true,
      }),
      userTextBlock(data.activityTitle, { weight: 'Bolder' }),
      ...followUpAnswers(t, followUp),
      new TextBlock(
        t(shared ? 'reminders.followUp.saved.shared' : 'reminders.followUp.saved.private'),
        { wrap: true, weight: 'Bolder', spacing: 'Medium' },
      ),
    ],
    [
      cardButton(t('reminders.actions.myPlan'), { verb: 'runCommand', command: 'myPlan' }),
      cardButton(t('actions.showHelp'), { verb: 'runCommand', command: 'help' }),
    ],
  );
}
