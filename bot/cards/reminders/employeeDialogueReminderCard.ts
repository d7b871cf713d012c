import { TextBlock, type AdaptiveCard } from '@microsoft/teams.cards';
import type { TFunction } from 'i18next';
import { translator, type Language } from '../../../core/i18n/i18n';
import type { DialogueType, OrganisationProfile } from '../../../core/profiles/profileSchema';
import type { IsoDateTime } from '../../../core/shared/schemas';
import { adaptiveCard } from '../adaptiveCard';
import { cardButton } from '../cardActions';
import { bookedTime } from '../team/teamText';
import { settingsAndHelpButtons } from './reminderButtons';
import { dialogueWording, whenText } from './remindersText';

export interface EmployeeDialogueReminderCardData {
  language: Language;
  profile: OrganisationProfile;
  dialogueType: DialogueType;
  scheduledAt: IsoDateTime;
  /** Working days from today to the dialogue's day. */
  workingDays: number;
  /** Whether the employee has sent their preparation for this dialogue. */
  preparationSent: boolean;
}

/**
 * Before a booked dialogue, to the employee: when it is, and one button to what helps most —
 * starting the preparation (the same action as "förbered mitt samtal"), reading the one
 * already sent, or, before a follow-up, the plan.
 */
export function employeeDialogueReminderCard(data: EmployeeDialogueReminderCardData): AdaptiveCard {
  const { language, dialogueType } = data;
  const t = translator(language);
  const preparing = dialogueType.writesPlan;
  return adaptiveCard(
    [
      new TextBlock(employeeDialogueReminderTitle(t, data), {
        style: 'heading',
        size: 'Large',
        wrap: true,
      }),
      new TextBlock(whenText(t, data.workingDays), {
        wrap: true,
        isSubtle: true,
        spacing: 'None',
      }),
      new TextBlock(
        t(
          !preparing
            ? 'reminders.employee.followUp'
            : data.preparationSent
              ? 'reminders.employee.prepared'
              : 'reminders.employee.prepare',
        ),
        { wrap: true },
      ),
    ],
    [
      preparing && !data.preparationSent
        ? cardButton(
            t('actions.prepare'),
            { verb: 'runCommand', command: 'prepare' },
            { style: 'positive' },
          )
        : cardButton(
            t(preparing ? 'reminders.actions.showPreparation' : 'reminders.actions.myPlan'),
            { verb: 'runCommand', command: 'myPlan' },
            { style: 'positive' },
          ),
      ...settingsAndHelpButtons(t),
    ],
  );
}

/** The heading, also the notification's preview: "Ditt medarbetarsamtal är tisdag 8 december …". */
export function employeeDialogueReminderTitle(
  t: TFunction,
  data: Pick<
    EmployeeDialogueReminderCardData,
    'language' | 'profile' | 'dialogueType' | 'scheduledAt'
  >,
): string {
  const { language, profile, dialogueType } = data;
  return t(dialogueType.writesPlan ? 'reminders.employee.title' : 'reminders.employee.titleOther', {
    dialogue: dialogueWording(profile, dialogueType, language),
    time: bookedTime(profile, data.scheduledAt, language),
  });
}
