import { TextBlock, type AdaptiveCard } from '@microsoft/teams.cards';
import { translator, type Language } from '../../../core/i18n/i18n';
import type { ReminderSettings } from '../../../core/reminders/reminderSettings';
import { adaptiveCard } from '../adaptiveCard';
import { cardButton } from '../cardActions';
import { pausePeriod, weekdayInWords } from './remindersText';

export interface ReminderSettingsSavedCardData {
  language: Language;
  settings: ReminderSettings;
  /** When the next reflection prompt was planned; absent when the rhythm is off. */
  nextPromptAt?: Date;
  timeZone: string;
}

/**
 * The confirmation says in words what will happen — when the next question comes, that they
 * are off, the pause — rather than echoing the choices.
 */
export function reminderSettingsSavedCard(data: ReminderSettingsSavedCardData): AdaptiveCard {
  const { language, settings } = data;
  const t = translator(language);
  const rhythm = settings.reflectionRhythm;
  const lines =
    rhythm === 'off'
      ? [t('reminders.saved.off')]
      : [
          t('reminders.saved.rhythm', { rhythm: t(`reminders.saved.rhythmWords.${rhythm}`) }),
          ...(data.nextPromptAt
            ? [
                t('reminders.saved.next', {
                  date: weekdayInWords(data.nextPromptAt, data.timeZone, language),
                }),
              ]
            : []),
        ];
  return adaptiveCard(
    [
      new TextBlock(t('reminders.saved.title'), { style: 'heading', size: 'Large', wrap: true }),
      new TextBlock(lines.join(' '), { wrap: true }),
      ...(settings.pause
        ? [
            new TextBlock(
              t('reminders.saved.paused', { period: pausePeriod(settings.pause, language) }),
              { wrap: true },
            ),
          ]
        : []),
      new TextBlock(t(`reminders.saved.language.${settings.language ?? 'teams'}`), {
        wrap: true,
        isSubtle: true,
      }),
    ],
    [
      cardButton(t('reminders.actions.change'), { verb: 'reminders.settings' }),
      cardButton(t('actions.showHelp'), { verb: 'runCommand', command: 'help' }),
    ],
  );
}
