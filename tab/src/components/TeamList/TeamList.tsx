import {
  Body1,
  Caption1,
  Link,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title1,
  tokens,
} from '@fluentui/react-components';
import type { TeamMember, TeamResponse } from '../../../../bot/api/contract';
import { useApiResource } from '../../hooks/useApiResource';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { employeePlanHref } from '../../plan/personalRoutes';
import { useTranslation } from '../../hooks/useTranslation';
import { dateInWords } from '../../plan/planDates';
import { dialogueTypeName, dialogueTypeOrder, profileOrNothing } from '../../plan/profileNames';
import { filterMembers, type TeamFilter } from '../../plan/teamFilters';
import { EmptyState } from '../EmptyState/EmptyState';
import { Loading } from '../Loading/Loading';
import { LoadError } from '../LoadError/LoadError';
import { TeamFilters } from '../TeamFilters/TeamFilters';

const useStyles = makeStyles({
  title: { display: 'block', marginBottom: tokens.spacingVerticalS },
  intro: { display: 'block', marginBottom: tokens.spacingVerticalS },
  coverage: { display: 'block', marginBottom: tokens.spacingVerticalL },
  count: { display: 'block', marginBottom: tokens.spacingVerticalS },
  // Rows grow with their content (a cell lists every dialogue of the cycle).
  cell: {
    height: 'auto',
    verticalAlign: 'top',
    paddingBlock: tokens.spacingVerticalS,
  },
  cellStack: { display: 'flex', flexDirection: 'column' },
  muted: { color: tokens.colorNeutralForeground2 },
  cycle: { listStyleType: 'none', margin: 0, padding: 0 },
});

/**
 * "Mitt team": the manager's employees with their plan and this year's dialogues, filtered by
 * what needs attention; each name opens that employee's plan.
 */
export function TeamList({
  demoUserId,
  filters,
  onToggle,
}: {
  demoUserId: string | undefined;
  filters: ReadonlySet<TeamFilter>;
  onToggle(filter: TeamFilter): void;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const team = useApiResource<TeamResponse>('/me/team', demoUserId);
  useDocumentTitle(t('tab.manager.documentTitle'));

  return (
    <>
      <Title1 as="h1" className={styles.title}>
        {t('tab.manager.title')}
      </Title1>
      {team.status === 'loading' ? <Loading label={t('tab.manager.loading')} /> : null}
      {team.status === 'error' ? (
        team.error.status === 403 ? (
          <EmptyState message={t('tab.manager.notManager')} />
        ) : (
          <LoadError error={team.error} onRetry={team.retry} />
        )
      ) : null}
      {team.status === 'ready' ? (
        <TeamContent team={team.data} filters={filters} onToggle={onToggle} />
      ) : null}
    </>
  );
}

function TeamContent({
  team,
  filters,
  onToggle,
}: {
  team: TeamResponse;
  filters: ReadonlySet<TeamFilter>;
  onToggle(filter: TeamFilter): void;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const shown = filterMembers(team.members, filters);
  const total = team.members.length;

  if (total === 0) return <EmptyState message={t('tab.manager.empty')} />;
  return (
    <>
      <Body1 as="p" className={styles.intro}>
        {t('tab.manager.intro')}
      </Body1>
      <Body1 as="p" className={styles.coverage}>
        {t('tab.manager.coverage', {
          withPlan: team.coverage.withCurrentPlan,
          employees: team.coverage.employees,
        })}
      </Body1>
      <TeamFilters chosen={filters} onToggle={onToggle} />
      <Body1 as="p" role="status" className={styles.count}>
        {t('tab.manager.showing', { shown: shown.length, total })}
      </Body1>
      {shown.length === 0 ? (
        <EmptyState message={t('tab.manager.noneMatch')} hint={t('tab.manager.noneMatchHint')} />
      ) : (
        <Table aria-label={t('tab.manager.tableLabel')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('tab.manager.column.name')}</TableHeaderCell>
              <TableHeaderCell>{t('tab.manager.column.plan')}</TableHeaderCell>
              <TableHeaderCell>{t('tab.manager.column.currentUntil')}</TableHeaderCell>
              <TableHeaderCell>{t('tab.manager.column.dialogues')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map((member) => (
              <MemberRow key={member.person.id} member={member} profileId={team.profileId} />
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}

function MemberRow({ member, profileId }: { member: TeamMember; profileId: string }) {
  const styles = useStyles();
  const { t, language } = useTranslation();
  const profile = profileOrNothing(profileId);
  const { person, plan, flags } = member;
  const cycle = [...member.cycle].sort(
    (a, b) =>
      dialogueTypeOrder(profile, a.dialogueTypeId) - dialogueTypeOrder(profile, b.dialogueTypeId),
  );

  return (
    <TableRow>
      <TableCell className={styles.cell}>
        <div className={styles.cellStack}>
          <Link href={employeePlanHref(person.id)}>{person.displayName}</Link>
          {person.jobTitle ? <Caption1 className={styles.muted}>{person.jobTitle}</Caption1> : null}
        </div>
      </TableCell>
      <TableCell className={styles.cell}>
        <div className={styles.cellStack}>
          <Body1>
            {plan.status ? t(`tab.plan.status.${plan.status}`) : t('tab.manager.noPlan')}
          </Body1>
          {flags.noCurrentPlan && plan.status ? (
            <Caption1 className={styles.muted}>{t('tab.manager.notCurrent')}</Caption1>
          ) : null}
          {flags.planExpiring ? <Caption1>{t('tab.manager.expiring')}</Caption1> : null}
        </div>
      </TableCell>
      <TableCell className={styles.cell}>
        <Body1>
          {plan.currentUntil ? dateInWords(plan.currentUntil, language) : t('tab.manager.noDate')}
        </Body1>
      </TableCell>
      <TableCell className={styles.cell}>
        <ul className={styles.cycle}>
          {cycle.map((entry) => (
            <li key={entry.dialogueTypeId}>
              <Caption1>
                {t('tab.manager.cycleEntry', {
                  dialogue: dialogueTypeName(profile, entry.dialogueTypeId, language),
                  status: t(`tab.cycle.status.${entry.status}`),
                })}
              </Caption1>
            </li>
          ))}
        </ul>
      </TableCell>
    </TableRow>
  );
}
