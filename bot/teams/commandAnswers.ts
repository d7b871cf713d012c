import type { AdaptiveCard } from '@microsoft/teams.cards';
import type { CommandId } from '../../core/commands/commands';
import type { Language } from '../../core/i18n/i18n';
import { helpCard } from '../cards/helpCard';
import { notYetAvailableCard } from '../cards/notYetAvailableCard';
import type { ConversationScope } from '../cards/welcomeCard';

/** The order commands are listed in help, and which of them work in this version. */
export const COMMAND_MENU: ReadonlyArray<{ id: CommandId; available: boolean }> = [
  { id: 'help', available: true },
  { id: 'prepare', available: true },
  { id: 'myPlan', available: true },
  { id: 'myTeam', available: true },
  { id: 'teamPlan', available: true },
  { id: 'reminders', available: true },
  { id: 'eraseMyData', available: true },
  { id: 'cancel', available: true },
];

/** Teams renders at most five buttons on a card; the commands listed first are offered. */
const MAX_SUGGESTIONS = 5;

export const AVAILABLE_SUGGESTIONS = COMMAND_MENU.flatMap(({ id, available }) =>
  available && id !== 'cancel' ? [id] : [],
).slice(0, MAX_SUGGESTIONS);

export interface CommandContext {
  language: Language;
  scope: ConversationScope;
}

/**
 * What a command answers with, as a card. `cancel` is handled by the dialogue layer, and the
 * personal commands (prepare, myPlan, myTeam, teamPlan, reminders) by the flows that read
 * people's data.
 */
export function answerCommand(
  command: Exclude<CommandId, 'cancel'>,
  context: CommandContext,
): AdaptiveCard {
  if (command === 'help') {
    return helpCard({ language: context.language, scope: context.scope, commands: COMMAND_MENU });
  }
  return notYetAvailableCard({ language: context.language, command });
}
