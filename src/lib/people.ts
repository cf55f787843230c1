// Reporters and correspondents get pages at /reporters/<pinyin-id>/. Ids come from pinyin; two
// names with the same pinyin (鲁燕, 路艳) get -2, -3 … in order of first appearance, so an
// existing person's URL never changes when a namesake joins later.
import { pinyin } from 'pinyin-pro';

export interface PersonAppearance {
  name: string;
  /** Date of the appearance, YYYY-MM-DD. */
  date: string;
}

export function pinyinId(name: string): string {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true }) as string[];
  const id = syllables.join('').toLowerCase().replace(/[^a-z0-9]+/g, '');
  return id || 'ren';
}

export function assignPersonIds(appearances: readonly PersonAppearance[]): Map<string, string> {
  const first = new Map<string, string>();
  for (const a of appearances) {
    const seen = first.get(a.name);
    if (!seen || a.date < seen) first.set(a.name, a.date);
  }
  const names = [...first.keys()].sort((x, y) => {
    const dx = first.get(x)!;
    const dy = first.get(y)!;
    return dx < dy ? -1 : dx > dy ? 1 : x < y ? -1 : x > y ? 1 : 0;
  });
  const taken = new Map<string, number>();
  const ids = new Map<string, string>();
  for (const name of names) {
    const base = pinyinId(name);
    const n = (taken.get(base) ?? 0) + 1;
    taken.set(base, n);
    ids.set(name, n === 1 ? base : `${base}-${n}`);
  }
  return ids;
}
