// What a query asks for. Words are separated by spaces and must each appear in an article, folded
// the way the indexed text is (normalize.ts: no punctuation, simplified characters …). A word of two or more characters is looked up as a chain of character pairs; a
// single-character word only narrows a search that has a longer word, because one character
// alone is not a ranked search.
import { wordTokens } from '../shared/char-tokens.ts';
import { queryTerms } from '../shared/normalize.ts';
import type { FoldTable } from '../shared/fold-table.ts';

export interface QueryWord {
  /** As the reader typed it. */
  typed: string;
  /** As matched (folded). */
  word: string;
  tokens: string[];
  /**
   * The Pagefind query that finds exactly the pages containing the word. For two or more
   * characters, their pairs as an exact (quoted) phrase: consecutive positions, in order. For one
   * character, its token: Pagefind matches it by prefix, so it finds the pairs the character
   * starts, which sit exactly where the character does (pair-postings.ts). Each word gets its own
   * query because a plain search over several words quietly drops a word found nowhere.
   */
  query: string;
}

export type QueryPlan =
  | { kind: 'none' }
  | { kind: 'short'; text: string }
  | { kind: 'words'; words: QueryWord[] };

export function planQuery(query: string, table: FoldTable): QueryPlan {
  const terms = queryTerms(query, table);
  if (!terms.length) return { kind: 'none' };
  if (terms.every((t) => [...t.word].length === 1)) return { kind: 'short', text: terms.map((t) => t.typed).join(' ') };
  return {
    kind: 'words',
    words: terms.map(({ typed, word }) => {
      const tokens = wordTokens(word);
      // Pairs are quoted, a lone one too: unquoted, Pagefind also matched pages with only its first character.
      return { typed, word, tokens, query: [...word].length > 1 ? `"${tokens.join(' ')}"` : tokens[0] };
    }),
  };
}
