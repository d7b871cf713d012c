import { Body1, makeStyles, Title3, tokens } from '@fluentui/react-components';
import { useId, useMemo } from 'react';
import type { PlanPageResponse } from '../../../../bot/api/contract';
import { useAnnouncement } from '../../hooks/useAnnouncement';
import { usePlanChanges } from '../../hooks/usePlanChanges';
import type { PlanPage } from '../../hooks/usePlanPage';
import { useTranslation } from '../../hooks/useTranslation';
import { planViewContext, type Viewer } from '../../plan/planViewContext';
import { ConflictView } from '../ConflictView/ConflictView';
import { DialogueCycleList } from '../DialogueCycleList/DialogueCycleList';
import { EmptyState } from '../EmptyState/EmptyState';
import { GoalList } from '../GoalList/GoalList';
import { LiveRegion } from '../LiveRegion/LiveRegion';
import { PlanStatusSummary } from '../PlanStatusSummary/PlanStatusSummary';
import { ProposalAnswer } from '../ProposalAnswer/ProposalAnswer';
import { ReflectionsSection } from '../ReflectionsSection/ReflectionsSection';
import { VersionHistory } from '../VersionHistory/VersionHistory';

const useStyles = makeStyles({
  section: { marginBottom: tokens.spacingVerticalXXL },
  sectionTitle: { display: 'block', marginBottom: tokens.spacingVerticalM },
  note: {
    display: 'block',
    marginBottom: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
});

/**
 * A loaded plan page: the plan and where it stands, the answer to a proposal, the year's
 * dialogues, the reflections and the version history. What the viewer may change follows the
 * page's canEdit; the manager's view of an employee's plan changes nothing.
 */
export function PlanView({
  page,
  data,
  viewer,
  title,
  emptyMessage,
  emptyHint,
  demoUserId,
}: {
  page: PlanPage;
  data: PlanPageResponse;
  viewer: Viewer;
  /** The plan section's heading. */
  title: string;
  emptyMessage: string;
  emptyHint?: string;
  demoUserId: string | undefined;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  const headingId = useId();
  const { message, announce } = useAnnouncement();
  const changes = usePlanChanges(page, demoUserId, announce);
  const context = useMemo(() => planViewContext(data, viewer), [data, viewer]);
  const { plan, canEdit } = data;
  const editable = viewer === 'employee' && canEdit.activityStatus;

  return (
    <>
      <LiveRegion message={message} />
      <section aria-labelledby={headingId} className={styles.section}>
        <Title3 as="h2" id={headingId} className={styles.sectionTitle}>
          {title}
        </Title3>
        {changes.conflict ? (
          <ConflictView conflict={changes.conflict} changes={changes} timeZone={context.timeZone} />
        ) : null}
        {plan ? (
          <>
            <PlanStatusSummary context={context} plan={plan} />
            <Body1 as="p" className={styles.note}>
              {viewer === 'manager'
                ? t('tab.manager.readOnlyNote')
                : editable
                  ? t('tab.plan.readOnlyNote')
                  : t('tab.plan.managerEdits')}
            </Body1>
            <GoalList context={context} plan={plan} {...(editable ? { changes } : {})} />
          </>
        ) : (
          <EmptyState message={emptyMessage} {...(emptyHint ? { hint: emptyHint } : {})} />
        )}
      </section>
      {plan?.status === 'proposed' && viewer === 'employee' && canEdit.answerProposal ? (
        <ProposalAnswer
          managerName={data.manager?.displayName ?? t('tab.plan.yourManager')}
          changes={changes}
        />
      ) : null}
      <DialogueCycleList context={context} />
      <ReflectionsSection
        context={context}
        {...(viewer === 'employee' && canEdit.reflections ? { onAdd: changes.addReflection } : {})}
      />
      {plan ? <VersionHistory context={context} /> : null}
    </>
  );
}
