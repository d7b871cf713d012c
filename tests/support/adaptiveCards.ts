// The package's main entry needs a DOM at load time on Node 20; its UMD build does not.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof import('adaptivecards');

/**
 * Parses a card the way an Adaptive Cards 1.5 host does and returns every complaint:
 * unknown elements or actions, properties newer than 1.5, missing ids, duplicate ids.
 * An empty list means Teams will render the card as authored.
 */
export function adaptiveCardProblems(card: unknown): string[] {
  const json = JSON.parse(JSON.stringify(card)) as { version?: string; type?: string };
  const problems: string[] = [];
  if (json.type !== 'AdaptiveCard') problems.push(`type is ${String(json.type)}`);
  if (json.version !== '1.5') problems.push(`version is ${String(json.version)}, not 1.5`);

  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(json, context);
  for (let i = 0; i < context.eventCount; i++) {
    problems.push(context.getEventAt(i).message);
  }
  for (const event of parsed.validateProperties().validationEvents) {
    problems.push(event.message);
  }
  return problems;
}

/** Every text a card shows, flattened, for assertions on what a person reads. */
export function cardTexts(card: unknown): string[] {
  const texts: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
    } else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      for (const key of ['text', 'title', 'label', 'placeholder']) {
        if (typeof record[key] === 'string') texts.push(record[key] as string);
      }
      // A fact shows its value; a choice's or an input's value is data, not a text.
      if (record.type === 'FactSet' && Array.isArray(record.facts)) {
        for (const fact of record.facts as { value?: unknown }[]) {
          if (typeof fact.value === 'string') texts.push(fact.value);
        }
      }
      Object.values(record).forEach(visit);
    }
  };
  visit(JSON.parse(JSON.stringify(card)));
  return texts;
}
