// The published search catalog (src/search/shared/catalog-file.ts): its byte columns round-trip
// through the build's gzip (a deflate block per column, src/search/build/gzip-sections.ts) and the
// browser's DecompressionStream, whatever the widths the table sizes call for; damaged bytes are
// refused with the file named and what was expected.
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CATALOG_VERSION, CatalogError, type Catalog } from '../../src/search/shared/catalog.ts';
import { catalogFileSections, readCatalogFile } from '../../src/search/shared/catalog-file.ts';
import { gzipSections } from '../../src/search/build/gzip-sections.ts';

const catalog: Catalog = {
  version: CATALOG_VERSION,
  places: [
    { id: 'zhengzhou', name: '郑州市', level: 'city' },
    { id: 'lianhu', name: '莲湖街道', level: 'street', parent: 'zhengzhou', aliases: ['莲湖'] },
  ],
  stars: [{ id: 's1', name: '一' }, { id: 's2', name: '二' }],
  people: [{ id: 'luyan', name: '鲁燕' }, { id: 'wangyongtao', name: '王永涛' }],
  pages: [
    ['0', '2022-09-08', 'lianhu', ['s2'], ['luyan', 'wangyongtao']],
    ['1', '2022-09-08', 'zhengzhou', [], []],
    ['2', '2016-02-29', 'lianhu', ['s1', 's2'], ['wangyongtao']],
    ['3', '1969-12-31', 'lianhu', [], ['luyan']],
  ],
  fold: '網网蓮莲',
};

const concat = (sections: Uint8Array[]) => Buffer.concat(sections);

/** A catalog whose tables need wider columns: 300 places, 300 people, 12 stars. */
function wide(): Catalog {
  const places = Array.from({ length: 300 }, (_, i) => ({ id: `p${i}`, name: `地${i}`, level: 'street' as const }));
  const people = Array.from({ length: 300 }, (_, i) => ({ id: `r${i}`, name: `人${i}` }));
  const stars = Array.from({ length: 12 }, (_, i) => ({ id: `s${i}`, name: `星${i}` }));
  const pages: Catalog['pages'] = Array.from({ length: 700 }, (_, i) => [
    i.toString(36),
    new Date(Date.UTC(2026, 0, 1) - Math.floor(i / 3) * 86_400_000).toISOString().slice(0, 10),
    `p${(i * 7) % 300}`,
    stars.filter((_, s) => (i >> s) % 2 === 1 && s % 5 !== 1).map((s) => s.id),
    Array.from({ length: i % 5 }, (_, k) => `r${(i * 13 + k * 101) % 300}`),
  ]);
  return { version: CATALOG_VERSION, places, stars, people, pages, fold: '' };
}

describe('the published search catalog', () => {
  it('round-trips through its byte columns', () => {
    expect(readCatalogFile(concat(catalogFileSections(catalog)), 'c.pf_meta')).toEqual(catalog);
    const big = wide();
    expect(readCatalogFile(concat(catalogFileSections(big)), 'c.pf_meta')).toEqual(big);
    const empty: Catalog = { version: CATALOG_VERSION, places: [], stars: [], people: [], pages: [], fold: '' };
    expect(readCatalogFile(concat(catalogFileSections(empty)), 'c.pf_meta')).toEqual(empty);
  });

  it('is a header and one section per column: day, place, stars, then people until every page has ended', () => {
    const sections = catalogFileSections(catalog);
    // Days as varints of 3, 1, 2 and 3 bytes (19243 days, then 0, −2383 and −16861 days on);
    // page 0 has two people, so three people columns: for all 4 pages, for the 3 with a first person, for page 0.
    expect(sections.slice(1).map((s) => s.length)).toEqual([3 + 1 + 2 + 3, 4, 4, 4, 3, 1]);
    expect([...sections[4]]).toEqual([1, 0, 2, 1]);
    expect([...sections[5]]).toEqual([2, 0, 0]);
    expect([...sections[6]]).toEqual([0]);
    // Widths follow the tables: two bytes for 300 places, 300 people, 12 stars.
    const big = catalogFileSections(wide());
    expect(big.slice(2, 5).map((s) => s.length)).toEqual([1400, 1400, 1400]);
  });

  it('is one gzip member, a deflate block per section, that the browser’s DecompressionStream reads', async () => {
    const sections = catalogFileSections(wide());
    const gz = await gzipSections(sections);
    expect(gunzipSync(gz).equals(concat(sections))).toBe(true);
    const inflated = new Uint8Array(await new Response(new Blob([new Uint8Array(gz)]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer());
    expect(readCatalogFile(inflated, 'c.pf_meta')).toEqual(wide());
  });

  it('refuses pages out of order and facts missing from its tables', () => {
    expect(() => catalogFileSections({ ...catalog, pages: [catalog.pages[1]] })).toThrow('search catalog: expected page 0 in position 0, found "1"');
    expect(() => catalogFileSections({ ...catalog, pages: [['0', '2022-01-01', 'nowhere', [], []]] })).toThrow('search catalog: page 0: expected a place listed in the catalog, found "nowhere"');
    expect(() => catalogFileSections({ ...catalog, pages: [['0', '2022-13-01', 'lianhu', [], []]] })).toThrow(CatalogError);
  });

  it('refuses damaged bytes, naming the file and what it expected', () => {
    const bytes = concat(catalogFileSections(catalog));
    const read = (b: Uint8Array) => () => readCatalogFile(b, 'search-catalog.und_1.pf_meta');
    expect(read(new Uint8Array())).toThrow('search-catalog.und_1.pf_meta: expected the header length at byte 0, found "the end of the file"');
    expect(read(Uint8Array.from([200, 1, 0x7b]))).toThrow('search-catalog.und_1.pf_meta: expected a header of 200 bytes, found "1"');
    expect(read(Buffer.from('\u0003{x}'))).toThrow('search-catalog.und_1.pf_meta: expected a JSON header (the catalog file, gunzipped), found "{x}"');
    // A catalog still gzipped (a host that did not undo its own Content-Encoding) is not JSON either.
    expect(read(Uint8Array.from([0x1f, 0x8b, 8, 0]))).toThrow(CatalogError);
    const header = (h: object) => {
      const json = Buffer.from(JSON.stringify(h));
      return Buffer.concat([Buffer.from([json.length]), json]);
    };
    expect(read(header({ version: 3, pages: 0, places: [], stars: [], people: [], fold: '' }))).toThrow('search-catalog.und_1.pf_meta: expected version 4, found 3');
    expect(read(header({ version: 4, pages: 0, places: [], stars: {}, people: [], fold: '' }))).toThrow('expected a list in "stars", found {}');
    expect(read(header({ version: 4, pages: -1, places: [], stars: [], people: [], fold: '' }))).toThrow('expected a page count in "pages", found -1');
    const headerEnd = catalogFileSections(catalog)[0].length;
    expect(read(bytes.subarray(0, bytes.length - 2))).toThrow(`search-catalog.und_1.pf_meta: expected person column 2: 3 values of 1 byte from byte ${bytes.length - 4}, found "2 bytes"`);
    expect(read(bytes.subarray(0, headerEnd + 4))).toThrow(`search-catalog.und_1.pf_meta: expected page 2's day at byte ${headerEnd + 4}, found "the end of the file"`);
    expect(read(Buffer.concat([bytes, Buffer.from([0])]))).toThrow(`search-catalog.und_1.pf_meta: expected the end of the file after the people columns at byte ${bytes.length}, found "1 more bytes"`);

    const sections = catalogFileSections(catalog);
    const damaged = (section: number, at: number, value: number) => {
      const copy = sections.map((s) => Uint8Array.from(s));
      copy[section][at] = value;
      return concat(copy);
    };
    expect(read(damaged(2, 1, 2))).toThrow('search-catalog.und_1.pf_meta: expected page 1: a place index below 2, found 2');
    expect(read(damaged(3, 2, 4))).toThrow('search-catalog.und_1.pf_meta: expected page 2: a mask of 2 stars, found 4');
    expect(read(damaged(4, 0, 3))).toThrow('search-catalog.und_1.pf_meta: expected page 0: a person index up to 2, found 3');
  });
});
