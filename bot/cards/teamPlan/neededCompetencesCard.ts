import {
  ActionSet,
  ChoiceSetInput,
  Container,
  TextBlock,
  TextInput,
  type AdaptiveCard,
  type CardElement,
} from '@microsoft/teams.cards';
import type { TFunction } from 'i18next';
import { translator, type Language } from '../../../core/i18n/i18n';
import { PLAN_LIMITS } from '../../../core/plan/limits';
import type { TeamPlan } from '../../../core/plan/teamPlan';
import type { OrganisationProfile } from '../../../core/profiles/profileSchema';
import {
  FORM_ERROR,
  NEED_INPUT_IDS,
  NO_UNIT_GOAL,
  type FieldErrors,
  type TypedValues,
} from '../../teamPlan/teamPlanInputs';
import { adaptiveCard } from '../adaptiveCard';
import { cardButton } from '../cardActions';
import { escapeMarkdown } from '../userText';
import {
  byPriority,
  confirmation,
  errorText,
  hint,
  neededCompetenceElements,
  PRIORITIES,
  priorityName,
  sectionHeading,
  warning,
} from './teamPlanText';

/** What the manager just did, said at the top of the card. */
export type NeededCompetencesNotice = 'goalsSaved' | 'needAdded' | 'needRemoved';

export interface NeededCompetencesCardData {
  language: Language;
  profile: OrganisationProfile;
  /** The plan as stored now. */
  plan: TeamPlan;
  /** The add form as typed, kept after an error, a removal or a conflict. */
  typed?: TypedValues;
  errors?: FieldErrors;
  /** Someone else saved meanwhile: nothing changed, what was typed is kept. */
  stale?: boolean;
  notice?: NeededCompetencesNotice;
}

/** A unit goal's text as a choice: shortened, and never read as markdown. */
const GOAL_CHOICE_LENGTH = 90;

/**
 * The needed competences of the team plan: each with its own remove button, then a form to
 * add one (priority area from the profile, description, priority, the unit goal it serves).
 */
export function neededCompetencesCard(data: NeededCompetencesCardData): AdaptiveCard {
  const t = translator(data.language);
  const { plan } = data;
  const errors = data.errors ?? {};
  const at = { planId: plan.id, version: plan.version };
  const full = plan.neededCompetences.length >= PLAN_LIMITS.neededCompetencesMax;

  const current = byPriority(plan.neededCompetences).map((need, index) =>
    new Container(
      ...neededCompetenceElements(t, data, need, index + 1),
      new ActionSet(
        cardButton(
          t('teamPlan.actions.removeNeed', { number: index + 1 }),
          { verb: 'teamPlan.removeNeed', ...at, needId: need.id },
          { style: 'destructive' },
        ),
      ),
    ).withOptions({ separator: true, spacing: 'Medium' }),
  );

  const body: CardElement[] = [
    new TextBlock(t('teamPlan.needsEdit.title', { year: plan.year }), {
      style: 'heading',
      size: 'Large',
      wrap: true,
    }),
    ...(data.stale ? [warning(t('teamPlan.notices.stale'))] : []),
    ...(Object.keys(errors).length > 0 ? [warning(t('teamPlan.notices.fixBelow'))] : []),
    ...(data.notice ? [confirmation(t(`teamPlan.notices.${data.notice}`))] : []),
    new TextBlock(
      t(data.notice === 'goalsSaved' ? 'teamPlan.notices.nextNeeds' : 'teamPlan.needsEdit.intro'),
      { wrap: true },
    ),
    sectionHeading(t('teamPlan.needsEdit.current')),
    ...(current.length > 0 ? current : [hint(t('teamPlan.needsEdit.none'))]),
    sectionHeading(t('teamPlan.needsEdit.addHeading')),
    ...(errors[FORM_ERROR] ? [errorText(t, errors[FORM_ERROR])] : []),
    ...(full
      ? [hint(t('teamPlan.needsEdit.full', { max: PLAN_LIMITS.neededCompetencesMax }))]
      : addForm(t, data)),
  ];

  return adaptiveCard(body, [
    ...(full
      ? []
      : [
          cardButton(
            t('teamPlan.actions.addNeed'),
            { verb: 'teamPlan.addNeed', ...at },
            { style: 'positive' },
          ),
        ]),
    cardButton(t('teamPlan.actions.done'), { verb: 'teamPlan.show' }, { sendsInputs: false }),
    cardButton(
      t('teamPlan.actions.editGoals'),
      { verb: 'teamPlan.editGoals' },
      { sendsInputs: false },
    ),
    cardButton(
      t('actions.showHelp'),
      { verb: 'runCommand', command: 'help' },
      { sendsInputs: false },
    ),
  ]);
}

function addForm(t: TFunction, data: NeededCompetencesCardData): CardElement[] {
  const { language, plan } = data;
  const typed = data.typed ?? {};
  const errors = data.errors ?? {};
  const ids = NEED_INPUT_IDS;
  const value = (id: string) => {
    const text = typed[id];
    return text !== undefined && text.length > 0 ? { value: text } : {};
  };
  // A choice is shown again only if it is one of the card's: a forged value is not kept.
  const chosen = (id: string, allowed: readonly string[]): { value?: string } => {
    const choice = typed[id];
    return choice !== undefined && allowed.includes(choice) ? { value: choice } : {};
  };
  const under = (id: string) => {
    const error = errors[id];
    return error ? [errorText(t, error)] : [];
  };
  const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase(language) + text.slice(1);

  return [
    new ChoiceSetInput(
      ...data.profile.priorityAreas.areas.map((area) => ({
        title: area.name[language],
        value: area.id,
      })),
    ).withOptions({
      id: ids.area,
      label: t('teamPlan.needsEdit.area'),
      style: 'compact',
      placeholder: t('teamPlan.needsEdit.areaPlaceholder'),
      wrap: true,
      ...chosen(
        ids.area,
        data.profile.priorityAreas.areas.map((area) => area.id),
      ),
    }),
    ...under(ids.area),
    new TextInput({
      id: ids.description,
      label: t('teamPlan.needsEdit.description', { max: PLAN_LIMITS.competenceDescriptionMax }),
      isMultiline: true,
      maxLength: PLAN_LIMITS.competenceDescriptionMax,
      spacing: 'Medium',
      ...value(ids.description),
    }),
    ...under(ids.description),
    new ChoiceSetInput(
      ...PRIORITIES.map((priority) => ({
        title: capitalised(priorityName(t, priority)),
        value: priority,
      })),
    ).withOptions({
      id: ids.priority,
      label: t('teamPlan.needsEdit.priority'),
      style: 'expanded',
      spacing: 'Medium',
      value: chosen(ids.priority, PRIORITIES).value ?? 'medium',
    }),
    ...under(ids.priority),
    ...(plan.unitGoals.length > 0
      ? [
          new ChoiceSetInput(
            { title: t('teamPlan.needsEdit.noUnitGoal'), value: NO_UNIT_GOAL },
            ...plan.unitGoals.map((goal) => ({
              title: escapeMarkdown(shortened(goal.text)),
              value: goal.id,
            })),
          ).withOptions({
            id: ids.unitGoal,
            label: t('teamPlan.needsEdit.unitGoal'),
            style: 'compact',
            wrap: true,
            spacing: 'Medium',
            value:
              chosen(
                ids.unitGoal,
                plan.unitGoals.map((goal) => goal.id),
              ).value ?? NO_UNIT_GOAL,
          }),
          ...under(ids.unitGoal),
        ]
      : []),
  ];
}

function shortened(text: string): string {
  return text.length <= GOAL_CHOICE_LENGTH ? text : `${text.slice(0, GOAL_CHOICE_LENGTH - 1)}…`;
}
