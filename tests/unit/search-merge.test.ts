// Merging shard bundles into one Pagefind index: the merged index must hold exactly what Pagefind
// itself writes when it indexes all the pages at once (same words, same pages, same positions),
// plus the character pairs at the positions of their first characters; its catalog must
// round-trip, and a damaged shard must be named in the error.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { CborReader, CborWriter, type CborValue } from '../../src/search/build/pagefind/cbor.ts';
import { CATALOG_VERSION, CatalogError, type Catalog } from '../../src/search/shared/catalog.ts';
import { encodeTokens, isCharCode, pairCode, SEPARATOR } from '../../src/search/shared/char-tokens.ts';
import { catalogFile, readCatalogFile } from '../../src/search/shared/catalog-file.ts';
import { cachedChunkName, mergeShardBundles, roundedWordCount } from '../../src/search/build/pagefind/merge-bundles.ts';
import { FACTS_FILE, ShardError, writeShardPostings } from '../../src/search/build/pagefind/shard-postings.ts';
import { readPagefindFile } from '../../src/search/build/pagefind/pagefind-file.ts';
import { pairSegments } from '../../src/search/build/pagefind/pair-postings.ts';
import { scratchDir } from '../helpers/scratch.ts';

const TEXTS = ['网格化管理 网格员', '社区网格', '化解矛盾 管理网格化', '网格 化', '志愿服务网格化网格'].map((t) => encodeTokens(t).join(' '));
const DATES = ['2023-05-01', '2023-01-02', '2022-12-31', '2021-06-15', '2021-01-01'];

async function writeBundle(dir: string, pages: number[]): Promise<void> {
  const { index } = await pagefind.createIndex({});
  for (const i of pages) await index!.addCustomRecord({ url: `/p${i}/`, content: TEXTS[i], language: 'und', meta: { title: '0,1' } });
  await index!.writeFiles({ outputPath: dir });
  await pagefind.close();
  // The facts the build writes beside each shard bundle, keyed by Pagefind page hash.
  const rows = fragments(dir).map(([hash, url]) => {
    const i = Number(url.slice(2, -1));
    return [hash, DATES[i], i % 2 ? 'b' : 'a', i === 2 ? ['s1', 's2'] : [], [`r${i % 3}`]] as Catalog['pages'][number];
  });
  const facts: Catalog = { version: CATALOG_VERSION, places: [{ id: 'a', name: '甲', level: 'street' }, { id: 'b', name: '乙', level: 'street' }], stars: [{ id: 's1', name: '一' }, { id: 's2', name: '二' }], people: ['r0', 'r1', 'r2'].map((id) => ({ id, name: id })), pages: rows };
  writeFileSync(join(dir, FACTS_FILE), JSON.stringify(facts));
}

/** [Pagefind page hash, URL] of every fragment of a bundle. */
function fragments(dir: string): [string, string][] {
  return readdirSync(join(dir, 'fragment')).map((f) => [f.replace('.pf_fragment', ''), JSON.parse(readPagefindFile(join(dir, 'fragment', f)).toString()).url]);
}

/** Every word of a bundle's index → URL → its location lists, as Pagefind's runtime reads them. */
function postings(dir: string): Record<string, Record<string, CborValue>> {
  const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8'));
  const meta = new CborReader(readPagefindFile(join(dir, `pagefind.${entry.languages.und.hash}.pf_meta`)), 'meta').value() as CborValue[][];
  const urls = new Map(fragments(dir));
  const pageUrl = (meta[1] as string[][]).map(([hash]) => urls.get(hash)!);
  const out: Record<string, Record<string, CborValue>> = {};
  for (const [, , hash] of meta[2] as string[][]) {
    const [words] = new CborReader(readPagefindFile(join(dir, 'index', `${hash}.pf_index`)), hash).value() as CborValue[][][];
    for (const [word, pages] of words as [string, CborValue[][]][]) {
      let page = 0;
      out[word] = {};
      for (const [delta, ...locs] of pages) out[word][pageUrl[(page += delta as number)]] = locs;
    }
  }
  return out;
}

/** Absolute positions from Pagefind's locations: after a weight marker (negative) the next is absolute, the rest are deltas. */
function absolute(locs: CborValue): number[] {
  const out: number[] = [];
  let pos = 0;
  for (const x of (locs as number[][])[0]) {
    if (x < 0) pos = 0;
    else out.push((pos += x));
  }
  return out;
}

/** The chunks Pagefind's runtime reads for a term: those whose range holds it, else by prefix (pagefind_web request_indexes). */
function chunksFor(term: string, chunks: string[][]): string[][] {
  const strict = chunks.filter(([from, to]) => term >= from && term <= to);
  if (strict.length) return strict;
  const cut = (a: string, b: string) => a.slice(0, Math.min(a.length, b.length));
  return chunks.filter(([from, to]) => cut(term, from) >= cut(from, term) && cut(term, to) <= cut(to, term));
}

describe('merging shard bundles', () => {
  it('publishes the character pairs of what Pagefind writes indexing every page at once, and one catalog', { timeout: 60_000 }, async () => {
    const work = scratchDir('merge-');
    await writeBundle(join(work, 'a'), [0, 1, 2]);
    await writeBundle(join(work, 'b'), [3, 4]);
    await writeBundle(join(work, 'all'), [0, 1, 2, 3, 4]);
    const summary = await mergeShardBundles([join(work, 'a'), join(work, 'b')], join(work, 'merged'));
    expect(summary.pages).toBe(5);
    const merged = postings(join(work, 'merged'));
    // Pagefind indexing all five pages at once: the truth the merged index is checked against.
    const whole = postings(join(work, 'all'));
    // Published: the character pairs only. Each character occurrence starts one pair — with the
    // next character, or with the separator before a space or at the end — at its own position,
    // with its weight marker; Pagefind's own words are their source and are not published.
    const pairs = merged;
    expect(Object.keys(pairs).every((w) => w.length === 8)).toBe(true);
    const expected: Record<string, Record<string, number[]>> = {};
    for (const [, url] of fragments(join(work, 'all'))) {
      const tokens = TEXTS[Number(url.slice(2, -1))].split(' ');
      tokens.forEach((t, p) => {
        if (!isCharCode(t)) return;
        const next = tokens[p + 1] ?? '';
        ((expected[pairCode(t, isCharCode(next) ? next : SEPARATOR)] ??= {})[url] ??= []).push(p);
      });
    }
    expect(Object.keys(pairs).sort()).toEqual(Object.keys(expected).sort());
    for (const [pair, pages] of Object.entries(pairs)) {
      expect(Object.fromEntries(Object.entries(pages).map(([url, locs]) => [url, absolute(locs)])), pair).toEqual(expected[pair]);
      for (const [url, locs] of Object.entries(pages)) expect((locs as number[][])[0][0], `${pair} weight`).toBe((whole[pair.slice(0, 4)][url] as number[][])[0][0]);
    }
    // A character's pairs sit exactly where the character does (one-character queries match by prefix).
    for (const [word, pages] of Object.entries(whole)) {
      if (!isCharCode(word)) continue;
      const starting = Object.entries(pairs).filter(([pair]) => pair.startsWith(word));
      for (const [url, locs] of Object.entries(pages)) expect(starting.flatMap(([, p]) => (p[url] ? absolute(p[url]) : [])).sort((a, b) => a - b), word).toEqual(absolute(locs));
    }
    // 格化 is in 网格化 (p0, p2, p4) but not across the space of "网格 化" (p3).
    expect(Object.keys(pairs[pairCode(...(encodeTokens('格化') as [string, string]))]).sort()).toEqual(['/p0/', '/p2/', '/p4/']);
    expect(Object.keys(pairs[pairCode(encodeTokens('格')[0], SEPARATOR)]).sort()).toEqual(['/p1/', '/p3/', '/p4/']);

    // Tiny chunks: words in byte order, ranges apart, and every character's pairs read by the
    // chunks Pagefind picks for its token — one-character words must lose no page.
    const tiny = await mergeShardBundles([join(work, 'a'), join(work, 'b')], join(work, 'tiny'), { chunkBytes: 40 });
    expect(tiny.chunks).toBeGreaterThan(5);
    expect(postings(join(work, 'tiny'))).toEqual(merged);
    const tinyEntry = JSON.parse(readFileSync(join(work, 'tiny', 'pagefind-entry.json'), 'utf8'));
    const ranges = (new CborReader(readPagefindFile(join(work, 'tiny', `pagefind.${tinyEntry.languages.und.hash}.pf_meta`)), 'meta').value() as string[][][])[2];
    ranges.forEach(([from, to], i) => {
      expect(from <= to).toBe(true);
      if (i) expect(ranges[i - 1][1] < from).toBe(true);
    });
    const wordsOf = (hash: string) => ((new CborReader(readPagefindFile(join(work, 'tiny', 'index', `${hash}.pf_index`)), hash).value() as CborValue[][][])[0] as string[][]).map((w) => w[0]);
    for (const word of Object.keys(whole).filter(isCharCode)) {
      const read = chunksFor(word, ranges).flatMap(([, , hash]) => wordsOf(hash));
      expect(read, word).toEqual(expect.arrayContaining(Object.keys(pairs).filter((p) => p.startsWith(word))));
    }
    for (const pair of Object.keys(pairs)) expect(chunksFor(pair, ranges).flatMap(([, , hash]) => wordsOf(hash)), pair).toContain(pair);

    // The postings block a shard keeps after indexing gives the same merged index.
    writeShardPostings(join(work, 'a'));
    writeShardPostings(join(work, 'b'));
    const again = await mergeShardBundles([join(work, 'a'), join(work, 'b')], join(work, 'again'));
    expect(again.indexHash).toBe(summary.indexHash);
    expect(postings(join(work, 'again'))).toEqual(merged);

    // With a chunk cache, a second merge links the chunks the first one compressed.
    const cache = join(work, 'chunks');
    await mergeShardBundles([join(work, 'a'), join(work, 'b')], join(work, 'c1'), { chunkCache: cache });
    writeFileSync(join(cache, 'und_stale.pf_index'), 'left by an older build');
    const c2 = await mergeShardBundles([join(work, 'a'), join(work, 'b')], join(work, 'c2'), { chunkCache: cache });
    // A fact that changes no index word (a date) still renames the catalog, which is cached for good.
    const facts = JSON.parse(readFileSync(join(work, 'b', FACTS_FILE), 'utf8')) as Catalog;
    facts.pages[0][1] = '2020-02-02';
    writeFileSync(join(work, 'b', FACTS_FILE), JSON.stringify(facts));
    const redated = await mergeShardBundles([join(work, 'a'), join(work, 'b')], join(work, 'c3'), { chunkCache: cache });
    expect(redated.indexHash).not.toBe(c2.indexHash);
    expect(readdirSync(join(work, 'c3', 'index')).sort()).toEqual(readdirSync(join(work, 'c2', 'index')).sort());
    expect(c2.indexHash).toBe(summary.indexHash);
    const chunks = readdirSync(join(work, 'c2', 'index'));
    expect(readdirSync(cache).sort()).toEqual(chunks.map(cachedChunkName).sort());
    for (const f of chunks) expect(statSync(join(work, 'c2', 'index', f)).ino).toBe(statSync(join(cache, cachedChunkName(f))).ino);

    const dir = join(work, 'merged');
    expect(readdirSync(join(dir, 'fragment')).sort()).toEqual(['0', '1', '2', '3', '4'].map((n) => `${n}.pf_fragment`));
    const catalog = readCatalogFile(gunzipSync(readFileSync(join(dir, catalogFile(summary.indexHash)))), 'catalog');
    // The fold table the browser gets: entries for the index's characters only (網 → 网 is in, 語 → 语 is not).
    const folds = [...catalog.fold!].join('').match(/../gu)!;
    expect(folds).toContain('網网');
    expect(folds).not.toContain('語语');
    for (const pair of folds) expect('网格化管理员社区解矛盾志愿服务', pair).toContain([...pair][1]);
    const urls = new Map(fragments(dir));
    expect(catalog.pages.map((p) => [urls.get(p[0]), p[1], p[2], p[3], p[4]]).sort()).toEqual(
      [0, 1, 2, 3, 4].map((i) => [`/p${i}/`, DATES[i], i % 2 ? 'b' : 'a', i === 2 ? ['s1', 's2'] : [], [`r${i % 3}`]]).sort(),
    );
    rmSync(work, { recursive: true, force: true });
  });

  it('writes an entry naming no index when nothing is published yet', async () => {
    const work = scratchDir('merge-');
    expect(await mergeShardBundles([], join(work, 'out'))).toEqual({ pages: 0, chunks: 0, indexHash: '' });
    expect(readdirSync(join(work, 'out'))).toEqual(['pagefind-entry.json']);
    expect(JSON.parse(readFileSync(join(work, 'out', 'pagefind-entry.json'), 'utf8')).languages).toEqual({});
    rmSync(work, { recursive: true, force: true });
  });

  it('names the shard file that is damaged, and what it expected', { timeout: 60_000 }, async () => {
    const work = scratchDir('merge-');
    await writeBundle(join(work, 'a'), [0, 1]);
    const entry = JSON.parse(readFileSync(join(work, 'a', 'pagefind-entry.json'), 'utf8'));
    const metaFile = join(work, 'a', `pagefind.${entry.languages.und.hash}.pf_meta`);
    writeFileSync(metaFile, 'not pagefind');
    await expect(mergeShardBundles([join(work, 'a')], join(work, 'merged'))).rejects.toThrow(`${metaFile}: expected a Pagefind file (signature pagefind_dcd), found "not pagefind"`);
    writeFileSync(metaFile, Buffer.concat([Buffer.from('pagefind_dcd'), new CborWriter().value(['1.6.0', 'pages?']).bytes()]));
    await expect(mergeShardBundles([join(work, 'a')], join(work, 'merged'))).rejects.toThrow(ShardError);
    await expect(mergeShardBundles([join(work, 'a')], join(work, 'merged'))).rejects.toThrow(`${metaFile}: expected Pagefind metadata [version, pages, chunks, filters, sorts, …], found ["1.6.0","pages?"]`);
    rmSync(work, { recursive: true, force: true });
  });
});

describe('character pairs', () => {
  it('keep Pagefind’s weight markers, each followed by an absolute position', () => {
    // One page, seven positions: aaaa bbbb at 0–1 with weight marker -25, then at 5–6 with -30.
    const segment = (locs: number[]) => {
      const w = new CborWriter().array(3);
      const deltaStart = w.length;
      w.uint(0);
      const deltaEnd = w.length;
      w.value(locs).array(0);
      return { bytes: w.bytes(), start: 0, deltaStart, deltaEnd, end: w.length, pages: 1, firstPage: 0, lastPage: 0 };
    };
    const words = new Map([['aaaa', segment([-25, 0, -30, 5])], ['bbbb', segment([-25, 1, -30, 6])]]);
    const pairs = pairSegments(words, [7], 'test');
    const locs = (word: string) => {
      const p = pairs.get(word)!;
      const r = new CborReader(p.bytes, word);
      r.pos = p.start;
      return r.value();
    };
    expect([...pairs.keys()].sort()).toEqual(['aaaabbbb', pairCode('bbbb', SEPARATOR)].sort());
    expect(locs('aaaabbbb')).toEqual([0, [-25, 0, -30, 5], []]);
    expect(locs(pairCode('bbbb', SEPARATOR))).toEqual([0, [-25, 1, -30, 6], []]);
    expect(() => pairSegments(new Map([['aaaa', segment([-25, 9])]]), [7], 'shard.pf_meta')).toThrow(/shard.pf_meta: .*expected positions below the page's word count 7 .*found position 9/);
  });
});

describe('word counts in the merged metadata', () => {
  it('keep four significant bits: within 6 % of the count', () => {
    expect(roundedWordCount(15)).toBe(15);
    expect(roundedWordCount(17)).toBe(17);
    expect(roundedWordCount(1000)).toBe(992);
    for (let n = 1; n < 20_000; n += 7) expect(Math.abs(roundedWordCount(n) - n) / n).toBeLessThanOrEqual(1 / 16);
    expect(new Set(Array.from({ length: 2048 }, (_, i) => roundedWordCount(2048 + i))).size).toBe(8);
  });
});

describe('CBOR', () => {
  it('writes what it reads, byte for byte, for every integer width', () => {
    const value: CborValue = [0, 23, 24, 255, 256, 65535, 65536, 2 ** 32 - 1, 2 ** 32, -1, -25, -300, '', '网格化', [[], ['a', [1, -2]]]];
    const bytes = new CborWriter().value(value).bytes();
    const r = new CborReader(bytes, 'x');
    expect(r.value()).toEqual(value);
    expect(r.done).toBe(true);
  });
  it('says where it found what it did not expect', () => {
    expect(() => new CborReader(new CborWriter().value('a').bytes(), 'f.pf_index').arrayLength()).toThrow('f.pf_index: at byte 1: expected an array, found major type 3');
    expect(() => new CborReader(new Uint8Array([0x82, 0x01]), 'f').value()).toThrow('f: at byte 2: expected a CBOR item, found the end of the file');
  });
});

