// Output that never breaks: every page type validates, works under a strict Content-Security-Policy,
// and runs nothing an editor smuggled into an article. (axe checks every template, in every mode a
// reader can choose: tests/site/reader-browser.test.ts.)
import { describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { servedSite } from '../helpers/served-site.ts';
import { page as readPage } from '../helpers/html.ts';
import { ROOT } from '../helpers/build-site.ts';
import { SITE_PAGES } from '../helpers/site-pages.ts';

const dist = inject('fixtureDist');
/** One page of every template, and the fixture's article with a script, handlers and javascript: links in its Markdown. */
const PAGE_TYPES: Record<string, string> = {
  ...Object.fromEntries(SITE_PAGES.map((p) => [p.name, p.path])),
  'article (malicious)': '/articles/2022-11-01-lianhu-anquan/',
};

// The policy docs/deploy.md recommends; 'wasm-unsafe-eval' is for Pagefind's WebAssembly.
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

describe('html-validate', () => {
  const validator = new HtmlValidate(JSON.parse(readFileSync(join(ROOT, '.htmlvalidate.json'), 'utf8')));
  for (const [type, path] of Object.entries(PAGE_TYPES)) {
    it(`passes on the ${type} page`, async () => {
      const report = await validator.validateString(readPage(dist, path), path);
      const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`));
      expect(messages).toEqual([]);
    });
  }
});

describe('in the browser', () => {
  const site = servedSite(dist, { 'Content-Security-Policy': CSP });

  // Several pages at once, each in its own context: most of each test is waiting for the network to idle.
  for (const [type, path] of Object.entries(PAGE_TYPES)) {
    it.concurrent(`the ${type} page breaks no CSP rule`, async ({ expect }) => {
      const context = await site.browser.newContext();
      const page = await context.newPage();
      const violations: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
      });
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          (window as unknown as { __csp: string[] }).__csp ??= [];
          (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
        });
      });
      await page.goto(site.url + path);
      await page.waitForLoadState('networkidle');
      const csp = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
      expect([...violations, ...csp]).toEqual([]);
      await context.close();
    });
  }

  it('runs nothing from a malicious article: scripts, handlers, javascript: links', async () => {
    const page = await site.browser.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(site.url + PAGE_TYPES['article (malicious)']);
    await page.waitForLoadState('networkidle');
    // Click everything clickable in the body: a surviving handler or javascript: URL would fire.
    for (const el of await page.locator('.prose a, .prose p, .prose img').all()) await el.click({ trial: false, force: true, noWaitAfter: true }).catch(() => {});
    expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    // The editor's text is shown as text, not markup.
    await expect(page.locator('h1').textContent()).resolves.toBe("社区安全宣传<script>window.__xss='title'</script>进万家");
    expect(await page.locator('.prose iframe, .prose script, [onerror], [onclick], [style]').count()).toBe(0);
    await page.close();
  });
});
