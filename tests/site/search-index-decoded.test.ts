// The published search index read the way Pagefind's runtime reads it, decoded with cborg (a kept
// CBOR library) rather than the project's own codec (src/search/build/pagefind/cbor.ts): the
// version, the pages, the chunk ranges, and for every word exactly the pages and positions its
// character pair has in the page texts (the fragments' text as shown, folded the way queries are,
// plus the place aliases the build appends).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decode } from 'cborg';
import { describe, expect, inject, it } from 'vitest';
import { encodeTokens, isCharCode, SEPARATOR } from '../../src/search/shared/char-tokens.ts';
import { catalogFile, readCatalogFile } from '../../src/search/shared/catalog-file.ts';
import { indexCatalog } from '../../src/search/shared/catalog.ts';
import { foldText, foldWord } from '../../src/search/shared/normalize.ts';
import { PAGEFIND_VERSION } from '../../src/search/build/pagefind/version.ts';

type Postings = Map<string, Map<number, number[]>>;

/** A Pagefind file's payload: gzip around the signature pagefind_dcd. */
function payload(file: string): Buffer {
  const raw = gunzipSync(readFileSync(file));
  expect(raw.subarray(0, 12).toString('latin1'), file).toBe('pagefind_dcd');
  return raw.subarray(12);
}

function readIndex(dist: string) {
  const dir = join(dist, 'pagefind');
  const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8'));
  const meta = decode(payload(join(dir, `pagefind.${entry.languages.und.hash}.pf_meta`))) as [string, [string, number, string][], [string, string, string][], unknown[], unknown[], ...unknown[]];
  const [version, pages, chunks] = meta;
  const fragments = pages.map(([id]) => JSON.parse(payload(join(dir, 'fragment', `${id}.pf_fragment`)).toString('utf8')) as { url: string; content: string });
  const published: Postings = new Map();
  const chunkWords: string[][] = [];
  for (const [, , hash] of chunks) {
    const [words] = decode(payload(join(dir, 'index', `${hash}.pf_index`))) as [[string, [number, number[], unknown[]][]][]];
    chunkWords.push(words.map(([w]) => w));
    for (const [word, list] of words) {
      const byPage = new Map<number, number[]>();
      let page = 0;
      for (const [delta, locations] of list) {
        page += delta;
        // A negative number is a weight marker; the position after it is absolute, later ones deltas.
        const at: number[] = [];
        let pos = 0;
        for (const x of locations) {
          if (x < 0) pos = 0;
          else at.push((pos += x));
        }
        byPage.set(page, at);
      }
      published.set(word, byPage);
    }
  }
  const catalog = indexCatalog(readCatalogFile(gunzipSync(readFileSync(join(dir, catalogFile(entry.languages.und.hash)))), 'catalog'));
  return { entry, version, pages, chunks, fragments, published, chunkWords, catalog };
}

/** A page's indexed tokens: each line of its fragment folded, then its places' aliases not in it (as record.ts appends them). */
function indexedTokens(content: string, placeId: string, catalog: ReturnType<typeof indexCatalog>): string[] {
  const folded = content.split('\n').map((line) => foldText(line, catalog.fold).text).filter(Boolean).join(' ');
  const lineage = [];
  for (let p = catalog.place(placeId); p; p = p.parent ? catalog.place(p.parent) : undefined) lineage.unshift(p);
  const aliases = lineage.flatMap((p) => (p.aliases ?? []).map((a) => foldWord(a, catalog.fold))).filter((a, i, all) => a && all.indexOf(a) === i && !folded.includes(a));
  return encodeTokens([folded, ...aliases].join(' '));
}

/** Every character's pair (with the next character, or the separator) at its position, per page. */
function pairsOf(pages: string[][]): Postings {
  const out: Postings = new Map();
  pages.forEach((tokens, page) => {
    tokens.forEach((t, pos) => {
      if (!isCharCode(t)) return;
      const next = tokens[pos + 1] ?? '';
      const pair = t + (isCharCode(next) ? next : SEPARATOR);
      const byPage = out.get(pair) ?? out.set(pair, new Map()).get(pair)!;
      (byPage.get(page) ?? byPage.set(page, []).get(page)!).push(pos);
    });
  });
  return out;
}

const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

describe.each([
  ['the fixture site', () => inject('fixtureDist')],
  ['the committed content, in 2 KB chunks', () => inject('siteDist')],
])('the merged index of %s, decoded with cborg', (_name, distOf) => {
  const dist = distOf();
  const index = readIndex(dist);

  it(`was written for Pagefind ${PAGEFIND_VERSION}, the pinned version`, () => {
    expect(index.version).toBe(PAGEFIND_VERSION);
    expect(index.entry.version).toBe(PAGEFIND_VERSION);
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8'));
    expect(pkg.dependencies.pagefind).toBe(PAGEFIND_VERSION);
  });

  it('holds one page per published article, each with its fragment', () => {
    // Story pages only: /articles/ itself and its numbered pages (/articles/page/<n>/) are lists.
    const articles = readdirSync(join(dist, 'articles'), { withFileTypes: true }).filter((e) => e.isDirectory() && e.name !== 'page').map((e) => `/articles/${e.name}/`).sort();
    expect(index.pages).toHaveLength(index.entry.languages.und.page_count);
    expect(index.fragments.map((f) => f.url).sort()).toEqual(articles);
  });

  it('keeps words in byte order, each chunk within its range and the ranges apart', () => {
    index.chunks.forEach(([from, to], i) => {
      const words = index.chunkWords[i];
      expect(words.length).toBeGreaterThan(0);
      expect([...words].sort(byteOrder)).toEqual(words);
      // Ends cut short (chunk-bounds.ts): a prefix of the first word, a string at or after the
      // last, both keeping the first character's token whole.
      expect(words[0].startsWith(from) && from.length > 4).toBe(true);
      expect(byteOrder(words.at(-1)!, to)).toBeLessThanOrEqual(0);
      expect(to.slice(0, 4)).toBe(words.at(-1)!.slice(0, 4));
      if (i) expect(byteOrder(index.chunkWords[i - 1].at(-1)!, from)).toBeLessThan(0);
      if (i) expect(byteOrder(index.chunks[i - 1][1], from)).toBeLessThan(0);
      if (i) expect(byteOrder(index.chunks[i - 1][1], words[0])).toBeLessThan(0);
    });
  });

  it('lists for every character pair exactly the pages and positions where the page texts have it', () => {
    const expected = pairsOf(index.fragments.map(({ content }, page) => indexedTokens(content, index.catalog.catalog.pages[page][2], index.catalog)));
    expect(expected.size).toBeGreaterThan(100);
    expect([...index.published.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [pair, pages] of expected) expect(index.published.get(pair), pair).toEqual(pages);
  });
});
