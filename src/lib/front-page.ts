// What the home page leads with: the 头条 (the newest story, preferring one with a photo among
// the newest few), the latest bulletins of each kind, and the streets most recently reported on.
// Each walks the newest-first lists only as far as it needs to, never the whole archive.
import type { Article } from './article.ts';
import type { ResolvedBulletin } from './bulletins.ts';
import type { Place, PlaceRegistry } from './places.ts';

/** How far down the newest stories the 头条 may reach for one with a photo. */
export const LEAD_WINDOW = 5;

/** `articles` newest first; `hasPhoto` says whether a story carries a lead photo. */
export function pickLead(articles: readonly Article[], hasPhoto: (a: Article) => boolean = (a) => a.photo !== undefined): Article | undefined {
  return articles.slice(0, LEAD_WINDOW).find(hasPhoto) ?? articles[0];
}

/** The newest `count` bulletins of each kind, kinds in the order given. `bulletins` newest first. */
export function latestBulletinsByKind(bulletins: readonly ResolvedBulletin[], kinds: readonly string[], count: number): { kind: string; items: ResolvedBulletin[] }[] {
  return kinds
    .map((kind) => ({ kind, items: bulletins.filter((r) => r.bulletin.kind === kind).slice(0, count) }))
    .filter((g) => g.items.length > 0);
}

/** Streets and townships by their newest story, newest first, with that story's date. */
export function recentlyCoveredStreets(articles: readonly Article[], places: PlaceRegistry, count: number): { place: Place; date: string; latest: Article }[] {
  const out: { place: Place; date: string; latest: Article }[] = [];
  const seen = new Set<string>();
  for (const a of articles) {
    if (out.length >= count) break;
    if (seen.has(a.place)) continue;
    seen.add(a.place);
    const place = places.byId(a.place);
    if (place && (place.level === 'street' || place.level === 'township')) out.push({ place, date: a.date, latest: a });
  }
  return out;
}
