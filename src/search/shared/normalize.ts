// One normaliser for indexed text and for queries, so "contains" means the same on both sides.
//
// normalizeText is the text as shown: NFC, zero-width characters dropped, every whitespace run
// (the ideographic space U+3000 and line breaks too) one ASCII space, and code points beyond what a
// token code can hold (plane 14 tags and variation selectors, the supplementary private-use
// planes) dropped.
//
// foldText is the text as matched, ignoring what readers do not type: punctuation, symbols and
// quotes dropped (“”‘’「」《》、·—…，。；： and their ASCII forms; a decimal point between digits
// stays), full-width and other compatibility forms folded (NFKC), Latin letters lower-cased,
// traditional characters folded to simplified (a character table from OpenCC, see fold-table.ts),
// and a space dropped unless both its neighbours are not Chinese characters (鲁 燕, 共 3 个).
// Every folded character remembers which characters of the source it came from, so a match in
// the folded text marks the original characters.
import { MAX_CODE_POINT } from './char-tokens.ts';
import type { FoldTable } from './fold-table.ts';

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;

export function normalizeText(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC').replace(ZERO_WIDTH, '')) {
    if (ch.codePointAt(0)! <= MAX_CODE_POINT) out += ch;
  }
  return out.replace(/\s+/g, ' ').trim();
}

export interface Folded {
  /** The folded text. */
  text: string;
  /** For each UTF-16 unit of `text`: the [start, end) it came from in the source. */
  start: number[];
  end: number[];
}

const HAN = /\p{Script=Han}/u;
const KEPT = /[\p{L}\p{N}\p{M}]/u;
const MARK = /\p{M}/u;
const SPACE = /\s/u;
const DIGIT = /[0-9]/;

function isHan(cp: number): boolean {
  // The common blocks without a regular expression: this runs over every indexed character.
  if (cp >= 0x4e00 && cp <= 0x9fff) return true;
  if (cp < 0x2e80) return false;
  return HAN.test(String.fromCodePoint(cp));
}

/** The folded form of `text` (see the header), with where each folded character came from. */
export function foldText(text: string, table: FoldTable): Folded {
  let out = '';
  const start: number[] = [];
  const end: number[] = [];
  let lastCp = -1;
  let space = -1; // where a pending whitespace run started in the source, -1 when none
  const emit = (cp: number, from: number, to: number) => {
    if (space >= 0 && out && !isHan(lastCp) && !isHan(cp)) {
      out += ' ';
      start.push(space);
      end.push(from);
    }
    space = -1;
    const ch = String.fromCodePoint(cp);
    out += ch;
    for (let k = 0; k < ch.length; k++) {
      start.push(from);
      end.push(to);
    }
    lastCp = cp;
  };
  const n = text.length;
  for (let i = 0; i < n; ) {
    const cp = text.codePointAt(i)!;
    let j = i + (cp > 0xffff ? 2 : 1);
    // Fast paths: Chinese characters of the main block and ASCII letters and digits need no NFKC
    // (unless a combining mark follows).
    const alone = !(j < n && MARK.test(text[j]));
    if (alone && cp >= 0x4e00 && cp <= 0x9fff) {
      emit(table.get(cp) ?? cp, i, j);
      i = j;
      continue;
    }
    if (alone && ((cp >= 0x30 && cp <= 0x39) || (cp >= 0x61 && cp <= 0x7a))) {
      emit(cp, i, j);
      i = j;
      continue;
    }
    if (alone && cp >= 0x41 && cp <= 0x5a) {
      emit(cp + 32, i, j);
      i = j;
      continue;
    }
    // A character with the combining marks that follow it, folded as one.
    while (j < n) {
      const next = text.codePointAt(j)!;
      if (!MARK.test(String.fromCodePoint(next))) break;
      j += next > 0xffff ? 2 : 1;
    }
    const cluster = text.slice(i, j);
    if (SPACE.test(cluster)) {
      if (space < 0 && out) space = i;
      i = j;
      continue;
    }
    for (const ch of cluster.normalize('NFKC').toLowerCase()) {
      const c = ch.codePointAt(0)!;
      if (c > MAX_CODE_POINT) continue;
      if (KEPT.test(ch)) emit(table.get(c) ?? c, i, j);
      else if (SPACE.test(ch)) {
        if (space < 0 && out) space = i;
      } else if (ch === '.' && lastCp >= 0x30 && lastCp <= 0x39 && DIGIT.test(text.slice(j, j + 2).normalize('NFKC')[0] ?? '')) {
        // A decimal point: 3.5 is not 35.
        emit(c, i, j);
      }
    }
    i = j;
  }
  return { text: out, start, end };
}

/** A word's folded form (a query word, a registry name). */
export function foldWord(word: string, table: FoldTable): string {
  return foldText(word, table).text.replace(/ /g, '');
}

export interface QueryTerm {
  /** As typed (shown back to the reader). */
  typed: string;
  /** As matched: folded, never empty. */
  word: string;
}

/**
 * The words of a query: whitespace separates them, each is folded; a word that folds to nothing
 * (a stray "，") is dropped, and so is a word folding to one already there.
 */
export function queryTerms(query: string, table: FoldTable): QueryTerm[] {
  const seen = new Set<string>();
  const terms: QueryTerm[] = [];
  for (const typed of normalizeText(query).split(' ')) {
    const word = foldWord(typed, table);
    if (!word || seen.has(word)) continue;
    seen.add(word);
    terms.push({ typed, word });
  }
  return terms;
}
