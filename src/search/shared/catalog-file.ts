// The search catalog as published: one file per index, columns in Pagefind page order (page id =
// page number in base 36, as src/search/build/pagefind/merge-bundles.ts names them), names in small tables. A
// reader's first query loads it whole, so it stays a few bytes per article: day numbers, table
// indexes and a star bit mask instead of ids and dates.
import { CATALOG_VERSION, catalogFailure, CatalogError, type Catalog, type CatalogNamed, type CatalogPage, type CatalogPlace } from './catalog.ts';

const CATALOG_FILE_VERSION = 3;
const CATALOG_FILE_PREFIX = 'search-catalog.';

/**
 * Named after the Pagefind index it describes (the hash in pagefind-entry.json): it changes exactly
 * when the index does, so hosts may cache it for good, like Pagefind's own .pf_meta file, and
 * serve it the same way (already gzipped, opaque bytes).
 */
export function catalogFile(indexHash: string): string {
  return `${CATALOG_FILE_PREFIX}${indexHash}.pf_meta`;
}

interface CatalogColumns {
  version: number;
  places: CatalogPlace[];
  stars: CatalogNamed[];
  people: CatalogNamed[];
  /** Per page: days since 1970-01-01, as the difference from the page before (pages come newest first, so these are small). */
  day: number[];
  /** Per page: index in places. */
  place: number[];
  /** Per page: bit i set for stars[i]. */
  star: number[];
  /** Per page: indexes in people. */
  person: number[][];
  /** The fold table (Catalog.fold). */
  fold: string;
}

const DAY = 86_400_000;
/** Bits in a star mask (JavaScript's bitwise operators work on 32-bit integers). */
const MAX_STARS = 31;

/** `catalog.pages` must hold every page, ids 0, 1, 2 … in base 36, in order. */
export function catalogColumns(catalog: Catalog): CatalogColumns {
  if (catalog.stars.length > MAX_STARS) throw new CatalogError(`search catalog: expected at most ${MAX_STARS} stars, found ${catalog.stars.length}`);
  const index = <T extends { id: string }>(list: T[]) => new Map(list.map((x, i) => [x.id, i]));
  const places = index(catalog.places);
  const stars = index(catalog.stars);
  const people = index(catalog.people);
  const lookup = (m: Map<string, number>, id: string, what: string, page: CatalogPage) => {
    const i = m.get(id);
    if (i === undefined) throw new CatalogError(`search catalog: page ${page[0]}: expected a ${what} listed in the catalog, found ${JSON.stringify(id)}`);
    return i;
  };
  const cols: CatalogColumns = { version: CATALOG_FILE_VERSION, places: catalog.places, stars: catalog.stars, people: catalog.people, day: [], place: [], star: [], person: [], fold: catalog.fold ?? '' };
  let previousDay = 0;
  catalog.pages.forEach((page, n) => {
    if (page[0] !== n.toString(36)) throw new CatalogError(`search catalog: expected page ${n.toString(36)} in position ${n}, found ${JSON.stringify(page[0])}`);
    const day = Date.parse(`${page[1]}T00:00:00Z`) / DAY;
    cols.day.push(day - previousDay);
    previousDay = day;
    cols.place.push(lookup(places, page[2], 'place', page));
    cols.star.push(page[3].reduce((mask, s) => mask | (1 << lookup(stars, s, 'star', page)), 0));
    cols.person.push(page[4].map((p) => lookup(people, p, 'person', page)));
  });
  return cols;
}

/** The catalog back from its published columns; `source` names the file in errors. */
export function catalogFromColumns(data: unknown, source: string): Catalog {
  const fail = catalogFailure(source);
  if (typeof data !== 'object' || data === null) return fail('a catalog object', data);
  const c = data as Partial<CatalogColumns>;
  if (c.version !== CATALOG_FILE_VERSION) fail(`version ${CATALOG_FILE_VERSION}`, c.version);
  for (const key of ['places', 'stars', 'people', 'day', 'place', 'star', 'person'] as const) if (!Array.isArray(c[key])) fail(`a list in "${key}"`, c[key]);
  if (typeof c.fold !== 'string') fail('a fold table (a string) in "fold"', c.fold);
  const n = c.day!.length;
  for (const key of ['place', 'star', 'person'] as const) if (c[key]!.length !== n) fail(`${n} entries in "${key}", one per page`, c[key]!.length);
  const places = c.places!;
  const stars = c.stars!;
  const people = c.people!;
  const pages: CatalogPage[] = [];
  let day = 0;
  for (let i = 0; i < n; i++) {
    day += c.day![i];
    const place = places[c.place![i]];
    const persons = c.person![i];
    if (!Number.isInteger(c.day![i]) || !place || !Array.isArray(persons) || !persons.every((p) => people[p])) fail(`page ${i}: a day, a place and people from the tables`, [c.day![i], c.place![i], persons]);
    const mask = c.star![i];
    pages.push([i.toString(36), new Date(day * DAY).toISOString().slice(0, 10), place.id, stars.filter((_, s) => mask & (1 << s)).map((s) => s.id), persons.map((p) => people[p].id)]);
  }
  return { version: CATALOG_VERSION, places, stars, people, pages, fold: c.fold };
}
