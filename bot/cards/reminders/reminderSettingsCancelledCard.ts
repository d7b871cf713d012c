import { TextBlock, type AdaptiveCard } from '@microsoft/teams.cards';
import { translator, type Language } from '../../../core/i18n/i18n';
import { adaptiveCard } from '../adaptiveCard';
import { cardButton } from '../cardActions';

/** "Avbryt" on the settings card: nothing is stored, and the way back is one click. */
export function reminderSettingsCancelledCard(data: { language: Language }): AdaptiveCard {
  const t = translator(data.language);
  return adaptiveCard(
    [
      new TextBlock(t('reminders.cancelled.title'), {
        style: 'heading',
        size: 'Large',
        wrap: true,
      }),
      new TextBlock(t('reminders.cancelled.body'), { wrap: true }),
    ],
    [
      cardButton(t('reminders.actions.change'), { verb: 'reminders.settings' }),
      cardButton(t('actions.showHelp'), { verb: 'runCommand', command: 'help' }),
    ],
  );
}
