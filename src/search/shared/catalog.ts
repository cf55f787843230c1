// The search catalog: per Pagefind page id, the facts facets and date order need (date, place,
// stars, people), plus the names to label them. Each shard's bundle keeps its own (as JSON, in the
// build cache); the build merges them with the shards' indexes and publishes the result in the
// compact form of catalog-file.ts. Counts are computed from these rows, never from Pagefind.
import { emptyFacetValues, type FacetValues } from './facet-keys.ts';
import { parseFoldTable, type FoldTable } from './fold-table.ts';

export const CATALOG_VERSION = 2;

export type PlaceLevel = 'province' | 'city' | 'district' | 'street' | 'township';

export interface CatalogPlace {
  id: string;
  name: string;
  level: PlaceLevel;
  parent?: string;
  /** Short names editors and readers use (莲湖 for 莲湖街道): a query naming one links to the place. */
  aliases?: string[];
}

export interface CatalogNamed {
  id: string;
  name: string;
}

/** [Pagefind page id, YYYY-MM-DD, place id, star ids, person ids] */
export type CatalogPage = [string, string, string, string[], string[]];

export interface Catalog {
  version: number;
  /** Every place on the lineage of an indexed article, in registry order. */
  places: CatalogPlace[];
  stars: CatalogNamed[];
  people: CatalogNamed[];
  pages: CatalogPage[];
  /**
   * The published catalog only: the traditional → simplified table for the index's characters
   * (fold-table.ts), which the reader's browser folds queries and excerpts with.
   */
  fold?: string;
}

export class CatalogError extends Error {}

/** Throws a CatalogError naming the file `source`, what was expected and what was found. */
export function catalogFailure(source: string): (what: string, found: unknown) => never {
  return (what, found) => {
    throw new CatalogError(`${source}: expected ${what}, found ${JSON.stringify(found)?.slice(0, 80)}`);
  };
}

/** Checks a parsed catalog file; `source` names it in the error. */
export function parseCatalog(data: unknown, source: string): Catalog {
  const fail = catalogFailure(source);
  if (typeof data !== 'object' || data === null) return fail('a catalog object', data);
  const c = data as Partial<Catalog>;
  if (c.version !== CATALOG_VERSION) fail(`version ${CATALOG_VERSION}`, c.version);
  for (const key of ['places', 'stars', 'people', 'pages'] as const) if (!Array.isArray(c[key])) fail(`a list in "${key}"`, c[key]);
  for (const p of c.pages!) {
    if (!Array.isArray(p) || p.length !== 5 || typeof p[0] !== 'string' || !/^\d{4}-\d\d-\d\d$/.test(String(p[1])) || typeof p[2] !== 'string' || !Array.isArray(p[3]) || !Array.isArray(p[4])) {
      fail('pages of [id, date, place, stars, people]', p);
    }
  }
  return c as Catalog;
}

/** Several shards' catalogs as one: names merged by id, pages concatenated. */
export function mergeCatalogs(catalogs: readonly Catalog[]): Catalog {
  if (catalogs.length === 1) return catalogs[0];
  const byId = <T extends { id: string }>(lists: T[][]) => [...new Map(lists.flat().map((x) => [x.id, x])).values()];
  return {
    version: CATALOG_VERSION,
    places: byId(catalogs.map((c) => c.places)),
    stars: byId(catalogs.map((c) => c.stars)),
    people: byId(catalogs.map((c) => c.people)),
    pages: catalogs.flatMap((c) => c.pages),
  };
}

export interface CatalogIndex {
  catalog: Catalog;
  /** The fold table queries and excerpts are folded with (empty for a shard's catalog). */
  fold: FoldTable;
  place(id: string): CatalogPlace | undefined;
  /** The facet values of a page: its street (if it is filed on one), district, city, stars, people, year. */
  facets(page: CatalogPage): FacetValues;
  page(id: string): CatalogPage | undefined;
  name(key: 'star' | 'reporter' | 'place', id: string): string;
}

export function indexCatalog(catalog: Catalog): CatalogIndex {
  const places = new Map(catalog.places.map((p) => [p.id, p]));
  const stars = new Map(catalog.stars.map((s) => [s.id, s.name]));
  const people = new Map(catalog.people.map((s) => [s.id, s.name]));
  const pages = new Map(catalog.pages.map((p) => [p[0], p]));
  const lineage = new Map<string, FacetValues>();
  const placeFacets = (id: string) => {
    let v = lineage.get(id);
    if (!v) {
      v = emptyFacetValues();
      for (let p = places.get(id), guard = 0; p && guard < 16; p = p.parent ? places.get(p.parent) : undefined, guard++) {
        if (p.level === 'street' || p.level === 'township') v.street.push(p.id);
        else if (p.level === 'district') v.district.push(p.id);
        else if (p.level === 'city') v.city.push(p.id);
      }
      lineage.set(id, v);
    }
    return v;
  };
  return {
    catalog,
    fold: parseFoldTable(catalog.fold ?? '', (found) => {
      throw new CatalogError(`search catalog: expected a fold table of character pairs, found ${found}`);
    }),
    place: (id) => places.get(id),
    page: (id) => pages.get(id),
    facets(page) {
      const p = placeFacets(page[2]);
      return { street: p.street, district: p.district, city: p.city, star: page[3], reporter: page[4], year: [page[1].slice(0, 4)] };
    },
    name(key, id) {
      const m = key === 'star' ? stars.get(id) : key === 'reporter' ? people.get(id) : places.get(id)?.name;
      return m ?? id;
    },
  };
}
