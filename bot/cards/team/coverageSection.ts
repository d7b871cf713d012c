import { Fact, FactSet, TextBlock, type CardElement } from '@microsoft/teams.cards';
import { translator, type Language } from '../../../core/i18n/i18n';
import type { OrganisationProfile } from '../../../core/profiles/profileSchema';
import { percentage, type TeamCoverage } from '../../../core/team/coverage';

/**
 * Coverage as "mitt team" and the team plan both show it: how many have a current agreed
 * plan, and how many of each dialogue type are held this year. Counts of the team only.
 */
export function coverageSection(
  language: Language,
  profile: OrganisationProfile,
  coverage: TeamCoverage,
): CardElement[] {
  const t = translator(language);
  const share = (part: number) =>
    t('team.coverage.share', {
      part,
      whole: coverage.employees,
      percent: percentage(part, coverage.employees),
    });
  const typeName = new Map(profile.dialogueCycle.map((type) => [type.id, type.name[language]]));
  return [
    new TextBlock(t('team.coverage.heading'), { weight: 'Bolder', wrap: true, spacing: 'Medium' }),
    new FactSet(
      new Fact(t('team.coverage.currentPlans'), share(coverage.withCurrentPlan)),
      ...coverage.dialoguesHeld.map(
        ({ dialogueTypeId, held }) =>
          new Fact(
            t('team.coverage.held', { dialogue: typeName.get(dialogueTypeId) ?? dialogueTypeId }),
            share(held),
          ),
      ),
    ),
  ];
}
