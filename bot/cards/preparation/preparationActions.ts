import type { TFunction } from 'i18next';
import type { PreparationDraft } from '../../../core/preparation/draft';
import { cardButton } from '../cardActions';

/**
 * The buttons that leave a step, on every step's card and on the summary: back (not on the
 * first step), save and continue later, cancel. Back and save send what was typed, so it is
 * kept; cancel sends nothing, since it throws the draft away.
 */
export function leaveStepButtons(
  t: TFunction,
  draft: PreparationDraft,
  options: { back: boolean },
) {
  const at = { draftId: draft.id, revision: draft.revision };
  return [
    ...(options.back
      ? [cardButton(t('preparation.actions.back'), { verb: 'preparation.back', ...at })]
      : []),
    cardButton(t('preparation.actions.saveForLater'), { verb: 'preparation.saveForLater', ...at }),
    cardButton(
      t('preparation.actions.cancel'),
      { verb: 'preparation.cancel', ...at },
      { sendsInputs: false, style: 'destructive' },
    ),
  ];
}
