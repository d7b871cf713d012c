import { TextBlock, type AdaptiveCard } from '@microsoft/teams.cards';
import { translator, type Language } from '../../../core/i18n/i18n';
import type { ErasureReport } from '../../../core/privacy/erasure';
import { adaptiveCard } from '../adaptiveCard';

export type ErasureOutcome = { kind: 'erased'; report: ErasureReport } | { kind: 'cancelled' };

export interface ErasureDoneCardData {
  language: Language;
  outcome: ErasureOutcome;
}

/** What "radera mina data" did: what went, what was kept and why; or that nothing changed. */
export function erasureDoneCard(data: ErasureDoneCardData): AdaptiveCard {
  const t = translator(data.language);
  if (data.outcome.kind === 'cancelled') {
    return adaptiveCard([
      new TextBlock(t('privacy.erasure.cancelledTitle'), { style: 'heading', wrap: true }),
      new TextBlock(t('privacy.erasure.cancelledBody'), { wrap: true }),
    ]);
  }
  const { plans } = data.outcome.report;
  return adaptiveCard([
    new TextBlock(t('privacy.erasure.doneTitle'), { style: 'heading', wrap: true }),
    new TextBlock(
      t('privacy.erasure.doneBody', {
        plans: plans.individualPlans,
        dialogues: plans.dialogues,
        preparations: plans.preparations,
        reflections: plans.reflections,
        followUps: plans.effectFollowUps,
      }),
      { wrap: true },
    ),
    ...(plans.keptAgreedPlans > 0
      ? [
          new TextBlock(t('privacy.erasure.doneKept', { count: plans.keptAgreedPlans }), {
            wrap: true,
          }),
        ]
      : []),
    new TextBlock(t('privacy.erasure.doneAudit'), { wrap: true, isSubtle: true }),
  ]);
}
