// The search index holds one token per non-space character of an article's text: the character
// followed by the next one when the next one is not a space (a bigram), else the character alone.
// A phrase of n ≥ 2 characters is then present exactly when its n−1 bigrams sit at consecutive
// positions, which Pagefind's quoted (exact) search checks — recall and precision are both total.
//
// Pagefind would re-segment Chinese characters (its zh segmenter splits bigrams again) and strips
// punctuation, so every character is written as a fixed-width code of four lowercase letters
// (base 26 of its code point). Pagefind keeps such words whole, matches them by prefix
// (a 4-letter code finds every token starting with that character) and never stems them.

const WIDTH = 4;
const A = 97;
/** The largest code point a 4-letter code can hold (26⁴ − 1). */
export const MAX_CODE_POINT = 26 ** WIDTH - 1;

export function charCode(ch: string): string {
  let n = ch.codePointAt(0)!;
  if (n > MAX_CODE_POINT) throw new RangeError(`U+${n.toString(16).toUpperCase()} cannot be encoded: normalizeText() drops it first`);
  let s = '';
  for (let i = 0; i < WIDTH; i++) {
    s = String.fromCharCode(A + (n % 26)) + s;
    n = Math.floor(n / 26);
  }
  return s;
}

function codeChar(code: string, at: number): string {
  let n = 0;
  for (let i = at; i < at + WIDTH; i++) {
    const d = code.charCodeAt(i) - A;
    if (d < 0 || d > 25) throw new Error(`expected a search token of lowercase letters, found ${JSON.stringify(code)}`);
    n = n * 26 + d;
  }
  return String.fromCodePoint(n);
}

/** Tokens of normalized text (see normalizeText): one per non-space character, in order. */
export function encodeTokens(text: string): string[] {
  const chars = [...text];
  const tokens: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === ' ') continue;
    const next = chars[i + 1];
    tokens.push(next !== undefined && next !== ' ' ? charCode(chars[i]) + charCode(next) : charCode(chars[i]));
  }
  return tokens;
}

/** The text back from its tokens: a character-only token means a space (or the end) follows. */
export function decodeTokens(tokens: readonly string[]): string {
  let text = '';
  tokens.forEach((t, i) => {
    if (t.length !== WIDTH && t.length !== 2 * WIDTH) throw new Error(`expected a search token of ${WIDTH} or ${2 * WIDTH} letters, found ${JSON.stringify(t)}`);
    text += codeChar(t, 0);
    if (t.length === WIDTH && i < tokens.length - 1) text += ' ';
  });
  return text;
}

/**
 * What to ask Pagefind for one query word (no spaces, normalized): the bigram chain of a word of
 * two or more characters, to be matched as an exact phrase; or the code of a single character,
 * matched as a prefix (any token starting with it).
 */
export function wordTokens(word: string): { tokens: string[]; phrase: boolean } {
  const chars = [...word];
  if (chars.length === 1) return { tokens: [charCode(chars[0])], phrase: false };
  const tokens: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) tokens.push(charCode(chars[i]) + charCode(chars[i + 1]));
  return { tokens, phrase: true };
}
