import { TextBlock } from '@microsoft/teams.cards';
import type { AdaptiveCard } from '@microsoft/teams.cards';
import type { CommandId } from '../../core/commands/commands';
import { translator, type Language } from '../../core/i18n/i18n';
import { adaptiveCard } from './adaptiveCard';
import { commandButtons } from './helpCard';

export interface NotUnderstoodCardData {
  language: Language;
  /** What to offer instead: the commands that work now. */
  suggestions: readonly Exclude<CommandId, 'cancel'>[];
}

/** Never silence: anything the bot does not understand gets this, with a way forward. */
export function notUnderstoodCard(data: NotUnderstoodCardData): AdaptiveCard {
  const t = translator(data.language);
  return adaptiveCard(
    [
      new TextBlock(t('notUnderstood.title'), { style: 'heading', size: 'Medium', wrap: true }),
      new TextBlock(t('notUnderstood.body'), { wrap: true }),
    ],
    commandButtons(data.language, data.suggestions),
  );
}
