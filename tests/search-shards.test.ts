// The search index in shards: how articles are split, and a rebuild that re-indexes only the
// shard whose article changed.
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { planShards } from '../src/search/shards.ts';
import { indexedRegion, shardDigest } from '../src/search/shard-digest.ts';
import { buildSite, FIXTURE_CONTENT, ROOT } from './helpers/build-site.ts';

describe('planShards', () => {
  it('splits by year, newest first, and a busy year into even parts', () => {
    const articles = [
      ...Array.from({ length: 5 }, (_, i) => ({ id: `a${i}`, date: `2023-0${i + 1}-01` })),
      { id: 'b', date: '2022-06-01' },
    ];
    expect(planShards(articles, 2)).toEqual([
      { name: 'y2023-1', ids: ['a4', 'a3'] },
      { name: 'y2023-2', ids: ['a2', 'a1'] },
      { name: 'y2023-3', ids: ['a0'] },
      { name: 'y2022', ids: ['b'] },
    ]);
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
  it('re-indexes only that article’s shard and reuses the others', () => {
    const work = mkdtempSync(join(ROOT, '.tmp/shards-'));
    const content = join(work, 'content');
    cpSync(FIXTURE_CONTENT, content, { recursive: true });
    const out = join(work, 'dist');
    const first = buildSite(content, out, { JIEXUN_LOG: 'info' });
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('Search index: 3 shards, 3 indexed (7 articles');
    const file = join(content, 'articles/2022/2022-09-20-lianhu-yilao.md');
    writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n\n老人们说，志愿者的服务很贴心。\n`);
    const second = buildSite(content, out, { JIEXUN_LOG: 'info' });
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/Search index: 3 shards, 1 indexed \(4 articles, [\d.]+ s\), 2 reused/);
    rmSync(work, { recursive: true, force: true });
  });
});
