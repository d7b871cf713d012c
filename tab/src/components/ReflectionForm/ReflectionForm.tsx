import {
  Body1Strong,
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Switch,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { NewReflection } from '../../../../bot/api/contract';
import { PLAN_LIMITS } from '../../../../core/plan/limits';
import { pickPrompt } from '../../../../core/principles/pickPrompt';
import {
  DEFAULT_REFLECTION_PROMPTS,
  PEDAGOGICAL_PRINCIPLES,
  PrincipleIdSchema,
  type PrincipleId,
} from '../../../../core/principles/principles';
import { promptsOf } from '../../../../core/profiles/profileSchema';
import { useTranslation } from '../../hooks/useTranslation';
import { dateIn } from '../../plan/planDates';
import type { PlanViewContext } from '../../plan/planViewContext';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
    maxWidth: '640px',
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

/**
 * A new reflection for the learning log: which principle it is about (with a question from
 * the profile to start from), the text, and whether the manager may read it (off: private).
 * What was typed stays until it is saved.
 */
export function ReflectionForm({
  context,
  onSave,
}: {
  context: PlanViewContext;
  /** Resolves with the error text when the reflection was not saved. */
  onSave(reflection: NewReflection): Promise<string | undefined>;
}) {
  const styles = useStyles();
  const { t, language, pick } = useTranslation();
  const titleId = useId();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [principle, setPrinciple] = useState<PrincipleId>(
    PEDAGOGICAL_PRINCIPLES[0]?.id ?? 'inclusive',
  );
  const [text, setText] = useState('');
  const [shared, setShared] = useState(false);
  const [fieldError, setFieldError] = useState<string>();
  const [saveError, setSaveError] = useState<string>();
  const [saving, setSaving] = useState(false);

  // The question shown is the one the reflection answers, so it is sent along.
  const prompt = useMemo(() => {
    const prompts = context.profile ? promptsOf(context.profile) : DEFAULT_REFLECTION_PROMPTS;
    const seed = `${context.page.employee.id}|${dateIn(new Date(), context.timeZone)}`;
    try {
      return pickPrompt(prompts, principle, 'everyday', seed);
    } catch {
      return undefined; // a profile without an everyday prompt for the principle: no question
    }
  }, [context, principle]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = text.trim();
    const problem =
      trimmed.length === 0
        ? t('tab.reflections.form.textRequired')
        : trimmed.length > PLAN_LIMITS.reflectionTextMax
          ? t('tab.reflections.form.tooLong', { max: PLAN_LIMITS.reflectionTextMax })
          : undefined;
    setFieldError(problem);
    setSaveError(undefined);
    if (problem) {
      textRef.current?.focus();
      return;
    }
    setSaving(true);
    const failure = await onSave({
      principle,
      ...(prompt ? { promptId: prompt.id } : {}),
      text: trimmed,
      visibility: shared ? 'shared-with-manager' : 'private',
    });
    setSaving(false);
    if (failure) {
      setSaveError(failure);
      return;
    }
    setText('');
    setShared(false);
  }

  return (
    <form
      className={styles.form}
      aria-labelledby={titleId}
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <Body1Strong as="p" id={titleId}>
        {t('tab.reflections.form.title')}
      </Body1Strong>
      <Field label={t('tab.reflections.form.principle')}>
        <Select
          value={principle}
          onChange={(_event, data) => setPrinciple(PrincipleIdSchema.parse(data.value))}
        >
          {PEDAGOGICAL_PRINCIPLES.map((p) => (
            <option key={p.id} value={p.id}>
              {pick(p.name)}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label={t('tab.reflections.form.text')}
        required
        {...(prompt
          ? { hint: t('tab.reflections.form.prompt', { prompt: prompt.text[language] }) }
          : {})}
        {...(fieldError
          ? { validationMessage: fieldError, validationState: 'error' as const }
          : {})}
      >
        <Textarea
          ref={textRef}
          value={text}
          resize="vertical"
          rows={4}
          maxLength={PLAN_LIMITS.reflectionTextMax}
          onChange={(_event, data) => {
            setText(data.value);
            if (fieldError && data.value.trim()) setFieldError(undefined);
          }}
        />
      </Field>
      <Field hint={t('tab.reflections.form.shareHint')}>
        <Switch
          label={t('tab.reflections.form.share')}
          checked={shared}
          onChange={(_event, data) => setShared(data.checked)}
        />
      </Field>
      {saveError ? (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{saveError}</MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabledFocusable={saving}>
          {saving ? t('tab.reflections.form.saving') : t('tab.reflections.form.submit')}
        </Button>
      </div>
    </form>
  );
}
