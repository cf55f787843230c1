// The search index in shards: a rebuild that re-indexes only the shard whose article changed
// (how articles are split into shards: tests/unit/search-shards.test.ts).
import { describe, expect, it } from 'vitest';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, FIXTURE_CONTENT, NO_PDF } from '../helpers/build-site.ts';
import { scratchDir } from '../helpers/scratch.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { serveStatic } from '../../scripts/server/static-server.ts';
import { allIds, openSearch } from '../fixtures/search/search-page.ts';

describe('a rebuild after editing one article', () => {
  it('re-indexes only that article’s shard, reuses the others, and merges all shards into one index', async () => {
    const work = scratchDir('shards-');
    const content = join(work, 'content');
    cpSync(FIXTURE_CONTENT, content, { recursive: true });
    const out = join(work, 'dist');
    // Shards of at most 2 articles: 2023 (2), 2022 in two parts (2 + 2), 2021 (1).
    const first = buildSite(content, out, { JIEXUN_LOG: 'info', JIEXUN_SHARD_MAX: '2', ...NO_PDF });
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('Search index: 4 shards, 4 indexed (7 articles');
    const file = join(content, 'articles/2022/2022-09-20-lianhu-yilao.md');
    writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n\n老人们说，志愿者的服务很贴心。\n`);
    const second = buildSite(content, out, { JIEXUN_LOG: 'info', JIEXUN_SHARD_MAX: '2', ...NO_PDF });
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
