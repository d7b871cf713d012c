import { ExecuteAction, SubmitAction } from '@microsoft/teams.cards';
import { z } from 'zod';
import { COMMAND_IDS } from '../../core/commands/commands';
import { EntityIdSchema } from '../../core/shared/schemas';
import { PLAN_ACTIONS } from './plan/planActions';
import { PRIVACY_ACTIONS } from './privacy/privacyActions';
import { REMINDERS_ACTIONS } from './reminders/remindersActions';
import { TEAM_ACTIONS } from './team/teamActions';
import { TEAM_PLAN_ACTIONS } from './teamPlan/teamPlanActions';

/** Every card of a preparation names its draft and the revision it was drawn at. */
const draftAt = { draftId: EntityIdSchema, revision: z.int().min(1) };

/**
 * Every verb a card button can send, one schema each. The router validates the payload
 * with these before any handler sees it, so a forged or stale card cannot reach the domain.
 * The two verbs that carry the card's inputs are loose: the inputs arrive beside the data,
 * keyed by question id, and core reads only the ids of the current step.
 */
export const CardActionSchema = z.discriminatedUnion('verb', [
  // Cancel belongs to the dialogue it stops; a card offers it with that dialogue's own verb.
  z.object({ verb: z.literal('runCommand'), command: z.enum(COMMAND_IDS).exclude(['cancel']) }),
  z.object({ verb: z.literal('preparation.continue'), draftId: EntityIdSchema }),
  z.object({ verb: z.literal('preparation.restart'), ...draftAt }),
  z.looseObject({ verb: z.literal('preparation.submitStep'), ...draftAt }),
  z.looseObject({ verb: z.literal('preparation.back'), ...draftAt }),
  z.object({ verb: z.literal('preparation.skip'), ...draftAt }),
  z.looseObject({ verb: z.literal('preparation.saveForLater'), ...draftAt }),
  z.object({ verb: z.literal('preparation.cancel'), ...draftAt }),
  z.object({ verb: z.literal('preparation.confirmCancel'), ...draftAt }),
  z.looseObject({ verb: z.literal('preparation.send'), ...draftAt }),
  ...TEAM_ACTIONS,
  ...PLAN_ACTIONS,
  ...TEAM_PLAN_ACTIONS,
  ...REMINDERS_ACTIONS,
  ...PRIVACY_ACTIONS,
]);
export type CardAction = z.infer<typeof CardActionSchema>;
export type CardVerb = CardAction['verb'];
export type PreparationAction = Extract<CardAction, { verb: `preparation.${string}` }>;
export type TeamAction = Extract<CardAction, { verb: `team.${string}` }>;
export type PlanAction = Extract<CardAction, { verb: `plan.${string}` }>;
export type TeamPlanAction = Extract<CardAction, { verb: `teamPlan.${string}` }>;
export type RemindersAction = Extract<CardAction, { verb: `reminders.${string}` }>;
export type PrivacyAction = Extract<CardAction, { verb: `privacy.${string}` }>;

export interface CardButtonOptions {
  /**
   * Whether the card's inputs go with the click (and are validated by the client first).
   * Buttons that leave the step (back, skip, later, cancel) send none: a required field
   * left empty must not keep anyone from going back.
   */
  sendsInputs?: boolean;
  style?: 'positive' | 'destructive';
}

/**
 * A button that sends `action` as a Universal Action (Action.Execute, card updated in place),
 * with Action.Submit as the fallback for hosts without Universal Actions.
 */
export function cardButton(
  title: string,
  action: CardAction,
  options: CardButtonOptions = {},
): ExecuteAction {
  const common = {
    title,
    data: { ...action },
    ...(options.sendsInputs === false ? { associatedInputs: 'none' as const } : {}),
    ...(options.style ? { style: options.style } : {}),
  };
  return new ExecuteAction({ ...common, verb: action.verb }).withFallback(new SubmitAction(common));
}
