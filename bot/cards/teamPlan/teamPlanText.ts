import { TextBlock, type CardElement } from '@microsoft/teams.cards';
import type { TFunction } from 'i18next';
import type { Language } from '../../../core/i18n/i18n';
import type { CompetencePriority, NeededCompetence, TeamPlan } from '../../../core/plan/teamPlan';
import type { OrganisationProfile } from '../../../core/profiles/profileSchema';
import type { FieldError } from '../../teamPlan/teamPlanInputs';
import { userTextBlock } from '../userText';

/** Texts and elements the team plan's cards share, so each says a need or an error the same way. */

export const PRIORITIES: readonly CompetencePriority[] = ['high', 'medium', 'low'];

export function priorityName(t: TFunction, priority: CompetencePriority): string {
  return t(`teamPlan.priority.${priority}`);
}

/** A priority area by its name in the profile; an id the profile no longer has, as it is. */
export function areaName(profile: OrganisationProfile, id: string, language: Language): string {
  return profile.priorityAreas.areas.find((area) => area.id === id)?.name[language] ?? id;
}

export function formName(profile: OrganisationProfile, id: string, language: Language): string {
  return profile.formsOfLearning.find((form) => form.id === id)?.name[language] ?? id;
}

/** The needs, most important first; within a priority, in the order they were added. */
export function byPriority(needs: readonly NeededCompetence[]): NeededCompetence[] {
  return [...needs].sort((a, b) => PRIORITIES.indexOf(a.priority) - PRIORITIES.indexOf(b.priority));
}

/**
 * One needed competence: area and priority, the manager's description as written, and the
 * unit goal it serves. Numbered, so a screen reader can match it to its remove button.
 */
export function neededCompetenceElements(
  t: TFunction,
  data: { language: Language; profile: OrganisationProfile; plan: TeamPlan },
  need: NeededCompetence,
  number: number,
): CardElement[] {
  const goal = data.plan.unitGoals.find((candidate) => candidate.id === need.unitGoalId);
  return [
    new TextBlock(
      t('teamPlan.needs.item', {
        number,
        area: areaName(data.profile, need.priorityAreaId, data.language),
        priority: priorityName(t, need.priority),
      }),
      { weight: 'Bolder', wrap: true, spacing: 'Medium' },
    ),
    userTextBlock(need.description),
    ...(goal
      ? [userTextBlock(`${t('teamPlan.needs.forGoal')} ${goal.text}`, { isSubtle: true })]
      : []),
  ];
}

export function sectionHeading(text: string): TextBlock {
  return new TextBlock(text, { weight: 'Bolder', size: 'Medium', wrap: true, spacing: 'Large' });
}

/** Said above the card: a save was refused, or something needs fixing. */
export function warning(text: string): TextBlock {
  return new TextBlock(text, { wrap: true, color: 'Warning', weight: 'Bolder' });
}

export function confirmation(text: string): TextBlock {
  return new TextBlock(text, { wrap: true, color: 'Good', weight: 'Bolder' });
}

export function hint(text: string): TextBlock {
  return new TextBlock(text, { wrap: true, isSubtle: true });
}

/** An error under the input it concerns. */
export function errorText(t: TFunction, error: FieldError): TextBlock {
  return new TextBlock(
    t(`teamPlan.errors.${error.key}`, 'max' in error ? { max: error.max } : {}),
    {
      wrap: true,
      color: 'Attention',
      size: 'Small',
      spacing: 'Small',
    },
  );
}
