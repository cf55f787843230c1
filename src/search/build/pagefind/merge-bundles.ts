// Merges the shards' Pagefind bundles into the one bundle the site publishes. Shards stay the unit
// of indexing (Pagefind's memory is bounded by one shard, an edit re-indexes one shard), but a
// reader's query then reads one index: one chunk per query word instead of one per word per
// shard, and one metadata file. The published words are the character pairs of every shard
// (pair-postings.ts, read by shard-postings.ts). Merging is cheap: word lists are joined, never
// re-indexed — each shard's page postings are copied as bytes, only the first page number of each
// shard's postings list is rewritten (Pagefind stores page numbers as deltas).
//
// Page ids of the merged bundle are page numbers in base 36 (short, so the metadata every query
// loads stays small); fragments are linked under those names, so they change between builds and
// are revalidated, not cached for good (docs/deploy.md).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CborWriter } from './cbor.ts';
import { mergeCatalogs, type Catalog } from '../../shared/catalog.ts';
import { catalogFile, catalogFileSections } from '../../shared/catalog-file.ts';
import { gzipSections } from '../gzip-sections.ts';
import { CHAR_WIDTH, decodeTokens } from '../../shared/char-tokens.ts';
import { foldTableFor, foldTableString } from '../../shared/fold-table.ts';
import { t2sTable } from '../t2s-table.ts';
import { CHUNK_LEVEL, pagefindFileBytes } from './pagefind-file.ts';
import { shortChunkBounds } from './chunk-bounds.ts';
import type { Segment } from './pair-postings.ts';
import { INDEX_LANGUAGE } from '../record.ts';
import { ENTRY_FILE, readShard, SHARD_OWN_FILES, type ShardIndex } from './shard-postings.ts';
import { linkOrCopy as link } from '../../../io/link-or-copy.ts';

/**
 * Raw bytes of word postings per index chunk: a query reads one chunk per word. 32 KB and 128 KB
 * both made the first query heavier (more chunks in the metadata; more neighbours per chunk).
 */
const CHUNK_BYTES = 64 * 1024;

export class MergeError extends Error {}

export interface MergeSummary {
  pages: number;
  chunks: number;
  indexHash: string;
}

function fail(file: string, expected: string, found: unknown): never {
  throw new MergeError(`${file}: expected ${expected}, found ${JSON.stringify(found)?.slice(0, 80)}`);
}

function utf8Order(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/**
 * A page's word count to four significant bits (within 6 %). Pagefind uses it only to weigh matches
 * by page length in its ranking; exact, it is the least compressible part of the metadata every
 * query loads (10 KB of 44 at 10,000 articles). Five bits cost 2 KB more at 10,000 articles.
 */
export function roundedWordCount(count: number): number {
  const shift = Math.max(0, Math.floor(Math.log2(Math.max(1, count))) - 3);
  return shift ? ((count >> shift) << shift) + (1 << (shift - 1)) : count;
}

/**
 * A chunk's name in the chunk cache: its published name with the gzip level it was compressed at,
 * so chunks an earlier build compressed at another level are compressed again (and removed).
 */
export function cachedChunkName(name: string): string {
  return `gzip${CHUNK_LEVEL}.${name}`;
}

/** Index chunks being compressed at once: enough to keep the thread pool busy, few enough to bound memory. */
const IN_FLIGHT = 16;

export interface MergeOptions {
  /**
   * A folder where index chunks are kept by content hash: a chunk an earlier build already
   * compressed is linked instead (after an edit, most chunks are unchanged); chunks this build
   * does not use are removed from it.
   */
  chunkCache?: string;
  /** Raw bytes per chunk (CHUNK_BYTES); tests use small chunks to exercise look-ups across many. */
  chunkBytes?: number;
}

/**
 * Writes to `out` one Pagefind bundle holding every page of the `shards` (in page order), plus its
 * search catalog. `out` is replaced.
 */
async function writeMergedBundle(shards: readonly ShardIndex[], out: string, { chunkCache, chunkBytes = CHUNK_BYTES }: MergeOptions): Promise<MergeSummary> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const indexed = shards.filter((s) => s.pages.length);
  const first = indexed[0];
  if (!first) {
    // Nothing published yet: an entry naming no index, which the search page reads as "no results".
    writeFileSync(join(out, ENTRY_FILE), JSON.stringify({ ...(shards[0]?.entry ?? { version: '' }), languages: {} }));
    return { pages: 0, chunks: 0, indexHash: '' };
  }
  mkdirSync(join(out, 'index'));
  mkdirSync(join(out, 'fragment'));
  const tail = JSON.stringify(first.tail);
  for (const s of indexed) {
    if (s.version !== first.version || JSON.stringify(s.tail) !== tail) fail(s.dir, `the same Pagefind version and fields as ${first.dir} (${first.version} ${tail})`, `${s.version} ${JSON.stringify(s.tail)}`);
  }

  // The runtime (pagefind.js, its worker, the WebAssembly) is the same in every shard.
  for (const name of readdirSync(first.dir, { withFileTypes: true })) {
    if (name.isFile() && !SHARD_OWN_FILES.has(name.name) && !name.name.endsWith('.pf_meta')) link(join(first.dir, name.name), join(out, name.name));
  }

  const pages: [string, number, string][] = [];
  const offsets: number[] = [];
  const catalogs: Catalog[] = [];
  const words = new Set<string>();
  for (const s of indexed) {
    offsets.push(pages.length);
    for (const [hash, count] of s.pages) {
      const id = pages.length.toString(36);
      pages.push([id, roundedWordCount(count), '']);
      link(join(s.dir, 'fragment', `${hash}.pf_fragment`), join(out, 'fragment', `${id}.pf_fragment`));
    }
    catalogs.push({ ...s.catalog, pages: s.catalog.pages.map((row, n) => [(offsets[offsets.length - 1] + n).toString(36), ...row.slice(1)] as Catalog['pages'][number]) });
    for (const w of s.words.keys()) words.add(w);
  }

  // Words in byte order, as Pagefind's runtime finds chunks by comparing words, each with its
  // shards' postings.
  const sorted = [...words].sort(utf8Order).map((word) => {
    const segments: [Segment, number][] = [];
    let pageCount = 0;
    let size = 0;
    indexed.forEach((s, i) => {
      const seg = s.words.get(word);
      if (!seg) return;
      segments.push([seg, offsets[i]]);
      pageCount += seg.pages;
      size += seg.end - seg.start;
    });
    return { word, segments, pageCount, size };
  });
  // Bytes of each character's pairs (words sharing their first character's token).
  const groupSize = new Map<string, number>();
  for (const w of sorted) groupSize.set(w.word.slice(0, CHAR_WIDTH), (groupSize.get(w.word.slice(0, CHAR_WIDTH)) ?? 0) + w.size);

  const chunkMeta: [string, string, string][] = [];
  const writes: Promise<void>[] = [];
  const inFlight = new Set<Promise<void>>();
  const cached = new Set(chunkCache && existsSync(chunkCache) ? readdirSync(chunkCache) : []);
  const used = new Set<string>();
  if (chunkCache) mkdirSync(chunkCache, { recursive: true });
  const body = new CborWriter(chunkBytes * 2);
  const head = new CborWriter(16);
  let inChunk: string[] = [];
  const flush = async () => {
    if (!inChunk.length) return;
    head.reset().array(1).array(inChunk.length);
    const name = `${INDEX_LANGUAGE}_${createHash('sha1').update(head.bytes()).update(body.bytes()).digest('hex').slice(0, 10)}.pf_index`;
    chunkMeta.push([inChunk[0], inChunk[inChunk.length - 1], name.slice(0, -'.pf_index'.length)]);
    const file = join(out, 'index', name);
    const kept = cachedChunkName(name);
    used.add(kept);
    if (chunkCache && cached.has(kept)) link(join(chunkCache, kept), file);
    else {
      // Written off the main thread: creating a file costs ~0.4 ms here, and there are thousands.
      const write = pagefindFileBytes(CHUNK_LEVEL, head.bytes(), body.bytes()).then(async (bytes) => {
        await writeFile(file, bytes);
        if (chunkCache) link(file, join(chunkCache, kept));
      });
      writes.push(write);
      inFlight.add(write);
      void write.finally(() => inFlight.delete(write)).catch(() => {});
      if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
    }
    body.reset();
    inChunk = [];
  };
  let group = '';
  for (const { word, segments, pageCount, size } of sorted) {
    // A character's pairs that do not fit in the chunk start a new one. Pagefind looks a
    // one-character word up by the chunk whose range holds its token, if any, and only otherwise
    // by prefix in every chunk: so no chunk may start before a character's pairs and end inside
    // them, or the pairs in the next chunks would go unread.
    if (word.slice(0, CHAR_WIDTH) !== group) {
      group = word.slice(0, CHAR_WIDTH);
      if (inChunk.length && body.length + groupSize.get(group)! > chunkBytes) await flush();
    }
    // A word that would overflow the chunk starts a new one too: a query then fetches a common
    // word's postings with little of its neighbours'.
    if (inChunk.length && body.length + size > chunkBytes) await flush();
    body.array(3).text(word).array(pageCount);
    let previous = 0;
    for (const [seg, offset] of segments) {
      body.raw(seg.bytes.subarray(seg.start, seg.deltaStart)).uint(offset + seg.firstPage - previous).raw(seg.bytes.subarray(seg.deltaEnd, seg.end));
      previous = offset + seg.lastPage;
    }
    body.array(0);
    inChunk.push(word);
    if (body.length >= chunkBytes) await flush();
  }
  await flush();

  const meta = new CborWriter().value([first.version, pages, shortChunkBounds(chunkMeta), [], [], ...first.tail]).bytes();
  // The reader's browser folds queries with the entries whose simplified character is indexed:
  // a traditional character folding to anything else can match nothing anyway.
  const indexedChars = new Set([...groupSize.keys()].map((code) => decodeTokens([code]).codePointAt(0)!));
  const fold = foldTableString(foldTableFor(t2sTable(), (cp) => indexedChars.has(cp)));
  const catalog = catalogFileSections({ ...mergeCatalogs(catalogs), fold });
  // Both files are named by this hash and cached for good: it covers the catalog too, whose
  // facts (a date, a star) can change while every index word stays the same.
  const hash = createHash('sha1').update(meta);
  for (const section of catalog) hash.update(section);
  const indexHash = `${INDEX_LANGUAGE}_${hash.digest('hex').slice(0, 11)}`;
  writes.push(pagefindFileBytes(9, meta).then((bytes) => writeFileSync(join(out, `pagefind.${indexHash}.pf_meta`), bytes)));
  writes.push(gzipSections(catalog).then((bytes) => writeFileSync(join(out, catalogFile(indexHash)), bytes)));
  await Promise.all(writes);
  if (chunkCache) for (const name of readdirSync(chunkCache)) if (!used.has(name)) rmSync(join(chunkCache, name), { force: true });
  writeFileSync(join(out, ENTRY_FILE), JSON.stringify({ ...first.entry, languages: { [INDEX_LANGUAGE]: { ...first.entry.languages[INDEX_LANGUAGE], hash: indexHash, page_count: pages.length } } }));
  return { pages: pages.length, chunks: chunkMeta.length, indexHash };
}

/** Reads the shard bundles `dirs` (in page order) and merges them into `out`. */
export async function mergeShardBundles(dirs: readonly string[], out: string, options: MergeOptions = {}): Promise<MergeSummary> {
  return writeMergedBundle(dirs.map(readShard), out, options);
}
