// The excerpt shown under a result: a window of the article's text around the first place a query
// word occurs (in the body when it occurs there, else in the headline), with every occurrence of
// every word in the window marked. Plain ranges: the page builds <mark> elements from them, so
// nothing from an article is ever parsed as HTML.

export interface Excerpt {
  text: string;
  /** [start, end) ranges in `text` to highlight, sorted, not overlapping. */
  marks: [number, number][];
  /** Text was cut before / after the window. */
  before: boolean;
  after: boolean;
}

const LEAD = 24;

/** Occurrences of the words in `text`, as merged [start, end) ranges. */
export function occurrences(text: string, words: readonly string[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const w of words) {
    if (!w) continue;
    for (let i = text.indexOf(w); i !== -1; i = text.indexOf(w, i + w.length)) ranges.push([i, i + w.length]);
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

/** `bodyStart`: where the body begins in `text` (after the headline block). */
export function buildExcerpt(text: string, bodyStart: number, words: readonly string[], length = 100): Excerpt {
  const all = occurrences(text, words);
  const anchor = all.find((r) => r[0] >= bodyStart) ?? all[0];
  let start: number;
  if (!anchor) start = bodyStart;
  else {
    start = Math.max(0, anchor[0] - LEAD);
    if (anchor[0] >= bodyStart) start = Math.max(start, bodyStart);
  }
  start = snap(text, Math.min(start, text.length));
  const end = snap(text, Math.min(text.length, start + length));
  const marks = all
    .filter((r) => r[1] > start && r[0] < end)
    .map((r): [number, number] => [Math.max(r[0], start) - start, Math.min(r[1], end) - start]);
  return { text: text.slice(start, end), marks, before: start > 0 && start !== bodyStart, after: end < text.length };
}
