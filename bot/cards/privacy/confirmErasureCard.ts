import { TextBlock, type AdaptiveCard } from '@microsoft/teams.cards';
import { translator, type Language } from '../../../core/i18n/i18n';
import type { AgreedPlanOnErasure } from '../../../core/privacy/erasure';
import { adaptiveCard } from '../adaptiveCard';
import { cardButton } from '../cardActions';

export interface ConfirmErasureCardData {
  language: Language;
  agreedPlanOnErasure: AgreedPlanOnErasure;
  /** The profile's own words on why agreed plans are kept, in the person's language. */
  keepNote?: string;
  retentionYears: number;
}

/** Erasing cannot be undone, so it is asked first, with what stays and for how long. */
export function confirmErasureCard(data: ConfirmErasureCardData): AdaptiveCard {
  const t = translator(data.language);
  const agreed =
    data.agreedPlanOnErasure === 'keep-as-unit-record'
      ? t('privacy.erasure.keepAgreed', { note: data.keepNote ?? '' }).trim()
      : t('privacy.erasure.eraseAgreed');
  return adaptiveCard(
    [
      new TextBlock(t('privacy.erasure.title'), { style: 'heading', size: 'Large', wrap: true }),
      new TextBlock(t('privacy.erasure.body'), { wrap: true }),
      new TextBlock(agreed, { wrap: true }),
      new TextBlock(t('privacy.erasure.retention', { years: data.retentionYears }), {
        wrap: true,
        isSubtle: true,
      }),
    ],
    [
      cardButton(
        t('privacy.erasure.confirm'),
        { verb: 'privacy.confirmErasure' },
        { style: 'destructive' },
      ),
      cardButton(t('privacy.erasure.cancel'), { verb: 'privacy.cancelErasure' }),
    ],
  );
}
