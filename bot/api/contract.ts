import { z } from 'zod';
import {
  ActivityStatusSchema,
  IndividualPlanSchema,
  PlanStatusSchema,
} from '../../core/plan/individualPlan';
import { EffectFollowUpSchema } from '../../core/plan/effectFollowUp';
import { PLAN_LIMITS } from '../../core/plan/limits';
import { ReflectionSchema, VisibilitySchema } from '../../core/plan/reflection';
import { NeededCompetenceSchema, TeamPlanSchema, UnitGoalSchema } from '../../core/plan/teamPlan';
import { PrincipleIdSchema } from '../../core/principles/principles';
import {
  boundedText,
  EntityIdSchema,
  IsoDateSchema,
  IsoDateTimeSchema,
  localizedText,
  SlugSchema,
} from '../../core/shared/schemas';

/**
 * What the tab API answers, as zod schemas: the routes build these types, the tests parse
 * real responses with them, and bot/api/openapi.json carries their JSON Schema (a test keeps
 * the two equal). The tab imports the types only.
 */

export const ErrorBodySchema = z.strictObject({
  error: z.strictObject({
    code: z.string().meta({ description: 'Stable, machine-readable, e.g. unauthenticated' }),
    message: z.string().meta({ description: 'Safe to show to the user' }),
  }),
});
export type ErrorBodyResponse = z.infer<typeof ErrorBodySchema>;

export const PersonSummarySchema = z.strictObject({
  id: EntityIdSchema.meta({ description: 'Entra object id' }),
  displayName: z.string(),
  jobTitle: z.string().optional(),
});
export type PersonSummary = z.infer<typeof PersonSummarySchema>;

const NamedItemSchema = z.strictObject({ id: SlugSchema, name: localizedText(200) });

export const ProfileSummarySchema = z.strictObject({
  id: SlugSchema,
  name: localizedText(120),
  dialogueTypes: z
    .array(NamedItemSchema.extend({ order: z.int().min(1) }))
    .meta({ description: "The year's dialogue cycle, in order" }),
  priorityAreas: z.array(NamedItemSchema),
});
export type ProfileSummary = z.infer<typeof ProfileSummarySchema>;

export const MeResponseSchema = z.strictObject({
  person: PersonSummarySchema,
  isManager: z.boolean().meta({ description: 'The person has direct reports' }),
  directReportCount: z.int().min(0),
  profile: ProfileSummarySchema.nullable().meta({
    description: "The person's organisation profile; null when no known profile applies",
  }),
  unitId: EntityIdSchema.nullable().meta({
    description:
      "The organisation unit the directory places the person in (a manager's: the unit they lead); null when it names none",
  }),
});
export type MeResponse = z.infer<typeof MeResponseSchema>;

export const DemoPersonSchema = PersonSummarySchema.extend({
  role: z.enum(['manager', 'employee']),
});
export type DemoPerson = z.infer<typeof DemoPersonSchema>;

export const DemoPeopleResponseSchema = z.strictObject({
  defaultPersonId: EntityIdSchema.meta({
    description: 'Who a request without X-Demo-User acts as',
  }),
  people: z.array(DemoPersonSchema),
});
export type DemoPeopleResponse = z.infer<typeof DemoPeopleResponseSchema>;

// ---------------------------------------------------------------------------------------
// Plans (issue 5). Routes answer the core documents as they are stored; the tab reads the
// profile's names (areas, forms of learning, courses) from core itself, so ids suffice here.

/** One dialogue of the year's cycle for one employee, as "min plan" and "mitt team" show it. */
export const CycleEntrySchema = z.strictObject({
  dialogueTypeId: SlugSchema,
  status: z.enum(['not-planned', 'planned', 'prepared', 'held']),
  scheduledAt: IsoDateTimeSchema.optional(),
});
export type CycleEntry = z.infer<typeof CycleEntrySchema>;

/** One saved version of a plan, for the history list. */
export const PlanVersionSchema = z.strictObject({
  version: z.int().min(1),
  savedAt: IsoDateTimeSchema,
  savedByName: z.string().meta({
    description: 'Who saved it, as the directory knows them now; empty when it does not',
  }),
  status: PlanStatusSchema,
});
export type PlanVersion = z.infer<typeof PlanVersionSchema>;

/** GET /plans/{planId}/history: every saved version of the plan, newest first. */
export const PlanHistoryResponseSchema = z.strictObject({ versions: z.array(PlanVersionSchema) });
export type PlanHistoryResponse = z.infer<typeof PlanHistoryResponseSchema>;

/**
 * The effect follow-ups of the page's plan: the employee's answers, each to one activity, and
 * the activities whose follow-up is due and still unanswered.
 */
export const PlanFollowUpsSchema = z.strictObject({
  answers: z.array(EffectFollowUpSchema).meta({
    description:
      "Newest first, each answering the activity its activityId names. The employee's own " +
      "page has all of theirs; the manager's only the shared ones, never a private one",
  }),
  unansweredActivityIds: z.array(EntityIdSchema).meta({
    description:
      'Activities of an agreed plan, not cancelled, whose due date has passed (in the ' +
      "profile's zone) and whose follow-up the employee has not answered. A private answer " +
      'counts as answered on the manager page too, as in "mitt team"',
  }),
});
export type PlanFollowUps = z.infer<typeof PlanFollowUpsSchema>;

/**
 * An employee's plan page: GET /me/plan (their own, with every reflection and follow-up of
 * theirs) and GET /people/{employeeId}/plan (their manager: shared ones only, never private).
 */
export const PlanPageResponseSchema = z.strictObject({
  employee: PersonSummarySchema,
  manager: PersonSummarySchema.nullable(),
  profileId: SlugSchema,
  /** This year in the profile's zone: the year of `cycle` (the plan carries its own year). */
  year: z.int(),
  /** The latest version, whatever its status; null before the manager has written one. */
  plan: IndividualPlanSchema.nullable(),
  /** Newest first. */
  history: z.array(PlanVersionSchema),
  cycle: z.array(CycleEntrySchema),
  /** Newest first. The employee's own page has all; the manager's only the shared ones. */
  reflections: z.array(ReflectionSchema),
  followUps: PlanFollowUpsSchema,
  /** What the caller may change on this page. */
  canEdit: z.strictObject({
    activityStatus: z.boolean(),
    reflections: z.boolean(),
    answerProposal: z.boolean(),
  }),
});
export type PlanPageResponse = z.infer<typeof PlanPageResponseSchema>;

/** PATCH /plans/{planId}/activities/{activityId}: the employee updates one activity's status. */
export const ActivityStatusChangeSchema = z.strictObject({
  status: ActivityStatusSchema,
  /** The plan version the page showed; a newer one answers 409 version_conflict. */
  expectedVersion: z.int().min(1),
});
export type ActivityStatusChange = z.infer<typeof ActivityStatusChangeSchema>;

/** POST /plans/{planId}/answer: the employee agrees to a proposal or asks for changes. */
export const ProposalAnswerSchema = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('accept'), expectedVersion: z.int().min(1) }),
  z.strictObject({
    decision: z.literal('request-changes'),
    comment: boundedText(PLAN_LIMITS.changeRequestMax),
    expectedVersion: z.int().min(1),
  }),
]);
export type ProposalAnswer = z.infer<typeof ProposalAnswerSchema>;

/** POST /me/reflections: a reflection in the learning log, private unless shared. */
export const NewReflectionSchema = z.strictObject({
  principle: PrincipleIdSchema,
  promptId: SlugSchema.optional().meta({
    description:
      "The reflection prompt the page showed: one of the profile's everyday prompts for the " +
      'principle. Without it the service picks one.',
  }),
  text: boundedText(PLAN_LIMITS.reflectionTextMax),
  visibility: VisibilitySchema,
});
export type NewReflection = z.infer<typeof NewReflectionSchema>;

/** The answer to a change of the plan: the plan as stored now. */
export const PlanResponseSchema = z.strictObject({ plan: IndividualPlanSchema });
export type PlanResponse = z.infer<typeof PlanResponseSchema>;

export const ReflectionResponseSchema = z.strictObject({ reflection: ReflectionSchema });
export type ReflectionResponse = z.infer<typeof ReflectionResponseSchema>;

/** Coverage of a team: counts, as core/team/coverage.ts computes them. */
export const CoverageSchema = z.strictObject({
  employees: z.int().min(0),
  withCurrentPlan: z.int().min(0),
  dialoguesHeld: z.array(z.strictObject({ dialogueTypeId: SlugSchema, held: z.int().min(0) })),
});
export type Coverage = z.infer<typeof CoverageSchema>;

/** GET /me/team: the manager's list from "mitt team", for the filters of the manager view. */
export const TeamMemberSchema = z.strictObject({
  person: PersonSummarySchema,
  cycle: z.array(CycleEntrySchema),
  plan: z.strictObject({
    planId: EntityIdSchema.optional(),
    /** The status of the latest version; absent when there is no plan. */
    status: PlanStatusSchema.optional(),
    /** The last day the agreed plan is current; absent when none is. */
    currentUntil: IsoDateSchema.optional(),
  }),
  flags: z.strictObject({
    noCurrentPlan: z.boolean(),
    /** A current plan whose last day is within 60 days. */
    planExpiring: z.boolean(),
    /** A dialogue of this year's cycle not held yet. */
    dialogueNotHeld: z.boolean(),
  }),
});
export type TeamMember = z.infer<typeof TeamMemberSchema>;

export const TeamResponseSchema = z.strictObject({
  profileId: SlugSchema,
  year: z.int(),
  today: IsoDateSchema,
  members: z.array(TeamMemberSchema),
  coverage: CoverageSchema,
});
export type TeamResponse = z.infer<typeof TeamResponseSchema>;

/** Counts of people per id (priority area or form of learning): never who. */
export const NeedCountSchema = z.strictObject({ id: SlugSchema, people: z.int().min(0) });

/**
 * GET /units/{unitId}/team-plan: the channel tab, the same for every member of the team
 * (aggregates only). PUT with TeamPlanChange: the unit's manager only.
 */
export const TeamPlanPageResponseSchema = z.strictObject({
  unitId: EntityIdSchema,
  profileId: SlugSchema,
  year: z.int(),
  teamPlan: TeamPlanSchema.nullable(),
  countsWithheld: z.boolean().meta({
    description:
      'The team has fewer than 5 people and the reader is a channel member, not the ' +
      'manager: plannedNeeds, unplannedCompetenceIds and coverage are null, so nobody can be ' +
      'singled out',
  }),
  plannedNeeds: z
    .strictObject({
      plans: z.int().min(0),
      byPriorityArea: z.array(NeedCountSchema),
      byFormOfLearning: z.array(NeedCountSchema),
    })
    .nullable(),
  /** Ids of needed competences that no current agreed plan takes up. */
  unplannedCompetenceIds: z.array(EntityIdSchema).nullable(),
  coverage: CoverageSchema.nullable(),
  canEdit: z.boolean(),
});
export type TeamPlanPageResponse = z.infer<typeof TeamPlanPageResponseSchema>;

/**
 * PUT /units/{unitId}/team-plan: the unit's goals and needed competences as a whole. A new
 * goal or need gets a fresh id from the client (crypto.randomUUID()); a kept one keeps its id.
 */
export const TeamPlanChangeSchema = z.strictObject({
  // Strict copies of the stored shapes: a field the API does not know is refused, not dropped.
  unitGoals: z.array(z.strictObject(UnitGoalSchema.shape)).max(PLAN_LIMITS.unitGoalsMax),
  neededCompetences: z
    .array(z.strictObject(NeededCompetenceSchema.shape))
    .max(PLAN_LIMITS.neededCompetencesMax),
  /** The version the page showed; 0 for the first plan of the year. */
  expectedVersion: z.int().min(0),
});
export type TeamPlanChange = z.infer<typeof TeamPlanChangeSchema>;

/** One unit in GET /organisation/summary: counts only, none for a unit under 5 people. */
export const UnitSummarySchema = z.strictObject({
  unitId: z.string().nullable().meta({
    description:
      "The unit as the directory names it (Entra: the user's department); null for people placed in none",
  }),
  profileId: SlugSchema.meta({ description: 'The profile whose dialogue cycle is counted' }),
  countsWithheld: z.boolean().meta({
    description: 'The unit has fewer than minGroupSize people: coverage is null',
  }),
  coverage: CoverageSchema.nullable(),
});
export type UnitSummary = z.infer<typeof UnitSummarySchema>;

/** GET /organisation/summary: the organisation's figures per unit, for the HR app role only. */
export const OrganisationSummaryResponseSchema = z.strictObject({
  year: z.int().meta({ description: 'The year whose held dialogues are counted' }),
  today: IsoDateSchema.meta({ description: 'The day a plan is counted as current on' }),
  minGroupSize: z.int().min(1).meta({ description: 'Units smaller than this get no counts' }),
  units: z.array(UnitSummarySchema),
});
export type OrganisationSummaryResponse = z.infer<typeof OrganisationSummaryResponseSchema>;

/** The schemas openapi.json carries under components.schemas, by the id they have there. */
export const contractRegistry = z.registry<{ id: string }>();
contractRegistry.add(ErrorBodySchema, { id: 'Error' });
contractRegistry.add(PersonSummarySchema, { id: 'PersonSummary' });
contractRegistry.add(ProfileSummarySchema, { id: 'ProfileSummary' });
contractRegistry.add(MeResponseSchema, { id: 'Me' });
contractRegistry.add(DemoPersonSchema, { id: 'DemoPerson' });
contractRegistry.add(DemoPeopleResponseSchema, { id: 'DemoPeople' });
contractRegistry.add(CycleEntrySchema, { id: 'CycleEntry' });
contractRegistry.add(PlanVersionSchema, { id: 'PlanVersion' });
contractRegistry.add(PlanHistoryResponseSchema, { id: 'PlanHistory' });
contractRegistry.add(PlanPageResponseSchema, { id: 'PlanPage' });
contractRegistry.add(ActivityStatusChangeSchema, { id: 'ActivityStatusChange' });
contractRegistry.add(ProposalAnswerSchema, { id: 'ProposalAnswer' });
contractRegistry.add(NewReflectionSchema, { id: 'NewReflection' });
contractRegistry.add(PlanResponseSchema, { id: 'PlanResponse' });
contractRegistry.add(ReflectionResponseSchema, { id: 'ReflectionResponse' });
contractRegistry.add(CoverageSchema, { id: 'Coverage' });
contractRegistry.add(TeamMemberSchema, { id: 'TeamMember' });
contractRegistry.add(TeamResponseSchema, { id: 'Team' });
contractRegistry.add(TeamPlanPageResponseSchema, { id: 'TeamPlanPage' });
contractRegistry.add(TeamPlanChangeSchema, { id: 'TeamPlanChange' });
contractRegistry.add(UnitSummarySchema, { id: 'UnitSummary' });
contractRegistry.add(OrganisationSummaryResponseSchema, { id: 'OrganisationSummary' });
