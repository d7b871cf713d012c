import { RichTextBlock, TextRun, type TextRunOptions } from '@microsoft/teams.cards';

/*
 * Text people wrote (answers, a manager's unit goals) must reach a card as written and never
 * as markup: "[klicka här](https://…)" must not become a link, "**" must not become bold.
 */

/**
 * A TextRun is plain text by the Adaptive Cards schema (TextBlock is markdown), so it needs
 * no escaping — and shows no backslashes on the Teams clients that print them literally.
 * `{{DATE(…)}}` is the one function a renderer applies to any text; a zero-width space after
 * the braces keeps it from being one.
 */
export function userTextBlock(text: string, options: TextRunOptions = {}): RichTextBlock {
  return new RichTextBlock({ inlines: [new TextRun(neutraliseTextFunctions(text), options)] });
}

function neutraliseTextFunctions(text: string): string {
  return text.replace(/\{\{/g, '{\u200B{');
}

/**
 * For the places a card has no plain-text element (a choice's title, which hosts may render
 * as markdown): the characters that make emphasis, links, code and HTML backslash-escaped, as
 * CommonMark allows for any ASCII punctuation, and list, heading and quote markers at a line
 * start escaped too.
 */
export function escapeMarkdown(text: string): string {
  return neutraliseTextFunctions(text)
    .replace(/[\\`*_[\]<>~]/g, '\\$&')
    .replace(/^(\s*)([-+#>=])/gm, '$1\\$2')
    .replace(/^(\s*\d+)\./gm, '$1\\.');
}
