import { randomUUID } from 'node:crypto';
import type { AdaptiveCard } from '@microsoft/teams.cards';
import type { Dialogue, DialoguePreparation } from '../../core/plan/dialogue';
import type { Visibility } from '../../core/plan/reflection';
import type { Person } from '../../core/ports/directory';
import type { PreparationDraftStore } from '../../core/ports/preparationDraftStore';
import type { PreparationDraft } from '../../core/preparation/draft';
import {
  changeStatus,
  goBack,
  isAtQuestionStep,
  markSent,
  saveProgress,
  planWritingDialogueType,
  skipStep,
  startPreparation,
  submitStep,
  toDialoguePreparation,
  withShareChoices,
  withStepInput,
} from '../../core/preparation/preparation';
import type { PreparationContext } from '../../core/preparation/template';
import { dialogueCycle } from '../../core/cycle/dialogueCycle';
import { getProfile } from '../../core/profiles/profiles';
import { yearAt } from '../../core/time/zonedTime';
import type { PreparationAction } from '../cards/cardActions';
import { myPlanCard } from '../cards/myPlanCard';
import { confirmCancelPreparationCard } from '../cards/preparation/confirmCancelPreparationCard';
import {
  managerPreparationCard,
  managerPreparationFallbackText,
} from '../cards/preparation/managerPreparationCard';
import { preparationClosedCard } from '../cards/preparation/preparationClosedCard';
import { preparationSavedCard } from '../cards/preparation/preparationSavedCard';
import { preparationSentCard, type ManagerNotice } from '../cards/preparation/preparationSentCard';
import { preparationStepCard } from '../cards/preparation/preparationStepCard';
import { preparationSummaryCard, shareInputId } from '../cards/preparation/preparationSummaryCard';
import { resumePreparationCard } from '../cards/preparation/resumePreparationCard';
import type { Actor, FlowDependencies } from '../flowDependencies';

export interface PreparationDependencies extends FlowDependencies {
  drafts: PreparationDraftStore;
}

/** The employee preparing: the actor of every preparation turn. */
export type Employee = Actor;

/**
 * The employee's preparation, turn by turn: loads the draft, asks core what the click means,
 * stores the result with a compare-and-set on its revision, and answers with the next card.
 * A click whose revision is no longer the draft's changes nothing and gets the current card.
 */
export class PreparationFlow {
  private readonly now: () => Date;

  constructor(private readonly deps: PreparationDependencies) {
    this.now = deps.now ?? (() => new Date());
  }

  /** "förbered mitt samtal": a new draft, or the question whether to continue the one begun. */
  async begin(employee: Employee): Promise<AdaptiveCard> {
    const existing = await this.deps.drafts.findInProgress(employee.personId);
    if (existing) return resumePreparationCard({ language: employee.language, draft: existing });
    return this.startNew(employee);
  }

  /** "avbryt" in the chat: asks to confirm when a preparation is in progress. */
  async cancelFromText(employee: Employee): Promise<AdaptiveCard | undefined> {
    const draft = await this.deps.drafts.findInProgress(employee.personId);
    return draft && confirmCancelPreparationCard({ language: employee.language, draft });
  }

  async act(action: PreparationAction, employee: Employee): Promise<AdaptiveCard> {
    const { language } = employee;
    const resuming = action.verb === 'preparation.continue';
    let draft = await this.deps.drafts.get(action.draftId, { fresh: resuming });
    // A card newer than the draft this instance knows: another instance moved it on.
    if (draft && !resuming && action.revision > draft.revision) {
      draft = await this.deps.drafts.get(action.draftId, { fresh: true });
    }
    if (!draft || draft.employeeId !== employee.personId) {
      // Another person's draft id, or a forged one: nothing to show, nothing to say about it.
      this.deps.logger.warn({ verb: action.verb }, 'preparation action for an unknown draft');
      return preparationClosedCard({ language, reason: 'stale-cancelled' });
    }
    if (draft.status !== 'in-progress') {
      return preparationClosedCard({
        language,
        reason: draft.status === 'sent' ? 'stale-sent' : 'stale-cancelled',
      });
    }

    if (resuming) return this.currentCard(draft, employee);
    if (action.revision !== draft.revision) return this.currentCard(draft, employee, true);

    const now = this.now().toISOString();
    switch (action.verb) {
      case 'preparation.restart': {
        if (!(await this.deps.drafts.update(changeStatus(draft, 'cancelled', now)))) {
          return this.reloadStale(draft, employee);
        }
        return this.startNew(employee);
      }
      case 'preparation.submitStep': {
        if (!isAtQuestionStep(draft)) return this.currentCard(draft, employee, true);
        const context = await this.contextFor(draft);
        const result = submitStep(draft, action, context, now);
        if (result.outcome === 'invalid') {
          return preparationStepCard({
            language,
            context,
            draft,
            values: result.values,
            errors: result.errors,
          });
        }
        return this.save(draft, result.draft, employee, context);
      }
      case 'preparation.back': {
        const context = await this.contextFor(draft);
        const back = goBack(withTyped(draft, action, context), now);
        return this.save(draft, back, employee, context);
      }
      case 'preparation.saveForLater': {
        const context = await this.contextFor(draft);
        const saved = saveProgress(withTyped(draft, action, context), now);
        if (!(await this.deps.drafts.update(saved))) return this.reloadStale(draft, employee);
        return preparationSavedCard({ language, draft: saved });
      }
      case 'preparation.skip':
        return this.save(draft, skipStep(draft, now), employee);
      case 'preparation.cancel':
        return confirmCancelPreparationCard({ language, draft });
      case 'preparation.confirmCancel': {
        if (!(await this.deps.drafts.update(changeStatus(draft, 'cancelled', now)))) {
          return this.reloadStale(draft, employee);
        }
        this.deps.logger.info('preparation cancelled');
        return preparationClosedCard({ language, reason: 'cancelled' });
      }
      case 'preparation.send': {
        const claimed = markSent(draft, visibilityChoices(action), now);
        if (!claimed) return this.currentCard(draft, employee, true);
        return this.send(claimed, employee, now);
      }
    }
  }

  /** "min plan": the preparation in progress or last sent, and the latest plan. */
  async myPlan(employee: Employee): Promise<AdaptiveCard> {
    const person = await this.deps.directory.findPerson(employee.personId);
    const profile = getProfile(person?.profileId ?? this.deps.defaultProfileId);
    const year = this.yearIn(profile.reminderPolicy.timeZone);
    const typeId = planWritingDialogueType(profile).id;
    const [draft, dialogues, plan, unitGoals] = await Promise.all([
      this.deps.drafts.findInProgress(employee.personId),
      this.deps.plans.listDialoguesForEmployee(employee.personId),
      this.deps.plans.findLatestIndividualPlan(employee.personId),
      this.unitGoalsOf(person, year),
    ]);
    const latest = dialogues
      .filter((dialogue) => dialogue.dialogueTypeId === typeId)
      .sort((a, b) => b.year - a.year)[0];
    const sent = latest && (await this.deps.plans.getPreparation(latest.id))?.preparation;
    const shownYear = draft?.year ?? latest?.year ?? year;
    return myPlanCard({
      language: employee.language,
      context: { profile, unitGoals },
      year: shownYear,
      ...(draft ? { draft } : {}),
      ...(sent ? { sent } : {}),
      ...(plan ? { plan } : {}),
      cycle: dialogueCycle(profile, dialogues, shownYear),
      myPlanUrl: this.deps.myPlanUrl,
    });
  }

  private async startNew(employee: Employee): Promise<AdaptiveCard> {
    const person = await this.deps.directory.findPerson(employee.personId);
    const profile = getProfile(person?.profileId ?? this.deps.defaultProfileId);
    const draft = startPreparation({
      id: randomUUID(),
      employeeId: employee.personId,
      ...(person?.managerId ? { managerId: person.managerId } : {}),
      profile,
      year: this.yearIn(profile.reminderPolicy.timeZone),
      now: this.now().toISOString(),
    });
    if (!(await this.deps.drafts.create(draft))) {
      // Started a moment ago from another click or device: offer that one.
      const existing = await this.deps.drafts.findInProgress(employee.personId);
      if (existing) return resumePreparationCard({ language: employee.language, draft: existing });
    }
    this.deps.logger.info('preparation started');
    return this.currentCard(draft, employee);
  }

  /**
   * Stores `next` if the draft is still at `current`'s revision; else the click was stale.
   * `context` is the turn's, when it has one: the same person, profile and year either way,
   * so the card needs no second look-up of the team plan.
   */
  private async save(
    current: PreparationDraft,
    next: PreparationDraft | undefined,
    employee: Employee,
    context?: PreparationContext,
  ): Promise<AdaptiveCard> {
    if (!next) return this.currentCard(current, employee, false, context);
    if (!(await this.deps.drafts.update(next))) return this.reloadStale(current, employee);
    return this.currentCard(next, employee, false, context);
  }

  private async reloadStale(draft: PreparationDraft, employee: Employee): Promise<AdaptiveCard> {
    const latest = (await this.deps.drafts.get(draft.id, { fresh: true })) ?? draft;
    if (latest.status !== 'in-progress') {
      return preparationClosedCard({
        language: employee.language,
        reason: latest.status === 'sent' ? 'stale-sent' : 'stale-cancelled',
      });
    }
    return this.currentCard(latest, employee, true);
  }

  private async currentCard(
    draft: PreparationDraft,
    employee: Employee,
    stale = false,
    known?: PreparationContext,
  ): Promise<AdaptiveCard> {
    const context = known ?? (await this.contextFor(draft));
    const { language } = employee;
    if (isAtQuestionStep(draft)) return preparationStepCard({ language, context, draft, stale });
    const manager = await this.deps.directory.managerOf(draft.employeeId);
    return preparationSummaryCard({
      language,
      context,
      draft,
      stale,
      ...(manager ? { managerName: manager.displayName } : {}),
    });
  }

  /**
   * Claims the draft (marked sent, compare-and-set) before anything else, so of two clicks on
   * "send" one sends and the other is stale; if storing then fails, the claim is undone.
   */
  private async send(
    claimed: PreparationDraft,
    employee: Employee,
    now: string,
  ): Promise<AdaptiveCard> {
    if (!(await this.deps.drafts.update(claimed))) return this.reloadStale(claimed, employee);
    const manager = await this.deps.directory.managerOf(claimed.employeeId);
    let preparation: DialoguePreparation;
    try {
      preparation = await this.storePreparation(claimed, manager);
    } catch (error) {
      await this.deps.drafts.update(changeStatus(claimed, 'in-progress', now));
      throw error;
    }

    const context = await this.contextFor(claimed);
    const notice = manager
      ? await this.tellManager(manager, employee, context, preparation)
      : 'no-manager';
    this.deps.logger.info({ notice }, 'preparation sent');
    return preparationSentCard({
      language: employee.language,
      context,
      preparation,
      notice,
      ...(manager ? { managerName: manager.displayName } : {}),
      myPlanUrl: this.deps.myPlanUrl,
    });
  }

  /** Linked to this year's plan-writing dialogue, created (not yet booked) if there is none. */
  private async storePreparation(
    draft: PreparationDraft,
    manager: Person | undefined,
  ): Promise<DialoguePreparation> {
    const dialogues = await this.deps.plans.listDialoguesForEmployee(draft.employeeId);
    const existing = dialogues.find(
      (dialogue) =>
        dialogue.dialogueTypeId === draft.dialogueTypeId &&
        dialogue.year === draft.year &&
        dialogue.status !== 'cancelled',
    );
    const dialogue: Dialogue = {
      ...(existing ?? {
        id: randomUUID(),
        employeeId: draft.employeeId,
        profileId: draft.profileId,
        dialogueTypeId: draft.dialogueTypeId,
        year: draft.year,
      }),
      ...(manager && !existing?.managerId ? { managerId: manager.id } : {}),
      status: existing?.status === 'held' ? 'held' : 'prepared',
    };
    await this.deps.plans.saveDialogue(dialogue);
    const stored = await this.deps.plans.getPreparation(dialogue.id);
    const saved = await this.deps.plans.savePreparation(
      toDialoguePreparation(
        draft,
        { id: stored?.preparation.id ?? randomUUID(), dialogueId: dialogue.id },
        draft.updatedAt,
      ),
      { expectedVersion: stored?.version ?? 0, savedBy: draft.employeeId },
    );
    return saved.preparation;
  }

  private async tellManager(
    manager: Person,
    employee: Employee,
    context: PreparationContext,
    preparation: DialoguePreparation,
  ): Promise<ManagerNotice> {
    const person = await this.deps.directory.findPerson(employee.personId);
    // The manager's language is not known here; the employee's is the organisation's best guess.
    const data = {
      language: employee.language,
      context,
      employeeName: person?.displayName ?? '',
      preparation,
    };
    try {
      const result = await this.deps.messenger.sendToPerson(manager.id, {
        card: managerPreparationCard(data),
        fallbackText: managerPreparationFallbackText(data),
      });
      return result.status;
    } catch (error) {
      // Stored already: a failed notice must not turn the employee's send into an error.
      this.deps.logger.error({ err: error }, 'telling the manager of a preparation failed');
      return 'unreachable';
    }
  }

  private async contextFor(draft: PreparationDraft): Promise<PreparationContext> {
    const person = await this.deps.directory.findPerson(draft.employeeId);
    return {
      profile: getProfile(draft.profileId),
      unitGoals: await this.unitGoalsOf(person, draft.year),
    };
  }

  private async unitGoalsOf(person: Person | undefined, year: number) {
    if (!person?.unitId) return [];
    return (await this.deps.plans.getTeamPlan(person.unitId, year))?.unitGoals ?? [];
  }

  /** The calendar year where the organisation is: New Year's night in Sweden is still UTC's old year. */
  private yearIn(timeZone: string): number {
    return yearAt(this.now(), timeZone);
  }
}

/** The step's inputs (or the summary's share choices) as typed, kept when leaving it. */
function withTyped(
  draft: PreparationDraft,
  input: Record<string, unknown>,
  context: PreparationContext,
): PreparationDraft {
  if (!isAtQuestionStep(draft)) return withShareChoices(draft, visibilityChoices(input));
  return withStepInput(draft, input, context);
}

/** The summary's share toggles, read from the inputs that came with "send". */
function visibilityChoices(action: Record<string, unknown>): Record<string, Visibility> {
  const choices: Record<string, Visibility> = {};
  for (const [key, value] of Object.entries(action)) {
    if (!key.startsWith(shareInputId(''))) continue;
    if (value === 'shared-with-manager' || value === 'private') {
      choices[key.slice(shareInputId('').length)] = value;
    }
  }
  return choices;
}
