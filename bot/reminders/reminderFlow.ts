import { createHash, randomUUID } from 'node:crypto';
import type { AdaptiveCard } from '@microsoft/teams.cards';
import type { EffectFollowUp } from '../../core/plan/effectFollowUp';
import type { Activity, IndividualPlan } from '../../core/plan/individualPlan';
import { PLAN_LIMITS } from '../../core/plan/limits';
import type { Reflection, Visibility } from '../../core/plan/reflection';
import {
  promptsOf,
  type OrganisationProfile,
  type ReminderPolicy,
} from '../../core/profiles/profileSchema';
import { planNextReflectionPrompt } from '../../core/reminders/reflectionRhythm';
import type { ReminderJob } from '../../core/reminders/reminderJob';
import {
  defaultReminderSettings,
  ReflectionRhythmSchema,
  type ReminderSettings,
} from '../../core/reminders/reminderSettings';
import { IsoDateSchema, type IsoDate } from '../../core/shared/schemas';
import { dateAt } from '../../core/time/zonedTime';
import type { RemindersAction } from '../cards/cardActions';
import { notYoursCard } from '../cards/notYoursCard';
import {
  effectFollowUpCard,
  FOLLOW_UP_INPUTS,
  FOLLOW_UP_QUESTIONS,
  type FollowUpValues,
} from '../cards/reminders/effectFollowUpCard';
import { followUpClosedCard } from '../cards/reminders/followUpClosedCard';
import { followUpSavedCard } from '../cards/reminders/followUpSavedCard';
import { reflectionClosedCard } from '../cards/reminders/reflectionClosedCard';
import { REFLECTION_INPUTS, reflectionPromptCard } from '../cards/reminders/reflectionPromptCard';
import { reflectionSavedCard } from '../cards/reminders/reflectionSavedCard';
import {
  LANGUAGE_CHOICES,
  reminderSettingsCard,
  SETTINGS_INPUTS,
  settingsValues,
  type SettingsErrors,
  type SettingsValues,
} from '../cards/reminders/reminderSettingsCard';
import { reminderSettingsCancelledCard } from '../cards/reminders/reminderSettingsCancelledCard';
import { reminderSettingsSavedCard } from '../cards/reminders/reminderSettingsSavedCard';
import type { Language } from '../../core/i18n/i18n';
import { profileOfPerson } from '../directory/profileOfPerson';
import type { Actor, FlowDependencies } from '../flowDependencies';

type ActionOn<Verb extends RemindersAction['verb']> = Extract<RemindersAction, { verb: Verb }>;
type FollowUpAction = ActionOn<
  'reminders.openFollowUp' | 'reminders.saveFollowUp' | 'reminders.laterFollowUp'
>;

/** The person acting, read once per turn: their profile's policy and today in its zone. */
interface PersonTurn {
  actor: Actor;
  profile: OrganisationProfile;
  policy: ReminderPolicy;
  now: Date;
  today: IsoDate;
}

/**
 * "påminnelser" and the answers to what a reminder asks. The settings are the person's own;
 * saving them plans their next reflection prompt at once. A reflection is saved once per
 * prompt card however often it is clicked; an effect follow-up once per activity, by the
 * plan's employee only.
 */
export class ReminderFlow {
  private readonly now: () => Date;

  constructor(private readonly deps: FlowDependencies) {
    this.now = deps.now ?? (() => new Date());
  }

  /** The settings card, with what is stored (the defaults until something is). */
  async settings(actor: Actor): Promise<AdaptiveCard> {
    const turn = await this.turnOf(actor);
    const [settings, pending] = await Promise.all([
      this.storedSettings(turn),
      this.pendingPrompt(actor.personId),
    ]);
    return reminderSettingsCard({
      language: actor.language,
      values: settingsValues(settings, turn.today),
      today: turn.today,
      timeZone: turn.policy.timeZone,
      ...(pending ? { nextPromptAt: pending.dueAt } : {}),
    });
  }

  /**
   * Starts the everyday reflection prompts for someone who has just opened their chat with
   * the bot: the first one after one rhythm's interval, on their stored settings or the
   * defaults. Someone whose prompt is already waiting keeps it.
   */
  async startReflectionPrompts(personId: string, language: Language): Promise<void> {
    if (await this.pendingPrompt(personId)) return;
    const turn = await this.turnOf({ personId, language });
    const next = planNextReflectionPrompt(
      await this.storedSettings(turn),
      turn.policy,
      turn.now,
      await this.nextSequence(personId),
    );
    await this.deps.reminders.replace(next.keyPrefix, next.planned);
  }

  async act(action: RemindersAction, actor: Actor): Promise<AdaptiveCard> {
    switch (action.verb) {
      case 'reminders.settings':
        return this.settings(actor);
      case 'reminders.cancelSettings':
        return reminderSettingsCancelledCard({ language: actor.language });
      case 'reminders.saveSettings':
        return this.saveSettings(action, await this.turnOf(actor));
      case 'reminders.saveReflection':
        return this.saveReflection(action, await this.turnOf(actor));
      case 'reminders.laterReflection': {
        const turn = await this.turnOf(actor);
        const pending = await this.pendingPrompt(actor.personId);
        return reflectionClosedCard({
          language: actor.language,
          reason: 'later',
          timeZone: turn.policy.timeZone,
          ...(pending ? { nextPromptAt: pending.dueAt } : {}),
        });
      }
      case 'reminders.openFollowUp':
      case 'reminders.saveFollowUp':
      case 'reminders.laterFollowUp':
        return this.followUp(action, actor);
    }
  }

  private async saveSettings(
    action: ActionOn<'reminders.saveSettings'>,
    turn: PersonTurn,
  ): Promise<AdaptiveCard> {
    const { actor } = turn;
    const stored = await this.storedSettings(turn);
    const values = typedSettings(action);
    const checked = checkPause(values, turn.today);
    if ('errors' in checked) {
      return reminderSettingsCard({
        language: actor.language,
        values,
        errors: checked.errors,
        today: turn.today,
        timeZone: turn.policy.timeZone,
      });
    }
    // A value no card offers (a forged click) keeps what was stored.
    const rhythm = ReflectionRhythmSchema.safeParse(values.rhythm);
    const chosen = LANGUAGE_CHOICES.find((choice) => choice === values.language);
    const language =
      chosen === undefined ? stored.language : chosen === 'teams' ? undefined : chosen;
    const settings: ReminderSettings = {
      personId: actor.personId,
      reflectionRhythm: rhythm.success ? rhythm.data : stored.reflectionRhythm,
      ...(checked.pause ? { pause: checked.pause } : {}),
      ...(language ? { language } : {}),
      updatedAt: turn.now.toISOString(),
    };
    await this.deps.reminderSettings.save(settings);
    const next = planNextReflectionPrompt(
      settings,
      turn.policy,
      turn.now,
      await this.nextSequence(actor.personId),
    );
    await this.deps.reminders.replace(next.keyPrefix, next.planned);
    this.deps.logger.info(
      { rhythm: settings.reflectionRhythm, paused: settings.pause !== undefined },
      'reminder settings saved',
    );
    const nextPromptAt = next.planned[0]?.dueAt;
    return reminderSettingsSavedCard({
      language: actor.language,
      settings,
      timeZone: turn.policy.timeZone,
      ...(nextPromptAt ? { nextPromptAt } : {}),
    });
  }

  private async saveReflection(
    action: ActionOn<'reminders.saveReflection'>,
    turn: PersonTurn,
  ): Promise<AdaptiveCard> {
    const { actor } = turn;
    const { language } = actor;
    const id = reflectionIdFor(actor.personId, action.jobId);
    const saved = await this.storedReflection(actor.personId, id);
    if (saved) return reflectionSavedCard({ language, reflection: saved, again: true });
    const prompt = promptsOf(turn.profile).find(
      (candidate) => candidate.id === action.promptId && candidate.principle === action.principle,
    );
    if (!prompt) {
      return reflectionClosedCard({ language, reason: 'gone', timeZone: turn.policy.timeZone });
    }

    const values = {
      text: typedText(action, REFLECTION_INPUTS.text),
      visibility: shareOf(action, REFLECTION_INPUTS.share),
    };
    const problem =
      values.text.length === 0
        ? 'empty'
        : values.text.length > PLAN_LIMITS.reflectionTextMax
          ? 'tooLong'
          : undefined;
    if (problem) {
      return reflectionPromptCard({ language, jobId: action.jobId, prompt, values, problem });
    }
    const reflection: Reflection = {
      id,
      personId: actor.personId,
      principle: prompt.principle,
      promptId: prompt.id,
      text: values.text,
      visibility: values.visibility,
      createdAt: turn.now.toISOString(),
      context: 'everyday',
    };
    try {
      await this.deps.plans.addReflection(reflection);
    } catch (error) {
      // Two clicks at once: the other one stored it, and this one has nothing to add.
      const other = await this.storedReflection(actor.personId, id);
      if (!other) throw error;
      return reflectionSavedCard({ language, reflection: other, again: true });
    }
    this.deps.logger.info({ visibility: reflection.visibility }, 'everyday reflection saved');
    return reflectionSavedCard({ language, reflection, again: false });
  }

  private async followUp(action: FollowUpAction, actor: Actor): Promise<AdaptiveCard> {
    const { language } = actor;
    const plan = await this.deps.plans.getIndividualPlanById(action.planId);
    if (!plan || plan.employeeId !== actor.personId) {
      // Whose plan it was is not logged: the card may have been forged to find out.
      this.deps.logger.warn({ verb: action.verb }, 'follow-up action by someone not its employee');
      return notYoursCard({ language });
    }
    const activity = plan.activities.find((candidate) => candidate.id === action.activityId);
    if (!activity || activity.status === 'cancelled') {
      return followUpClosedCard({ language, reason: 'gone' });
    }
    const about = { planId: plan.id, activityId: activity.id };
    switch (action.verb) {
      case 'reminders.laterFollowUp':
        return followUpClosedCard({ language, reason: 'later', ...about });
      case 'reminders.openFollowUp': {
        const answered = await this.storedFollowUp(plan, activity);
        return answered
          ? followUpSavedCard({ language, activityTitle: activity.title, followUp: answered })
          : effectFollowUpCard({ language, planId: plan.id, activity });
      }
      case 'reminders.saveFollowUp':
        return this.saveFollowUp(action, actor, plan, activity);
    }
  }

  /** One answer per activity: saving again (a second click, an edit) replaces it. */
  private async saveFollowUp(
    action: ActionOn<'reminders.saveFollowUp'>,
    actor: Actor,
    plan: IndividualPlan,
    activity: Activity,
  ): Promise<AdaptiveCard> {
    const { language } = actor;
    const values: FollowUpValues = {
      answers: Object.fromEntries(
        FOLLOW_UP_QUESTIONS.map((question) => [
          question,
          typedText(action, FOLLOW_UP_INPUTS[question]),
        ]),
      ),
      visibility: shareOf(action, FOLLOW_UP_INPUTS.share),
    };
    const answers = FOLLOW_UP_QUESTIONS.flatMap((question) => {
      const answer = values.answers[question];
      return answer ? [[question, answer] as const] : [];
    });
    const problem =
      answers.length === 0
        ? 'empty'
        : answers.some(([, answer]) => answer.length > PLAN_LIMITS.followUpAnswerMax)
          ? 'tooLong'
          : undefined;
    if (problem) {
      return effectFollowUpCard({ language, planId: plan.id, activity, values, problem });
    }
    const existing = await this.storedFollowUp(plan, activity);
    const followUp: EffectFollowUp = {
      id: existing?.id ?? randomUUID(),
      personId: actor.personId,
      planId: plan.id,
      activityId: activity.id,
      ...Object.fromEntries(answers),
      visibility: values.visibility,
      answeredAt: this.now().toISOString(),
    };
    await this.deps.plans.saveEffectFollowUp(followUp);
    this.deps.logger.info({ visibility: followUp.visibility }, 'effect follow-up saved');
    return followUpSavedCard({ language, activityTitle: activity.title, followUp });
  }

  private async turnOf(actor: Actor): Promise<PersonTurn> {
    const profile = await profileOfPerson(
      this.deps.directory,
      actor.personId,
      this.deps.defaultProfileId,
    );
    const policy = profile.reminderPolicy;
    const now = this.now();
    return { actor, profile, policy, now, today: dateAt(now, policy.timeZone) };
  }

  private async storedSettings(turn: PersonTurn): Promise<ReminderSettings> {
    return (
      (await this.deps.reminderSettings.get(turn.actor.personId)) ??
      defaultReminderSettings(turn.actor.personId, turn.now)
    );
  }

  /** The person's reflection prompt waiting to be sent, if there is one. */
  private async pendingPrompt(personId: string): Promise<ReminderJob | undefined> {
    const pending = await this.deps.reminders.list({ status: 'pending', personId });
    return pending.find((job) => job.payload.kind === 'reflection-prompt');
  }

  /**
   * The sequence of the next prompt, so the principles keep rotating: the one waiting keeps
   * its number (it was not asked yet); else one more than the prompts sent so far.
   */
  private async nextSequence(personId: string): Promise<number> {
    const pending = await this.pendingPrompt(personId);
    if (pending?.payload.kind === 'reflection-prompt') return pending.payload.sequence;
    const sent = await this.deps.reminders.list({
      status: 'sent',
      personId,
      limit: SENT_PROMPTS_COUNTED,
    });
    return sent.filter((job) => job.payload.kind === 'reflection-prompt').length;
  }

  private async storedReflection(personId: string, id: string): Promise<Reflection | undefined> {
    const reflections = await this.deps.plans.listReflections(personId);
    return reflections.find((reflection) => reflection.id === id);
  }

  private async storedFollowUp(
    plan: IndividualPlan,
    activity: Activity,
  ): Promise<EffectFollowUp | undefined> {
    const answers = await this.deps.plans.listEffectFollowUps([plan.id]);
    return answers.find((answer) => answer.activityId === activity.id);
  }
}

/** Years of weekly prompts and everything else a person is sent; the rotation needs no more. */
const SENT_PROMPTS_COUNTED = 1000;

/**
 * One reflection per prompt card and person: the id follows from the reminder it answers, so
 * a second click finds the first one's reflection instead of adding another.
 */
function reflectionIdFor(personId: string, jobId: string): string {
  const digest = createHash('sha256').update(`${personId}\n${jobId}`).digest('hex');
  return `reflection-${digest.slice(0, 32)}`;
}

/** A text input's value, trimmed; anything but a string (a forged click) is empty. */
function typedText(action: Record<string, unknown>, id: string): string {
  const value = action[id];
  return typeof value === 'string' ? value.trim() : '';
}

/** Private unless the toggle says shared: a missing or unknown value shares nothing. */
function shareOf(action: Record<string, unknown>, id: string): Visibility {
  return action[id] === 'shared-with-manager' ? 'shared-with-manager' : 'private';
}

/** The settings card's inputs as typed; dates cut to a date's length and more. */
function typedSettings(action: Record<string, unknown>): SettingsValues {
  const read = (id: string) => typedText(action, id).slice(0, 40);
  return {
    rhythm: read(SETTINGS_INPUTS.rhythm),
    pauseFrom: read(SETTINGS_INPUTS.pauseFrom),
    pauseTo: read(SETTINGS_INPUTS.pauseTo),
    language: read(SETTINGS_INPUTS.language),
  };
}

/** Both dates or neither; real dates; the end not before the start, nor before today. */
function checkPause(
  values: SettingsValues,
  today: IsoDate,
): { pause?: { from: IsoDate; to: IsoDate } } | { errors: SettingsErrors } {
  const { pauseFrom: from, pauseTo: to } = values;
  if (!from && !to) return {};
  const errors: SettingsErrors = {};
  if (!from) errors.pauseFrom = 'pauseIncomplete';
  else if (!IsoDateSchema.safeParse(from).success) errors.pauseFrom = 'invalidDate';
  if (!to) errors.pauseTo = 'pauseIncomplete';
  else if (!IsoDateSchema.safeParse(to).success) errors.pauseTo = 'invalidDate';
  else if (from && !errors.pauseFrom && to < from) errors.pauseTo = 'pauseOrder';
  else if (to < today) errors.pauseTo = 'pauseOver';
  return Object.keys(errors).length > 0 ? { errors } : { pause: { from, to } };
}
