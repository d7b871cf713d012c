import { TextBlock, type AdaptiveCard } from '@microsoft/teams.cards';
import { translator, type Language } from '../../../core/i18n/i18n';
import type { PreparationDraft } from '../../../core/preparation/draft';
import { PREPARATION_STEP_COUNT, stepNumber } from '../../../core/preparation/template';
import { adaptiveCard } from '../adaptiveCard';
import { cardButton } from '../cardActions';
import { stepTitle } from './preparationText';

export interface PreparationSavedCardData {
  language: Language;
  draft: PreparationDraft;
}

/** Every finished step is saved as it is left; this says so and how to come back. */
export function preparationSavedCard(data: PreparationSavedCardData): AdaptiveCard {
  const t = translator(data.language);
  const { draft } = data;
  return adaptiveCard(
    [
      new TextBlock(t('preparation.saved.title'), { style: 'heading', size: 'Large', wrap: true }),
      new TextBlock(
        t('preparation.saved.body', {
          number: stepNumber(draft.step),
          count: PREPARATION_STEP_COUNT,
          title: stepTitle(t, draft.step),
        }),
        { wrap: true },
      ),
    ],
    [
      cardButton(t('preparation.actions.continue'), {
        verb: 'preparation.continue',
        draftId: draft.id,
      }),
    ],
  );
}
