// The excerpt shown under a result: a window of the article's body around the first place a query
// word occurs there (the body's start when it occurs only in the headline block), with every
// occurrence of every word in the window marked. Words are found in the folded text (normalize.ts)
// and marked on the original characters: “五星”支部 is marked whole for 五星支部. Plain ranges:
// the page builds <mark> elements from them, so nothing from an article is parsed as HTML.
import { foldText } from '../shared/normalize.ts';
import type { FoldTable } from '../shared/fold-table.ts';

export interface Excerpt {
  text: string;
  /** [start, end) ranges in `text` to highlight, sorted, not overlapping. */
  marks: [number, number][];
  /** Text was cut before / after the window. */
  before: boolean;
  after: boolean;
}

const LEAD = 24;
const OPENING = /[\p{Ps}\p{Pi}]/u;
const CLOSING = /[\p{Pe}\p{Pf}]/u;

/**
 * A match's range widened to the quote or bracket it half covers: 五星”支部 becomes “五星”支部,
 * 《条例 becomes 《条例》.
 */
function withQuotes(line: string, start: number, end: number): [number, number] {
  let open = 0;
  let unopened = 0;
  for (let i = start; i < end; i++) {
    if (OPENING.test(line[i])) open++;
    else if (CLOSING.test(line[i])) {
      if (open) open--;
      else unopened++;
    }
  }
  if (unopened && start > 0 && OPENING.test(line[start - 1])) start--;
  if (open && end < line.length && CLOSING.test(line[end])) end++;
  return [start, end];
}

/**
 * Where the (folded) words occur in `text` (one field or paragraph per line), as merged
 * [start, end) ranges of its original characters.
 */
export function occurrences(text: string, words: readonly string[], table: FoldTable): [number, number][] {
  const ranges: [number, number][] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const f = foldText(line, table);
    for (const w of words) {
      if (!w) continue;
      for (let i = f.text.indexOf(w); i !== -1; i = f.text.indexOf(w, i + 1)) {
        const [s, e] = withQuotes(line, f.start[i], f.end[i + w.length - 1]);
        ranges.push([offset + s, offset + e]);
      }
    }
    offset += line.length + 1;
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

// Never cut a surrogate pair in two.
function snap(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return i > 0 && i < text.length && c >= 0xdc00 && c <= 0xdfff ? i - 1 : i;
}

/** `bodyStart`: where the body begins in `text` (after the headline block); `ranges` from occurrences(). */
export function buildExcerpt(text: string, bodyStart: number, ranges: readonly [number, number][], length = 100): Excerpt {
  const anchor = ranges.find((r) => r[0] >= bodyStart);
  let start = anchor ? Math.max(bodyStart, anchor[0] - LEAD) : bodyStart;
  start = snap(text, Math.min(start, text.length));
  const end = snap(text, Math.min(text.length, start + length));
  const marks = ranges
    .filter((r) => r[1] > start && r[0] < end)
    .map((r): [number, number] => [Math.max(r[0], start) - start, Math.min(r[1], end) - start]);
  // Lines (paragraphs) read as one run of text in the excerpt.
  return { text: text.slice(start, end).replace(/\n/g, ' '), marks, before: start > bodyStart, after: end < text.length };
}
