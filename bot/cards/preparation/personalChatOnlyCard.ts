import { OpenUrlAction, TextBlock, type AdaptiveCard } from '@microsoft/teams.cards';
import { translator, type Language } from '../../../core/i18n/i18n';
import { adaptiveCard } from '../adaptiveCard';

export interface PersonalChatOnlyCardData {
  language: Language;
  /** The app's personal tab; opening it puts the person one click from the bot's chat. */
  appUrl: string;
}

/** In a channel or group chat: the preparation is personal, so it happens in the 1:1 chat. */
export function personalChatOnlyCard(data: PersonalChatOnlyCardData): AdaptiveCard {
  const t = translator(data.language);
  return adaptiveCard(
    [
      new TextBlock(t('preparation.personalOnly.title'), {
        style: 'heading',
        size: 'Medium',
        wrap: true,
      }),
      new TextBlock(t('preparation.personalOnly.body'), { wrap: true }),
    ],
    [new OpenUrlAction(data.appUrl, { title: t('preparation.personalOnly.open') })],
  );
}
