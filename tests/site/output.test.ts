// Output that never breaks: every page type validates, is accessible, works under a strict
// Content-Security-Policy, and runs nothing an editor smuggled into an article.
import { describe, expect, inject, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import AxeBuilder from '@axe-core/playwright';
import { servedSite } from '../helpers/served-site.ts';
import { page as readPage } from '../helpers/html.ts';
import { ROOT } from '../helpers/build-site.ts';

const dist = inject('fixtureDist');
/** One page of every type the site emits, with the template (under src/pages/) that renders it. */
const PAGES: [type: string, path: string, template: string][] = [
  ['home', '/', 'index.astro'],
  ['article', '/articles/2022-09-08-lianhu-yuju/', 'articles/[id].astro'],
  ['article (malicious)', '/articles/2022-11-01-lianhu-anquan/', 'articles/[id].astro'],
  ['streets', '/streets/', 'streets/index.astro'],
  ['street', '/streets/lianhu/', 'streets/[place]/[...page].astro'],
  ['district', '/streets/zhongyuan/', 'streets/[place]/[...page].astro'],
  ['city', '/streets/zhengzhou/', 'streets/[place]/[...page].astro'],
  ['stars', '/stars/', 'stars/index.astro'],
  ['star', '/stars/zhibu-guoying/', 'stars/[star]/[...page].astro'],
  ['reporters', '/reporters/', 'reporters/index.astro'],
  ['reporter', '/reporters/luyan/', 'reporters/[person]/[...page].astro'],
  ['redirect (former id)', '/reporters/wangyt/', 'reporters/[former].astro'],
  ['archive', '/archive/', 'archive/index.astro'],
  ['month', '/archive/2022/09/', 'archive/[year]/[...month].astro'],
  ['year', '/archive/2022/', 'archive/[year]/index.astro'],
  ['all articles', '/articles/', 'articles/[...page].astro'],
  ['bulletins', '/bulletins/', 'bulletins/index.astro'],
  ['bulletin', '/bulletins/2022-09-30-fixture-zhuanban/', 'bulletins/[id].astro'],
  ['briefing', '/bulletins/2023-q1-zhongyuan-jianbao/', 'bulletins/[id].astro'],
  ['search', '/search/', 'search.astro'],
  ['not found', '/404.html', '404.astro'],
];
const PAGE_TYPES = Object.fromEntries(PAGES.map(([type, path]) => [type, path]));
/** axe checks the markup a template writes: the first page of each template is enough. */
const AXE_PAGES = new Set(PAGES.filter(([, , t], i) => PAGES.findIndex((p) => p[2] === t) === i).map(([type]) => type));

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

  it('checks every template of src/pages with axe', () => {
    const templates = readdirSync(join(ROOT, 'src/pages'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.astro'));
    expect([...new Set(PAGES.map(([, , t]) => t))].sort()).toEqual(templates.map((f) => f.split('\\').join('/')).sort());
  });

  for (const [type, path] of Object.entries(PAGE_TYPES)) {
    const axe = AXE_PAGES.has(type);
    it(`the ${type} page breaks no CSP rule${axe ? ' and has no serious accessibility violation' : ''}`, async () => {
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
      if (axe) {
        const report = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).analyze();
        const serious = report.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        expect(serious).toEqual([]);
      }
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
