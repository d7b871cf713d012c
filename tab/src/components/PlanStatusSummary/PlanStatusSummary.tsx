import { Badge, Body1, Body1Strong, makeStyles, tokens } from '@fluentui/react-components';
import type { BadgeProps } from '@fluentui/react-components';
import { planCurrentUntil } from '../../../../core/plan/isPlanCurrent';
import type { IndividualPlan, PlanStatus } from '../../../../core/plan/individualPlan';
import { useTranslation } from '../../hooks/useTranslation';
import { dateIn, dateInWords, dayInWords } from '../../plan/planDates';
import { nameOf, type PlanViewContext } from '../../plan/planViewContext';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    marginBottom: tokens.spacingVerticalL,
  },
  statusLine: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  facts: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  request: {
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    whiteSpace: 'pre-wrap',
  },
});

/** The badge's colour repeats what its text says; the text alone carries the status. */
const BADGE_COLOUR: Record<PlanStatus, BadgeProps['color']> = {
  draft: 'informative',
  proposed: 'warning',
  'changes-requested': 'warning',
  agreed: 'success',
};

/**
 * Where the plan stands: its status (and what that means for the viewer), who agreed it and
 * when, until when it is current, the follow-up date, and what the employee asked to change.
 */
export function PlanStatusSummary({
  context,
  plan,
  now = new Date(),
}: {
  context: PlanViewContext;
  plan: IndividualPlan;
  now?: Date;
}) {
  const styles = useStyles();
  const { t, language } = useTranslation();
  const { page, viewer, timeZone } = context;
  const status = t(`tab.plan.status.${plan.status}`);
  const currentUntil = planCurrentUntil(plan);
  const today = dateIn(now, timeZone);
  const agreedByName = plan.agreedBy ? nameOf(page, plan.agreedBy) : undefined;
  const request = plan.status === 'changes-requested' ? plan.changeRequest : undefined;

  return (
    <div className={styles.root}>
      <div className={styles.statusLine}>
        <Badge appearance="tint" color={BADGE_COLOUR[plan.status]} size="large">
          {t('tab.plan.statusLabel', { status })}
        </Badge>
        <Body1 as="span">
          {t('tab.plan.yearLine', { year: plan.year, version: plan.version })}
        </Body1>
      </div>
      {viewer === 'employee' ? <Body1 as="p">{t(`tab.plan.explain.${plan.status}`)}</Body1> : null}
      <ul className={styles.facts}>
        {plan.agreedAt ? (
          <li>
            <Body1>
              {viewer === 'employee' && plan.agreedBy === page.employee.id
                ? t('tab.plan.agreedByYou', {
                    date: dayInWords(plan.agreedAt, timeZone, language),
                  })
                : t('tab.plan.agreedBy', {
                    name: agreedByName ?? t('tab.plan.someone'),
                    date: dayInWords(plan.agreedAt, timeZone, language),
                  })}
            </Body1>
          </li>
        ) : null}
        {currentUntil ? (
          <li>
            <Body1>
              {t(currentUntil < today ? 'tab.plan.expired' : 'tab.plan.currentUntil', {
                date: dateInWords(currentUntil, language),
              })}
            </Body1>
          </li>
        ) : null}
        {plan.followUpDate ? (
          <li>
            <Body1>
              {t('tab.plan.followUp', { date: dateInWords(plan.followUpDate, language) })}
            </Body1>
          </li>
        ) : null}
        {viewer === 'employee' && page.manager ? (
          <li>
            <Body1>{t('tab.plan.managerLine', { name: page.manager.displayName })}</Body1>
          </li>
        ) : null}
      </ul>
      {request ? (
        <>
          <Body1Strong as="p">
            {viewer === 'employee'
              ? t('tab.plan.changeRequestOwn', {
                  date: dayInWords(request.requestedAt, timeZone, language),
                })
              : t('tab.plan.changeRequestOther', {
                  name: page.employee.displayName,
                  date: dayInWords(request.requestedAt, timeZone, language),
                })}
          </Body1Strong>
          <Body1 as="p" className={styles.request}>
            {request.comment}
          </Body1>
        </>
      ) : null}
    </div>
  );
}
