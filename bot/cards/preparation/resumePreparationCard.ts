import { TextBlock, type AdaptiveCard } from '@microsoft/teams.cards';
import { translator, type Language } from '../../../core/i18n/i18n';
import type { PreparationDraft } from '../../../core/preparation/draft';
import { PREPARATION_STEP_COUNT, stepNumber } from '../../../core/preparation/template';
import { adaptiveCard } from '../adaptiveCard';
import { cardButton } from '../cardActions';
import { stepTitle } from './preparationText';

export interface ResumePreparationCardData {
  language: Language;
  draft: PreparationDraft;
}

/** "förbered mitt samtal" with a draft in progress: continue it, or begin anew. */
export function resumePreparationCard(data: ResumePreparationCardData): AdaptiveCard {
  const t = translator(data.language);
  const { draft } = data;
  return adaptiveCard(
    [
      new TextBlock(t('preparation.resume.title'), { style: 'heading', size: 'Large', wrap: true }),
      new TextBlock(
        t('preparation.resume.body', {
          number: stepNumber(draft.step),
          count: PREPARATION_STEP_COUNT,
          title: stepTitle(t, draft.step),
        }),
        { wrap: true },
      ),
      new TextBlock(t('preparation.resume.restartHint'), { wrap: true, isSubtle: true }),
    ],
    [
      cardButton(
        t('preparation.actions.continue'),
        { verb: 'preparation.continue', draftId: draft.id },
        { style: 'positive' },
      ),
      cardButton(t('preparation.actions.restart'), {
        verb: 'preparation.restart',
        draftId: draft.id,
        revision: draft.revision,
      }),
    ],
  );
}
