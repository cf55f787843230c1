// The word ranges of the index chunks, as Pagefind's metadata lists them ([from, to, chunk]), cut
// short: every query loads this list whole, and a range's ends need not be words, only strings
// that sort the same way against every word a query can ask for. An 8-letter pair word sorts
// inside the range of the chunk that holds it and outside every other, as with the words
// themselves; a 4-letter character token (a one-character query) is compared with the ends'
// first four letters only, which are kept, so Pagefind picks the same chunks for it — strictly or
// by prefix (pagefind_web's request_indexes). About 3 KB less at 10,000 articles.
import { CHAR_WIDTH } from '../../shared/char-tokens.ts';

/** Shortest length of a cut end: longer than a character token, so a token never equals one. */
const MIN_LENGTH = CHAR_WIDTH + 1;

/** Pagefind compares words as bytes (Rust strings), as the merge sorts them. */
function before(a: string, b: string): boolean {
  return Buffer.compare(Buffer.from(a), Buffer.from(b)) < 0;
}

/**
 * `ranges`: each chunk's first and last word and its name, in order, apart (each range's last word
 * sorts before the next one's first). Returns the same chunks with each `from` the shortest prefix
 * of its first word that sorts after the previous `to`, and each `to` the shortest string of its
 * last word's prefix and one letter after it that sorts before the next first word; both keep at
 * least MIN_LENGTH letters, and words shorter than that stay whole.
 */
export function shortChunkBounds(ranges: readonly (readonly [string, string, string])[]): [string, string, string][] {
  const out: [string, string, string][] = [];
  ranges.forEach(([first, last, name], i) => {
    const previousTo = i ? out[i - 1][1] : '';
    let from = first;
    for (let k = MIN_LENGTH; k < first.length; k++) {
      if (before(previousTo, first.slice(0, k))) {
        from = first.slice(0, k);
        break;
      }
    }
    let to = last;
    const next = ranges[i + 1]?.[0];
    if (next !== undefined) {
      for (let k = MIN_LENGTH; k < last.length; k++) {
        const c = last.charCodeAt(k - 1);
        // The prefix with its last letter raised sorts after every word it begins, so after `last`.
        const candidate = last.slice(0, k - 1) + String.fromCharCode(c + 1);
        if (c < 0x7a && before(candidate, next)) {
          to = candidate;
          break;
        }
      }
    }
    out.push([from, to, name]);
  });
  return out;
}
