import { TextBlock, type AdaptiveCard } from '@microsoft/teams.cards';
import { translator, type Language } from '../../../core/i18n/i18n';
import type { PreparationDraft } from '../../../core/preparation/draft';
import { adaptiveCard } from '../adaptiveCard';
import { cardButton } from '../cardActions';

export interface ConfirmCancelPreparationCardData {
  language: Language;
  draft: PreparationDraft;
}

/** Cancelling deletes what was written, so it is asked once more; "No" goes back to the step. */
export function confirmCancelPreparationCard(data: ConfirmCancelPreparationCardData): AdaptiveCard {
  const t = translator(data.language);
  const { draft } = data;
  return adaptiveCard(
    [
      new TextBlock(t('preparation.confirmCancel.title'), {
        style: 'heading',
        size: 'Large',
        wrap: true,
      }),
      new TextBlock(t('preparation.confirmCancel.body'), { wrap: true }),
    ],
    [
      cardButton(
        t('preparation.actions.confirmCancel'),
        { verb: 'preparation.confirmCancel', draftId: draft.id, revision: draft.revision },
        { style: 'destructive' },
      ),
      cardButton(t('preparation.actions.keepGoing'), {
        verb: 'preparation.continue',
        draftId: draft.id,
      }),
    ],
  );
}
