// A shard's Pagefind bundle, read for the merge (merge-bundles.ts): its pages, its catalog facts and
// its words' postings — the character pairs derived from Pagefind's character postings
// (pair-postings.ts). Right after a shard is indexed, its pairs are written beside it as one
// uncompressed block and a table, so every later build reads each shard in milliseconds.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CborReader, type CborValue } from './cbor.ts';
import { CATALOG_VERSION, parseCatalog, type Catalog } from '../../shared/catalog.ts';
import { readPagefindFile } from './pagefind-file.ts';
import { pairSegments, type Segment } from './pair-postings.ts';
import { INDEX_LANGUAGE } from '../record.ts';
import { expectPagefindVersion } from './version.ts';

/** Pagefind's entry file, which names a bundle's index. */
export const ENTRY_FILE = 'pagefind-entry.json';
/** Per shard bundle: the facts the search catalog is built from, keyed by Pagefind page hash. */
export const FACTS_FILE = 'search-facts.json';
/**
 * Per shard bundle, written when the shard is indexed: its words' postings as one uncompressed
 * block plus a table of where each word's lie, so each build's merge reads every shard in
 * milliseconds instead of unpacking and walking its index chunks again.
 */
const POSTINGS_BLOCK = 'merge-postings.bin';
const POSTINGS_TABLE = 'merge-postings.json';
/** Files of a shard bundle that are not Pagefind's runtime (which the merge publishes as is). */
export const SHARD_OWN_FILES: ReadonlySet<string> = new Set([ENTRY_FILE, FACTS_FILE, POSTINGS_BLOCK, POSTINGS_TABLE]);
type PostingsRow = [word: string, start: number, deltaStart: number, deltaEnd: number, end: number, pages: number, firstPage: number, lastPage: number];

export class ShardError extends Error {}

interface Entry {
  version: string;
  languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
  [key: string]: unknown;
}

function fail(file: string, expected: string, found: unknown): never {
  throw new ShardError(`${file}: expected ${expected}, found ${JSON.stringify(found)?.slice(0, 80)}`);
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return fail(file, 'a JSON file', (e as Error).message);
  }
}

function readEntry(dir: string): Entry {
  const file = join(dir, ENTRY_FILE);
  const entry = readJson(file) as Entry;
  if (typeof entry !== 'object' || entry === null || typeof entry.version !== 'string' || typeof entry.languages !== 'object' || entry.languages === null) fail(file, 'a Pagefind entry with version and languages', entry);
  expectPagefindVersion(entry.version, file);
  const langs = Object.keys(entry.languages);
  if (langs.length > 1 || (langs.length === 1 && langs[0] !== INDEX_LANGUAGE)) fail(file, `one index, language ${INDEX_LANGUAGE}`, langs);
  return entry;
}

/** Steps over a list of integers (a page's locations) faster than CborReader.skip. */
function skipIntegers(r: CborReader): void {
  const n = r.arrayLength();
  const b = r.bytes;
  let pos = r.pos;
  for (let i = 0; i < n; i++) {
    const initial = b[pos++];
    if (initial >> 6) {
      r.pos = pos - 1;
      r.fail('an integer location', `major type ${initial >> 5}`);
    }
    const info = initial & 31;
    if (info >= 24) pos += 1 << (info - 24);
  }
  r.pos = pos;
}

/** Reads one index chunk's words into `words` (page numbers of the shard). */
function readChunk(file: string, words: Map<string, Segment>): void {
  const r = new CborReader(readPagefindFile(file), file);
  const length = (expected: number, what: string) => {
    const n = r.arrayLength();
    if (n !== expected) r.fail(what, `a list of ${n}`);
  };
  length(1, 'an index chunk [words]');
  const n = r.arrayLength();
  for (let w = 0; w < n; w++) {
    length(3, 'a word [word, pages, extra]');
    const word = r.text();
    const pages = r.arrayLength();
    const start = r.pos;
    let deltaStart = 0;
    let deltaEnd = 0;
    let page = 0;
    let firstPage = 0;
    for (let p = 0; p < pages; p++) {
      length(3, `a page entry [page, locations, meta locations] of word ${word}`);
      if (p === 0) deltaStart = r.pos;
      page += r.uint();
      if (p === 0) {
        deltaEnd = r.pos;
        firstPage = page;
      }
      skipIntegers(r);
      skipIntegers(r);
    }
    const end = r.pos;
    // Pagefind writes an empty list here for plain words; anything else would need merging too.
    length(0, `an empty list after the pages of word ${word}`);
    if (!pages) continue;
    if (words.has(word)) r.fail(`each word once in the shard's index`, `${word} a second time`);
    words.set(word, { bytes: r.bytes, start, deltaStart, deltaEnd, end, pages, firstPage, lastPage: page });
  }
  if (!r.done) r.fail('the end of the chunk', `${r.bytes.length - r.pos} more bytes`);
}

/** One shard bundle, read for merging: its pages, its words' postings, its catalog facts. */
export interface ShardIndex {
  dir: string;
  entry: Entry;
  /** [Pagefind page hash, word count], in Pagefind's page order. */
  pages: [string, number][];
  words: Map<string, Segment>;
  /** Catalog rows by page number in the shard. */
  catalog: Catalog;
  version: string;
  /** Metadata fields after filters and sorts, the same in every shard. */
  tail: CborValue[];
}

/** Reads a shard bundle: from its postings block when written, else from Pagefind's own files. */
export function readShard(dir: string): ShardIndex {
  const entry = readEntry(dir);
  const shard: ShardIndex = { dir, entry, pages: [], words: new Map(), catalog: { version: CATALOG_VERSION, places: [], stars: [], people: [], pages: [] }, version: '', tail: [] };
  if (!Object.keys(entry.languages).length) return shard;
  const metaFile = join(dir, `pagefind.${entry.languages[INDEX_LANGUAGE].hash}.pf_meta`);
  const meta = new CborReader(readPagefindFile(metaFile), metaFile).value();
  if (!Array.isArray(meta) || meta.length < 5 || typeof meta[0] !== 'string' || !Array.isArray(meta[1]) || !Array.isArray(meta[2])) fail(metaFile, 'Pagefind metadata [version, pages, chunks, filters, sorts, …]', meta);
  // Filters and sorts are not merged: facets and date order come from the search catalog.
  if ((meta[3] as CborValue[]).length || (meta[4] as CborValue[]).length) fail(metaFile, 'no Pagefind filters or sorts (facets come from the search catalog)', [meta[3], meta[4]]);
  expectPagefindVersion(meta[0] as string, metaFile);
  shard.version = meta[0] as string;
  shard.tail = meta.slice(5);
  const local = new Map<string, number>();
  for (const p of meta[1] as CborValue[]) {
    if (!Array.isArray(p) || typeof p[0] !== 'string' || typeof p[1] !== 'number' || p[2] !== '') fail(metaFile, 'pages [hash, word count, ""] (no fragment groups)', p);
    local.set(p[0] as string, shard.pages.length);
    shard.pages.push([p[0] as string, p[1] as number]);
  }
  const table = join(dir, POSTINGS_TABLE);
  if (existsSync(table)) readPostings(dir, shard.words);
  else {
    for (const c of meta[2] as CborValue[]) {
      if (!Array.isArray(c) || typeof c[2] !== 'string') fail(metaFile, 'index chunks [from, to, hash]', c);
      readChunk(join(dir, 'index', `${c[2]}.pf_index`), shard.words);
    }
    // Published: the pairs only (see pair-postings.ts); Pagefind's character words are their source.
    shard.words = pairSegments(shard.words, shard.pages.map((p) => p[1]), metaFile);
  }

  const factsFile = join(dir, FACTS_FILE);
  if (!existsSync(factsFile)) fail(factsFile, 'the facts of the shard’s pages', 'no file');
  const facts = parseCatalog(readJson(factsFile), factsFile);
  const rows: Catalog['pages'] = [];
  for (const row of facts.pages) {
    const n = local.get(row[0]);
    if (n === undefined) fail(factsFile, 'pages of the shard’s Pagefind index', row[0]);
    rows[n] = row;
  }
  const missing = shard.pages.findIndex((_, n) => !rows[n]);
  if (missing >= 0) fail(factsFile, `facts for every page of the shard’s Pagefind index`, `none for ${shard.pages[missing][0]}`);
  shard.catalog = { ...facts, pages: rows };
  return shard;
}

function readPostings(dir: string, words: Map<string, Segment>): void {
  const file = join(dir, POSTINGS_TABLE);
  const bytes = readFileSync(join(dir, POSTINGS_BLOCK));
  const rows = readJson(file);
  if (!Array.isArray(rows)) fail(file, 'a list of words', rows);
  for (const row of rows as unknown[]) {
    const ok = Array.isArray(row) && row.length === 8 && typeof row[0] === 'string' && row.slice(1).every((n) => Number.isInteger(n) && n >= 0);
    // Offsets in order and inside the block: start ≤ deltaStart ≤ deltaEnd ≤ end ≤ its size.
    const inBlock = ok && row[1] <= row[2] && row[2] <= row[3] && row[3] <= row[4] && row[4] <= bytes.length && row[6] <= row[7];
    if (!inBlock) fail(file, `[word, start, deltaStart, deltaEnd, end, pages, firstPage, lastPage] in order within the ${bytes.length} bytes of ${POSTINGS_BLOCK}`, row);
    const [word, start, deltaStart, deltaEnd, end, pages, firstPage, lastPage] = row as PostingsRow;
    words.set(word, { bytes, start, deltaStart, deltaEnd, end, pages, firstPage, lastPage });
  }
}

/** Writes a freshly indexed shard's postings block and table (see POSTINGS_BLOCK). */
export function writeShardPostings(dir: string): void {
  const { words } = readShard(dir);
  const parts: Uint8Array[] = [];
  const rows: PostingsRow[] = [];
  let at = 0;
  for (const [word, s] of words) {
    parts.push(s.bytes.subarray(s.start, s.end));
    rows.push([word, at, at + s.deltaStart - s.start, at + s.deltaEnd - s.start, at + s.end - s.start, s.pages, s.firstPage, s.lastPage]);
    at += s.end - s.start;
  }
  writeFileSync(join(dir, POSTINGS_BLOCK), Buffer.concat(parts));
  writeFileSync(join(dir, POSTINGS_TABLE), JSON.stringify(rows));
}

