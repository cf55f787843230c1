// The built fixture site read as HTML: the footer and meta tags come from the settings file
// (tests/fixtures/site/content/site.yaml), every page has a trail from 首页, the list pages exist,
// no link leads to a place without stories, and headings, canonicals and stylesheets are right.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { loadSiteSettings } from '../../src/io/site-settings.ts';
import { FIXTURE_CONTENT } from '../helpers/build-site.ts';
import { htmlFiles, links, page } from '../helpers/html.ts';

const dist = inject('fixtureDist');
const real = inject('siteDist');
const settings = loadSiteSettings(FIXTURE_CONTENT);
const ORIGIN = 'https://jiexun.example.cn';

/** Every built page as [url path, html]; the stubs left at people's former addresses only send readers on. */
const pages: [string, string][] = htmlFiles(dist)
  .filter((f) => !f.startsWith('pagefind/'))
  .map((f): [string, string] => [`/${f.replace(/index\.html$/, '')}`, readFileSync(join(dist, f), 'utf8')])
  .filter(([, html]) => !html.includes('<meta http-equiv="refresh"'));

const meta = (html: string, key: string) =>
  [...html.matchAll(/<meta (name|property)="([^"]+)" content="([^"]*)">/g)].filter((m) => m[2] === key).map((m) => m[3]);
const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#34;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');

describe('every page of the fixture site', () => {
  it('is more than a handful of pages', () => {
    expect(pages.length).toBeGreaterThan(40);
  });

  it('shows the settings\' 主办单位, 承办单位, contact, ICP and 公安备案 lines and 网站标识码 in its footer', () => {
    expect(settings.sponsor).toBe('中共测试区委组织部');
    for (const [url, html] of pages) {
      const footer = html.slice(html.indexOf('<footer class="site-footer">'));
      expect(footer, url).toContain(`主办单位：${settings.sponsor}`);
      expect(footer, url).toContain(`承办单位：${settings.organizer}`);
      expect(footer, url).toContain(`联系电话：${settings.contact!.phone}`);
      expect(footer, url).toContain('<a href="https://beian.miit.gov.cn/">豫ICP备12345678号-2</a>');
      expect(footer, url).toContain('<a href="https://beian.mps.gov.cn/#/query/webSearch?code=41010202000123">豫公网安备41010202000123号</a>');
      expect(footer, url).toContain('网站标识码：4101020001');
      expect(footer, url).not.toContain('示例');
    }
  });

  it('carries the government meta tags, Open Graph and Twitter tags, with a description of its own', () => {
    const descriptions = new Map<string, string>();
    for (const [url, html] of pages) {
      expect(meta(html, 'SiteName'), url).toEqual(['街讯']);
      expect(meta(html, 'SiteDomain'), url).toEqual(['jiexun.example.cn']);
      expect(meta(html, 'SiteIDCode'), url).toEqual(['4101020001']);
      expect(meta(html, 'og:title'), url).toHaveLength(1);
      expect(meta(html, 'og:title')[0], url).not.toBe('');
      expect(meta(html, 'twitter:card'), url).toEqual(['summary']);
      const [description] = meta(html, 'description');
      expect(meta(html, 'og:description'), url).toEqual([description]);
      expect(meta(html, 'twitter:description'), url).toEqual([description]);
      expect(descriptions.get(description), `${url} has the description of ${descriptions.get(description)}`).toBeUndefined();
      descriptions.set(description, url);
      // Column tags on every page but the home page, the search page and the 404 page.
      const columnless = ['/', '/search/', '/404.html'].includes(url);
      expect(meta(html, 'ColumnName').length, url).toBe(columnless ? 0 : 1);
      expect(meta(html, 'ColumnType').length, url).toBe(columnless ? 0 : 1);
    }
  });

  it('gives story pages the article tags of the standard', () => {
    const html = page(dist, '/articles/2022-09-08-lianhu-yuju/');
    expect(unescape(meta(html, 'ArticleTitle')[0])).toBe('豫剧进社区 居民享“文化大餐”');
    expect(meta(html, 'PubDate')).toEqual(['2022-09-08 00:00']);
    expect(meta(html, 'ContentSource')).toEqual(['本报专版']);
    expect(meta(html, 'Keywords')).toEqual(['莲湖街道,支部过硬星']);
    expect(meta(html, 'Author')).toEqual(['鲁燕,魏少杰']);
    expect(meta(html, 'Description')).toEqual(meta(html, 'description'));
    expect(meta(html, 'Url')).toEqual([`${ORIGIN}/articles/2022-09-08-lianhu-yuju/`]);
    expect(meta(html, 'ColumnName')).toEqual(['莲湖街道']);
    expect(meta(html, 'og:type')).toEqual(['article']);
    expect(meta(page(dist, '/streets/lianhu/'), 'og:type')).toEqual(['website']);
    expect(meta(page(dist, '/streets/lianhu/'), 'ArticleTitle')).toEqual([]);
  });

  it('declares its own address as canonical, except the 404 page, which declares none', () => {
    for (const [url, html] of pages) {
      const canonical = [...html.matchAll(/<link rel="canonical" href="([^"]+)">/g)].map((m) => m[1]);
      expect(canonical, url).toEqual(url === '/404.html' ? [] : [`${ORIGIN}${url}`]);
    }
  });

  it('has a trail that starts at 首页 and ends at the page itself, not a link (the home page has none)', () => {
    for (const [url, html] of pages) {
      const trail = /<nav class="crumbs trail" aria-label="当前位置"><ol>([\s\S]*?)<\/ol><\/nav>/.exec(html);
      if (url === '/') {
        expect(trail).toBeNull();
        continue;
      }
      expect(trail, url).not.toBeNull();
      const items = [...trail![1].matchAll(/<li( aria-current="page")?>([\s\S]*?)<\/li>/g)];
      expect(items[0][2], url).toBe('<a href="/">首页</a>');
      const last = items.at(-1)!;
      expect(last[1], url).toBe(' aria-current="page"');
      expect(last[2], url).not.toContain('<a');
      for (const item of items.slice(0, -1)) expect(item[2], url).toMatch(/^<a href="\/[^"]*">[^<]+<\/a>$/);
    }
    const trail = (url: string) => [...page(dist, url).match(/<nav class="crumbs trail"[\s\S]*?<\/nav>/)![0].matchAll(/<li[^>]*>(?:<a [^>]*>)?([^<]+)/g)].map((m) => m[1]);
    expect(trail('/streets/lianhu/')).toEqual(['首页', '街道', '郑州市', '中原区', '莲湖街道']);
    expect(trail('/articles/2022-09-08-lianhu-yuju/')).toEqual(['首页', '街道', '郑州市', '中原区', '莲湖街道', '正文']);
    expect(trail('/stars/zhibu-guoying/')).toEqual(['首页', '五星支部', '支部过硬星']);
    expect(trail('/reporters/luyan/')).toEqual(['首页', '记者与通讯员', '鲁燕']);
    expect(trail('/bulletins/2022-09-30-fixture-zhuanban/')).toEqual(['首页', '专版与简报', '测试专版 莲湖与航海西路']);
    expect(trail('/archive/2022/09/')).toEqual(['首页', '归档', '2022年', '9月']);
  });

  it('has exactly one h1 and never skips a heading level', () => {
    for (const [url, html] of pages) {
      const levels = [...html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
      expect(levels.filter((l) => l === 1), url).toHaveLength(1);
      for (let i = 1; i < levels.length; i++) expect(levels[i], `${url}: h${levels[i - 1]} then h${levels[i]}`).toBeLessThanOrEqual(levels[i - 1] + 1);
    }
  });

  it('loads one stylesheet (the star colours inside it) and prints the site name and its address', () => {
    for (const [url, html] of pages) {
      const sheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map((m) => m[1]);
      // The search page adds its own styles (src/pages/search.astro).
      expect(sheets.length, url).toBe(url === '/search/' ? sheets.length : 1);
      expect(readFileSync(join(dist, sheets[0]), 'utf8'), url).toContain('.star-zhibu-guoying{--badge:#b71c1c}');
      if (url !== '/404.html') expect(html, url).toContain(`<p class="print-source">来源：街讯 ${ORIGIN}${url}</p>`);
    }
    expect(existsSync(join(dist, 'styles/stars.css'))).toBe(false);
  });
});

describe('places without stories', () => {
  /** /streets/<id>/ pages that were built, with their story counts. */
  const built = new Map(pages.filter(([url]) => /^\/streets\/[a-z0-9-]+\/$/.test(url)).map(([url, html]) => [url, Number(/<h1 class="page-title">[^<]*<span class="count">(\d+) 篇/.exec(html)![1])]));

  it('get no page, and every place page that is built has stories', () => {
    expect(built.size).toBeGreaterThan(5);
    for (const [url, n] of built) expect(n, url).toBeGreaterThan(0);
    expect(existsSync(join(dist, 'streets/dehuajie/index.html'))).toBe(false);
    // Its feed stays, so a reader can subscribe before the first story.
    expect(existsSync(join(dist, 'streets/dehuajie/rss.xml'))).toBe(true);
  });

  it('are never linked: every link to a place page leads to a built page with stories', () => {
    let count = 0;
    for (const [url, html] of pages) {
      for (const href of links(html).filter((h) => /^\/streets\/[a-z0-9-]+\//.test(h))) {
        const target = href.split('#')[0].replace(/^(\/streets\/[a-z0-9-]+\/).*$/, '$1');
        expect(built.has(target), `${url} → ${href}`).toBe(true);
        count++;
      }
    }
    expect(count).toBeGreaterThan(50);
  });

  it('are named without a link on the streets page, folded under 暂无报道', () => {
    const html = page(dist, '/streets/');
    expect(html).toMatch(/<details class="empty-places"><summary>暂无报道的街道（乡镇）\d+ 个<\/summary><p>[^<]*德化街街道/);
    expect(html).not.toContain('href="/streets/dehuajie/"');
  });

  it('are left out of the sitemap, which lists only built pages', () => {
    const sitemap = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
    const urls = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
    expect(urls).toContain('/streets/lianhu/');
    expect(urls).not.toContain('/streets/dehuajie/');
    for (const u of urls) expect(existsSync(join(dist, u, 'index.html')), u).toBe(true);
  });

  it('leave each level its own heading: a city lists its districts, a district its streets', () => {
    expect(page(dist, '/streets/zhengzhou/')).toContain('<h2>下辖区县</h2>');
    expect(page(dist, '/streets/zhongyuan/')).toContain('<h2>下辖街道（乡镇）</h2>');
  });
});

describe('lists and the front page', () => {
  it('lists every story at /articles/, and the home page leads there', () => {
    const html = page(dist, '/articles/');
    expect([...html.matchAll(/<h2><a href="\/articles\/([^"/]+)\/">/g)].map((m) => m[1])).toEqual([
      '2023-03-02-heyang-chanye', '2023-01-10-zhongyuan-quanqu-tuijin', '2022-11-01-lianhu-anquan', '2022-10-05-hanghaixilu-hongse-wuye',
      '2022-09-20-lianhu-yilao', '2022-09-08-lianhu-yuju', '2021-12-30-wulibao-wangge',
    ]);
    expect(page(dist, '/')).toContain('<a href="/articles/">全部报道 →</a>');
  });

  it('has a page per year, linked from the archive, with its months', () => {
    expect(page(dist, '/archive/')).toContain('<a href="/archive/2022/">2022年</a>');
    const year = page(dist, '/archive/2022/');
    expect(year).toContain('<h1 class="page-title">2022年 <span class="count">4 篇</span></h1>');
    for (const m of ['09', '10', '11']) expect(year).toContain(`<a href="/archive/2022/${m}/">${Number(m)}月</a>`);
    expect(year).toContain('豫剧进社区');
  });

  it('leads the home page with the 头条, then the latest bulletin of each kind and the streets reported on last', () => {
    const html = page(dist, '/');
    expect(html).toMatch(/<h2 id="lead-heading" class="section-label">头条<\/h2>[\s\S]*?<h3 class="lead-title"><a href="\/articles\/2023-03-02-heyang-chanye\/">河阳街道特色产业助农增收<\/a><\/h3>/);
    expect(html).toMatch(/<h2>最新专版<\/h2>[\s\S]*?href="\/bulletins\/2022-09-30-fixture-zhuanban\/"/);
    expect(html).toMatch(/<h2>最新简报<\/h2>[\s\S]*?href="\/bulletins\/2023-q1-zhongyuan-jianbao\/"/);
    const recent = /<h2>最近有报道的街道<\/h2>([\s\S]*?)<\/section>/.exec(html)![1];
    expect([...recent.matchAll(/<a href="\/streets\/([^/]+)\/">/g)].map((m) => m[1])).toEqual(['heyang', 'lianhu', 'hanghaixilu', 'wulibao']);
  });

  it('says prev and next mean the story\'s own street', () => {
    const html = page(dist, '/articles/2022-09-20-lianhu-yilao/');
    expect(html).toMatch(/rel="prev"><small>本街道上一篇<\/small>/);
    expect(html).toMatch(/rel="next"><small>本街道下一篇<\/small>/);
  });

  it('offers a search box and the latest stories on the 404 page', () => {
    const html = page(dist, '/404.html');
    expect(html).toMatch(/<form class="search-inline" role="search" aria-label="搜索报道" action="\/search\/" method="get">/);
    expect(html).toContain('<a href="/articles/2023-03-02-heyang-chanye/">河阳街道特色产业助农增收</a>');
  });

  it('puts the settings into the feeds', () => {
    expect(readFileSync(join(dist, 'rss.xml'), 'utf8')).toContain('<copyright>街讯 · 主办单位：中共测试区委组织部</copyright>');
  });
});

describe('the committed site', () => {
  it('marks its settings as samples in the footer', () => {
    const html = page(real, '/');
    expect(html).toContain('<p class="sample-note">示例：');
    expect(html).toContain('主办单位：示例主办单位');
  });
});
