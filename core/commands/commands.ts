import { messages, SUPPORTED_LANGUAGES } from '../i18n/i18n';

/** What a person can ask the bot for in plain text. */
export const COMMAND_IDS = [
  'help',
  'prepare',
  'myPlan',
  'myTeam',
  'teamPlan',
  'reminders',
  'eraseMyData',
  'cancel',
] as const;
export type CommandId = (typeof COMMAND_IDS)[number];

/**
 * Lower case, no mention markup, no punctuation, single spaces. An utterance that is only
 * punctuation (a lone "?") is kept as it is, so it can still mean something.
 */
export function normaliseUtterance(text: string): string {
  const withoutMentions = text
    .replace(/<at>.*?<\/at>/gi, ' ')
    .toLowerCase()
    .normalize('NFC');
  const words = withoutMentions
    .replace(/[!?.,;:"'()[\]]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return words || withoutMentions.trim();
}

/**
 * Phrases come from every language's locale file, so a Swedish user who types
 * "help" is understood too. Built once: the locale files do not change at run time.
 */
const phraseToCommand: ReadonlyMap<string, CommandId> = (() => {
  const map = new Map<string, CommandId>();
  for (const language of SUPPORTED_LANGUAGES) {
    const commands = messages(language).commands;
    for (const id of COMMAND_IDS) {
      for (const phrase of commands[id].phrases) {
        const key = normaliseUtterance(phrase);
        const existing = map.get(key);
        if (existing && existing !== id) {
          throw new Error(`The phrase "${phrase}" means both ${existing} and ${id}`);
        }
        map.set(key, id);
      }
    }
  }
  return map;
})();

/**
 * Whole-phrase matching on purpose: "jag vill inte ha någon plan" must not open the plan.
 * Anything else is an honest "I did not understand" with suggestions.
 */
export function recogniseCommand(text: string | undefined | null): CommandId | undefined {
  if (!text) return undefined;
  return phraseToCommand.get(normaliseUtterance(text));
}
