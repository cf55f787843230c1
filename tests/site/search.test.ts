// The search page in a real browser against the built fixture site (tests/fixtures/site): exact
// Chinese matching, facets, URL state and history, keyboard use, safety, and that no other page
// carries search code.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { axeViolations, injectAxe } from '../helpers/axe.ts';
import { servedSite } from '../helpers/served-site.ts';
import { serveStatic } from '../../scripts/server/static-server.ts';
import { executableScripts, htmlFiles, page as readPage } from '../helpers/html.ts';
import { allIds, openSearch, searchFor, settled, shownIds, statusText } from '../fixtures/search/search-page.ts';
import { readCatalogFile } from '../../src/search/shared/catalog-file.ts';

const dist = inject('fixtureDist');
const site = servedSite(dist);
let page: Page;

let context: BrowserContext | undefined;

/** A new tab in one browser context for the file (Pagefind's files come from its cache after the first test). */
async function fresh(): Promise<Page> {
  await page?.close();
  context ??= await site.browser.newContext();
  page = await context.newPage();
  return page;
}

const LIANHU = ['2022-09-08-lianhu-yuju', '2022-09-20-lianhu-yilao', '2022-11-01-lianhu-anquan'];
const sorted = (ids: string[]) => [...ids].sort();

describe('exact Chinese search', () => {
  const cases: [string, string[]][] = [
    // In the byline of every article by 鲁燕 (the XSS fixture's odd reporter name starts with it); 路艳 is someone else.
    ['鲁燕', ['2021-12-30-wulibao-wangge', ...LIANHU]],
    ['莲湖街道', LIANHU],
    // The alias: every 莲湖街道 article.
    ['莲湖', LIANHU],
    // 五里堡's 网格员 is not 网格化.
    ['网格化', ['2022-09-08-lianhu-yuju']],
    // Star badges are part of the headline block.
    ['支部过硬星', ['2022-09-08-lianhu-yuju', '2023-01-10-zhongyuan-quanqu-tuijin']],
    // A hard-wrapped "豫\n剧" in the Markdown reads (and is found) as 豫剧.
    ['豫剧', ['2022-09-08-lianhu-yuju']],
    ['H2O', ['2022-11-01-lianhu-anquan']],
    ['莲湖 网格化', ['2022-09-08-lianhu-yuju']],
    // Both words must appear: 杜挺勇's 河阳 article is not in 中原区.
    ['杜挺勇 中原区', ['2023-01-10-zhongyuan-quanqu-tuijin']],
  ];
  it.each(cases)('%s finds exactly the articles containing it', async (q, expected) => {
    const p = await fresh();
    await openSearch(p, site.url, `?q=${encodeURIComponent(q)}`);
    expect(sorted(await allIds(p))).toEqual(sorted(expected));
    expect(await statusText(p)).toContain(`找到 ${expected.length} 篇`);
  });

  it('燕鲁 (the name reversed) finds nothing and says so', async () => {
    const p = await fresh();
    await openSearch(p, site.url, '?q=燕鲁');
    expect(await shownIds(p)).toEqual([]);
    expect(await statusText(p)).toBe('没有找到包含“燕鲁”的报道。');
  });

  it('indexes only the article: not its footer (source, related list), not the site chrome', async () => {
    const p = await fresh();
    await openSearch(p, site.url);
    for (const q of ['本报专版', '相关报道', '上一篇', '街讯', '跳到正文', '尚未刊发']) {
      await searchFor(p, q);
      expect(await shownIds(p), q).toEqual([]);
    }
  });

  it('ranks by relevance, or newest first on request', async () => {
    const p = await fresh();
    await openSearch(p, site.url, '?q=鲁燕&sort=newest');
    expect(await shownIds(p)).toEqual(['2022-11-01-lianhu-anquan', '2022-09-20-lianhu-yilao', '2022-09-08-lianhu-yuju', '2021-12-30-wulibao-wangge']);
    expect(await p.isChecked('input[name="sort"][value="newest"]')).toBe(true);
  });

  it('shows title, place, date and a highlighted excerpt', async () => {
    const p = await fresh();
    await openSearch(p, site.url, '?q=网格化');
    const hit = await p.$eval('#search-hits > li', (li) => ({
      title: li.querySelector('h3 a')!.textContent,
      href: li.querySelector('h3 a')!.getAttribute('href'),
      info: li.querySelector('.info')!.textContent,
      marks: [...li.querySelectorAll('.excerpt mark')].map((m) => m.textContent),
    }));
    expect(hit).toEqual({ title: '豫剧进社区 居民享“文化大餐”', href: '/articles/2022-09-08-lianhu-yuju/', info: '莲湖街道 · 2022年9月8日', marks: ['网格化'] });
  });

  it('answers a one-character query with a message and the facets, not a ranked list', async () => {
    const p = await fresh();
    await openSearch(p, site.url, '?q=网');
    expect(await statusText(p)).toContain('“网”只有一个字');
    expect(await shownIds(p)).toEqual([]);
    expect(await p.$$eval('#search-facet-lists fieldset legend', (ls) => ls.map((l) => l.textContent))).toEqual(['街道（乡镇）', '区县', '城市', '五星', '记者、通讯员', '年份']);
  });
});

describe('facets', () => {
  const counts = (p: Page, key: string) =>
    p.$$eval(`#search-facet-lists input[name="${key}"]`, (boxes) => Object.fromEntries(boxes.map((b) => [(b as HTMLInputElement).value, Number(b.parentElement!.querySelector('.count')!.textContent)])));

  it('a place filter narrows a query, and counts stay exact', async () => {
    const p = await fresh();
    await openSearch(p, site.url, '?q=鲁燕&street=lianhu');
    expect(sorted(await allIds(p))).toEqual(sorted(LIANHU));
    expect(await p.isChecked('#search-facet-lists input[name="street"][value="lianhu"]')).toBe(true);
    // Street counts ignore the street choice itself; the other facets count the 3 results.
    expect(await counts(p, 'street')).toEqual({ lianhu: 3, wulibao: 1 });
    expect(await counts(p, 'year')).toEqual({ 2022: 3 });
    expect(await counts(p, 'star')).toEqual({ 'zhibu-guoying': 1, 'xingfu-hexie': 1 });
  });

  it('a district filter takes the articles filed on the district and on its streets', async () => {
    const p = await fresh();
    await openSearch(p, site.url, '?q=本报讯&district=zhongyuan');
    expect(sorted(await allIds(p))).toEqual(sorted([...LIANHU, '2022-10-05-hanghaixilu-hongse-wuye', '2023-01-10-zhongyuan-quanqu-tuijin']));
  });

  it('a reporter filter alone lists that reporter’s articles, newest first', async () => {
    const p = await fresh();
    await openSearch(p, site.url, '?reporter=dutingyong');
    expect(await allIds(p)).toEqual(['2023-03-02-heyang-chanye', '2023-01-10-zhongyuan-quanqu-tuijin']);
    expect(await statusText(p)).toContain('共有 2 篇');
  });

  it('an unknown value in the URL shows as a choice to untick, and matches nothing', async () => {
    const p = await fresh();
    await openSearch(p, site.url, '?q=鲁燕&star=nonesuch');
    expect(await shownIds(p)).toEqual([]);
    expect(await p.textContent('#search-facet-lists')).toContain('nonesuch（未知）');
  });
});

describe('URL state and history', () => {
  it('ticking a facet and searching again push entries that back and forward restore', async () => {
    const p = await fresh();
    await openSearch(p, site.url, '?q=鲁燕');
    const all = sorted(await allIds(p));
    await p.check('#search-facet-lists input[name="year"][value="2021"]');
    await settled(p);
    expect(new URL(p.url()).search).toBe('?q=%E9%B2%81%E7%87%95&year=2021');
    expect(await shownIds(p)).toEqual(['2021-12-30-wulibao-wangge']);
    await searchFor(p, '网格化');
    // The year choice stays with the new query.
    expect(await shownIds(p)).toEqual([]);
    expect(new URL(p.url()).searchParams.get('q')).toBe('网格化');

    await p.goBack();
    await settled(p);
    expect(await p.inputValue('#search-q')).toBe('鲁燕');
    expect(await shownIds(p)).toEqual(['2021-12-30-wulibao-wangge']);
    expect(await p.isChecked('#search-facet-lists input[name="year"][value="2021"]')).toBe(true);

    await p.goBack();
    await settled(p);
    expect(sorted(await allIds(p))).toEqual(all);
    expect(await p.isChecked('#search-facet-lists input[name="year"][value="2021"]')).toBe(false);

    await p.goForward();
    await settled(p);
    expect(await shownIds(p)).toEqual(['2021-12-30-wulibao-wangge']);
  });

  it('the header search box on any page submits to /search/', async () => {
    const p = await fresh();
    await p.goto(`${site.url}/articles/2022-09-08-lianhu-yuju/`);
    await p.fill('#site-q', '莲湖');
    await p.press('#site-q', 'Enter');
    await p.waitForURL(/\/search\/\?q=/);
    await settled(p);
    expect(sorted(await shownIds(p))).toEqual(sorted(LIANHU));
  });
});

describe('keyboard only', () => {
  it('can search, tick a facet and open a result without a mouse', async () => {
    const p = await fresh();
    await p.goto(`${site.url}/search/`);
    await settled(p);
    const focusedId = () => p.evaluate(() => document.activeElement?.id ?? '');
    const focused = () => p.evaluate(() => { const e = document.activeElement as HTMLInputElement | null; return e ? `${e.tagName.toLowerCase()}:${e.name ?? ''}:${e.value ?? ''}` : ''; });
    for (let i = 0; i < 30 && (await focusedId()) !== 'search-q'; i++) await p.keyboard.press('Tab');
    expect(await focusedId()).toBe('search-q');
    await p.keyboard.type('鲁燕');
    await p.keyboard.press('Enter');
    await settled(p);
    expect(await shownIds(p)).toHaveLength(4);

    // Tab on to the 五里堡街道 checkbox and tick it with the space bar.
    for (let i = 0; i < 40 && (await focused()) !== 'input:street:wulibao'; i++) await p.keyboard.press('Tab');
    expect(await focused()).toBe('input:street:wulibao');
    await p.keyboard.press('Space');
    await settled(p);
    expect(await shownIds(p)).toEqual(['2021-12-30-wulibao-wangge']);
    expect(new URL(p.url()).searchParams.getAll('street')).toEqual(['wulibao']);
    // Focus stays on the checkbox after the facets are redrawn.
    expect(await focused()).toBe('input:street:wulibao');

    // Back through the page (Shift+Tab) to the result and open it with Enter.
    for (let i = 0; i < 40 && !(await p.evaluate(() => document.activeElement?.closest('#search-hits') != null)); i++) await p.keyboard.press('Shift+Tab');
    await p.keyboard.press('Enter');
    await p.waitForURL(/\/articles\/2021-12-30-wulibao-wangge\/$/);
  });
});

describe('safety', () => {
  it('renders an article title with markup in it as text, running nothing', async () => {
    const p = await fresh();
    await openSearch(p, site.url, '?q=安全宣传');
    expect(await p.textContent('#search-hits h3 a')).toBe("社区安全宣传<script>window.__xss='title'</script>进万家");
    expect(await p.$$('#search-results script, #search-results img, #search-facet-lists img')).toHaveLength(0);
    // The odd reporter name shows as text in the facet too.
    expect(await p.textContent('#search-facet-lists')).toContain('鲁燕<img src=x onerror="window.__xss=1">');
    expect(await p.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
  });

  it('shows a query with markup in it as text', async () => {
    const p = await fresh();
    const q = '<img/src=x/onerror=window.__xss=1>';
    await openSearch(p, site.url, `?q=${encodeURIComponent(q)}`);
    expect(await statusText(p)).toBe(`没有找到包含“${q}”的报道。`);
    expect(await p.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
  });
});

describe('under the recommended Content-Security-Policy', () => {
  // The policy docs/deploy.md recommends.
  const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
  it('searches, with results and facets shown, breaking no rule and with no serious accessibility violation', async () => {
    const strict = await serveStatic(dist, 0, { 'Content-Security-Policy': CSP });
    const context = await site.browser.newContext();
    try {
      const p = await context.newPage();
      const blocked: string[] = [];
      p.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) blocked.push(m.text());
      });
      await openSearch(p, strict.url, '?q=鲁燕&street=lianhu');
      expect(sorted(await shownIds(p))).toEqual(sorted(LIANHU));
      expect(blocked).toEqual([]);
      await injectAxe(p);
      expect((await axeViolations(p)).filter((v) => /^\S+ \((serious|critical)\)/.test(v))).toEqual([]);
    } finally {
      await context.close();
      await strict.close();
    }
  });
});

describe('what the build ships', () => {
  it('no page but /search/ loads search code; the search page’s own script is small', () => {
    const searchScripts = new Set<string>();
    for (const f of htmlFiles(dist)) {
      const html = readFileSync(join(dist, f), 'utf8');
      const srcs = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]);
      if (f === 'search/index.html') {
        expect(executableScripts(html)).toHaveLength(1);
        for (const s of srcs) searchScripts.add(s);
      } else {
        expect(html, f).not.toMatch(/\/pagefind\/|pagefind\.js|_astro\/search/);
        for (const s of srcs) expect(searchScripts.has(s), `${f} loads ${s}`).toBe(false);
      }
    }
    expect(searchScripts.size).toBe(1);
    const script = readFileSync(join(dist, [...searchScripts][0]));
    // Everything the page's script pulls in, bundled (Pagefind's runtime is loaded separately).
    const imports = [...script.toString().matchAll(/from\s*"(\.\/[^"]+\.js)"/g)].map((m) => readFileSync(join(dist, '_astro', m[1].slice(2))));
    const total = [script, ...imports].reduce((n, b) => n + gzipSync(b, { level: 9 }).byteLength, 0);
    expect(total).toBeLessThanOrEqual(30 * 1024);
    console.log(`search page script: ${[script, ...imports].reduce((n, b) => n + b.byteLength, 0)} bytes, ${total} bytes gzip`);
  });

  it('the search page says what to do without JavaScript', () => {
    const html = readPage(dist, '/search/');
    expect(html).toMatch(/<noscript>[\s\S]*启用 JavaScript[\s\S]*<\/noscript>/);
    expect(html).toContain('id="search-results"');
  });

  it('publishes one Pagefind index with its runtime and catalog, not Pagefind’s own UIs or the shards', () => {
    const dir = join(dist, 'pagefind');
    const files = readdirSync(dir);
    const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8'));
    expect(Object.keys(entry.languages)).toEqual(['und']);
    expect(entry.languages.und.page_count).toBe(7);
    const catalog = `search-catalog.${entry.languages.und.hash}.pf_meta`;
    expect(files.sort()).toEqual(['fragment', 'index', 'pagefind-entry.json', 'pagefind-worker.js', `pagefind.${entry.languages.und.hash}.pf_meta`, 'pagefind.js', catalog, 'wasm.unknown.pagefind'].sort());
    // Fragments are named by page number (base 36), one per published article.
    expect(readdirSync(join(dir, 'fragment')).sort()).toEqual(['0', '1', '2', '3', '4', '5', '6'].map((n) => `${n}.pf_fragment`));
    expect(readCatalogFile(gunzipSync(readFileSync(join(dir, catalog))), catalog).pages).toHaveLength(7);
  });
});
