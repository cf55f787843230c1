// The index chunks' ranges, cut short in the metadata (src/search/build/pagefind/chunk-bounds.ts):
// Pagefind's runtime must pick the same chunk for every query term as with the whole words as
// ends — every pair word the index holds, every character token (a one-character query), words
// it does not hold — on chunkings like the merge's (a character's pairs start a new chunk when
// they do not fit, a busy character's pairs fill several).
import { describe, expect, it } from 'vitest';
import { shortChunkBounds } from '../../src/search/build/pagefind/chunk-bounds.ts';
import { rng } from '../../scripts/bench/corpus.ts';

type Ranges = readonly (readonly [string, string, string])[];

/**
 * The chunk Pagefind's runtime loads for one term (pagefind_web's try_request_indexes): the first
 * whose range holds it; when none does, the first whose ends, cut to the term's length, hold it.
 */
function pagefindChunk(term: string, ranges: Ranges, byPrefix: boolean): string | undefined {
  const found = ranges.find(([from, to]) => {
    if (!byPrefix) return term >= from && term <= to;
    const f = Math.min(term.length, from.length);
    const t = Math.min(term.length, to.length);
    return term.slice(0, f) >= from.slice(0, f) && term.slice(0, t) <= to.slice(0, t);
  });
  return found?.[2];
}

/** The chunks for a one-word query: strictly, or by prefix when no range holds it (request_indexes). */
function chunkFor(term: string, ranges: Ranges): string | undefined {
  return pagefindChunk(term, ranges, false) ?? pagefindChunk(term, ranges, true);
}

/** Sorted pair words (two 4-letter tokens from a small alphabet, so neighbours share prefixes) chunked as the merge does. */
function chunking(seed: number, chunkWords: number): { words: string[]; tokens: string[]; ranges: [string, string, string][] } {
  const rand = rng(seed);
  const letter = () => 'abcdxyz'[Math.floor(rand() * 7)];
  const token = () => letter() + letter() + letter() + letter();
  const tokens = [...new Set(Array.from({ length: 60 }, token))];
  const words = new Set<string>();
  for (const t of tokens) {
    // Some characters start a handful of pairs, a busy one several chunks' worth.
    const n = rand() < 0.1 ? chunkWords * 3 : 1 + Math.floor(rand() * chunkWords);
    for (let i = 0; i < n; i++) words.add(t + token());
  }
  const sorted = [...words].sort();
  const ranges: [string, string, string][] = [];
  let chunk: string[] = [];
  const flush = () => {
    if (chunk.length) ranges.push([chunk[0], chunk[chunk.length - 1], `c${ranges.length}`]);
    chunk = [];
  };
  for (let i = 0; i < sorted.length; i++) {
    const w = sorted[i];
    if (i && w.slice(0, 4) !== sorted[i - 1].slice(0, 4)) {
      const group = sorted.filter((x) => x.startsWith(w.slice(0, 4))).length;
      if (chunk.length + group > chunkWords) flush();
    }
    chunk.push(w);
    if (chunk.length >= chunkWords) flush();
  }
  flush();
  return { words: sorted, tokens, ranges };
}

describe('cut chunk ranges', () => {
  it('send every query term to the chunk the whole words would', () => {
    let saved = 0;
    let total = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const { words, tokens, ranges } = chunking(seed, 3 + (seed % 9));
      const short = shortChunkBounds(ranges);
      expect(short.map(([, , name]) => name)).toEqual(ranges.map(([, , name]) => name));
      const rand = rng(seed * 7);
      const absent = Array.from({ length: 200 }, () => Array.from({ length: 8 }, () => 'abcdxyz'[Math.floor(rand() * 7)]).join('')).filter((w) => !words.includes(w));
      const letters = Array.from({ length: 100 }, () => Array.from({ length: 4 }, () => 'abcdxyz'[Math.floor(rand() * 7)]).join(''));
      for (const term of [...words, ...tokens, ...letters]) expect(chunkFor(term, short), `${term} (seed ${seed})`).toBe(chunkFor(term, ranges));
      // A word the index does not hold may be sent elsewhere (it is found nowhere either way), but never to no chunk when it had one.
      for (const term of absent) if (chunkFor(term, ranges)) expect(chunkFor(term, short), `${term} (seed ${seed})`).toBeDefined();
      short.forEach(([from, to], i) => {
        const [first, last] = ranges[i];
        expect(first.startsWith(from) && from.length > 4, `${from} ${first}`).toBe(true);
        expect(to >= last && to.slice(0, 4) === last.slice(0, 4) && to.length > 4, `${to} ${last}`).toBe(true);
        if (i) expect(short[i - 1][1] < from).toBe(true);
        if (i + 1 < ranges.length) expect(to < ranges[i + 1][0]).toBe(true);
      });
      saved += ranges.flat().join('').length - short.flat().join('').length;
      total += ranges.length;
    }
    // About three letters per end, the gain that made this worth doing.
    expect(saved / total).toBeGreaterThan(4);
  });

  it('keep ends shorter than five letters whole, and a single chunk to its own words', () => {
    expect(shortChunkBounds([['12', '64', 'a'], ['aaaabbbb', 'aaaabbbc', 'b']])).toEqual([['12', '64', 'a'], ['aaaab', 'aaaabbbc', 'b']]);
    expect(shortChunkBounds([['aaaabbbb', 'zzzzzzzz', 'a']])).toEqual([['aaaab', 'zzzzzzzz', 'a']]);
    // No raised letter fits before the next word: the whole last word.
    expect(shortChunkBounds([['aaaaaaaa', 'aaaazzzy', 'a'], ['aaaazzzz', 'bbbbbbbb', 'b']])).toEqual([['aaaaa', 'aaaazzzy', 'a'], ['aaaazzzz', 'bbbbbbbb', 'b']]);
  });
});
