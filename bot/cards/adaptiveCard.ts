import { AdaptiveCard, type CardElementArray, type ActionArray } from '@microsoft/teams.cards';
import { withoutDefaults } from './withoutDefaults';

/** Teams renders Adaptive Cards up to 1.5; every card of the app is authored against it. */
export const ADAPTIVE_CARD_VERSION = '1.5';
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export function adaptiveCard(body: CardElementArray, actions: ActionArray = []): AdaptiveCard {
  const card = new AdaptiveCard(...body).withOptions({
    version: ADAPTIVE_CARD_VERSION,
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    msteams: { width: 'full' },
  });
  return withoutDefaults(actions.length > 0 ? card.withActions(...actions) : card);
}
