// The search index holds one token per character of an article's text, at consecutive positions,
// and one separator token where the text has a space (between headline fields and paragraphs).
// A word of n ≥ 2 characters is then present exactly when its n character tokens sit at
// consecutive positions, which Pagefind's quoted (exact) search checks; a separator between them
// breaks the chain, so a match never spans two fields. Recall and precision are both total.
//
// One token per character (not per bigram) keeps Pagefind's work down: it costs per distinct word
// of a page, and a page has about half as many distinct characters as distinct bigrams
// (measured: 40 % less indexing time and 45 % less memory than bigram tokens). Queries read
// character pairs instead (pair words of eight letters, which the build adds to the index from
// Pagefind's character positions, see pair-postings.ts): a pair's postings are far smaller than its
// characters', so a first query downloads less. A word of n ≥ 2 characters is then its n − 1 pairs
// at consecutive positions — the same matches as its characters at consecutive positions.
//
// Pagefind would re-segment Chinese characters and strips punctuation, so every character is
// written as a fixed-width code of four lowercase letters, which Pagefind keeps whole and never
// stems. The code is the code point scrambled by a multiplication modulo 26⁴ (a bijection): plain
// base 26 would start nearly every Chinese character with the same letter, and Pagefind's gzip
// then spends its time walking long chains of look-alike matches (25 % of its time, measured).

/** Letters in a character's token (a pair's token is two of them). */
export const CHAR_WIDTH = 4;
const A = 97;
const MODULUS = 26 ** CHAR_WIDTH;
/** Odd and not a multiple of 13, so coprime with 26⁴: multiplying by it permutes the codes. */
const SCRAMBLE = 7919;
const UNSCRAMBLE = modularInverse(SCRAMBLE, MODULUS);
/** The value standing for a space: no character maps to it (see MAX_CODE_POINT). */
const SEPARATOR_VALUE = MODULUS - 1;
/** The largest code point that has a code (26⁴ − 2; the last value is the separator). */
export const MAX_CODE_POINT = MODULUS - 2;

function modularInverse(a: number, m: number): number {
  let [r0, r1, s0, s1] = [m, a, 0, 1];
  while (r1 !== 0) {
    const q = Math.floor(r0 / r1);
    [r0, r1, s0, s1] = [r1, r0 - q * r1, s1, s0 - q * s1];
  }
  return ((s0 % m) + m) % m;
}

function valueCode(value: number): string {
  // Products stay below 2⁵³, so plain numbers are exact.
  let n = (value * SCRAMBLE) % MODULUS;
  let s = '';
  for (let i = 0; i < CHAR_WIDTH; i++) {
    s = String.fromCharCode(A + (n % 26)) + s;
    n = Math.floor(n / 26);
  }
  return s;
}

/** The separator token: what a space in the text is indexed as. */
export const SEPARATOR = valueCode(SEPARATOR_VALUE);

export function charCode(ch: string): string {
  const n = ch.codePointAt(0)!;
  if (n > MAX_CODE_POINT) throw new RangeError(`U+${n.toString(16).toUpperCase()} cannot be encoded: normalizeText() drops it first`);
  return valueCode(n);
}

function codeValue(code: string): number {
  if (code.length !== CHAR_WIDTH) throw new Error(`expected a search token of ${CHAR_WIDTH} lowercase letters, found ${JSON.stringify(code)}`);
  let n = 0;
  for (let i = 0; i < CHAR_WIDTH; i++) {
    const d = code.charCodeAt(i) - A;
    if (d < 0 || d > 25) throw new Error(`expected a search token of ${CHAR_WIDTH} lowercase letters, found ${JSON.stringify(code)}`);
    n = n * 26 + d;
  }
  return (n * UNSCRAMBLE) % MODULUS;
}

/** Tokens of normalized text (see normalizeText): one per character, a separator for each space. */
export function encodeTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const ch of text) tokens.push(ch === ' ' ? SEPARATOR : charCode(ch));
  return tokens;
}

/** The text back from its tokens. */
export function decodeTokens(tokens: readonly string[]): string {
  let text = '';
  for (const t of tokens) {
    const v = codeValue(t);
    text += v === SEPARATOR_VALUE ? ' ' : String.fromCodePoint(v);
  }
  return text;
}

/** Is this index word a character's token (not the separator, a pair or a meta-field number)? */
export function isCharCode(word: string): boolean {
  return word.length === CHAR_WIDTH && word !== SEPARATOR && /^[a-z]+$/.test(word);
}

/** The index word for two consecutive characters, given their tokens. */
export function pairCode(first: string, second: string): string {
  return first + second;
}

/** What to ask Pagefind for one query word (no spaces, normalized): its character pairs, or a single character's token. */
export function wordTokens(word: string): string[] {
  const chars = [...word].map(charCode);
  return chars.length === 1 ? chars : chars.slice(1).map((c, i) => pairCode(chars[i], c));
}
