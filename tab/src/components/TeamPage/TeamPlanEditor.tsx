import {
  Body1,
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Select,
  Textarea,
  Title2,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import type { CompetencePriority, TeamPlan } from '../../../../core/plan/teamPlan';
import { useTranslation } from '../../hooks/useTranslation';
import type { ProfileNames } from './profileNames';
import {
  areaField,
  descriptionField,
  DRAFT_LIMITS,
  draftDiffers,
  draftProblems,
  emptyGoal,
  emptyNeed,
  goalField,
  PRIORITIES,
  withoutGoal,
  type DraftProblem,
  type NeedDraft,
  type TeamPlanDraft,
} from './teamPlanDraft';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  title: { display: 'block', marginBottom: tokens.spacingVerticalS },
  sectionTitle: { display: 'block', marginBottom: tokens.spacingVerticalM },
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
  goal: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
  },
  goalField: { flexGrow: 1, minWidth: '240px' },
  need: {
    margin: 0,
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  legend: {
    paddingInline: tokens.spacingHorizontalXS,
    fontWeight: tokens.fontWeightSemibold,
  },
  needActions: { display: 'flex', justifyContent: 'flex-end' },
  add: { alignSelf: 'flex-start', marginTop: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

export interface TeamPlanEditorProps {
  year: number;
  draft: TeamPlanDraft;
  onChange: (draft: TeamPlanDraft) => void;
  names: ProfileNames;
  saving: boolean;
  /** Why the last save failed, shown above the form; the draft is untouched. */
  saveError?: ReactNode;
  onSave: () => void;
  /** Leaves the edit; asked only after the manager confirms when the draft has changes. */
  onCancel: () => void;
  /** The stored plan the edit began from, to tell whether Cancel would drop anything. */
  basePlan: TeamPlan | null;
}

/**
 * The manager's form for the team plan: the unit's goals, and the competences the unit needs
 * (priority area, what, priority, optionally which goal). Nothing is sent until Save, and a
 * failed save leaves every field as it was.
 */
export function TeamPlanEditor(props: TeamPlanEditorProps) {
  const { year, draft, onChange, names, saving, saveError, onSave, onCancel, basePlan } = props;
  const styles = useStyles();
  const { t } = useTranslation();
  const idPrefix = useId();
  const domId = (field: string) => `${idPrefix}${field}`;
  const titleId = useId();
  const goalsHeadingId = useId();
  const needsHeadingId = useId();
  const [showProblems, setShowProblems] = useState(false);
  const [focusField, setFocusField] = useState<string>();
  const [confirmingCancel, setConfirmingCancel] = useState(false);

  const knownAreaIds = useMemo(() => new Set(names.areas.map((area) => area.id)), [names]);
  const problems = useMemo(() => draftProblems(draft, knownAreaIds), [draft, knownAreaIds]);
  const problemOf = (field: DraftProblem['field']) =>
    showProblems ? problems.find((p) => p.field === field) : undefined;

  useEffect(() => {
    if (focusField === undefined) return;
    document.getElementById(`${idPrefix}${focusField}`)?.focus();
    setFocusField(undefined);
  }, [focusField, idPrefix]);

  const cancel = () => {
    if (!draftDiffers(draft, basePlan)) {
      onCancel();
      return;
    }
    setConfirmingCancel(true);
    setFocusField('keep-editing');
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const first = problems[0];
    if (first) {
      setShowProblems(true);
      setFocusField(first.field);
      return;
    }
    onSave();
  };

  const setGoalText = (id: string, text: string) =>
    onChange({
      ...draft,
      unitGoals: draft.unitGoals.map((goal) => (goal.id === id ? { ...goal, text } : goal)),
    });
  const setNeed = (id: string, change: Partial<NeedDraft>) =>
    onChange({
      ...draft,
      neededCompetences: draft.neededCompetences.map((need) =>
        need.id === id ? { ...need, ...change } : need,
      ),
    });

  const addGoal = () => {
    const goal = emptyGoal();
    onChange({ ...draft, unitGoals: [...draft.unitGoals, goal] });
    setFocusField(goalField(goal.id));
  };
  const removeGoal = (id: string) => {
    onChange(withoutGoal(draft, id));
    setFocusField('add-goal');
  };
  const addNeed = () => {
    const need = emptyNeed();
    onChange({ ...draft, neededCompetences: [...draft.neededCompetences, need] });
    setFocusField(areaField(need.id));
  };
  const removeNeed = (id: string) => {
    onChange({
      ...draft,
      neededCompetences: draft.neededCompetences.filter((need) => need.id !== id),
    });
    setFocusField('add-need');
  };

  const goalsFull = draft.unitGoals.length >= DRAFT_LIMITS.unitGoalsMax;
  const needsFull = draft.neededCompetences.length >= DRAFT_LIMITS.neededCompetencesMax;
  const shortGoal = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-labelledby={titleId}>
      <div>
        <Title2 as="h2" id={titleId} className={styles.title}>
          {t('tab.team.edit.title', { year })}
        </Title2>
        <Body1 as="p">{t('tab.team.edit.intro')}</Body1>
      </div>

      {showProblems && problems.length > 0 ? (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{t('tab.team.edit.fixBelow')}</MessageBarBody>
        </MessageBar>
      ) : null}
      {saveError}

      <section aria-labelledby={goalsHeadingId}>
        <Title3 as="h3" id={goalsHeadingId} className={styles.sectionTitle}>
          {t('tab.team.goals.heading')}
        </Title3>
        {draft.unitGoals.length === 0 ? (
          <Body1 as="p">{t('tab.team.edit.noGoals')}</Body1>
        ) : (
          <ol className={styles.list}>
            {draft.unitGoals.map((goal, index) => {
              const problem = problemOf(goalField(goal.id));
              return (
                <li key={goal.id} className={styles.goal}>
                  <Field
                    className={styles.goalField}
                    label={t('tab.team.edit.goalLabel', { number: index + 1 })}
                    hint={t('tab.team.edit.maxChars', { max: DRAFT_LIMITS.unitGoalTextMax })}
                    required
                    validationMessage={
                      problem ? t(`tab.team.edit.errors.${problem.problem}`) : undefined
                    }
                  >
                    <Textarea
                      id={domId(goalField(goal.id))}
                      value={goal.text}
                      maxLength={DRAFT_LIMITS.unitGoalTextMax}
                      resize="vertical"
                      onChange={(_event, data) => setGoalText(goal.id, data.value)}
                    />
                  </Field>
                  <Button onClick={() => removeGoal(goal.id)}>
                    {t('tab.team.edit.removeGoal', { number: index + 1 })}
                  </Button>
                </li>
              );
            })}
          </ol>
        )}
        <Button
          id={domId('add-goal')}
          className={styles.add}
          onClick={addGoal}
          disabledFocusable={goalsFull}
        >
          {t('tab.team.edit.addGoal')}
        </Button>
        {goalsFull ? (
          <Body1 as="p">{t('tab.team.edit.goalsFull', { max: DRAFT_LIMITS.unitGoalsMax })}</Body1>
        ) : null}
      </section>

      <section aria-labelledby={needsHeadingId}>
        <Title3 as="h3" id={needsHeadingId} className={styles.sectionTitle}>
          {t('tab.team.needs.heading')}
        </Title3>
        {draft.neededCompetences.length === 0 ? (
          <Body1 as="p">{t('tab.team.edit.noNeeds')}</Body1>
        ) : (
          <ol className={styles.list}>
            {draft.neededCompetences.map((need, index) => {
              const areaProblem = problemOf(areaField(need.id));
              const descriptionProblem = problemOf(descriptionField(need.id));
              return (
                <li key={need.id}>
                  <fieldset className={styles.need}>
                    <legend className={styles.legend}>
                      {t('tab.team.edit.needLegend', { number: index + 1 })}
                    </legend>
                    <Field
                      label={t('tab.team.edit.area')}
                      required
                      validationMessage={
                        areaProblem ? t(`tab.team.edit.errors.${areaProblem.problem}`) : undefined
                      }
                    >
                      <Select
                        id={domId(areaField(need.id))}
                        value={need.priorityAreaId}
                        onChange={(_event, data) =>
                          setNeed(need.id, { priorityAreaId: data.value })
                        }
                      >
                        <option value="">{t('tab.team.edit.areaPlaceholder')}</option>
                        {names.areas.map((area) => (
                          <option key={area.id} value={area.id}>
                            {area.name}
                          </option>
                        ))}
                      </Select>
                    </Field>
                    <Field
                      label={t('tab.team.edit.description')}
                      hint={t('tab.team.edit.maxChars', {
                        max: DRAFT_LIMITS.competenceDescriptionMax,
                      })}
                      required
                      validationMessage={
                        descriptionProblem
                          ? t(`tab.team.edit.errors.${descriptionProblem.problem}`)
                          : undefined
                      }
                    >
                      <Textarea
                        id={domId(descriptionField(need.id))}
                        value={need.description}
                        maxLength={DRAFT_LIMITS.competenceDescriptionMax}
                        resize="vertical"
                        onChange={(_event, data) => setNeed(need.id, { description: data.value })}
                      />
                    </Field>
                    <Field label={t('tab.team.edit.priority')}>
                      <RadioGroup
                        layout="horizontal"
                        value={need.priority}
                        onChange={(_event, data) =>
                          setNeed(need.id, { priority: data.value as CompetencePriority })
                        }
                      >
                        {PRIORITIES.map((priority) => (
                          <Radio
                            key={priority}
                            value={priority}
                            label={t(`tab.team.priority.${priority}`)}
                          />
                        ))}
                      </RadioGroup>
                    </Field>
                    <Field label={t('tab.team.edit.unitGoal')}>
                      <Select
                        value={need.unitGoalId}
                        onChange={(_event, data) => setNeed(need.id, { unitGoalId: data.value })}
                      >
                        <option value="">{t('tab.team.edit.noUnitGoal')}</option>
                        {draft.unitGoals.map((goal, goalIndex) => (
                          <option key={goal.id} value={goal.id}>
                            {t('tab.team.edit.goalOption', {
                              number: goalIndex + 1,
                              goal: shortGoal(goal.text.trim()) || t('tab.team.edit.goalUnwritten'),
                            })}
                          </option>
                        ))}
                      </Select>
                    </Field>
                    <div className={styles.needActions}>
                      <Button onClick={() => removeNeed(need.id)}>
                        {t('tab.team.edit.removeNeed', { number: index + 1 })}
                      </Button>
                    </div>
                  </fieldset>
                </li>
              );
            })}
          </ol>
        )}
        <Button
          id={domId('add-need')}
          className={styles.add}
          onClick={addNeed}
          disabledFocusable={needsFull}
        >
          {t('tab.team.edit.addNeed')}
        </Button>
        {needsFull ? (
          <Body1 as="p">
            {t('tab.team.edit.needsFull', { max: DRAFT_LIMITS.neededCompetencesMax })}
          </Body1>
        ) : null}
      </section>

      {confirmingCancel ? (
        <MessageBar intent="warning" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t('tab.team.edit.discardTitle')}</MessageBarTitle>
            {t('tab.team.edit.discardBody')}
          </MessageBarBody>
          <MessageBarActions>
            <Button
              id={domId('keep-editing')}
              onClick={() => {
                setConfirmingCancel(false);
                setFocusField('cancel');
              }}
            >
              {t('tab.team.edit.discardKeep')}
            </Button>
            <Button onClick={onCancel}>{t('tab.team.edit.discardConfirm')}</Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabledFocusable={saving}>
          {saving ? t('tab.team.edit.saving') : t('tab.team.edit.save')}
        </Button>
        <Button
          id={domId('cancel')}
          onClick={cancel}
          disabledFocusable={saving || confirmingCancel}
        >
          {t('tab.team.edit.cancel')}
        </Button>
      </div>
    </form>
  );
}
