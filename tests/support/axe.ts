import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/**
 * Fluent UI's focus manager (tabster) puts `<i data-tabster-dummy aria-hidden tabindex=0>`
 * around dialogs and focus groups on purpose: they pass focus on at once, and screen readers
 * must not announce them. axe reports them as aria-hidden-focus; Microsoft's own
 * Accessibility Insights drops exactly these (accessibility-insights-web#7605), and so do we.
 * Any other node of that rule still counts.
 */
function isTabsterDummy(ruleId: string, html: string): boolean {
  return ruleId === 'aria-hidden-focus' && html.includes('data-tabster-dummy');
}

/** Serious and critical axe findings on the page (WCAG 2.x A/AA and best practice). */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  if (results.passes.length === 0) throw new Error('axe checked nothing on the page');
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ ...v, nodes: v.nodes.filter((n) => !isTabsterDummy(v.id, n.html)) }))
    .filter((v) => v.nodes.length > 0)
    .map((v) => `${v.id} (${v.impact}): ${v.help} – ${v.nodes.map((n) => n.target).join(', ')}`);
}
