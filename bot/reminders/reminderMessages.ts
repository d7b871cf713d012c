import { mayActAsManagerOf } from '../../core/access/planAccess';
import { translator, type Language } from '../../core/i18n/i18n';
import type { Dialogue } from '../../core/plan/dialogue';
import type { Person } from '../../core/ports/directory';
import { sharedAnswers } from '../../core/preparation/preparation';
import { pickPrompt } from '../../core/principles/pickPrompt';
import {
  promptsOf,
  type DialogueType,
  type OrganisationProfile,
} from '../../core/profiles/profileSchema';
import { getProfile } from '../../core/profiles/profiles';
import { principleForSequence } from '../../core/reminders/reflectionRhythm';
import { workingDaysUntil } from '../../core/reminders/workingCalendar';
import { dateAt } from '../../core/time/zonedTime';
import type { ReminderJob, ReminderPayload } from '../../core/reminders/reminderJob';
import {
  afterDialogueReminderCard,
  afterDialogueReminderTitle,
} from '../cards/reminders/afterDialogueReminderCard';
import {
  effectFollowUpCard,
  effectFollowUpFallbackText,
} from '../cards/reminders/effectFollowUpCard';
import {
  employeeDialogueReminderCard,
  employeeDialogueReminderTitle,
} from '../cards/reminders/employeeDialogueReminderCard';
import {
  managerDialogueReminderCard,
  managerDialogueReminderTitle,
} from '../cards/reminders/managerDialogueReminderCard';
import { reflectionPromptCard } from '../cards/reminders/reflectionPromptCard';
import type { FlowDependencies } from '../flowDependencies';
import { recordAccess } from '../privacy/auditTrail';
import { profileOfPerson } from '../directory/profileOfPerson';
import type { ComposedReminder } from './reminderWorker';

type PayloadOf<Kind extends ReminderPayload['kind']> = Extract<ReminderPayload, { kind: Kind }>;

/**
 * Turns a queued reminder into its card, read from the data as it is now, not as it was when
 * the job was planned: a dialogue moved or cancelled since, a plan already written, a
 * follow-up already answered, or a manager who is no longer the employee's manager means the
 * reminder is skipped rather than sent wrong. Nothing here sends or stores.
 */
export async function composeReminder(
  job: ReminderJob,
  language: Language,
  deps: FlowDependencies,
): Promise<ComposedReminder> {
  const { payload } = job;
  switch (payload.kind) {
    case 'dialogue-employee':
      return employeeReminder(job, payload, language, deps);
    case 'dialogue-manager':
      return managerReminder(job, payload, language, deps);
    case 'dialogue-after':
      return afterReminder(job, payload, language, deps);
    case 'reflection-prompt':
      return reflectionPrompt(job, payload, language, deps);
    case 'effect-follow-up':
      return effectFollowUp(job, payload, language, deps);
    case 'notice':
      // Built when the sender acted, in their language; it waited only for the working hours.
      return message(payload.card, payload.fallbackText);
  }
}

const MOVED = 'dialogue moved or cancelled';
const NOT_MANAGER = 'no longer the employee’s manager';

function message(card: object, fallbackText: string): ComposedReminder {
  return { message: { card, fallbackText } };
}

interface BookedDialogue {
  dialogue: Dialogue & { scheduledAt: string };
  profile: OrganisationProfile;
  dialogueType: DialogueType;
}

/**
 * The dialogue the reminder was planned for, still at the time it names. A held dialogue
 * needs no reminder before it; `held` is allowed only for the nudge after it.
 */
async function bookedAsPlanned(
  deps: FlowDependencies,
  payload: { dialogueId: string; scheduledAt: string },
  options: { held: boolean },
): Promise<BookedDialogue | undefined> {
  const dialogue = await deps.plans.getDialogue(payload.dialogueId);
  if (!dialogue?.scheduledAt || dialogue.status === 'cancelled') return undefined;
  if (dialogue.status === 'held' && !options.held) return undefined;
  if (Date.parse(dialogue.scheduledAt) !== Date.parse(payload.scheduledAt)) return undefined;
  const profile = getProfile(dialogue.profileId);
  const dialogueType = profile.dialogueCycle.find((type) => type.id === dialogue.dialogueTypeId);
  if (!dialogueType) return undefined;
  return { dialogue: { ...dialogue, scheduledAt: dialogue.scheduledAt }, profile, dialogueType };
}

/** The employee, if the reminder's recipient is their manager as the directory says today. */
async function employeeOfManager(
  deps: FlowDependencies,
  managerId: string,
  employeeId: string,
): Promise<Person | undefined> {
  const employee = await deps.directory.findPerson(employeeId);
  return employee && mayActAsManagerOf(managerId, employee) ? employee : undefined;
}

const nowOf = (deps: FlowDependencies) => (deps.now ?? (() => new Date()))();

async function employeeReminder(
  job: ReminderJob,
  payload: PayloadOf<'dialogue-employee'>,
  language: Language,
  deps: FlowDependencies,
): Promise<ComposedReminder> {
  const booked = await bookedAsPlanned(deps, payload, { held: false });
  if (!booked || booked.dialogue.employeeId !== job.personId) return { skip: MOVED };
  const { dialogue, profile, dialogueType } = booked;
  const stored = await deps.plans.getPreparation(dialogue.id);
  const data = {
    language,
    profile,
    dialogueType,
    scheduledAt: dialogue.scheduledAt,
    workingDays: workingDaysUntil(
      nowOf(deps),
      dialogue.scheduledAt,
      profile.reminderPolicy.timeZone,
    ),
    preparationSent: stored !== undefined,
  };
  return message(
    employeeDialogueReminderCard(data),
    employeeDialogueReminderTitle(translator(language), data),
  );
}

async function managerReminder(
  job: ReminderJob,
  payload: PayloadOf<'dialogue-manager'>,
  language: Language,
  deps: FlowDependencies,
): Promise<ComposedReminder> {
  const booked = await bookedAsPlanned(deps, payload, { held: false });
  if (!booked || booked.dialogue.employeeId !== payload.employeeId) return { skip: MOVED };
  const employee = await employeeOfManager(deps, job.personId, payload.employeeId);
  if (!employee) return { skip: NOT_MANAGER };
  const { dialogue, profile, dialogueType } = booked;
  const stored = await deps.plans.getPreparation(dialogue.id);
  // Only what the employee shared leaves this function; the card could not show more.
  const preparation = stored && {
    ...stored.preparation,
    answers: sharedAnswers(stored.preparation),
  };
  const unitGoals = employee.unitId
    ? ((await deps.plans.getTeamPlan(employee.unitId, dialogue.year))?.unitGoals ?? [])
    : [];
  const data = {
    language,
    profile,
    dialogueType,
    employeeName: employee.displayName,
    scheduledAt: dialogue.scheduledAt,
    workingDays: workingDaysUntil(
      nowOf(deps),
      dialogue.scheduledAt,
      profile.reminderPolicy.timeZone,
    ),
    ...(preparation ? { preparation: { context: { profile, unitGoals }, preparation } } : {}),
  };
  // The card puts what the employee shared before the manager: recorded as a read by them.
  if (preparation && preparation.answers.length > 0) {
    await recordAccess(deps, job.personId, employee.id, 'preparation.viewed', {
      via: 'reminder',
      dialogueId: dialogue.id,
    });
  }
  return message(managerDialogueReminderCard(data), managerDialogueReminderTitle(data));
}

async function afterReminder(
  job: ReminderJob,
  payload: PayloadOf<'dialogue-after'>,
  language: Language,
  deps: FlowDependencies,
): Promise<ComposedReminder> {
  const booked = await bookedAsPlanned(deps, payload, { held: true });
  if (!booked || booked.dialogue.employeeId !== payload.employeeId) return { skip: MOVED };
  const { dialogue, profile, dialogueType } = booked;
  if (!dialogueType.writesPlan) return { skip: 'the dialogue does not write a plan' };
  const employee = await employeeOfManager(deps, job.personId, payload.employeeId);
  if (!employee) return { skip: NOT_MANAGER };
  const plan = await deps.plans.getIndividualPlan(employee.id, dialogue.year);
  const agreedSince =
    plan?.agreedAt !== undefined && Date.parse(plan.agreedAt) >= Date.parse(dialogue.scheduledAt);
  if (plan?.status === 'proposed' || agreedSince) {
    return { skip: 'plan already proposed or agreed' };
  }
  const data = {
    language,
    profile,
    dialogueType,
    employeeId: employee.id,
    employeeName: employee.displayName,
    scheduledAt: dialogue.scheduledAt,
    held: dialogue.status === 'held',
  };
  return message(afterDialogueReminderCard(data), afterDialogueReminderTitle(data));
}

async function reflectionPrompt(
  job: ReminderJob,
  payload: PayloadOf<'reflection-prompt'>,
  language: Language,
  deps: FlowDependencies,
): Promise<ComposedReminder> {
  const profile = await profileOfPerson(deps.directory, job.personId, deps.defaultProfileId);
  const principle = principleForSequence(payload.sequence);
  const candidates = promptsOf(profile);
  const hasPrompt = candidates.some(
    (prompt) => prompt.principle === principle && prompt.contexts.includes('everyday'),
  );
  if (!hasPrompt) return { skip: `no everyday prompt for ${principle} in the profile` };
  // Seeded by the job's key: the same prompt if the job is sent again, a new one next time.
  const prompt = pickPrompt(candidates, principle, 'everyday', `${job.personId}|${job.key}`);
  const t = translator(language);
  return message(
    reflectionPromptCard({ language, jobId: job.id, prompt }),
    `${t('reminders.reflection.title')}: ${prompt.text[language]}`,
  );
}

async function effectFollowUp(
  job: ReminderJob,
  payload: PayloadOf<'effect-follow-up'>,
  language: Language,
  deps: FlowDependencies,
): Promise<ComposedReminder> {
  const plan = await deps.plans.getIndividualPlanById(payload.planId);
  if (!plan || plan.employeeId !== job.personId) return { skip: 'plan gone' };
  const activity = plan.activities.find((candidate) => candidate.id === payload.activityId);
  if (!activity || activity.status === 'cancelled') return { skip: 'activity gone or cancelled' };
  // Moved later since the job was planned: its own follow-up is planned for the new date.
  const today = dateAt(nowOf(deps), getProfile(plan.profileId).reminderPolicy.timeZone);
  if (activity.dueDate >= today) return { skip: 'due date moved' };
  const answers = await deps.plans.listEffectFollowUps([plan.id]);
  if (answers.some((answer) => answer.activityId === activity.id)) {
    return { skip: 'already answered' };
  }
  return message(
    effectFollowUpCard({ language, planId: plan.id, activity }),
    effectFollowUpFallbackText(language),
  );
}
