// The five-star coverage matrix: per district, its places × the stars of every set its places
// work on (both sets where a district has both 社区 and 村), article counts, and a total row.
// Every star tag of an article in the district is counted in exactly one cell, even a star outside
// its place's sets (`npm run check` warns about those): the totals are the district's tag count.
import type { Article } from './article.ts';
import type { Place, PlaceRegistry, StarSet } from './places.ts';
import type { Star, StarRegistry } from './stars.ts';

export interface CoverageRow {
  place: Place;
  counts: number[];
  total: number;
}
export interface CoverageTable {
  district: Place;
  /** The sets of the district's places, in registry order (community, village). */
  sets: StarSet[];
  stars: Star[];
  /** Column groups left to right: stars of both sets, of one set only, or (tags outside every set) of neither. */
  groups: { sets: StarSet[]; span: number }[];
  rows: CoverageRow[];
  /** Per star, then the grand total: the number of star tags on the district's articles. */
  totals: number[];
  total: number;
}

/** One pass over the articles; districts with no articles at all are left out. */
export function coverageTables(articles: readonly Article[], places: PlaceRegistry, stars: StarRegistry): CoverageTable[] {
  const counts = new Map<string, Map<string, number>>();
  const districtOf = new Map<string, Place | undefined>();
  /** The district row or street row an article is counted in: its place, or the child of the district above it. */
  const rowOf = new Map<string, Place | undefined>();
  const active = new Set<string>();
  for (const a of articles) {
    if (!rowOf.has(a.place)) {
      const chain = places.lineage(a.place);
      const at = chain.findIndex((p) => p.level === 'district');
      districtOf.set(a.place, chain[at]);
      rowOf.set(a.place, at < 0 ? undefined : (chain[at + 1] ?? chain[at]));
    }
    const row = rowOf.get(a.place);
    if (!row) continue;
    active.add(districtOf.get(a.place)!.id);
    let m = counts.get(row.id);
    if (!m) counts.set(row.id, (m = new Map()));
    for (const s of a.stars) m.set(s, (m.get(s) ?? 0) + 1);
  }
  return places.all
    .filter((p) => p.level === 'district' && active.has(p.id))
    .map((district) => {
      const rowPlaces = [district, ...places.children(district.id)];
      const sets = (['community', 'village'] as const).filter((set) => rowPlaces.some((p) => p.starSets.includes(set)));
      // A tag outside every set of the district still gets its column: no tag goes uncounted.
      const tagged = new Set(rowPlaces.flatMap((p) => [...(counts.get(p.id)?.keys() ?? [])]));
      const setsOf = (s: Star) => sets.filter((set) => s.sets.includes(set));
      const rank = (s: Star) => (setsOf(s).length === sets.length ? 0 : setsOf(s).length ? 1 + sets.indexOf(setsOf(s)[0]) : 3);
      const cols = stars.all.filter((s) => setsOf(s).length || tagged.has(s.id)).sort((x, y) => rank(x) - rank(y));
      const groups: { sets: StarSet[]; span: number }[] = [];
      for (const s of cols) {
        const g = groups.at(-1);
        if (g && g.sets.join() === setsOf(s).join()) g.span++;
        else groups.push({ sets: setsOf(s), span: 1 });
      }
      const rows = rowPlaces.map((place) => {
        const m = counts.get(place.id);
        const c = cols.map((s) => m?.get(s.id) ?? 0);
        return { place, counts: c, total: c.reduce((x, y) => x + y, 0) };
      });
      const totals = cols.map((_, i) => rows.reduce((n, r) => n + r.counts[i], 0));
      return { district, sets, stars: cols, groups, rows, totals, total: totals.reduce((x, y) => x + y, 0) };
    });
}
