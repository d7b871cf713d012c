import { TextBlock, type AdaptiveCard } from '@microsoft/teams.cards';
import { translator, type Language } from '../../../core/i18n/i18n';
import type { DialogueStatus } from '../../../core/plan/dialogue';
import type { DialogueType, OrganisationProfile } from '../../../core/profiles/profileSchema';
import type { IsoDateTime } from '../../../core/shared/schemas';
import { adaptiveCard } from '../adaptiveCard';
import { cardButton } from '../cardActions';
import { bookedTime, dialogueInSentence } from './teamText';

export interface ConfirmCancelDialogueCardData {
  language: Language;
  profile: OrganisationProfile;
  employeeId: string;
  employeeName: string;
  dialogueType: DialogueType;
  bookedAt: IsoDateTime;
  status: DialogueStatus;
}

/** Cancelling tells the employee, so it is asked once more; "No" goes back to the booking. */
export function confirmCancelDialogueCard(data: ConfirmCancelDialogueCardData): AdaptiveCard {
  const { language, employeeName: name } = data;
  const t = translator(language);
  const about = { employeeId: data.employeeId, dialogueTypeId: data.dialogueType.id };
  return adaptiveCard(
    [
      new TextBlock(
        t('team.confirmCancel.title', {
          dialogue: dialogueInSentence(data.dialogueType, language),
          name,
        }),
        { style: 'heading', size: 'Large', wrap: true },
      ),
      new TextBlock(
        t('team.confirmCancel.body', {
          time: bookedTime(data.profile, data.bookedAt, language),
          name,
        }),
        { wrap: true },
      ),
      ...(data.status === 'prepared'
        ? [new TextBlock(t('team.confirmCancel.preparationKept', { name }), { wrap: true })]
        : []),
    ],
    [
      cardButton(
        t('team.actions.confirmCancel'),
        { verb: 'team.confirmCancel', ...about, bookedAt: data.bookedAt },
        { style: 'destructive' },
      ),
      cardButton(t('team.actions.keepBooking'), { verb: 'team.schedule', ...about }),
      cardButton(t('actions.showHelp'), { verb: 'runCommand', command: 'help' }),
    ],
  );
}
