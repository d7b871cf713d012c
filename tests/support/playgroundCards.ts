import type { Locator } from 'playwright-core';

/** Finding things on an Adaptive Card as the Agents Playground draws it. */

export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An input's name: its label, then whatever the renderer adds (a required mark, an error). */
export const startsWith = (label: string): RegExp => new RegExp(`^${escapeRegExp(label)}`);

/** The card's text with its whitespace collapsed: a fact reads "title value". */
export const shownText = async (card: Locator): Promise<string> =>
  (await card.innerText()).replace(/\s+/g, ' ');

export const button = (card: Locator, title: string): Locator =>
  card.getByRole('button', { name: title, exact: true });

/** One person's block in "mitt team": their name, their facts and their one button. */
export const memberBlock = (card: Locator, name: string): Locator =>
  card.getByText(name, { exact: true }).locator('xpath=ancestor::div[.//button][1]');
