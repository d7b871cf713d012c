import { OpenUrlAction, TextBlock, type AdaptiveCard } from '@microsoft/teams.cards';
import { translator, type Language } from '../../../core/i18n/i18n';
import type { DialoguePreparation } from '../../../core/plan/dialogue';
import { sharedAnswers } from '../../../core/preparation/preparation';
import type { PreparationContext } from '../../../core/preparation/template';
import { adaptiveCard } from '../adaptiveCard';
import { cardButton } from '../cardActions';
import { dialogueWord } from './preparationText';

/** What became of the manager's message; never claims a delivery that did not happen. */
export type ManagerNotice = 'delivered' | 'not-installed' | 'unreachable' | 'queued' | 'no-manager';

export interface PreparationSentCardData {
  language: Language;
  context: PreparationContext;
  preparation: DialoguePreparation;
  notice: ManagerNotice;
  managerName?: string;
  myPlanUrl: string;
}

const NOTICE_KEYS: Record<ManagerNotice, string> = {
  delivered: 'preparation.sent.delivered',
  'not-installed': 'preparation.sent.notInstalled',
  unreachable: 'preparation.sent.unreachable',
  queued: 'preparation.sent.queued',
  'no-manager': 'preparation.sent.noManager',
};

/** The employee's confirmation: stored, what the manager got (honestly), and what comes next. */
export function preparationSentCard(data: PreparationSentCardData): AdaptiveCard {
  const t = translator(data.language);
  const shared = sharedAnswers(data.preparation).length;
  return adaptiveCard(
    [
      new TextBlock(t('preparation.sent.title'), { style: 'heading', size: 'Large', wrap: true }),
      new TextBlock(t(NOTICE_KEYS[data.notice], { manager: data.managerName ?? '' }), {
        wrap: true,
      }),
      new TextBlock(
        t('preparation.sent.counts', {
          shared,
          private: data.preparation.answers.length - shared,
        }),
        { wrap: true, isSubtle: true },
      ),
      new TextBlock(
        t('preparation.sent.nextSteps', { dialogue: dialogueWord(data.context, data.language) }),
        { wrap: true },
      ),
    ],
    [
      cardButton(t('preparation.actions.showMyPlan'), { verb: 'runCommand', command: 'myPlan' }),
      new OpenUrlAction(data.myPlanUrl, { title: t('actions.openMyPlan') }),
    ],
  );
}
