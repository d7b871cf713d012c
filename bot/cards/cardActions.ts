import { ExecuteAction, SubmitAction } from '@microsoft/teams.cards';
import { z } from 'zod';
import { COMMAND_IDS } from '../../core/commands/commands';

/**
 * Every verb a card button can send, one schema each. The router validates the payload
 * with these before any handler sees it, so a forged or stale card cannot reach the domain.
 */
export const CardActionSchema = z.discriminatedUnion('verb', [
  // Cancel belongs to the dialogue it stops; a card offers it with that dialogue's own verb.
  z.object({ verb: z.literal('runCommand'), command: z.enum(COMMAND_IDS).exclude(['cancel']) }),
]);
export type CardAction = z.infer<typeof CardActionSchema>;
export type CardVerb = CardAction['verb'];

/**
 * A button that sends `action` as a Universal Action (Action.Execute, card updated in place),
 * with Action.Submit as the fallback for hosts without Universal Actions.
 */
export function cardButton(title: string, action: CardAction): ExecuteAction {
  return new ExecuteAction({ title, verb: action.verb, data: { ...action } }).withFallback(
    new SubmitAction({ title, data: { ...action } }),
  );
}
