import { TextBlock, type AdaptiveCard } from '@microsoft/teams.cards';
import { translator, type Language } from '../../../core/i18n/i18n';
import type { Reflection } from '../../../core/plan/reflection';
import { adaptiveCard } from '../adaptiveCard';
import { userTextBlock } from '../userText';
import { settingsAndHelpButtons } from './reminderButtons';

export interface ReflectionSavedCardData {
  language: Language;
  reflection: Reflection;
  /** The card had been saved before: the reflection shown is the one stored then. */
  again: boolean;
}

/** The thank-you: what was saved, as written, and plainly whether the manager can see it. */
export function reflectionSavedCard(data: ReflectionSavedCardData): AdaptiveCard {
  const { language, reflection } = data;
  const t = translator(language);
  const shared = reflection.visibility === 'shared-with-manager';
  return adaptiveCard(
    [
      new TextBlock(t('reminders.reflection.saved.title'), {
        style: 'heading',
        size: 'Large',
        wrap: true,
      }),
      ...(data.again
        ? [new TextBlock(t('reminders.reflection.saved.again'), { wrap: true, isSubtle: true })]
        : []),
      userTextBlock(reflection.text, { italic: true }),
      new TextBlock(
        t(shared ? 'reminders.reflection.saved.shared' : 'reminders.reflection.saved.private'),
        { wrap: true, weight: 'Bolder' },
      ),
    ],
    settingsAndHelpButtons(t, 'reminders.actions.changeRhythm'),
  );
}
