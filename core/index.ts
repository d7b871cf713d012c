/**
 * The pure domain shared by the service and the tab: no I/O, only zod. Import from here,
 * not from the files behind it.
 */
export {
  EntityIdSchema,
  IsoDateSchema,
  IsoDateTimeSchema,
  SlugSchema,
  boundedText,
  localizedText,
  type EntityId,
  type IsoDate,
  type IsoDateTime,
  type LocalizedText,
  type Slug,
} from './shared/schemas';

export {
  DEFAULT_REFLECTION_PROMPTS,
  PEDAGOGICAL_PRINCIPLES,
  PRINCIPLE_IDS,
  PROMPT_CONTEXTS,
  PedagogicalPrincipleSchema,
  PrincipleIdSchema,
  PromptContextSchema,
  ReflectionPromptSchema,
  findPromptCoverageGaps,
  getPrinciple,
  mergePrompts,
  type PedagogicalPrinciple,
  type PrincipleId,
  type PromptContext,
  type ReflectionPrompt,
} from './principles/principles';
export { pickPrompt } from './principles/pickPrompt';

export {
  CatalogueItemSchema,
  CatalogueSchema,
  DialogueTypeSchema,
  ErasurePolicySchema,
  RetentionPolicySchema,
  FormOfLearningSchema,
  FrameworkAgreementSchema,
  FrameworkAreaSchema,
  LEARNING_FORM_KINDS,
  LearningFormKindSchema,
  OFFER_FORMATS,
  OfferFormatSchema,
  OrganisationProfileSchema,
  PriorityAreaSchema,
  PriorityAreasSchema,
  ProvenanceSchema,
  ReflectionPromptSettingsSchema,
  ReminderPolicySchema,
  WordingSchema,
  defaultReminderPolicy,
  promptsOf,
  type Catalogue,
  type CatalogueItem,
  type DialogueType,
  type ErasurePolicy,
  type RetentionPolicy,
  type FormOfLearning,
  type FrameworkAgreement,
  type FrameworkArea,
  type LearningFormKind,
  type OfferFormat,
  type OrganisationProfile,
  type PriorityArea,
  type PriorityAreas,
  type Provenance,
  type ReflectionPromptSettings,
  type ReminderPolicy,
  type Wording,
} from './profiles/profileSchema';
export {
  ProfileValidationError,
  UnknownProfileError,
  createProfileRegistry,
  getProfile,
  listProfiles,
  parseProfile,
  type ProfileRegistry,
} from './profiles/profiles';

export { PLAN_LIMITS } from './plan/limits';
export {
  ActivityResponsibleSchema,
  ActivitySchema,
  ActivityStatusSchema,
  GoalSchema,
  IndividualPlanSchema,
  PlanStatusSchema,
  type Activity,
  type ActivityResponsible,
  type ActivityStatus,
  type Goal,
  type IndividualPlan,
  type PlanStatus,
} from './plan/individualPlan';
export {
  CompetencePrioritySchema,
  NeededCompetenceSchema,
  TeamPlanSchema,
  UnitGoalSchema,
  type CompetencePriority,
  type NeededCompetence,
  type TeamPlan,
  type UnitGoal,
} from './plan/teamPlan';
export {
  ReflectionSchema,
  VisibilitySchema,
  type Reflection,
  type Visibility,
} from './plan/reflection';
export {
  DialoguePreparationSchema,
  DialogueSchema,
  DialogueStatusSchema,
  PreparationAnswerSchema,
  type Dialogue,
  type DialoguePreparation,
  type DialogueStatus,
  type PreparationAnswer,
} from './plan/dialogue';
export { PLAN_VALIDITY_MONTHS, isPlanCurrent } from './plan/isPlanCurrent';
export {
  findDialogueReferenceProblems,
  findPlanReferenceProblems,
  findTeamPlanReferenceProblems,
} from './plan/profileReferences';
