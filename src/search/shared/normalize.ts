// One normal form for indexed text and for queries, so "contains" means the same on both sides:
// NFC, zero-width characters dropped, every whitespace run (including the ideographic space
// U+3000 and line breaks) one ASCII space. Code points beyond what a token code can hold
// (plane 14 tags and variation selectors, the supplementary private-use planes) are dropped too.
import { MAX_CODE_POINT } from './char-tokens.ts';

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;

export function normalizeText(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC').replace(ZERO_WIDTH, '')) {
    if (ch.codePointAt(0)! <= MAX_CODE_POINT) out += ch;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** The words of a query: whitespace separates them; duplicates are dropped. */
export function queryTerms(query: string): string[] {
  const terms = normalizeText(query).split(' ').filter(Boolean);
  return [...new Set(terms)];
}
