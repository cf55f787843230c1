// A result's thumbnail URL rides in its Pagefind fragment as digits: Pagefind indexes meta values as
// words, and digits can never match a query's letter tokens (char-tokens.ts), so the URL adds no
// false hits and nothing to the catalog the first query downloads. Two digits per URL character.

/** "/a.webp" → digits; the URL is percent-encoded first, so every character is printable ASCII. */
export function textToDigits(text: string): string {
  return [...encodeURI(text)].map((c) => String(c.charCodeAt(0) - 32).padStart(2, '0')).join('');
}

/** The inverse of textToDigits; undefined for anything that is not its output. */
export function digitsToText(digits: string): string | undefined {
  if (!/^(\d\d)*$/.test(digits)) return undefined;
  let s = '';
  for (let i = 0; i < digits.length; i += 2) s += String.fromCharCode(Number(digits.slice(i, i + 2)) + 32);
  try {
    return decodeURI(s);
  } catch {
    return undefined;
  }
}
