// The table folding traditional characters to simplified ones, character by character (so a
// folded text keeps one position per character). The build takes it from OpenCC's data (the
// TSCharacters table of opencc-js, src/search/build/t2s-table.ts); the reader's browser gets only
// the entries whose simplified character occurs in the index (the others can match nothing), in
// the search catalog, as a string of pairs: "網网議议…".

/** Code point → code point. */
export type FoldTable = ReadonlyMap<number, number>;

export const NO_FOLDING: FoldTable = new Map();

export function foldTableString(table: FoldTable): string {
  let s = '';
  for (const [from, to] of [...table].sort((a, b) => a[0] - b[0])) s += String.fromCodePoint(from, to);
  return s;
}

/** The table from its string; `fail` is called with what was found when the string is not pairs. */
export function parseFoldTable(s: string, fail: (found: string) => never): FoldTable {
  const cps = [...s].map((c) => c.codePointAt(0)!);
  if (cps.length % 2) fail(`${cps.length} characters, not pairs`);
  const table = new Map<number, number>();
  for (let i = 0; i < cps.length; i += 2) table.set(cps[i], cps[i + 1]);
  return table;
}

/** The entries of `table` whose folded character `keep` accepts. */
export function foldTableFor(table: FoldTable, keep: (cp: number) => boolean): Map<number, number> {
  const out = new Map<number, number>();
  for (const [from, to] of table) if (keep(to)) out.set(from, to);
  return out;
}
