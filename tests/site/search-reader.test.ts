// The search page as readers use it (issue 14), in Chromium against the built fixture site: queries
// typed without quotes, in traditional or full-width forms; highlights on the original characters;
// 正在检索… while searching; results and scroll position back after visiting an article; active
// filters as chips; a link to the place, star or person a query names; suggestions when nothing is
// found; one search box; no accessibility violations.
import { describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { axeViolations, injectAxe } from '../helpers/axe.ts';
import { servedSite } from '../helpers/served-site.ts';
import { allIds, openSearch, searchFor, settled, shownIds, statusText } from '../fixtures/search/search-page.ts';

const site = servedSite(inject('fixtureDist'));
const LIANHU = ['2022-09-08-lianhu-yuju', '2022-09-20-lianhu-yilao', '2022-11-01-lianhu-anquan'];
const sorted = (ids: string[]) => [...ids].sort();

let context: BrowserContext | undefined;

/**
 * A new tab (its own history and sessionStorage, where the search page keeps its last view) in one
 * browser context for the file: Pagefind's files and compiled WebAssembly come from its cache after
 * the first test, as they do for a reader's second search.
 */
async function fresh(viewport?: { width: number; height: number }): Promise<Page> {
  context ??= await site.browser.newContext();
  const page = await context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  return page;
}

const marks = (p: Page) => p.$$eval('#search-hits .excerpt mark', (ms) => ms.map((m) => m.textContent));
const linkLines = (p: Page) => p.$$eval('#search-links:not([hidden]) a', (as) => as.map((a) => [a.getAttribute('href'), a.textContent]));

describe('matching as readers type', () => {
  const cases: [string, string[]][] = [
    // The campaign's name as typed, though the articles write “五星”支部.
    ['五星支部', ['2022-09-08-lianhu-yuju', '2023-01-10-zhongyuan-quanqu-tuijin']],
    // Traditional characters, as some input methods give.
    ['網格化', ['2022-09-08-lianhu-yuju']],
    ['議事會', ['2022-09-08-lianhu-yuju']],
    // Stray punctuation and a title in 《》.
    ['网格化，', ['2022-09-08-lianhu-yuju']],
    ['《五星支部》', ['2022-09-08-lianhu-yuju', '2023-01-10-zhongyuan-quanqu-tuijin']],
    // Full-width letters and digits.
    ['Ｈ２Ｏ', ['2022-11-01-lianhu-anquan']],
    ['h2o', ['2022-11-01-lianhu-anquan']],
  ];
  it.each(cases)('%s finds exactly the articles containing it', async (q, expected) => {
    const p = await fresh();
    await openSearch(p, site.url, `?q=${encodeURIComponent(q)}`);
    expect(sorted(await allIds(p))).toEqual(sorted(expected));
    expect(await statusText(p)).toBe(`找到 ${expected.length} 篇包含“${q}”的报道。`);
  });

  it('stays exact: the name reversed finds nothing, and both words must appear', async () => {
    const p = await fresh();
    await openSearch(p, site.url, '?q=燕鲁');
    expect(await shownIds(p)).toEqual([]);
    await searchFor(p, '網格化 杜挺勇');
    expect(await shownIds(p)).toEqual([]);
  });

  it('marks the original characters, quotes and traditional forms included', async () => {
    const p = await fresh();
    await openSearch(p, site.url, '?q=五星支部&sort=newest');
    // The newest (全区推进) has it in its body; 豫剧进社区 too, in quotes.
    expect(await marks(p)).toEqual(['“五星”支部', '“五星”支部']);
    await searchFor(p, '網格化');
    expect(await marks(p)).toEqual(['网格化']);
  });

  it('cuts excerpts from the body, not from the headline block', async () => {
    const p = await fresh();
    await openSearch(p, site.url, '?q=鲁燕');
    const hits = await p.$$eval('#search-hits > li', (lis) => lis.map((li) => ({ title: li.querySelector('h3')!.textContent!, excerpt: li.querySelector('.excerpt')!.textContent! })));
    expect(hits.length).toBe(4);
    for (const h of hits) {
      expect(h.excerpt.startsWith(h.title), h.excerpt).toBe(false);
      expect(h.excerpt, h.excerpt).not.toContain('记者');
      expect(h.excerpt).toMatch(/^本报讯|^…/);
    }
  });
});

describe('while searching', () => {
  it('says 正在检索… from the moment a query is submitted until the results show', async () => {
    const p = await fresh();
    await openSearch(p, site.url);
    // Hold back the index's answers, so the moment between submitting and results can be looked at.
    const held: Route[] = [];
    let holding = true;
    await p.route('**/pagefind/**', (route) => (holding ? held.push(route) : route.continue()));
    await p.fill('#search-q', '莲湖街道');
    await p.press('#search-q', 'Enter');
    await p.waitForFunction(() => document.getElementById('search-status')?.textContent === '正在检索…');
    expect(await p.getAttribute('#search-results', 'aria-busy')).toBe('true');
    holding = false;
    for (const r of held) await r.continue();
    await settled(p);
    expect(await statusText(p)).toBe('找到 3 篇包含“莲湖街道”的报道。');
  });

  it('says so on a first visit with a query in the URL too', async () => {
    const p = await fresh();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    await p.route('**/pagefind/**', async (route) => {
      await gate;
      await route.continue();
    });
    await p.goto(`${site.url}/search/?q=${encodeURIComponent('网格化')}`);
    await p.waitForFunction(() => document.getElementById('search-status')?.textContent === '正在检索…');
    release();
    await settled(p);
    expect(await shownIds(p)).toEqual(['2022-09-08-lianhu-yuju']);
  });
});

describe('back from an article', () => {
  async function leaveAndComeBack(p: Page, blockCache: boolean) {
    await openSearch(p, site.url, '?q=本报讯&sort=newest');
    const ids = await shownIds(p);
    expect(ids.length).toBeGreaterThanOrEqual(5);
    const last = p.locator('#search-hits > li h3 a').last();
    await last.scrollIntoViewIfNeeded();
    const y = await p.evaluate(() => window.scrollY);
    expect(y).toBeGreaterThan(100);
    await p.evaluate((block) => {
      (window as unknown as { before?: boolean }).before = true;
      // An unload handler keeps a page out of the back/forward cache: the page then loads again.
      if (block) window.addEventListener('unload', () => {});
    }, blockCache);
    await last.click();
    await p.waitForURL(/\/articles\//);
    // Result fragments fetched after going back: none when the results come back as they were.
    const fetched: string[] = [];
    p.on('request', (r) => {
      if (r.url().includes('/pagefind/fragment/')) fetched.push(r.url());
    });
    await p.goBack();
    await p.waitForFunction(() => document.getElementById('search-results')?.dataset.rendered === location.search);
    return { ids, y, fetched };
  }

  it('shows the same results at the same scroll position (page loaded again: from sessionStorage)', async () => {
    const p = await fresh({ width: 360, height: 480 });
    const { ids, y, fetched } = await leaveAndComeBack(p, true);
    // The page really loaded again …
    expect(await p.evaluate(() => (window as unknown as { before?: boolean }).before)).toBeUndefined();
    // … and shows what was left, where it was left, without searching again.
    expect(fetched).toEqual([]);
    expect(await shownIds(p)).toEqual(ids);
    expect(await statusText(p)).toMatch(/^找到 \d+ 篇包含“本报讯”的报道。$/);
    expect(Math.abs((await p.evaluate(() => window.scrollY)) - y)).toBeLessThanOrEqual(2);
    expect(await p.isChecked('input[name="sort"][value="newest"]')).toBe(true);
    // The page still searches afterwards.
    await searchFor(p, '莲湖街道');
    expect(sorted(await shownIds(p))).toEqual(sorted(LIANHU));
  });

  it('searches when the saved view is damaged', async () => {
    const p = await fresh();
    await openSearch(p, site.url, '?q=网格化');
    await p.evaluate(() => sessionStorage.setItem('jiexun:search-view', JSON.stringify({ version: 1, view: { search: location.search, hits: 'x' }, scrollY: 0 })));
    await p.reload();
    await settled(p);
    expect(await shownIds(p)).toEqual(['2022-09-08-lianhu-yuju']);
  });

  it('searches afresh when the reader follows a link to the same search later', async () => {
    const p = await fresh({ width: 360, height: 480 });
    await leaveAndComeBack(p, true);
    const fetched: string[] = [];
    p.on('request', (r) => {
      if (r.url().includes('/pagefind/fragment/')) fetched.push(r.url());
    });
    await p.goto(`${site.url}/streets/`);
    await openSearch(p, site.url, '?q=本报讯&sort=newest');
    expect(fetched.length).toBeGreaterThan(0);
    expect(await p.evaluate(() => window.scrollY)).toBe(0);
  });

  it('shows the same results at the same scroll position (whichever way the browser brings the page back)', async () => {
    const p = await fresh({ width: 360, height: 480 });
    const { ids, y } = await leaveAndComeBack(p, false);
    expect(await shownIds(p)).toEqual(ids);
    expect(Math.abs((await p.evaluate(() => window.scrollY)) - y)).toBeLessThanOrEqual(2);
  });
});

describe('filters as chips', () => {
  it('lists the active filters above the results; removing one searches without it', async () => {
    const p = await fresh();
    await openSearch(p, site.url, '?q=鲁燕&street=lianhu&year=2022');
    const chips = () => p.$$eval('#search-chips:not([hidden]) button', (bs) => bs.map((b) => b.textContent));
    expect(await chips()).toEqual(['街道（乡镇）：莲湖街道 ×', '年份：2022年 ×']);
    expect(await p.getAttribute('#search-chips button >> nth=0', 'aria-label')).toBe('取消筛选：街道（乡镇） 莲湖街道');
    // Above the results.
    expect(await p.evaluate(() => !!(document.getElementById('search-chips')!.compareDocumentPosition(document.getElementById('search-hits')!) & Node.DOCUMENT_POSITION_FOLLOWING))).toBe(true);
    await p.click('#search-chips button >> nth=0');
    await settled(p);
    expect(new URL(p.url()).searchParams.getAll('street')).toEqual([]);
    expect(new URL(p.url()).searchParams.getAll('year')).toEqual(['2022']);
    expect(await chips()).toEqual(['年份：2022年 ×']);
    expect(sorted(await shownIds(p))).toEqual(sorted(LIANHU));
    await p.click('#search-chips button');
    await settled(p);
    expect(await p.isHidden('#search-chips')).toBe(true);
  });
});

describe('names a query names', () => {
  const cases: [string, [string, string][]][] = [
    ['莲湖街道', [['/streets/lianhu/', '莲湖街道：查看报道时间线']]],
    // An alias, and the traditional form.
    ['莲湖', [['/streets/lianhu/', '莲湖街道：查看报道时间线']]],
    ['蓮湖街道', [['/streets/lianhu/', '莲湖街道：查看报道时间线']]],
    ['中原区', [['/streets/zhongyuan/', '中原区：查看报道时间线']]],
    ['支部过硬星', [['/stars/zhibu-guoying/', '支部过硬星：查看该星级的全部报道']]],
    ['杜挺勇', [['/reporters/dutingyong/', '杜挺勇：查看其全部报道']]],
    ['网格化', []],
  ];
  it.each(cases)('%s: a first line links to its page', async (q, links) => {
    const p = await fresh();
    await openSearch(p, site.url, `?q=${encodeURIComponent(q)}`);
    expect(await linkLines(p)).toEqual(links);
    if (links.length) expect(await p.evaluate(() => !!(document.getElementById('search-links')!.compareDocumentPosition(document.getElementById('search-hits')!) & Node.DOCUMENT_POSITION_FOLLOWING))).toBe(true);
  });

  it('the link leads to the place’s timeline', async () => {
    const p = await fresh();
    await openSearch(p, site.url, '?q=莲湖');
    await p.click('#search-links a');
    await p.waitForURL(/\/streets\/lianhu\/$/);
    expect(await p.textContent('h1')).toContain('莲湖街道');
  });
});

describe('when nothing is found', () => {
  it('offers the results without the last word', async () => {
    const p = await fresh();
    await openSearch(p, site.url, `?q=${encodeURIComponent('莲湖街道 不存在的词')}`);
    expect(await statusText(p)).toBe('没有找到包含“莲湖街道”“不存在的词”的报道。');
    expect(await shownIds(p)).toEqual([]);
    expect(await p.textContent('#search-suggest h3')).toBe('去掉“不存在的词”，找到 3 篇报道：');
    const ids = await p.$$eval('#search-suggest li h3 a', (as) => as.map((a) => /\/articles\/([^/]+)\//.exec(a.getAttribute('href')!)![1]));
    expect(sorted(ids)).toEqual(sorted(LIANHU));
  });

  it('offers the closest place, star and person names', async () => {
    const p = await fresh();
    await openSearch(p, site.url, `?q=${encodeURIComponent('莲胡街道')}`);
    expect(await shownIds(p)).toEqual([]);
    const names = await p.$$eval('#search-suggest .search-closest a', (as) => as.map((a) => [a.textContent, a.getAttribute('href')]));
    expect(names[0]).toEqual(['莲湖街道', '/streets/lianhu/']);
    await openSearch(p, site.url, `?q=${encodeURIComponent('支部过硬')}`);
    // Found as text: no suggestions then.
    expect(await p.isHidden('#search-suggest')).toBe(true);
    await openSearch(p, site.url, `?q=${encodeURIComponent('支部过软星')}`);
    expect(await p.$$eval('#search-suggest .search-closest a', (as) => as.map((a) => a.textContent))).toContain('支部过硬星');
  });
});

describe('the page', () => {
  it('has one search box on /search/, and the header’s everywhere else', async () => {
    const p = await fresh();
    await openSearch(p, site.url);
    expect(await p.$$eval('input[type="search"]', (is) => is.map((i) => i.id))).toEqual(['search-q']);
    await p.goto(`${site.url}/streets/`);
    expect(await p.$$eval('input[type="search"]', (is) => is.map((i) => i.id))).toEqual(['site-q']);
  });

  it('has no accessibility violations with chips, name links, results and suggestions shown', async () => {
    const p = await fresh();
    await openSearch(p, site.url, `?q=${encodeURIComponent('莲湖街道 不存在的词')}&year=2022`);
    expect(await p.isVisible('#search-chips')).toBe(true);
    expect(await p.isVisible('#search-links')).toBe(true);
    expect(await p.isVisible('#search-suggest')).toBe(true);
    await injectAxe(p);
    expect(await axeViolations(p)).toEqual([]);
    await openSearch(p, site.url, `?q=${encodeURIComponent('五星支部')}`);
    await injectAxe(p);
    expect(await axeViolations(p)).toEqual([]);
  });
});
