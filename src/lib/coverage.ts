// The five-star coverage matrix: per district, its places × its star set, article counts.
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
  set: StarSet;
  stars: Star[];
  rows: CoverageRow[];
}

/** One pass over the articles; districts with no articles at all are left out. */
export function coverageTables(articles: readonly Article[], places: PlaceRegistry, stars: StarRegistry): CoverageTable[] {
  const counts = new Map<string, Map<string, number>>();
  const districtOf = (id: string) => places.lineage(id).find((p) => p.level === 'district');
  const active = new Set<string>();
  for (const a of articles) {
    const d = districtOf(a.place);
    if (d) active.add(d.id);
    let m = counts.get(a.place);
    if (!m) counts.set(a.place, (m = new Map()));
    for (const s of a.stars) m.set(s, (m.get(s) ?? 0) + 1);
  }
  return places.all
    .filter((p) => p.level === 'district' && active.has(p.id))
    .map((district) => {
      const set = district.starSet;
      const cols = stars.inSet(set);
      const rowPlaces = [district, ...places.children(district.id)];
      const rows = rowPlaces.map((place) => {
        const m = counts.get(place.id);
        const c = cols.map((s) => m?.get(s.id) ?? 0);
        return { place, counts: c, total: c.reduce((x, y) => x + y, 0) };
      });
      return { district, set, stars: cols, rows };
    });
}
