import { TextBlock, TextInput, type AdaptiveCard } from '@microsoft/teams.cards';
import { translator, type Language } from '../../../core/i18n/i18n';
import { PLAN_LIMITS } from '../../../core/plan/limits';
import type { Visibility } from '../../../core/plan/reflection';
import type { ReflectionPrompt } from '../../../core/principles/principles';
import { adaptiveCard } from '../adaptiveCard';
import { cardButton } from '../cardActions';
import { settingsAndHelpButtons } from './reminderButtons';
import { shareToggle } from '../shareToggle';

/** The input ids of the reflection card, as the click on "Spara" sends them. */
export const REFLECTION_INPUTS = { text: 'reflection-text', share: 'reflection-share' } as const;

export type ReflectionProblem = 'empty' | 'tooLong';

export interface ReflectionPromptCardData {
  language: Language;
  /** The reminder the card came with: saving it twice saves one reflection. */
  jobId: string;
  prompt: ReflectionPrompt;
  /** What was typed, kept when it was refused. */
  values?: { text: string; visibility: Visibility };
  problem?: ReflectionProblem;
}

/**
 * The everyday reflection (vardagslärande): one question of one principle, answered in the
 * card and kept in the person's learning log. Private unless the toggle is turned on.
 */
export function reflectionPromptCard(data: ReflectionPromptCardData): AdaptiveCard {
  const { language, prompt } = data;
  const t = translator(language);
  const max = PLAN_LIMITS.reflectionTextMax;
  return adaptiveCard(
    [
      new TextBlock(t('reminders.reflection.title'), {
        style: 'heading',
        size: 'Large',
        wrap: true,
      }),
      new TextBlock(t(`principles.${prompt.principle}`), {
        wrap: true,
        isSubtle: true,
        spacing: 'None',
      }),
      new TextBlock(prompt.text[language], { wrap: true, weight: 'Bolder', spacing: 'Medium' }),
      new TextBlock(t('reminders.reflection.intro'), { wrap: true, isSubtle: true }),
      new TextInput({
        id: REFLECTION_INPUTS.text,
        label: t('reminders.reflection.label'),
        placeholder: t('reminders.reflection.placeholder'),
        isMultiline: true,
        maxLength: max,
        ...(data.values?.text ? { value: data.values.text } : {}),
      }),
      ...(data.problem
        ? [
            new TextBlock(t(`reminders.reflection.errors.${data.problem}`, { max }), {
              wrap: true,
              color: 'Attention',
              size: 'Small',
              spacing: 'Small',
            }),
          ]
        : []),
      shareToggle(
        t('reminders.reflection.share'),
        REFLECTION_INPUTS.share,
        data.values?.visibility,
      ),
    ],
    [
      cardButton(
        t('reminders.actions.save'),
        {
          verb: 'reminders.saveReflection',
          jobId: data.jobId,
          promptId: prompt.id,
          principle: prompt.principle,
        },
        { style: 'positive' },
      ),
      cardButton(
        t('reminders.actions.notNow'),
        { verb: 'reminders.laterReflection' },
        { sendsInputs: false },
      ),
      ...settingsAndHelpButtons(t, 'reminders.actions.changeRhythm'),
    ],
  );
}
