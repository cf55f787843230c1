// The search index in shards: how articles are split, and what a shard's fingerprint covers
// (a rebuild reusing shards: tests/site/search-shards.test.ts).
import { describe, expect, it } from 'vitest';
import { planShards } from '../../src/search/build/shards.ts';
import { indexedRegion, shardDigest } from '../../src/search/build/shard-digest.ts';

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
