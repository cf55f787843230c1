// Groups articles by their place, places in registry order (city, district, street), for star pages.
import type { Article } from './article.ts';
import type { Place, PlaceRegistry } from './places.ts';

export interface PlaceGroup {
  place: Place;
  /** "中原区 莲湖街道": the district named too, since street names repeat across cities. */
  label: string;
  articles: Article[];
}

export function groupByPlace(articles: readonly Article[], places: PlaceRegistry): PlaceGroup[] {
  const order = new Map(places.all.map((p, i) => [p.id, i]));
  const groups = new Map<string, Article[]>();
  for (const a of articles) {
    const list = groups.get(a.place);
    if (list) list.push(a);
    else groups.set(a.place, [a]);
  }
  return [...groups.entries()]
    .sort(([x], [y]) => (order.get(x) ?? 0) - (order.get(y) ?? 0))
    .map(([id, list]) => {
      const lineage = places.lineage(id);
      const place = lineage.at(-1)!;
      const district = lineage.find((p) => p.level === 'district');
      const label = district && district.id !== place.id ? `${district.name} ${place.name}` : place.name;
      return { place, label, articles: list };
    });
}
