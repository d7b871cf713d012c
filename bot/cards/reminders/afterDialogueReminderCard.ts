import { TextBlock, type AdaptiveCard } from '@microsoft/teams.cards';
import { translator, type Language } from '../../../core/i18n/i18n';
import type { DialogueType, OrganisationProfile } from '../../../core/profiles/profileSchema';
import type { IsoDateTime } from '../../../core/shared/schemas';
import { adaptiveCard } from '../adaptiveCard';
import { cardButton } from '../cardActions';
import { bookedTime } from '../team/teamText';
import { settingsAndHelpButtons } from './reminderButtons';
import { dialogueWording } from './remindersText';

export interface AfterDialogueReminderCardData {
  language: Language;
  profile: OrganisationProfile;
  dialogueType: DialogueType;
  employeeId: string;
  employeeName: string;
  scheduledAt: IsoDateTime;
  /** Marked held in "mitt team"; else the card says where to do that. */
  held: boolean;
}

/**
 * After the plan-writing dialogue, to the manager: write the plan while the dialogue is
 * fresh. The button opens the plan as "mitt team" does.
 */
export function afterDialogueReminderCard(data: AfterDialogueReminderCardData): AdaptiveCard {
  const { language, profile, employeeName: name } = data;
  const t = translator(language);
  return adaptiveCard(
    [
      new TextBlock(afterDialogueReminderTitle(data), {
        style: 'heading',
        size: 'Large',
        wrap: true,
      }),
      new TextBlock(
        t('reminders.after.body', {
          name,
          dialogue: dialogueWording(profile, data.dialogueType, language),
          time: bookedTime(profile, data.scheduledAt, language),
          plan: profile.wording.individualPlan[language],
        }),
        { wrap: true },
      ),
      ...(data.held
        ? []
        : [new TextBlock(t('reminders.after.notMarked'), { wrap: true, isSubtle: true })]),
    ],
    [
      cardButton(
        t('reminders.actions.writePlan'),
        { verb: 'plan.start', employeeId: data.employeeId },
        { style: 'positive' },
      ),
      cardButton(t('reminders.actions.myTeam'), { verb: 'runCommand', command: 'myTeam' }),
      ...settingsAndHelpButtons(t),
    ],
  );
}

/** The heading, also the notification's preview. */
export function afterDialogueReminderTitle(
  data: Pick<AfterDialogueReminderCardData, 'language' | 'employeeName'>,
): string {
  return translator(data.language)('reminders.after.title', { name: data.employeeName });
}
