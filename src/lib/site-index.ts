// Every index the pages need, built once per build in one pass over the articles:
// by place (with roll-up to district, city and province), star, person and month, plus
// positions for O(1) previous/next and nearest-in-time related articles.
import { byDateDesc, type Article } from './article.ts';
import { createPeopleRegistry, newPeople, withPeople, type PeopleRegistry, type PersonEntry } from './people.ts';
import { photographersOf } from './photo-figure.ts';
import type { PlaceRegistry } from './places.ts';
import type { StarRegistry } from './stars.ts';

export interface Person {
  id: string;
  name: string;
  articles: Article[];
  roles: Set<'记者' | '通讯员' | '摄影'>;
}

export interface SiteIndex {
  articles: Article[];
  byId: Map<string, Article>;
  /** Articles filed on the place itself. */
  atPlace(placeId: string): Article[];
  /** Articles on the place or any place below it. */
  inPlace(placeId: string): Article[];
  onStar(starId: string): Article[];
  people: Person[];
  /** The page id of a byline name (as written, or an alias), from the people registry. */
  personId(name: string): string;
  person(id: string): Person | undefined;
  /** Old person page ids (people.yaml formerIds) and the person each leads to now. */
  personRedirects: { from: string; to: PersonEntry }[];
  /** "2022-09" → articles; keys newest first. */
  months: Map<string, Article[]>;
  /** Older and newer neighbours on the article's own place timeline. */
  neighbours(id: string): { older?: Article; newer?: Article };
  related(id: string, count?: number): Article[];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * `people` is the registry (content/people.yaml), the one source of person ids. Without it (unit
 * tests, drafts) names get ids as the tools would add them, in date order.
 */
export function buildSiteIndex(input: readonly Article[], places: PlaceRegistry, _stars: StarRegistry, people?: PeopleRegistry): SiteIndex {
  const articles = [...input].sort(byDateDesc);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const atPlace = new Map<string, Article[]>();
  const inPlace = new Map<string, Article[]>();
  const onStar = new Map<string, Article[]>();
  const months = new Map<string, Article[]>();
  const lineageIds = new Map<string, string[]>();
  for (const a of articles) {
    push(atPlace, a.place, a);
    let chain = lineageIds.get(a.place);
    if (!chain) lineageIds.set(a.place, (chain = places.lineage(a.place).map((p) => p.id)));
    for (const id of chain) push(inPlace, id, a);
    for (const s of a.stars) push(onStar, s, a);
    push(months, a.date.slice(0, 7), a);
  }

  // Names the registry lacks (only without one: check and the build refuse unknown names) get
  // ids after every registered one, so registered ids never depend on the content.
  let registry = people ?? createPeopleRegistry([]);
  const oldestFirst = [...articles].reverse();
  // Photographers (named by `photo:` or under a photo) have person pages like reporters: a byline's
  // names all link somewhere.
  const photographers = new Map(articles.map((a) => [a, photographersOf(a)]));
  const unknown = newPeople(registry, oldestFirst.flatMap((a) => [
    ...a.reporters.map((name) => ({ name, role: 'reporter' as const })),
    ...a.correspondents.map((name) => ({ name, role: 'correspondent' as const })),
    ...photographers.get(a)!.map((name) => ({ name, role: 'photographer' as const })),
  ]));
  registry = withPeople(registry, unknown);
  const peopleById = new Map<string, Person>();
  for (const a of articles) {
    const seen = new Set<string>();
    for (const [role, names] of [['记者', a.reporters], ['通讯员', a.correspondents], ['摄影', photographers.get(a)!]] as const) {
      for (const name of names) {
        const entry = registry.resolve(name)!;
        const id = entry.id;
        let p = peopleById.get(id);
        if (!p) peopleById.set(id, (p = { id, name: entry.name, articles: [], roles: new Set() }));
        p.roles.add(role);
        if (!seen.has(id)) p.articles.push(a);
        seen.add(id);
      }
    }
  }

  // Position of each article in its place list and each star list, for neighbour look-ups.
  const position = new Map<Article[], Map<string, number>>();
  const positionIn = (list: Article[], id: string) => {
    let m = position.get(list);
    if (!m) position.set(list, (m = new Map(list.map((a, i) => [a.id, i]))));
    return m.get(id) ?? -1;
  };
  const dayNumber = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 864e5;

  return {
    articles,
    byId,
    atPlace: (id) => atPlace.get(id) ?? [],
    inPlace: (id) => inPlace.get(id) ?? [],
    onStar: (id) => onStar.get(id) ?? [],
    people: [...peopleById.values()].sort((a, b) => b.articles.length - a.articles.length || a.id.localeCompare(b.id)),
    personId: (name) => registry.resolve(name)?.id ?? '',
    person: (id) => peopleById.get(id),
    // Only people with a page: an old address leads to a page that exists.
    personRedirects: [...registry.redirects].filter(([, to]) => peopleById.has(to.id)).map(([from, to]) => ({ from, to })),
    months,
    neighbours(id) {
      const a = byId.get(id);
      if (!a) return {};
      const list = atPlace.get(a.place)!;
      const i = positionIn(list, id);
      return { newer: list[i - 1], older: list[i + 1] };
    },
    related(id, count = 4) {
      const a = byId.get(id);
      if (!a) return [];
      // Candidates: a few neighbours on each of the article's own lists (place, stars) — never a full scan.
      const lists = [atPlace.get(a.place)!, ...a.stars.map((s) => onStar.get(s)!)];
      const seen = new Set([id]);
      const candidates: Article[] = [];
      for (const list of lists) {
        const i = positionIn(list, id);
        for (let d = 1; d <= count; d++) {
          for (const c of [list[i - d], list[i + d]]) {
            if (c && !seen.has(c.id)) {
              seen.add(c.id);
              candidates.push(c);
            }
          }
        }
      }
      const day = dayNumber(a.date);
      return candidates
        .sort((x, y) => Math.abs(dayNumber(x.date) - day) - Math.abs(dayNumber(y.date) - day) || byDateDesc(x, y))
        .slice(0, count);
    },
  };
}
