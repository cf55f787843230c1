// The fixture site as a reader sees it in Chromium: headlines never leave one character alone on
// their last line (360, 768 and 1280 px), the 大字版 doubles the text in high contrast without a
// script and is reachable from the keyboard, and axe finds nothing, of any impact, on any template
// in the light and dark colour schemes, with and without the 大字版.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, injectAxe } from '../helpers/axe.ts';
import { ROOT } from '../helpers/build-site.ts';
import { htmlFiles } from '../helpers/html.ts';
import { servedSite } from '../helpers/served-site.ts';
import { PAGE, SITE_PAGES } from '../helpers/site-pages.ts';

const dist = inject('fixtureDist');

/** The pages with the site's layout, and the article page by itself. */
const TEMPLATES = Object.fromEntries(SITE_PAGES.filter((p) => !p.stub).map((p) => [p.name, p.path]));
const ARTICLE = PAGE.article;

/** Headlines: every page's h1, list and section headlines, the lead story and prev/next titles. */
const HEADLINES = 'h1, h2, h3, h4';

/**
 * For each headline, its lines of letters and digits (a count beside a headline, .count, is not
 * part of it). Lines are told apart by the vertical position of each character's box.
 */
async function headlineLines(page: Page): Promise<{ text: string; lines: string[] }[]> {
  return page.evaluate((selector) => {
    const out: { text: string; lines: string[] }[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      if (el.closest('.visually-hidden') || el.offsetParent === null) continue;
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT, { acceptNode: (n) => (n.parentElement?.closest('.count') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT) });
      const rows = new Map<number, string>();
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        let offset = 0;
        for (const ch of text) {
          const range = document.createRange();
          range.setStart(node, offset);
          range.setEnd(node, offset + ch.length);
          offset += ch.length;
          if (!/[\p{L}\p{N}]/u.test(ch)) continue;
          const rect = range.getClientRects()[0];
          if (!rect) continue;
          const top = Math.round(rect.top + rect.height / 2);
          const row = [...rows.keys()].find((t) => Math.abs(t - top) < rect.height / 2) ?? top;
          rows.set(row, (rows.get(row) ?? '') + ch);
        }
      }
      const lines = [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, s]) => s);
      if (lines.length) out.push({ text: el.textContent!.trim(), lines });
    }
    return out;
  }, HEADLINES);
}

describe('in Chromium', () => {
  const site = servedSite(dist);

  // Every page but the stubs at people's former addresses, which only send the reader on (meta refresh).
  const pages = htmlFiles(dist)
    .filter((f) => !f.startsWith('pagefind/') && !readFileSync(join(dist, f), 'utf8').includes('<meta http-equiv="refresh"'))
    .map((f) => `/${f.replace(/index\.html$/, '')}`);
  // Each page is loaded once and measured at the three widths (a resize lays the page out anew, as a
  // load at that width would), the pages shared between two tabs; each width's test reads its part.
  const WIDTHS = [360, 768, 1280] as const;
  let measuring: Promise<Map<number, { path: string; lines: string[] }[]>> | undefined;
  const measureAll = () =>
    (measuring ??= (async () => {
      const found = new Map<number, { path: string; lines: string[] }[]>(WIDTHS.map((w) => [w, []]));
      const context = await site.browser.newContext({ viewport: { width: WIDTHS[0], height: 900 } });
      const queue = [...pages];
      await Promise.all(
        [0, 1].map(async () => {
          const page = await context.newPage();
          for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
            await page.goto(site.url + path);
            for (const width of WIDTHS) {
              await page.setViewportSize({ width, height: 900 });
              for (const h of await headlineLines(page)) found.get(width)!.push({ path, lines: h.lines });
            }
          }
        }),
      );
      await context.close();
      return found;
    })());
  for (const width of WIDTHS) {
    it.concurrent(`leaves no headline with a single character on its last line at ${width} px`, async ({ expect }) => {
      expect(pages.length).toBeGreaterThan(40);
      const measured = (await measureAll()).get(width)!;
      const lonely = measured.filter((h) => h.lines.length > 1 && [...h.lines.at(-1)!].length === 1).map((h) => `${width}px ${h.path}: ${h.lines.join(' / ')}`);
      expect(measured.length).toBeGreaterThan(150);
      expect(lonely).toEqual([]);
    });
  }

  it('has a 大字版 switch, reached from the keyboard, that doubles the text in high contrast without a script', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.url + ARTICLE);
    const size = () => page.evaluate(() => [parseFloat(getComputedStyle(document.body).fontSize), parseFloat(getComputedStyle(document.querySelector('.prose p')!).fontSize)]);
    const [body, prose] = await size();
    // Tab from the top of the page until the switch has the focus, then press Space.
    let focused = '';
    for (let i = 0; i < 30 && focused !== 'large-text'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.id ?? '');
    }
    expect(focused).toBe('large-text');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).labels?.[0]?.textContent)).toBe('大字版');
    await page.keyboard.press('Space');
    const [largeBody, largeProse] = await size();
    expect(largeBody).toBe(body * 2);
    expect(largeProse).toBe(prose * 2);
    // High contrast: black on white (the axe runs below check every text against ≥ 4.5:1).
    expect(await page.evaluate(() => { const s = getComputedStyle(document.body); return [s.color, s.backgroundColor]; })).toEqual(['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
    await context.close();
  });

  it('fits a 360 px phone without sideways scrolling on every template, in the 大字版 too', async () => {
    const context = await site.browser.newContext({ viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    const wide: string[] = [];
    for (const [name, path] of Object.entries(TEMPLATES)) {
      await page.goto(site.url + path);
      for (const large of [false, true]) {
        if (large) await page.check('#large-text', { force: true });
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > 360) wide.push(`${name}${large ? ' (大字版)' : ''}: ${width}px`);
      }
    }
    expect(wide).toEqual([]);
    await context.close();
  });

  it('gives a reader who asks for more contrast black on white (white on black in the dark) at the normal size', async () => {
    for (const [scheme, ink, paper] of [['light', 'rgb(0, 0, 0)', 'rgb(255, 255, 255)'], ['dark', 'rgb(255, 255, 255)', 'rgb(0, 0, 0)']] as const) {
      const context = await site.browser.newContext({ colorScheme: scheme, contrast: 'more' });
      const page = await context.newPage();
      await page.goto(site.url + ARTICLE);
      expect(await page.evaluate(() => { const s = getComputedStyle(document.body); return [s.color, s.backgroundColor, s.fontSize]; })).toEqual([ink, paper, '16px']);
      await context.close();
    }
  });

  it('prints a story with the site\'s name and the page\'s address', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    await page.goto(site.url + ARTICLE);
    const dir = mkdtempSync(join(tmpdir(), 'jiexun-print-'));
    try {
      writeFileSync(join(dir, 'a.pdf'), await page.pdf({ format: 'A4' }));
      const text = spawnSync('pdftotext', ['-layout', join(dir, 'a.pdf'), '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
      expect(text).toContain('豫剧进社区');
      expect(text).toContain('来源：街讯https://jiexun.example.cn/articles/2022-09-08-lianhu-yuju/');
      expect(text).not.toContain('大字版');
      expect(text).not.toContain('当前位置');
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await context.close();
    }
  });

  it('checks every template of src/pages with axe', () => {
    const templates = readdirSync(join(ROOT, 'src/pages'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.astro'));
    expect([...new Set(SITE_PAGES.map((p) => p.template))].sort()).toEqual(templates.map((f) => f.split('\\').join('/')).sort());
  });

  // One test per template, several at once on two tabs of one context, each tab reused from test to
  // test: a new context is a new renderer process, which loads the CJK faces anew (about half of what
  // these tests cost with one context each). Each test starts its tab afresh: a new load of its page
  // (the 大字版 switch is off again), the light scheme, no routes. The page is loaded once; axe runs on
  // it in every mode the reader can choose: light and dark, each with and without the 大字版.
  let tabs: Promise<Page[]> | undefined;
  const free: Page[] = [];
  const waiting: ((page: Page) => void)[] = [];
  const takeTab = async (): Promise<Page> => {
    tabs ??= site.browser.newContext({ viewport: { width: 1280, height: 900 } }).then((context) => Promise.all([context.newPage(), context.newPage()])).then((pages) => (free.push(...pages), pages));
    await tabs;
    return free.pop() ?? new Promise((resolve) => waiting.push(resolve));
  };
  const giveBack = (page: Page) => {
    const next = waiting.shift();
    if (next) next(page);
    else free.push(page);
  };
  for (const { name, path, stub } of SITE_PAGES) {
    it.concurrent(`axe reports nothing on the ${name} page${stub ? '' : ', light and dark, with and without the 大字版'}`, async ({ expect }) => {
      const page = await takeTab();
      try {
        await page.emulateMedia({ colorScheme: 'light' });
        // The stub's meta refresh would take the reader on at once: answered 204 No Content, the
        // navigation leaves the stub in place for axe to check its own markup.
        if (stub) await page.route('**/*', (r) => (r.request().isNavigationRequest() && r.request().url() !== site.url + path ? r.fulfill({ status: 204 }) : r.continue()));
        await page.goto(site.url + path);
        if (path === '/search/') await page.waitForLoadState('networkidle');
        await injectAxe(page);
        const found: string[] = [];
        const looks = new Set<string>();
        for (const large of stub ? [false] : [false, true]) {
          if (large) await page.check('#large-text', { force: true });
          for (const colorScheme of ['light', 'dark'] as const) {
            await page.emulateMedia({ colorScheme });
            looks.add(await page.evaluate(() => { const s = getComputedStyle(document.body); return `${s.color} ${s.backgroundColor} ${s.fontSize}`; }));
            // In the 大字版 all text is large, so AAA's enhanced contrast rule asks exactly for ≥ 4.5:1,
            // where AA's asks for 3:1 of the same texts: the enhanced rule runs in its place.
            const violations = await axeViolations(page, large ? { rules: { 'color-contrast-enhanced': { enabled: true }, 'color-contrast': { enabled: false } } } : {});
            found.push(...violations.map((v) => `${colorScheme}${large ? ', 大字版' : ''}: ${v}`));
          }
        }
        expect(page.url()).toBe(site.url + path);
        // Each mode was in effect when axe ran: four looks (the stub has no stylesheet: one).
        expect(looks.size).toBe(stub ? 1 : 4);
        expect(found).toEqual([]);
      } finally {
        if (stub) await page.unrouteAll({ behavior: 'wait' });
        giveBack(page);
      }
    });
  }
});
