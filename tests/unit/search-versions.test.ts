// Honest versions for the search index: Pagefind is pinned to the version whose files
// src/search/build/pagefind reads, that version keys the shard cache, the merge refuses a shard
// written by another Pagefind (naming both versions), and the build refuses a missing or empty
// article list instead of publishing an empty index.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readArticleList } from '../../src/integrations/search-index.ts';
import { CborWriter } from '../../src/search/build/pagefind/cbor.ts';
import { mergeShardBundles } from '../../src/search/build/pagefind/merge-bundles.ts';
import { pagefindFileBytes } from '../../src/search/build/pagefind/pagefind-file.ts';
import { installedPagefindVersion, PAGEFIND_VERSION, PagefindVersionError } from '../../src/search/build/pagefind/version.ts';
import { shardDigest } from '../../src/search/build/shard-digest.ts';
import { scratchDir } from '../helpers/scratch.ts';

const work = scratchDir('versions-');
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the Pagefind version', () => {
  it('is pinned exactly in package.json, and installed', () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8'));
    expect(pkg.dependencies.pagefind).toBe(PAGEFIND_VERSION);
    expect(installedPagefindVersion()).toBe(PAGEFIND_VERSION);
  });

  it('is part of the shard cache key', () => {
    const regions = ['data-pagefind-body>正文'];
    expect(shardDigest(regions)).toBe(shardDigest(regions, PAGEFIND_VERSION));
    expect(shardDigest(regions, '1.7.0')).not.toBe(shardDigest(regions, PAGEFIND_VERSION));
  });

  /** A shard bundle whose entry and metadata say they were written by `entryVersion` and `metaVersion`. */
  async function shard(name: string, entryVersion: string, metaVersion: string): Promise<string> {
    const dir = join(work, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'pagefind-entry.json'), JSON.stringify({ version: entryVersion, languages: { und: { hash: 'und_1', wasm: null, page_count: 0 } } }));
    writeFileSync(join(dir, 'pagefind.und_1.pf_meta'), await pagefindFileBytes(9, new CborWriter().value([metaVersion, [], [], [], []]).bytes()));
    return dir;
  }

  it('of a shard\'s entry file is checked by the merge, which names the expected and found versions', async () => {
    const dir = await shard('old-entry', '1.5.0', '1.5.0');
    const merge = mergeShardBundles([dir], join(work, 'out'));
    await expect(merge).rejects.toThrow(PagefindVersionError);
    await expect(mergeShardBundles([dir], join(work, 'out'))).rejects.toThrow(`${join(dir, 'pagefind-entry.json')}: expected files written by Pagefind ${PAGEFIND_VERSION} (the version src/search/build/pagefind reads), found Pagefind 1.5.0.`);
  });

  it('of a shard\'s metadata is checked too', async () => {
    const dir = await shard('new-meta', PAGEFIND_VERSION, '2.0.0');
    await expect(mergeShardBundles([dir], join(work, 'out'))).rejects.toThrow(`${join(dir, 'pagefind.und_1.pf_meta')}: expected files written by Pagefind ${PAGEFIND_VERSION} (the version src/search/build/pagefind reads), found Pagefind 2.0.0.`);
  });
});

describe('the article list the search index is planned from', () => {
  it('is read when it lists published articles', () => {
    const file = join(work, 'list.json');
    writeFileSync(file, JSON.stringify([{ id: '2022-09-08-lianhu-yuju', date: '2022-09-08' }]));
    expect(readArticleList(file)).toEqual([{ id: '2022-09-08-lianhu-yuju', date: '2022-09-08' }]);
  });

  it('is a build error when missing, empty or malformed, never an empty index', () => {
    const missing = join(work, 'no-list.json');
    expect(() => readArticleList(missing)).toThrow(`search index: expected the list of published articles that the articles loader (src/loaders/articles.ts) writes at ${missing}, found no file.`);
    const empty = join(work, 'empty.json');
    writeFileSync(empty, '[]');
    expect(() => readArticleList(empty)).toThrow(`search index: ${empty}: expected at least one published article to index, found none`);
    const bad = join(work, 'bad.json');
    writeFileSync(bad, '[{"id":1}]');
    expect(() => readArticleList(bad)).toThrow(`search index: ${bad}: expected a list of {id, date} of published articles, found [{"id":1}]`);
  });
});
