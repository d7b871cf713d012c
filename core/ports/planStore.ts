import type { DialoguePreparation, Dialogue } from '../plan/dialogue';
import type { EffectFollowUp } from '../plan/effectFollowUp';
import type { IndividualPlan } from '../plan/individualPlan';
import type { Reflection } from '../plan/reflection';
import type { TeamPlan } from '../plan/teamPlan';
import type { AgreedPlanOnErasure, ErasedPlanRecords } from '../privacy/erasure';
import type { RetentionCutoff } from '../privacy/retention';

/**
 * Where plans, reflections and dialogues are kept: the SQL database, or SharePoint lists
 * through Graph in production. Documents are validated against the core schemas on the way
 * in and out; a stored one that no longer matches raises StoredDocumentError.
 *
 * Versioned documents are saved with the version they were read at (`expectedVersion`, 0 for
 * a new one). A stale version raises VersionConflictError and writes nothing, so two people
 * editing at once never silently lose each other's changes.
 */

export interface SaveOptions {
  /** The version the writer read; 0 when creating. */
  expectedVersion: number;
  /** Who saves: their Entra object id, kept with the revision. */
  savedBy: string;
}

/** One saved version of a document, as the history shows it. */
export interface Revision<T> {
  version: number;
  savedAt: Date;
  savedBy: string;
  document: T;
}

export interface IndividualPlanStore {
  getIndividualPlanById(planId: string): Promise<IndividualPlan | undefined>;
  getIndividualPlan(employeeId: string, year: number): Promise<IndividualPlan | undefined>;
  /** The employee's plan for the latest year they have one. */
  findLatestIndividualPlan(employeeId: string): Promise<IndividualPlan | undefined>;
  /** Returns the plan as stored, with `version` set to the new version. */
  saveIndividualPlan(plan: IndividualPlan, options: SaveOptions): Promise<IndividualPlan>;
  /** Every saved version, oldest first. */
  individualPlanHistory(planId: string): Promise<Revision<IndividualPlan>[]>;
  /**
   * Plans saved within the last `periodMs` by the store's own clock: the reminder planner's
   * catch-up, for a save whose reminders a crash kept from being planned. A stored plan that
   * no longer matches its schema is left out, so one broken row cannot stop the catch-up.
   */
  listIndividualPlansSavedWithin(periodMs: number): Promise<IndividualPlan[]>;
  /** The current plans of these employees (all years unless one is given). */
  listIndividualPlans(
    employeeIds: readonly string[],
    options?: { year?: number },
  ): Promise<IndividualPlan[]>;
}

export interface TeamPlanStore {
  getTeamPlan(unitId: string, year: number): Promise<TeamPlan | undefined>;
  /** Returns the plan as stored, with `version` set to the new version. */
  saveTeamPlan(plan: TeamPlan, options: SaveOptions): Promise<TeamPlan>;
  teamPlanHistory(planId: string): Promise<Revision<TeamPlan>[]>;
}

export interface ReflectionStore {
  addReflection(reflection: Reflection): Promise<void>;
  /**
   * Newest first. `sharedOnly` is what a manager may see: never the private ones, decided
   * here so no caller can forget to filter.
   */
  listReflections(personId: string, options?: { sharedOnly?: boolean }): Promise<Reflection[]>;
}

/** A preparation has no version field of its own; the store keeps it beside the document. */
export interface VersionedPreparation {
  preparation: DialoguePreparation;
  version: number;
}

export interface DialogueStore {
  /** Creates or replaces the dialogue: it is scheduling data, the last change wins. */
  saveDialogue(dialogue: Dialogue): Promise<void>;
  getDialogue(dialogueId: string): Promise<Dialogue | undefined>;
  /** Soonest first. */
  listDialoguesForEmployee(employeeId: string): Promise<Dialogue[]>;
  /**
   * The dialogues of these employees (a manager's team), soonest first: by employee, not by
   * the manager on the dialogue, so one prepared before a manager was known, or booked by a
   * former manager, is still seen by the manager the employee has now.
   */
  listDialoguesForEmployees(employeeIds: readonly string[]): Promise<Dialogue[]>;
  /** Dialogues saved within the last `periodMs` by the store's own clock, as for plans. */
  listDialoguesSavedWithin(periodMs: number): Promise<Dialogue[]>;
  getPreparation(dialogueId: string): Promise<VersionedPreparation | undefined>;
  savePreparation(
    preparation: DialoguePreparation,
    options: SaveOptions,
  ): Promise<VersionedPreparation>;
  preparationHistory(preparationId: string): Promise<Revision<DialoguePreparation>[]>;
}

export interface EffectFollowUpStore {
  /** Creates or replaces the answer for its plan and activity (one per activity). */
  saveEffectFollowUp(followUp: EffectFollowUp): Promise<void>;
  /**
   * The answers for these plans. `sharedOnly` is what a manager may see, decided here as for
   * reflections.
   */
  listEffectFollowUps(
    planIds: readonly string[],
    options?: { sharedOnly?: boolean },
  ): Promise<EffectFollowUp[]>;
}

/** What a manager's team view needs of the reports, read together. */
export interface TeamRecords {
  /** The current plans, every year, drafts and proposals included. */
  plans: IndividualPlan[];
  /**
   * For each plan ever agreed, its latest agreed version, also while a newer version is being
   * drafted or proposed.
   */
  agreedPlans: IndividualPlan[];
  dialogues: Dialogue[];
  /** Every effect follow-up answer on these plans, private ones too (only counted). */
  followUps: EffectFollowUp[];
}

export interface TeamRecordsStore {
  /**
   * One read for the whole team, so a store behind a network (SharePoint through Graph) can
   * fetch each person's records in one request instead of one per kind.
   */
  readTeamRecords(employeeIds: readonly string[]): Promise<TeamRecords>;
}

/** What is removed when the retention job runs for one profile. */
export interface ExpiredRecords {
  individualPlans: number;
  dialogues: number;
}

/**
 * "Radera mina data" and retention, in the store of record. Both are idempotent: run twice, or
 * by two instances at once, the second finds nothing left and counts zero.
 */
export interface PersonalDataStore {
  /**
   * Removes every plan, dialogue, preparation, reflection and follow-up answer of the person.
   * With 'keep-as-unit-record' a plan that was ever agreed stays at its latest agreed version
   * and every other version of it goes (see core/privacy/erasure.ts).
   */
  erasePersonalData(
    personId: string,
    options: { agreedPlans: AgreedPlanOnErasure },
  ): Promise<ErasedPlanRecords>;
  /** Plans and dialogues (with preparations and answers) of the profile before the cutoff year. */
  removeExpired(cutoff: RetentionCutoff): Promise<ExpiredRecords>;
  /** Reflections written before `before`. */
  removeReflectionsBefore(before: Date): Promise<number>;
}

export type PlanStore = IndividualPlanStore &
  TeamPlanStore &
  ReflectionStore &
  DialogueStore &
  EffectFollowUpStore &
  TeamRecordsStore &
  PersonalDataStore;
