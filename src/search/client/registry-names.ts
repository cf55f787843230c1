// Registry names a query can name: places (with their aliases), stars and people from the search
// catalog, each with the page that lists its articles. A query word that is exactly a name (folded
// as queries are) links to that page; a query finding nothing is offered the closest names.
import type { CatalogIndex } from '../shared/catalog.ts';
import { foldWord } from '../shared/normalize.ts';
import { closest } from '../../lib/suggest.ts';

export type NameKind = 'place' | 'star' | 'person';

export interface RegistryName {
  kind: NameKind;
  name: string;
  href: string;
}

interface Entry extends RegistryName {
  /** Folded spellings: the name and its aliases. */
  spellings: string[];
}

const entries = new WeakMap<CatalogIndex, Entry[]>();

function namesOf(catalog: CatalogIndex): Entry[] {
  let list = entries.get(catalog);
  if (!list) {
    const fold = (s: string) => foldWord(s, catalog.fold);
    const c = catalog.catalog;
    list = [
      ...c.places.map((p) => ({ kind: 'place' as const, name: p.name, href: `/streets/${p.id}/`, spellings: [p.name, ...(p.aliases ?? [])].map(fold) })),
      ...c.stars.map((s) => ({ kind: 'star' as const, name: s.name, href: `/stars/${s.id}/`, spellings: [fold(s.name)] })),
      ...c.people.map((p) => ({ kind: 'person' as const, name: p.name, href: `/reporters/${p.id}/`, spellings: [fold(p.name)] })),
    ];
    entries.set(catalog, list);
  }
  return list;
}

const plain = ({ kind, name, href }: Entry): RegistryName => ({ kind, name, href });

/** The registry entries some query word names exactly (folded words, see query-plan.ts), in query order. */
export function namedBy(words: readonly string[], catalog: CatalogIndex): RegistryName[] {
  const list = namesOf(catalog);
  const out: Entry[] = [];
  for (const w of words) for (const e of list) if (e.spellings.includes(w) && !out.includes(e)) out.push(e);
  return out.map(plain);
}

/** The names closest to a query's words (typos, a name cut short), best first. */
export function closestNames(words: readonly string[], catalog: CatalogIndex, limit = 5): RegistryName[] {
  const list = namesOf(catalog);
  const byName = new Map(list.map((e) => [e.name, e]));
  const candidates = list.map((e) => ({ name: e.name, spellings: e.spellings }));
  const names = [...new Set(words.flatMap((w) => closest(w, candidates, limit)))].slice(0, limit);
  return names.map((n) => plain(byName.get(n)!));
}
