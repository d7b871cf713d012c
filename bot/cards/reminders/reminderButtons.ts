import type { TFunction } from 'i18next';
import { cardButton } from '../cardActions';

/**
 * The two ways out every reminder offers: to the settings (so anyone can turn reminders down
 * or pause them from the message that bothered them) and to help.
 */
export function settingsAndHelpButtons(t: TFunction, settingsTitle = 'reminders.actions.change') {
  return [
    cardButton(t(settingsTitle), { verb: 'reminders.settings' }, { sendsInputs: false }),
    cardButton(
      t('actions.showHelp'),
      { verb: 'runCommand', command: 'help' },
      { sendsInputs: false },
    ),
  ];
}
