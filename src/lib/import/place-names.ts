// Places as a page prints them: a headline's place line (莲湖街道), a place leading a headline
// (中原西路街道 办好“小微”实事), and the places a story's text names.
import type { Place, PlaceRegistry } from '../places.ts';

export interface PlaceHit {
  /** As printed on the page. */
  written: string;
  /** The registry entry, when the registry knows the name. */
  place?: Place;
  /** Further places printed on the same line (a joint story of two streets). */
  also: PlaceHit[];
}

/** Place names the registry does not know yet still look like this: …街道, …镇, …乡, a short …区/县/市. */
const UNKNOWN_STREET = /^\p{Script=Han}{2,8}(?:街道|街道办事处|办事处|镇|乡)$/u;
const UNKNOWN_AREA = /^\p{Script=Han}{1,5}(?:区|县|市)$/u;
const TRAILING_COLON = /[：:]$/u;

/**
 * A place written with its district or city in front (中原区莲湖街道, 焦作市解放区): the last
 * name, provided everything before it names places that contain it.
 */
function resolveCompound(written: string, places: PlaceRegistry): Place | undefined {
  const whole = places.resolve(written);
  if (whole) return whole;
  for (const p of places.all) {
    for (const spelling of [p.name, ...p.aliases]) {
      if (spelling.length >= written.length || !written.endsWith(spelling)) continue;
      const outer = resolveCompound(written.slice(0, -spelling.length), places);
      if (outer && outer.id !== p.id && places.lineage(p.id).some((a) => a.id === outer.id)) return p;
    }
  }
  return undefined;
}

function hitFor(written: string, places: PlaceRegistry): PlaceHit | undefined {
  const place = resolveCompound(written, places);
  if (place) return { written, place, also: [] };
  if (UNKNOWN_STREET.test(written) || UNKNOWN_AREA.test(written)) return { written, also: [] };
  return undefined;
}

/** The whole line is a place (or several, separated by spaces or 、): a headline's place line. */
export function readPlaceLine(text: string, places: PlaceRegistry): PlaceHit | undefined {
  const parts = text.replace(TRAILING_COLON, '').split(/[\s、]+/u).filter(Boolean);
  if (!parts.length) return undefined;
  const hits = parts.map((p) => hitFor(p, places));
  if (hits.some((h) => !h)) return undefined;
  // 中原区 莲湖街道: a place written with the district around it is the street, not two places.
  const inner = (hits as PlaceHit[]).filter((h) => !(h.place && hits.some((o) => o !== h && o?.place && o.place.id !== h.place!.id && places.lineage(o.place.id).some((a) => a.id === h.place!.id))));
  const [first, ...also] = inner;
  return { ...first, written: also.length ? first.written : text.replace(TRAILING_COLON, ''), also };
}

/** A place leading a headline and separated from it by a space or colon. */
export function readPlacePrefix(text: string, places: PlaceRegistry): { hit: PlaceHit; rest: string } | undefined {
  const m = /^(\S+?)[：:]?\s+(\S.*)$/u.exec(text) ?? /^(\S+?)[：:](\S.*)$/u.exec(text);
  if (!m) return undefined;
  const hit = hitFor(m[1], places);
  if (!hit) return undefined;
  // A registry name is unmistakable; an unknown …区 prefix could be the start of a headline.
  if (!hit.place && !UNKNOWN_STREET.test(m[1])) return undefined;
  return { hit, rest: m[2].trim() };
}

export interface Mentions {
  /** Weighted count per place id: a full name counts 1, a short alias ¼ (民主 may be 决策民主). */
  counts: Map<string, number>;
}

const cache = new WeakMap<PlaceRegistry, Map<string, { spelling: string; place: Place; weight: number }[]>>();

function spellingsByFirstChar(places: PlaceRegistry) {
  let index = cache.get(places);
  if (index) return index;
  index = new Map();
  for (const place of places.all) {
    const entries = [
      { spelling: place.name, place, weight: 1 },
      ...place.aliases.filter((a) => [...a].length >= 2).map((a) => ({ spelling: a, place, weight: 0.25 })),
    ];
    for (const e of entries) {
      const first = [...e.spelling][0];
      index.set(first, [...(index.get(first) ?? []), e]);
    }
  }
  for (const list of index.values()) list.sort((a, b) => b.spelling.length - a.spelling.length);
  cache.set(places, index);
  return index;
}

/** Places named in a text, longest name first at each position (二七区 is not also 二七). */
export function placeMentions(text: string, places: PlaceRegistry): Map<string, number> {
  const index = spellingsByFirstChar(places);
  const counts = new Map<string, number>();
  for (let i = 0; i < text.length; ) {
    const hit = index.get(text[i])?.find((e) => text.startsWith(e.spelling, i));
    if (hit) {
      counts.set(hit.place.id, (counts.get(hit.place.id) ?? 0) + hit.weight);
      i += hit.spelling.length;
    } else i++;
  }
  return counts;
}

const LOCAL = new Set(['street', 'township']);

/**
 * The place a story is about, judged from its text: the street or township it names most,
 * else the district or city it names most. Ties are reported, never broken silently.
 */
export function placeFromText(text: string, places: PlaceRegistry): { place?: Place; tied: Place[] } {
  const counts = placeMentions(text, places);
  const ranked = [...counts].map(([id, n]) => ({ place: places.byId(id) as Place, n }));
  const local = ranked.filter((r) => LOCAL.has(r.place.level));
  const pool = local.length ? local : ranked;
  if (!pool.length) return { tied: [] };
  const best = Math.max(...pool.map((r) => r.n));
  const top = pool.filter((r) => r.n === best).map((r) => r.place);
  return top.length === 1 ? { place: top[0], tied: [] } : { tied: top };
}

/** The nearest place that contains all of the given ones (二七区 for 五里堡街道 and 德化街街道). */
export function commonParent(list: readonly Place[], places: PlaceRegistry): Place | undefined {
  const chains = list.map((p) => places.lineage(p.id));
  let found: Place | undefined;
  for (let depth = 0; ; depth++) {
    const at = chains.map((c) => c[depth]);
    if (at.some((p) => !p) || at.some((p) => p.id !== at[0].id)) return found;
    found = at[0];
  }
}
