import {
  ChoiceSetInput,
  DateInput,
  TextBlock,
  type AdaptiveCard,
  type CardElement,
} from '@microsoft/teams.cards';
import { translator, type Language } from '../../../core/i18n/i18n';
import {
  REFLECTION_RHYTHMS,
  type ReminderSettings,
} from '../../../core/reminders/reminderSettings';
import type { IsoDate } from '../../../core/shared/schemas';
import { adaptiveCard } from '../adaptiveCard';
import { cardButton } from '../cardActions';
import { weekdayInWords } from './remindersText';

/** The input ids of the settings card, as the click on "Spara" sends them. */
export const SETTINGS_INPUTS = {
  rhythm: 'rhythm',
  pauseFrom: 'pause-from',
  pauseTo: 'pause-to',
  language: 'language',
} as const;

/** "Som Teams" is a choice of its own: no language stored, the one Teams reports is used. */
export const LANGUAGE_CHOICES = ['teams', 'sv', 'en'] as const;
export type LanguageChoice = (typeof LANGUAGE_CHOICES)[number];

/** The card's inputs as typed (kept when refused) or as stored. */
export interface SettingsValues {
  rhythm: string;
  pauseFrom: string;
  pauseTo: string;
  language: string;
}

/** Why a typed pause was refused; said next to the date it is about. */
export type PauseProblem = 'invalidDate' | 'pauseIncomplete' | 'pauseOrder' | 'pauseOver';
export type SettingsErrors = Partial<Record<'pauseFrom' | 'pauseTo', PauseProblem>>;

export interface ReminderSettingsCardData {
  language: Language;
  values: SettingsValues;
  errors?: SettingsErrors;
  /** Today in the profile's zone: the earliest end of a pause the date picker offers. */
  today: IsoDate;
  /** When the next reflection prompt is planned, if one is. */
  nextPromptAt?: Date;
  timeZone: string;
}

/** What the stored settings show as in the card's inputs; a pause that has ended is gone. */
export function settingsValues(settings: ReminderSettings, today: IsoDate): SettingsValues {
  const pause = settings.pause && settings.pause.to >= today ? settings.pause : undefined;
  return {
    rhythm: settings.reflectionRhythm,
    pauseFrom: pause?.from ?? '',
    pauseTo: pause?.to ?? '',
    language: settings.language ?? 'teams',
  };
}

/** "påminnelser": the reflection rhythm, a pause, and the language reminders come in. */
export function reminderSettingsCard(data: ReminderSettingsCardData): AdaptiveCard {
  const { language, values } = data;
  const t = translator(language);
  const errors = data.errors ?? {};
  const errorFor = (input: keyof SettingsErrors): CardElement[] => {
    const problem = errors[input];
    return problem
      ? [
          new TextBlock(t(`reminders.settings.errors.${problem}`), {
            wrap: true,
            color: 'Attention',
            size: 'Small',
            spacing: 'Small',
          }),
        ]
      : [];
  };
  const dateInput = (input: 'pauseFrom' | 'pauseTo') =>
    new DateInput({
      id: SETTINGS_INPUTS[input],
      label: t(`reminders.settings.${input}`),
      // A pause under way began before today; only its end must not be in the past.
      ...(input === 'pauseTo' ? { min: data.today } : {}),
      ...(values[input] ? { value: values[input] } : {}),
    });

  return adaptiveCard(
    [
      new TextBlock(t('reminders.settings.title'), {
        style: 'heading',
        size: 'Large',
        wrap: true,
      }),
      ...(Object.keys(errors).length > 0
        ? [
            new TextBlock(t('reminders.settings.fixBelow'), {
              wrap: true,
              color: 'Warning',
              weight: 'Bolder',
            }),
          ]
        : []),
      new TextBlock(t('reminders.settings.intro'), { wrap: true }),
      ...(data.nextPromptAt
        ? [
            new TextBlock(
              t('reminders.saved.next', {
                date: weekdayInWords(data.nextPromptAt, data.timeZone, language),
              }),
              { wrap: true, isSubtle: true },
            ),
          ]
        : []),
      new ChoiceSetInput(
        ...REFLECTION_RHYTHMS.map((rhythm) => ({
          title: t(`reminders.settings.rhythm.${rhythm}`),
          value: rhythm,
        })),
      ).withOptions({
        id: SETTINGS_INPUTS.rhythm,
        label: t('reminders.settings.rhythmLabel'),
        style: 'expanded',
        wrap: true,
        value: values.rhythm,
        spacing: 'Medium',
      }),
      new TextBlock(t('reminders.settings.pauseLabel'), {
        wrap: true,
        weight: 'Bolder',
        spacing: 'Large',
      }),
      new TextBlock(t('reminders.settings.pauseHint'), {
        wrap: true,
        isSubtle: true,
        spacing: 'None',
      }),
      dateInput('pauseFrom'),
      ...errorFor('pauseFrom'),
      dateInput('pauseTo'),
      ...errorFor('pauseTo'),
      new ChoiceSetInput(
        ...LANGUAGE_CHOICES.map((choice) => ({
          title: t(`reminders.settings.language.${choice}`),
          value: choice,
        })),
      ).withOptions({
        id: SETTINGS_INPUTS.language,
        label: t('reminders.settings.languageLabel'),
        style: 'expanded',
        wrap: true,
        value: values.language,
        spacing: 'Large',
      }),
    ],
    [
      cardButton(
        t('reminders.actions.save'),
        { verb: 'reminders.saveSettings' },
        { style: 'positive' },
      ),
      cardButton(
        t('reminders.actions.cancel'),
        { verb: 'reminders.cancelSettings' },
        { sendsInputs: false },
      ),
      cardButton(
        t('actions.showHelp'),
        { verb: 'runCommand', command: 'help' },
        { sendsInputs: false },
      ),
    ],
  );
}
