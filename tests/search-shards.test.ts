// The search index in shards: how articles are split, and a rebuild that re-indexes only the
// shard whose article changed.
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { planShards } from '../src/search/build/shards.ts';
import { indexedRegion, shardDigest } from '../src/search/build/shard-digest.ts';
import { buildSite, FIXTURE_CONTENT, ROOT } from './helpers/build-site.ts';
import { launchBrowser } from './helpers/browser.ts';
import { serveStatic } from '../scripts/server/static-server.ts';
import { allIds, openSearch } from './fixtures/search/search-page.ts';

describe('planShards', () => {
  it('splits by year, newest first: a busy year into even parts, quiet years packed together', () => {
    const articles = [
      ...Array.from({ length: 5 }, (_, i) => ({ id: `a${i}`, date: `2023-0${i + 1}-01` })),
      { id: 'b', date: '2022-06-01' },
      { id: 'c', date: '2021-06-01' },
      { id: 'd', date: '2020-06-01' },
      { id: 'e', date: '2019-06-01' },
    ];
    expect(planShards(articles, 2)).toEqual([
      { name: 'y2023-1', ids: ['a4', 'a3'] },
      { name: 'y2023-2', ids: ['a2', 'a1'] },
      { name: 'y2023-3', ids: ['a0'] },
      { name: 'y2021_2022', ids: ['b', 'c'] },
      { name: 'y2019_2020', ids: ['d', 'e'] },
    ]);
    expect(planShards(articles, 100).map((p) => p.name)).toEqual(['y2019_2023']);
    expect(planShards([])).toEqual([]);
  });
});

describe('shard fingerprints', () => {
  it('cover the indexed region only, and wait for a page to be fully written', () => {
    const page = (body: string, related: string) => `<html><body><article data-pagefind-body data-place="x">${body}<footer data-pagefind-ignore>${related}</footer></article></body></html>`;
    expect(indexedRegion('<html><body><article data-pagefind-body>半')).toBeUndefined();
    const a = indexedRegion(page('正文', '相关一'))!;
    expect(shardDigest([a])).toBe(shardDigest([indexedRegion(page('正文', '相关二'))!]));
    expect(shardDigest([a])).not.toBe(shardDigest([indexedRegion(page('正文改', '相关一'))!]));
  });
});

describe('a rebuild after editing one article', () => {
  it('re-indexes only that article’s shard, reuses the others, and merges all shards into one index', async () => {
    const work = mkdtempSync(join(ROOT, '.tmp/shards-'));
    const content = join(work, 'content');
    cpSync(FIXTURE_CONTENT, content, { recursive: true });
    const out = join(work, 'dist');
    // Shards of at most 2 articles: 2023 (2), 2022 in two parts (2 + 2), 2021 (1).
    const first = buildSite(content, out, { JIEXUN_LOG: 'info', JIEXUN_SHARD_MAX: '2' });
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('Search index: 4 shards, 4 indexed (7 articles');
    const file = join(content, 'articles/2022/2022-09-20-lianhu-yilao.md');
    writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n\n老人们说，志愿者的服务很贴心。\n`);
    const second = buildSite(content, out, { JIEXUN_LOG: 'info', JIEXUN_SHARD_MAX: '2' });
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/Search index: 4 shards, 1 indexed \(2 articles, [\d.]+ s\), 3 reused; merged into one index of 7 pages/);
    expect(readdirSync(join(out, 'pagefind'))).not.toContain('shards');

    // One index holds the four shards: results, newest-first order and facet counts span them.
    const server = await serveStatic(out);
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await openSearch(page, server.url, '?q=鲁燕&sort=newest');
      expect(await allIds(page)).toEqual(['2022-11-01-lianhu-anquan', '2022-09-20-lianhu-yilao', '2022-09-08-lianhu-yuju', '2021-12-30-wulibao-wangge']);
      await openSearch(page, server.url, '?q=志愿者的服务很贴心');
      expect(await allIds(page)).toEqual(['2022-09-20-lianhu-yilao']);
      // 鲁燕's articles as reporter span two shards (y2022-2, y2021): facets and results merge both.
      await openSearch(page, server.url, '?reporter=luyan');
      const years = await page.$$eval('input[name="year"]', (els) => els.map((e) => [(e as HTMLInputElement).value, e.closest('label')?.querySelector('.count')?.textContent]));
      expect(years).toEqual([['2022', '2'], ['2021', '1']]);
      expect(await allIds(page)).toHaveLength(3);
    } finally {
      await browser.close();
      await server.close();
    }
    rmSync(work, { recursive: true, force: true });
  });
});
