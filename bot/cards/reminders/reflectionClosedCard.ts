import { TextBlock, type AdaptiveCard } from '@microsoft/teams.cards';
import { translator, type Language } from '../../../core/i18n/i18n';
import { adaptiveCard } from '../adaptiveCard';
import { settingsAndHelpButtons } from './reminderButtons';
import { weekdayInWords } from './remindersText';

export interface ReflectionClosedCardData {
  language: Language;
  /** "Inte nu" was chosen, or the prompt the card asked is no longer the profile's. */
  reason: 'later' | 'gone';
  /** When the next prompt is planned, if one is. */
  nextPromptAt?: Date;
  timeZone: string;
}

/** The prompt card replaced politely: nothing saved, and when the next question comes. */
export function reflectionClosedCard(data: ReflectionClosedCardData): AdaptiveCard {
  const { language } = data;
  const t = translator(language);
  // "Gone" already says the next question comes as usual.
  const next =
    data.reason === 'later' && data.nextPromptAt
      ? ` ${t('reminders.saved.next', { date: weekdayInWords(data.nextPromptAt, data.timeZone, language) })}`
      : '';
  return adaptiveCard(
    [
      new TextBlock(t(`reminders.reflection.${data.reason}.title`), {
        style: 'heading',
        size: 'Large',
        wrap: true,
      }),
      new TextBlock(`${t(`reminders.reflection.${data.reason}.body`)}${next}`, { wrap: true }),
    ],
    settingsAndHelpButtons(t, 'reminders.actions.changeRhythm'),
  );
}
