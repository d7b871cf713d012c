import { Container, TextBlock, type AdaptiveCard } from '@microsoft/teams.cards';
import { translator, type Language } from '../../../core/i18n/i18n';
import type { DialogueType, OrganisationProfile } from '../../../core/profiles/profileSchema';
import type { IsoDateTime } from '../../../core/shared/schemas';
import { adaptiveCard } from '../adaptiveCard';
import { cardButton } from '../cardActions';
import {
  managerPreparationCard,
  type ManagerPreparationCardData,
} from '../preparation/managerPreparationCard';
import { bookedTime, dialogueName } from '../team/teamText';
import { settingsAndHelpButtons } from './reminderButtons';
import { whenText } from './remindersText';

export interface ManagerDialogueReminderCardData {
  language: Language;
  profile: OrganisationProfile;
  dialogueType: DialogueType;
  employeeName: string;
  scheduledAt: IsoDateTime;
  workingDays: number;
  /** What the employee sent, with only the answers they shared; absent when nothing was sent. */
  preparation?: Omit<ManagerPreparationCardData, 'language' | 'employeeName'>;
}

/**
 * Before a booked dialogue, to the manager: with whom and when, then what the employee shared
 * — the very card the manager got when it was sent, so both always show the same — or a note
 * that no preparation was made.
 */
export function managerDialogueReminderCard(data: ManagerDialogueReminderCardData): AdaptiveCard {
  const { language, profile, employeeName: name } = data;
  const t = translator(language);
  return adaptiveCard(
    [
      new TextBlock(managerDialogueReminderTitle(data), {
        style: 'heading',
        size: 'Large',
        wrap: true,
      }),
      new TextBlock(
        `${bookedTime(profile, data.scheduledAt, language)} · ${whenText(t, data.workingDays)}`,
        { wrap: true, weight: 'Bolder', spacing: 'None' },
      ),
      data.preparation
        ? new Container(
            ...managerPreparationCard({ ...data.preparation, language, employeeName: name }).body,
          ).withOptions({ separator: true, spacing: 'Medium' })
        : new TextBlock(t('reminders.manager.noPreparation', { name }), { wrap: true }),
    ],
    [
      cardButton(t('reminders.actions.myTeam'), { verb: 'runCommand', command: 'myTeam' }),
      ...settingsAndHelpButtons(t),
    ],
  );
}

/** The heading, also the notification's preview: "Medarbetarsamtal med Anna". */
export function managerDialogueReminderTitle(
  data: Pick<ManagerDialogueReminderCardData, 'language' | 'dialogueType' | 'employeeName'>,
): string {
  return translator(data.language)('reminders.manager.title', {
    dialogue: dialogueName(data.dialogueType, data.language),
    name: data.employeeName,
  });
}
