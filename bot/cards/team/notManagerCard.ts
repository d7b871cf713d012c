import { TextBlock, type AdaptiveCard } from '@microsoft/teams.cards';
import { translator, type Language } from '../../../core/i18n/i18n';
import { adaptiveCard } from '../adaptiveCard';
import { cardButton } from '../cardActions';

export interface NotManagerCardData {
  language: Language;
}

/** "mitt team" from someone with no direct reports: what it is for, and what to do instead. */
export function notManagerCard(data: NotManagerCardData): AdaptiveCard {
  const t = translator(data.language);
  return adaptiveCard(
    [
      new TextBlock(t('team.notManager.title'), { style: 'heading', size: 'Large', wrap: true }),
      new TextBlock(t('team.notManager.body'), { wrap: true }),
      new TextBlock(t('team.notManager.instead'), { wrap: true }),
    ],
    [
      cardButton(t('actions.prepare'), { verb: 'runCommand', command: 'prepare' }),
      cardButton(t('team.actions.myPlan'), { verb: 'runCommand', command: 'myPlan' }),
      cardButton(t('actions.showHelp'), { verb: 'runCommand', command: 'help' }),
    ],
  );
}
