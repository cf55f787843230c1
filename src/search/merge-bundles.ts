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
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { CborWriter } from './cbor.ts';
import { mergeCatalogs, type Catalog } from './catalog.ts';
import { catalogColumns, catalogFile } from './catalog-file.ts';
import { pagefindFileBytes } from './pagefind-file.ts';
import type { Segment } from './pair-postings.ts';
import { INDEX_LANGUAGE } from './record.ts';
import { ENTRY_FILE, link, readShard, SHARD_OWN_FILES, type ShardIndex } from './shard-postings.ts';

/**
 * Raw bytes of word postings per index chunk: a query reads one chunk per word. 32 KB and 128 KB
 * both made the first query heavier (more chunks in the metadata; more neighbours per chunk).
 */
export const CHUNK_BYTES = 64 * 1024;

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

function hashOf(bytes: Uint8Array, length: number): string {
  return createHash('sha1').update(bytes).digest('hex').slice(0, length);
}

/**
 * A page's word count to five significant bits (within 3 %). Pagefind uses it only to weigh matches
 * by page length in its ranking; exact, it is the least compressible part of the metadata every
 * query loads (10 KB of 44 at 10,000 articles).
 */
export function roundedWordCount(count: number): number {
  const shift = Math.max(0, Math.floor(Math.log2(Math.max(1, count))) - 4);
  return shift ? ((count >> shift) << shift) + (1 << (shift - 1)) : count;
}

/** Index chunks being compressed at once: enough to keep the thread pool busy, few enough to bound memory. */
const IN_FLIGHT = 16;

/**
 * Writes to `out` one Pagefind bundle holding every page of the `shards` (in page order), plus its
 * search catalog. `out` is replaced. With a `chunkCache` folder, index chunks are kept there by
 * content hash, and a chunk an earlier build already compressed is linked instead (after an edit,
 * most chunks are unchanged); chunks this build does not use are removed from it.
 */
export async function writeMergedBundle(shards: readonly ShardIndex[], out: string, chunkCache?: string): Promise<MergeSummary> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'index'), { recursive: true });
  mkdirSync(join(out, 'fragment'), { recursive: true });
  const indexed = shards.filter((s) => s.pages.length);
  const first = indexed[0];
  if (!first) {
    writeFileSync(join(out, ENTRY_FILE), JSON.stringify({ ...(shards[0]?.entry ?? { version: '' }), languages: {} }));
    return { pages: 0, chunks: 0, indexHash: '' };
  }
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

  // Words in byte order, as Pagefind's runtime finds chunks by comparing words.
  const sorted = [...words].sort(utf8Order);
  const chunkMeta: [string, string, string][] = [];
  const writes: Promise<void>[] = [];
  const inFlight = new Set<Promise<void>>();
  const cached = new Set(chunkCache && existsSync(chunkCache) ? readdirSync(chunkCache) : []);
  const used = new Set<string>();
  if (chunkCache) mkdirSync(chunkCache, { recursive: true });
  const body = new CborWriter(CHUNK_BYTES * 2);
  const head = new CborWriter(16);
  let inChunk: string[] = [];
  const flush = async () => {
    if (!inChunk.length) return;
    head.reset().array(1).array(inChunk.length);
    const name = `${INDEX_LANGUAGE}_${createHash('sha1').update(head.bytes()).update(body.bytes()).digest('hex').slice(0, 10)}.pf_index`;
    chunkMeta.push([inChunk[0], inChunk[inChunk.length - 1], name.slice(0, -'.pf_index'.length)]);
    const file = join(out, 'index', name);
    used.add(name);
    if (chunkCache && cached.has(name)) link(join(chunkCache, name), file);
    else {
      // Written off the main thread: creating a file costs ~0.4 ms here, and there are thousands.
      const write = pagefindFileBytes(head.bytes(), body.bytes()).then(async (bytes) => {
        await writeFile(file, bytes);
        if (chunkCache) link(file, join(chunkCache, name));
      });
      writes.push(write);
      inFlight.add(write);
      void write.finally(() => inFlight.delete(write)).catch(() => {});
      if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
    }
    body.reset();
    inChunk = [];
  };
  for (const word of sorted) {
    const segments: [Segment, number][] = [];
    let total = 0;
    indexed.forEach((s, i) => {
      const seg = s.words.get(word);
      if (seg) {
        segments.push([seg, offsets[i]]);
        total += seg.pages;
      }
    });
    // A word that would overflow the chunk starts a new one: a query then fetches a common word's
    // postings with little of its neighbours'.
    const size = segments.reduce((n, [seg]) => n + seg.end - seg.start, 0);
    if (inChunk.length && body.length + size > CHUNK_BYTES) await flush();
    body.array(3).text(word).array(total);
    let previous = 0;
    for (const [seg, offset] of segments) {
      body.raw(seg.bytes.subarray(seg.start, seg.deltaStart)).uint(offset + seg.firstPage - previous).raw(seg.bytes.subarray(seg.deltaEnd, seg.end));
      previous = offset + seg.lastPage;
    }
    body.array(0);
    inChunk.push(word);
    if (body.length >= CHUNK_BYTES) await flush();
  }
  await flush();

  const meta = new CborWriter().value([first.version, pages, chunkMeta, [], [], ...first.tail]).bytes();
  const indexHash = `${INDEX_LANGUAGE}_${hashOf(meta, 11)}`;
  writes.push(pagefindFileBytes(meta).then((bytes) => writeFileSync(join(out, `pagefind.${indexHash}.pf_meta`), bytes)));
  const catalog = JSON.stringify(catalogColumns(mergeCatalogs(catalogs)));
  writes.push(promisify(gzip)(catalog, { level: 9 }).then((bytes) => writeFileSync(join(out, catalogFile(indexHash)), bytes)));
  await Promise.all(writes);
  if (chunkCache) for (const name of readdirSync(chunkCache)) if (!used.has(name)) rmSync(join(chunkCache, name), { force: true });
  writeFileSync(join(out, ENTRY_FILE), JSON.stringify({ ...first.entry, languages: { [INDEX_LANGUAGE]: { ...first.entry.languages[INDEX_LANGUAGE], hash: indexHash, page_count: pages.length } } }));
  return { pages: pages.length, chunks: chunkMeta.length, indexHash };
}

/** Reads and merges shard bundles in one go. */
export async function mergeShardBundles(dirs: readonly string[], out: string, chunkCache?: string): Promise<MergeSummary> {
  return writeMergedBundle(dirs.map(readShard), out, chunkCache);
}
