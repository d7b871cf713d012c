import { TextBlock, type AdaptiveCard } from '@microsoft/teams.cards';
import { translator, type Language } from '../../../core/i18n/i18n';
import { adaptiveCard } from '../adaptiveCard';
import { cardButton } from '../cardActions';

export interface PreparationClosedCardData {
  language: Language;
  /**
   * cancelled: the employee just cancelled. stale-sent, stale-cancelled: a button of a
   * preparation that was sent or cancelled before was clicked; nothing changed.
   */
  reason: 'cancelled' | 'stale-sent' | 'stale-cancelled';
}

/** The end of a preparation that is no longer in progress, with the way to a new one. */
export function preparationClosedCard(data: PreparationClosedCardData): AdaptiveCard {
  const t = translator(data.language);
  const [title, body] =
    data.reason === 'cancelled'
      ? [t('preparation.cancelled.title'), t('preparation.cancelled.body')]
      : [
          t(
            data.reason === 'stale-sent'
              ? 'preparation.finished.sentTitle'
              : 'preparation.finished.cancelledTitle',
          ),
          t('preparation.finished.body'),
        ];
  return adaptiveCard(
    [
      new TextBlock(title, { style: 'heading', size: 'Large', wrap: true }),
      new TextBlock(body, { wrap: true }),
    ],
    [
      cardButton(t('actions.prepare'), { verb: 'runCommand', command: 'prepare' }),
      cardButton(t('preparation.actions.showMyPlan'), { verb: 'runCommand', command: 'myPlan' }),
    ],
  );
}
