import { TextBlock, type AdaptiveCard } from '@microsoft/teams.cards';
import { translator, type Language } from '../../../core/i18n/i18n';
import type { DialoguePreparation } from '../../../core/plan/dialogue';
import { sharedAnswers } from '../../../core/preparation/preparation';
import {
  PreparationStepIdSchema,
  type PreparationContext,
} from '../../../core/preparation/template';
import { adaptiveCard } from '../adaptiveCard';
import { answerList } from './answerList';
import { dialogueWord, stepTitle } from './preparationText';

export interface ManagerPreparationCardData {
  language: Language;
  context: PreparationContext;
  employeeName: string;
  preparation: DialoguePreparation;
}

/** What the manager gets in their personal chat: only the answers the employee shared. */
export function managerPreparationCard(data: ManagerPreparationCardData): AdaptiveCard {
  const { language, context, employeeName: name } = data;
  const t = translator(language);
  const shared = sharedAnswers(data.preparation);
  const skipped = data.preparation.skippedStepIds.flatMap((id) => {
    const step = PreparationStepIdSchema.safeParse(id);
    return step.success ? [stepTitle(t, step.data)] : [];
  });
  return adaptiveCard([
    new TextBlock(
      t('preparation.manager.title', { name, dialogue: dialogueWord(context, language) }),
      { style: 'heading', size: 'Large', wrap: true },
    ),
    new TextBlock(
      t(shared.length > 0 ? 'preparation.manager.intro' : 'preparation.manager.nothingShared', {
        name,
      }),
      { wrap: true },
    ),
    ...answerList(shared, context, language, { markVisibility: false }),
    ...(skipped.length > 0
      ? [
          new TextBlock(t('preparation.manager.skipped', { steps: skipped.join(', ') }), {
            isSubtle: true,
            wrap: true,
            spacing: 'Medium',
          }),
        ]
      : []),
  ]);
}

/** The text a client without cards shows, and the notification's preview. */
export function managerPreparationFallbackText(data: ManagerPreparationCardData): string {
  const t = translator(data.language);
  return t('preparation.manager.title', {
    name: data.employeeName,
    dialogue: dialogueWord(data.context, data.language),
  });
}
