// The whole traditional → simplified character table, from OpenCC's TSCharacters (opencc-js's
// data; the "t2cn" conversion without its phrase step, which would change how many characters a
// text has). Only entries of one character each way, and none mapping a character to itself.
import { createHash } from 'node:crypto';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import type { FoldTable } from '../shared/fold-table.ts';

let table: FoldTable | undefined;

export function t2sTable(): FoldTable {
  if (table) return table;
  const t = new Map<number, number>();
  for (const entry of (TSCharacters as string).split('|')) {
    const [from, to] = entry.split(' ');
    const a = [...from];
    const b = [...(to ?? '')];
    if (a.length === 1 && b.length === 1 && from !== to) t.set(from.codePointAt(0)!, to.codePointAt(0)!);
  }
  table = t;
  return t;
}

/** Changes when the table does (an opencc-js update): part of the shard cache key. */
export const T2S_DIGEST = createHash('sha1').update(TSCharacters as string).digest('hex').slice(0, 12);
