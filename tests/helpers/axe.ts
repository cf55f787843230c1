// axe-core run through its own API inside a loaded page: injected once, then run as often as the
// page changes (colour scheme, 大字版). @axe-core/playwright injects axe anew and opens a blank page
// for every run, which cost about a second a run; the rules and their results are the same.
import axe from 'axe-core';
import type { Page } from 'playwright-core';

/** Makes `window.axe` available in the page's current document (again after a navigation). */
export async function injectAxe(page: Page): Promise<void> {
  await page.evaluate(axe.source);
}

/**
 * axe's violations on the page as it is now, one line each: rule, impact and up to three of the
 * elements. Every rule axe runs by default, plus those `options` turn on. The page holds no frames
 * (axe.run would check same-origin frames only if axe were injected there too).
 */
export async function axeViolations(page: Page, options: axe.RunOptions = {}): Promise<string[]> {
  if (page.frames().length > 1) throw new Error(`${page.url()} holds frames: inject axe into them too`);
  return page.evaluate(async (options) => {
    const { violations } = await (window as unknown as { axe: typeof axe }).axe.run(document, { ...options, resultTypes: ['violations'] });
    return violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  }, options);
}
