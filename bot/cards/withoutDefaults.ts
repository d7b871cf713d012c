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

/** The card with every default-valued property (and every empty `requires`) left out. */
export function withoutDefaults(card: AdaptiveCard): AdaptiveCard {
  prune(card);
  return card;
}

function prune(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(prune);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) {
    const isDefault =
      (key in DEFAULTS && DEFAULTS[key] === value) ||
      (key === 'requires' && isEmptyObject(value)) ||
      (key === 'style' && value === 'default' && isAction(record));
    if (isDefault) Reflect.deleteProperty(record, key);
    else prune(value);
  }
}

const isEmptyObject = (value: unknown) =>
  !!value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0;

const isAction = (record: Record<string, unknown>) =>
  typeof record.type === 'string' && record.type.startsWith('Action.');
