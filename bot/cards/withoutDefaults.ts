import type { AdaptiveCard } from '@microsoft/teams.cards';

/**
 * Properties the card builders write out even when they hold the schema's default. A host
 * applies the default anyway, so leaving them out changes nothing on screen; it only makes
 * a long card (a team of 30) small enough for one Teams message (about 28 KB).
 */
const DEFAULTS: Readonly<Record<string, unknown>> = {
  isVisible: true,
  separator: false,
  height: 'auto',
  spacing: 'Default',
  isSortKey: false,
  showBorder: false,
  roundedCorners: false,
  bleed: false,
  mode: 'primary',
  isEnabled: true,
  conditionallyEnabled: false,
};

/**
 * The card with every default-valued property (and every empty `requires`) left out. A plain
 * copy, not the builders' objects with properties deleted: V8 serialises objects that never
 * lost a property several times faster, and every card is serialised once per turn.
 */
export function withoutDefaults(card: AdaptiveCard): AdaptiveCard {
  return pruned(card) as AdaptiveCard;
}

function pruned(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(pruned);
  if (node === null || typeof node !== 'object') return node;
  const record = node as Record<string, unknown>;
  const action = isAction(record);
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (value === undefined || isDefault(key, value, action)) continue;
    copy[key] = pruned(value);
  }
  return copy;
}

function isDefault(key: string, value: unknown, action: boolean): boolean {
  return (
    (DEFAULTS[key] === value && Object.hasOwn(DEFAULTS, key)) ||
    (key === 'requires' && isEmptyObject(value)) ||
    (key === 'style' && value === 'default' && action)
  );
}

const isEmptyObject = (value: unknown) =>
  !!value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0;

const isAction = (record: Record<string, unknown>) =>
  typeof record.type === 'string' && record.type.startsWith('Action.');
