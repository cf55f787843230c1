// A 120-article synthetic site, built once: /articles/ lists every story once, newest first, in
// numbered pages under /articles/page/<n>/, each with a trail and a pager, and the home page and
// the archive lead there; feeds carry the newest articles only, however long the archive.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { generateCorpus } from '../../scripts/bench/corpus.ts';
import { ALL_ARTICLES_PAGE_SIZE } from '../../src/lib/all-articles.ts';
import { FEED_SIZE } from '../../src/lib/feeds.ts';
import { buildSite, NO_PDF, ROOT } from '../helpers/build-site.ts';
import { scratchDir } from '../helpers/scratch.ts';
import { page } from '../helpers/html.ts';

let work: string;
let dist: string;
beforeAll(() => {
  work = scratchDir('all-articles-');
  generateCorpus({ articles: 120, from: join(ROOT, 'content'), to: join(work, 'content') });
  dist = join(work, 'dist');
  const r = buildSite(join(work, 'content'), dist, NO_PDF);
  if (r.status !== 0) throw new Error(r.stderr);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const listed = (html: string) => [...html.matchAll(/<h2><a href="\/articles\/([^"/]+)\/">/g)].map((m) => m[1]);
const dates = (html: string) => [...html.matchAll(/<time datetime="(\d{4}-\d{2}-\d{2})">/g)].map((m) => m[1]);

describe('/articles/', () => {
  it('lists all 120 stories once, newest first, 50 to a page', () => {
    expect(ALL_ARTICLES_PAGE_SIZE).toBe(50);
    const pages = ['/articles/', '/articles/page/2/', '/articles/page/3/'].map((u) => page(dist, u));
    expect(pages.map((h) => listed(h).length)).toEqual([50, 50, 20]);
    const ids = pages.flatMap(listed);
    expect(new Set(ids).size).toBe(120);
    for (const id of ids) expect(existsSync(join(dist, 'articles', id, 'index.html')), id).toBe(true);
    const all = pages.flatMap(dates);
    expect(all).toEqual([...all].sort().reverse());
    expect(existsSync(join(dist, 'articles/page/4'))).toBe(false);
    expect(existsSync(join(dist, 'articles/page/1'))).toBe(false);
  });

  it('links the pages to each other and trails them back to 首页 › 全部报道', () => {
    const second = page(dist, '/articles/page/2/');
    expect(second).toContain('<a href="/articles/" rel="prev">上一页</a>');
    expect(second).toContain('<a href="/articles/page/3/" rel="next">下一页</a>');
    expect(second).toContain('<a href="/articles/page/2/" aria-current="page">2</a>');
    expect(second).toMatch(/<nav class="crumbs trail" aria-label="当前位置"><ol><li><a href="\/">首页<\/a><\/li><li><a href="\/articles\/">全部报道<\/a><\/li><li aria-current="page">第 2 页<\/li><\/ol><\/nav>/);
    expect(page(dist, '/articles/')).toContain('<a href="/articles/page/2/">2</a>');
  });
});

describe('feed size', () => {
  it(`holds the newest ${FEED_SIZE} articles of a place with more`, () => {
    for (const feed of ['rss.xml', 'streets/henan/rss.xml']) {
      const xml = readFileSync(join(dist, feed), 'utf8');
      const dates = [...xml.matchAll(/<pubDate>([^<]+)<\/pubDate>/g)].map((m) => Date.parse(m[1]));
      expect(dates, feed).toHaveLength(FEED_SIZE);
      expect([...dates].sort((a, b) => b - a), feed).toEqual(dates);
    }
  });
});
