import { Fact, FactSet, TextBlock, type AdaptiveCard } from '@microsoft/teams.cards';
import { translator, type Language } from '../../../core/i18n/i18n';
import type { DialogueType, OrganisationProfile } from '../../../core/profiles/profileSchema';
import type { IsoDateTime } from '../../../core/shared/schemas';
import { adaptiveCard } from '../adaptiveCard';
import { cardButton } from '../cardActions';
import { bookedTime, dialogueName } from './teamText';

export interface DialogueBookingNoticeCardData {
  language: Language;
  profile: OrganisationProfile;
  kind: 'booked' | 'moved' | 'cancelled';
  managerName: string;
  dialogueType: DialogueType;
  /** The new time; for a cancellation, the time that was cancelled. */
  scheduledAt: IsoDateTime;
}

/**
 * What the employee gets in their personal chat when the manager books, moves or cancels a
 * dialogue: when, in Swedish time and in words, and the way to prepare.
 */
export function dialogueBookingNoticeCard(data: DialogueBookingNoticeCardData): AdaptiveCard {
  const { language, kind } = data;
  const t = translator(language);
  const cancelled = kind === 'cancelled';
  // The preparation is for the dialogue that writes the plan; the others look back on the plan.
  const offerPreparation = !cancelled && data.dialogueType.writesPlan;
  return adaptiveCard(
    [
      new TextBlock(t(`team.employee.${kind}Title`), {
        style: 'heading',
        size: 'Large',
        wrap: true,
      }),
      new TextBlock(t(`team.employee.${kind}`, { manager: data.managerName }), { wrap: true }),
      new FactSet(
        new Fact(t('team.employee.dialogueLabel'), dialogueName(data.dialogueType, language)),
        new Fact(
          t(cancelled ? 'team.employee.wasLabel' : 'team.employee.whenLabel'),
          bookedTime(data.profile, data.scheduledAt, language),
        ),
        new Fact(t('team.employee.withLabel'), data.managerName),
      ),
      ...(offerPreparation
        ? [new TextBlock(t('team.employee.prepareHint'), { wrap: true, spacing: 'Medium' })]
        : []),
    ],
    [
      ...(offerPreparation
        ? [cardButton(t('actions.prepare'), { verb: 'runCommand', command: 'prepare' })]
        : []),
      cardButton(t('team.actions.myPlan'), { verb: 'runCommand', command: 'myPlan' }),
      cardButton(t('actions.showHelp'), { verb: 'runCommand', command: 'help' }),
    ],
  );
}

/** The text a client without cards shows, and the notification's preview. */
export function dialogueBookingNoticeFallbackText(data: DialogueBookingNoticeCardData): string {
  const t = translator(data.language);
  return `${t(`team.employee.${data.kind}`, { manager: data.managerName })} ${dialogueName(
    data.dialogueType,
    data.language,
  )}: ${bookedTime(data.profile, data.scheduledAt, data.language)}.`;
}
