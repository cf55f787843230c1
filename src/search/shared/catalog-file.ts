// The search catalog as published: one file per index, rows in Pagefind page order (page id =
// page number in base 36, as src/search/build/pagefind/merge-bundles.ts names them). A reader's
// first query loads it whole, so its facts are bytes, not JSON: a JSON header holds the name
// tables and the fold table, then each fact is a column of a byte or two per article. The build
// gzips it with a deflate block per column (src/search/build/gzip-sections.ts), so gzip codes each
// column near its entropy: 40 KB instead of 55 KB of JSON columns at 10,000 articles.
// Hand-written: a CBOR or protobuf runtime in the search page's script would cost more bytes than
// these columns, and code them less tightly.
//
// Layout, after the unsigned varint length of the header:
//   header  JSON {version, pages, places, stars, people, fold}
//   day     per page: zigzag varint, days since the page before (the first page: since 1970-01-01);
//           pages come newest first, so these are mostly 0 and −1
//   place   per page: index in places
//   star    per page: star bit mask, bit i for stars[i]
//   people  columns k = 0, 1, …: for each page that has had k people so far, in page order, the
//           index + 1 of its next person, or 0 when it has no more; until no page has more
// place, star and people values are fixed-width big-endian, as wide as the largest value needs.
import { CATALOG_VERSION, catalogFailure, CatalogError, type Catalog, type CatalogNamed, type CatalogPage, type CatalogPlace } from './catalog.ts';

const CATALOG_FILE_VERSION = 4;
const CATALOG_FILE_PREFIX = 'search-catalog.';

/**
 * Named after the Pagefind index it describes (the hash in pagefind-entry.json): it changes exactly
 * when the index does, so hosts may cache it for good, like Pagefind's own .pf_meta file, and
 * serve it the same way (already gzipped, opaque bytes).
 */
export function catalogFile(indexHash: string): string {
  return `${CATALOG_FILE_PREFIX}${indexHash}.pf_meta`;
}

interface CatalogHeader {
  version: number;
  /** Rows in every column. */
  pages: number;
  places: CatalogPlace[];
  stars: CatalogNamed[];
  people: CatalogNamed[];
  /** The fold table (Catalog.fold). */
  fold: string;
}

const DAY = 86_400_000;
/** Bits in a star mask (JavaScript's bitwise operators work on 32-bit integers). */
const MAX_STARS = 31;

/** Bytes a fixed-width value up to `max` takes. */
function widthFor(max: number): number {
  return max < 0x100 ? 1 : max < 0x10000 ? 2 : max < 0x1000000 ? 3 : 4;
}

class ByteWriter {
  private readonly out: number[] = [];
  varint(n: number): this {
    while (n >= 0x80) {
      this.out.push((n % 0x80) | 0x80);
      n = Math.floor(n / 0x80);
    }
    this.out.push(n);
    return this;
  }
  fixed(n: number, width: number): this {
    for (let shift = (width - 1) * 8; shift >= 0; shift -= 8) this.out.push(Math.floor(n / 2 ** shift) % 0x100);
    return this;
  }
  bytes(): Uint8Array {
    return Uint8Array.from(this.out);
  }
}

/**
 * The catalog file's content before gzip, as sections — the header, then one section per column —
 * whose concatenation is the file; the build ends a deflate block after each. `catalog.pages` must
 * hold every page, ids 0, 1, 2 … in base 36, in order.
 */
export function catalogFileSections(catalog: Catalog): Uint8Array[] {
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
  const header: CatalogHeader = { version: CATALOG_FILE_VERSION, pages: catalog.pages.length, places: catalog.places, stars: catalog.stars, people: catalog.people, fold: catalog.fold ?? '' };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const head = new ByteWriter().varint(json.length).bytes();
  const day = new ByteWriter();
  const place = new ByteWriter();
  const star = new ByteWriter();
  const placeWidth = widthFor(catalog.places.length - 1);
  const starWidth = Math.max(1, Math.ceil(catalog.stars.length / 8));
  const personWidth = widthFor(catalog.people.length);
  const persons: number[][] = [];
  let previousDay = 0;
  catalog.pages.forEach((page, n) => {
    if (page[0] !== n.toString(36)) throw new CatalogError(`search catalog: expected page ${n.toString(36)} in position ${n}, found ${JSON.stringify(page[0])}`);
    const days = Date.parse(`${page[1]}T00:00:00Z`) / DAY;
    if (!Number.isInteger(days)) throw new CatalogError(`search catalog: page ${page[0]}: expected a date YYYY-MM-DD, found ${JSON.stringify(page[1])}`);
    const delta = days - previousDay;
    day.varint(delta < 0 ? -2 * delta - 1 : 2 * delta);
    previousDay = days;
    place.fixed(lookup(places, page[2], 'place', page), placeWidth);
    star.fixed(page[3].reduce((mask, s) => mask + 2 ** lookup(stars, s, 'star', page), 0), starWidth);
    persons.push(page[4].map((p) => lookup(people, p, 'person', page) + 1));
  });
  const sections = [Uint8Array.from([...head, ...json]), day.bytes(), place.bytes(), star.bytes()];
  let open = persons.map((_, n) => n);
  for (let k = 0; open.length; k++) {
    const column = new ByteWriter();
    open = open.filter((n) => {
      column.fixed(persons[n][k] ?? 0, personWidth);
      return k < persons[n].length;
    });
    sections.push(column.bytes());
  }
  return sections;
}

/** The catalog back from the (gunzipped) bytes of its file; `source` names the file in errors. */
export function readCatalogFile(bytes: Uint8Array, source: string): Catalog {
  const fail = catalogFailure(source);
  let at = 0;
  // `what` is a function so that no message is built for the values that are fine.
  const varint = (what: () => string) => {
    let n = 0;
    for (let scale = 1; ; scale *= 0x80) {
      if (at >= bytes.length) fail(`${what()} at byte ${at}`, 'the end of the file');
      if (scale > 2 ** 49) fail(`${what()} (a varint) at byte ${at}`, 'more than 7 bytes');
      const b = bytes[at++];
      n += (b & 0x7f) * scale;
      if (b < 0x80) return n;
    }
  };
  /** Reads a column of `count` values `width` bytes wide. */
  const column = (count: number, width: number, what: string) => {
    if (at + count * width > bytes.length) fail(`${what}: ${count} values of ${width} byte${width > 1 ? 's' : ''} from byte ${at}`, `${bytes.length - at} bytes`);
    const values = new Array<number>(count);
    for (let i = 0; i < count; i++) {
      let n = 0;
      for (let b = 0; b < width; b++) n = n * 0x100 + bytes[at++];
      values[i] = n;
    }
    return values;
  };

  const headerLength = varint(() => 'the header length');
  if (at + headerLength > bytes.length) fail(`a header of ${headerLength} bytes`, `${bytes.length - at}`);
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(at, at + headerLength)));
  } catch {
    fail('a JSON header (the catalog file, gunzipped)', new TextDecoder().decode(bytes.subarray(at, at + Math.min(headerLength, 40))));
  }
  at += headerLength;
  if (typeof data !== 'object' || data === null) return fail('a catalog header object', data);
  const h = data as Partial<CatalogHeader>;
  if (h.version !== CATALOG_FILE_VERSION) fail(`version ${CATALOG_FILE_VERSION}`, h.version);
  for (const key of ['places', 'stars', 'people'] as const) if (!Array.isArray(h[key])) fail(`a list in "${key}"`, h[key]);
  if (typeof h.fold !== 'string') fail('a fold table (a string) in "fold"', h.fold);
  const n = h.pages;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) return fail('a page count in "pages"', n);
  const places = h.places!;
  const stars = h.stars!;
  const people = h.people!;
  if (stars.length > MAX_STARS) fail(`at most ${MAX_STARS} stars`, stars.length);

  const pages: CatalogPage[] = [];
  const dates = new Map<number, string>();
  let days = 0;
  for (let i = 0; i < n; i++) {
    const z = varint(() => `page ${i.toString(36)}'s day`);
    days += z % 2 ? -(z + 1) / 2 : z / 2;
    let date = dates.get(days);
    if (!date) {
      const d = new Date(days * DAY);
      if (Number.isNaN(d.getTime())) fail(`page ${i.toString(36)}: a day since 1970-01-01`, days);
      dates.set(days, (date = d.toISOString().slice(0, 10)));
    }
    pages.push([i.toString(36), date, '', [], []]);
  }
  column(n, widthFor(places.length - 1), 'the place column').forEach((p, i) => {
    if (p >= places.length) fail(`page ${pages[i][0]}: a place index below ${places.length}`, p);
    pages[i][2] = places[p].id;
  });
  // A page's star list for each mask, built once per mask seen.
  const masks = new Map<number, string[]>();
  column(n, Math.max(1, Math.ceil(stars.length / 8)), 'the star column').forEach((mask, i) => {
    if (mask >= 2 ** stars.length) fail(`page ${pages[i][0]}: a mask of ${stars.length} stars`, mask);
    let ids = masks.get(mask);
    if (!ids) masks.set(mask, (ids = stars.filter((_, s) => Math.floor(mask / 2 ** s) % 2).map((s) => s.id)));
    pages[i][3] = [...ids];
  });
  const personWidth = widthFor(people.length);
  let open = pages;
  for (let k = 0; open.length; k++) {
    const values = column(open.length, personWidth, `person column ${k + 1}`);
    open = open.filter((page, i) => {
      const p = values[i];
      if (p > people.length) fail(`page ${page[0]}: a person index up to ${people.length}`, p);
      if (p) page[4].push(people[p - 1].id);
      return p > 0;
    });
  }
  if (at !== bytes.length) fail(`the end of the file after the people columns at byte ${at}`, `${bytes.length - at} more bytes`);
  return { version: CATALOG_VERSION, places, stars, people, pages, fold: h.fold };
}
