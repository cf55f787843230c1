// Character-pair words: the published index's words, read off the character postings Pagefind
// wrote for each shard.
//
// Pagefind indexes one token per character (cheap to index, see char-tokens.ts), but a query would
// then read the postings of every character it has, and the characters of common words are in
// nearly every article (网, 格, 化 in 84–98 % of the benchmark's). A pair's postings are much
// smaller: a query word of n characters is found as n − 1 consecutive pairs, at the positions
// Pagefind gave each pair's first character, with its weight. Nothing is re-indexed: the pairs are
// read off Pagefind's own positions, so they agree with it by construction.
//
// Every character occurrence starts exactly one pair — with the next character, or with the
// separator when a space or the end of the text follows — so the pairs a character's token is a
// prefix of sit exactly where the character does: a one-character query word, which Pagefind
// matches by prefix, finds the same pages and positions as the character's own token. The
// character tokens themselves are therefore not published.
import { CborReader, CborWriter } from './cbor.ts';
import { isCharCode, pairCode, SEPARATOR } from '../../shared/char-tokens.ts';

/** One word's postings in a shard: page entries as Pagefind encodes them, and where they lie. */
export interface Segment {
  bytes: Uint8Array;
  start: number;
  /** The first entry's page delta, which a merge rewrites. */
  deltaStart: number;
  deltaEnd: number;
  end: number;
  pages: number;
  firstPage: number;
  lastPage: number;
}

/**
 * The pair words of a shard, from its character words. `wordCounts` are the pages' word counts
 * from Pagefind's metadata: a page's positions run from 0 to its word count. Typed arrays
 * throughout: a shard has about a million positions.
 */
export function pairSegments(words: ReadonlyMap<string, Segment>, wordCounts: readonly number[], source: string): Map<string, Segment> {
  const pages = wordCounts.length;
  const pageStart = new Int32Array(pages + 1);
  for (let p = 0; p < pages; p++) pageStart[p + 1] = pageStart[p] + wordCounts[p];
  const total = pageStart[pages];
  // Each page's text as character indexes by position (-1: no character, e.g. a separator), and
  // the weight marker in force at each position.
  const text = new Int32Array(total).fill(-1);
  const weightAt = new Int32Array(total);
  const chars: string[] = [];
  for (const [word, s] of words) {
    if (!isCharCode(word)) continue;
    const c = chars.push(word) - 1;
    const r = new CborReader(s.bytes, source);
    r.pos = s.start;
    let page = 0;
    for (let p = 0; p < s.pages; p++) {
      r.arrayLength();
      page += r.uint();
      if (page >= pages) r.fail(`a page below ${pages} (the shard's page count)`, `page ${page}`);
      const n = r.arrayLength();
      const base = pageStart[page];
      const count = wordCounts[page];
      // Pagefind's locations: a negative number sets the weight of the positions after it, the
      // first position after it is absolute, the others are deltas. 0: no marker seen yet.
      let pos = 0;
      let weight = 0;
      // Integers read inline (this loop sees every position of the shard): 1–5 byte CBOR heads.
      const b = r.bytes;
      let at = r.pos;
      for (let i = 0; i < n; i++) {
        const initial = b[at];
        const info = initial & 31;
        if (initial >> 6 || info > 26) {
          r.pos = at;
          r.fail(`a location of word ${word} (an integer below 2³²)`, `initial byte ${initial}`);
        }
        at++;
        let v = info;
        if (info === 24) v = b[at++];
        else if (info === 25) {
          v = (b[at] << 8) | b[at + 1];
          at += 2;
        } else if (info === 26) {
          v = ((b[at] << 24) >>> 0) + ((b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3]);
          at += 4;
        }
        if (initial >> 5 === 1) {
          weight = -1 - v;
          pos = 0;
          continue;
        }
        pos += v;
        if (pos >= count) {
          r.pos = at;
          r.fail(`positions below the page's word count ${count} (page ${page}, word ${word})`, `position ${pos}`);
        }
        text[base + pos] = c;
        weightAt[base + pos] = weight;
      }
      r.pos = at;
      r.skip(); // meta locations: characters are never in the digits-only meta fields
    }
  }

  // Every position's pair as a dense id (-1: none). A character followed by no character (a
  // separator, or the end of the text) pairs with the separator: every character occurrence
  // starts one pair (see the header).
  const K = chars.length + 1;
  const ids = new Map<number, number>();
  const keys: number[] = [];
  const pairAt = new Int32Array(total).fill(-1);
  const pageOf = new Int32Array(total);
  for (let page = 0; page < pages; page++) {
    const end = pageStart[page + 1];
    for (let at = pageStart[page]; at < end; at++) {
      pageOf[at] = page;
      const a = text[at];
      if (a < 0) continue;
      const key = a * K + (at + 1 < end && text[at + 1] >= 0 ? text[at + 1] : chars.length);
      let id = ids.get(key);
      if (id === undefined) {
        id = keys.push(key) - 1;
        ids.set(key, id);
      }
      pairAt[at] = id;
    }
  }

  // Positions grouped by pair, in position order (so page by page): a counting sort.
  const start = new Int32Array(keys.length + 1);
  for (let at = 0; at < total; at++) if (pairAt[at] >= 0) start[pairAt[at] + 1]++;
  for (let k = 0; k < keys.length; k++) start[k + 1] += start[k];
  const order = new Int32Array(start[keys.length]);
  const fill = start.slice(0, keys.length);
  for (let at = 0; at < total; at++) if (pairAt[at] >= 0) order[fill[pairAt[at]]++] = at;

  const out = new Map<string, Segment>();
  const w = new CborWriter(1 << 20);
  for (let k = 0; k < keys.length; k++) {
    const segStart = w.length;
    let count = 0;
    let deltaStart = 0;
    let deltaEnd = 0;
    let previous = 0;
    let firstPage = 0;
    for (let i = start[k]; i < start[k + 1]; ) {
      const page = pageOf[order[i]];
      let j = i;
      let locs = 0;
      let weight: number | undefined;
      for (; j < start[k + 1] && pageOf[order[j]] === page; j++) {
        if (weightAt[order[j]] !== weight) {
          if (weightAt[order[j]] < 0) locs++;
          weight = weightAt[order[j]];
        }
        locs++;
      }
      // Locations as Pagefind writes them: a weight marker first and at every change, each
      // followed by an absolute position, the rest as deltas.
      w.array(3);
      if (!count) {
        deltaStart = w.length;
        firstPage = page;
      }
      w.uint(page - previous);
      if (!count) deltaEnd = w.length;
      w.array(locs);
      weight = undefined;
      let pos = 0;
      for (let x = i; x < j; x++) {
        const at = order[x];
        if (weightAt[at] !== weight) {
          weight = weightAt[at];
          if (weight < 0) {
            w.value(weight);
            pos = 0;
          }
        }
        w.uint(at - pageStart[page] - pos);
        pos = at - pageStart[page];
      }
      w.array(0);
      previous = page;
      count++;
      i = j;
    }
    out.set(pairCode(chars[Math.floor(keys[k] / K)], chars[keys[k] % K] ?? SEPARATOR), { bytes: new Uint8Array(0), start: segStart, deltaStart, deltaEnd, end: w.length, pages: count, firstPage, lastPage: previous });
  }
  const bytes = w.bytes();
  for (const seg of out.values()) seg.bytes = bytes;
  return out;
}
