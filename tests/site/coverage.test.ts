// The five-star coverage matrix on /stars/: per district, its places × the stars of every set its
// places work on, each cell the number of articles, a total row; every nonzero cell links to the
// star page's section for that place.
import { describe, expect, inject, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { listMarkdownFiles, readArticleFile } from '../../src/io/articles.ts';
import { loadRegistries } from '../../src/io/registries.ts';
import { page } from '../helpers/html.ts';
import { FIXTURE_CONTENT, ROOT } from '../helpers/build-site.ts';

const fixture = inject('fixtureDist');
const site = inject('siteDist');

interface Table { district: string; caption: string; stars: string[]; starNames: string[]; rows: { place: string; name: string; linked: boolean; cells: { star: string; n: number; href?: string }[] }[] }

function matrices(html: string): Table[] {
  return [...html.matchAll(/<table class="matrix" data-district="([^"]+)">([\s\S]*?)<\/table>/g)].map(([, district, body]) => {
    const head = /<thead>([\s\S]*?)<\/thead>/.exec(body)![1];
    const cols = [...head.matchAll(/<th scope="col"><a href="\/stars\/([^/]+)\/">([^<]+)<\/a><\/th>/g)];
    // A place without stories is named without a link (it has no page); its cells still carry its id.
    const rows = [...body.matchAll(/<tr><th scope="row">(?:<a href="\/streets\/([^/]+)\/">([^<]+)<\/a>|([^<]+))<\/th>([\s\S]*?)<\/tr>/g)].map(([, linked, linkedName, plainName, tds]) => {
      const place = linked ?? /data-place="([^"]+)"/.exec(tds)![1];
      return {
        place,
        name: linkedName ?? plainName,
        linked: !!linked,
        cells: [...tds.matchAll(/<td class="(has|zero)" data-star="([^"]+)" data-place="([^"]+)">([\s\S]*?)<\/td>/g)].map(([, cls, star, cellPlace, inner]) => {
          expect(cellPlace).toBe(place);
          const link = /<a href="([^"]+)"[^>]*>(\d+)<\/a>/.exec(inner);
          const text = inner.replace(/<[^>]*>/g, '').trim();
          expect(text, `${place}/${star}`).toMatch(/^\d+$/);
          const n = Number(text);
          if (link) expect(link[2]).toBe(text);
          expect(cls).toBe(n ? 'has' : 'zero');
          return { star, n, ...(link ? { href: link[1] } : {}) };
        }),
      };
    });
    return { district, caption: /<caption>([^<]*)<\/caption>/.exec(body)![1], stars: cols.map((c) => c[1]), starNames: cols.map((c) => c[2]), rows };
  });
}

/** A nonzero cell's link leads to the star page's section for the place, which lists that many articles. */
function expectCellLinkResolves(dist: string, href: string, n: number) {
  const [path, hash] = href.split('#');
  const file = join(dist, path, 'index.html');
  expect(existsSync(file), href).toBe(true);
  const html = page(dist, path);
  const at = html.indexOf(`<section id="${hash}">`);
  expect(at, href).toBeGreaterThan(-1);
  const section = html.slice(at, html.indexOf('</section>', at));
  expect(section.match(/<h3><a href="\/articles\/[^"]+\/">/g)?.length, href).toBe(n);
}

const COMMUNITY = ['zhibu-guoying', 'pingan-fazhi', 'yiye-xingye', 'gongjian-gongxiang', 'xingfu-hexie'];
const VILLAGE = ['zhibu-guoying', 'chanye-xingwang', 'shengtai-yiju', 'pingan-fazhi', 'wenming-xingfu'];

describe('coverage matrix on the fixture site', () => {
  const tables = matrices(page(fixture, '/stars/'));
  const registries = loadRegistries(FIXTURE_CONTENT);

  it('has one table per district with articles, with the star sets of its places', () => {
    expect(tables.map((t) => t.district)).toEqual(['zhongyuan', 'erqi', 'mengzhou']);
    // 二七区's townships (马寨镇, 侯寨乡) work on the village set: its table shows both sets, shared stars first.
    expect(tables.map((t) => t.caption)).toEqual([
      '中原区：各街道（乡镇）城市社区五星报道篇数',
      '二七区：各街道（乡镇）城市社区五星、农村五星报道篇数（该区县既有城市社区，也有农村）',
      '孟州市：各街道（乡镇）农村五星报道篇数',
    ]);
    const both = ['zhibu-guoying', 'pingan-fazhi', 'yiye-xingye', 'gongjian-gongxiang', 'xingfu-hexie', 'chanye-xingwang', 'shengtai-yiju', 'wenming-xingfu'];
    expect(tables.map((t) => t.stars)).toEqual([COMMUNITY, both, VILLAGE]);
    expect(tables[2].starNames).toEqual(['支部过硬星', '产业兴旺星', '生态宜居星', '平安法治星', '文明幸福星']);
  });

  it('has a row for the district and each of its streets, a cell per star', () => {
    for (const t of tables) {
      const expected = [t.district, ...registries.places.children(t.district).map((p) => p.id)];
      expect(t.rows.map((r) => r.place)).toEqual(expected);
      for (const r of t.rows) expect(r.cells.map((c) => c.star)).toEqual(t.stars);
    }
    expect(tables[0].rows.map((r) => r.name).slice(0, 3)).toEqual(['中原区', '林山寨街道', '建设路街道']);
    // Only places with stories link to their (built) page.
    for (const r of tables.flatMap((t) => t.rows)) expect(r.linked, r.place).toBe(existsSync(join(fixture, 'streets', r.place, 'index.html')));
    expect(tables[0].rows.filter((r) => r.linked).map((r) => r.place)).toEqual(['zhongyuan', 'hanghaixilu', 'lianhu']);
  });

  it('counts exactly the articles on each place and star', () => {
    const nonzero = tables.flatMap((t) => t.rows.flatMap((r) => r.cells.filter((c) => c.n).map((c) => `${t.district}/${r.place}/${c.star}=${c.n}`)));
    expect(nonzero).toEqual([
      'zhongyuan/zhongyuan/zhibu-guoying=1',
      'zhongyuan/zhongyuan/yiye-xingye=1',
      'zhongyuan/hanghaixilu/gongjian-gongxiang=1',
      'zhongyuan/lianhu/zhibu-guoying=1',
      'zhongyuan/lianhu/xingfu-hexie=1',
      'mengzhou/heyang/chanye-xingwang=1',
    ]);
  });

  it('links every nonzero cell to the star page section for the place', () => {
    const cells = tables.flatMap((t) => t.rows.flatMap((r) => r.cells.map((c) => ({ ...c, place: r.place }))));
    for (const c of cells) {
      if (!c.n) {
        expect(c.href).toBeUndefined();
        continue;
      }
      expect(c.href).toBe(`/stars/${c.star}/#p-${c.place}`);
      expectCellLinkResolves(fixture, c.href!, c.n);
    }
  });
});

describe('coverage matrix on the real site', () => {
  it('counts every star tag once: cells match a recount of content/, the total row sums each district', () => {
    const registries = loadRegistries(join(ROOT, 'content'));
    const counts = new Map<string, number>();
    const tagsInDistrict = new Map<string, number>();
    for (const f of listMarkdownFiles(join(ROOT, 'content/articles'))) {
      const a = readArticleFile(f, registries, ROOT).article!;
      if (a.draft) continue;
      const district = registries.places.lineage(a.place).find((p) => p.level === 'district')!;
      for (const s of a.stars) counts.set(`${a.place}/${s}`, (counts.get(`${a.place}/${s}`) ?? 0) + 1);
      tagsInDistrict.set(district.id, (tagsInDistrict.get(district.id) ?? 0) + a.stars.length);
    }
    const html = page(site, '/stars/');
    const tables = matrices(html);
    expect(tables.length).toBeGreaterThan(0);
    for (const t of tables) {
      const places = [t.district, ...registries.places.children(t.district).map((p) => p.id)].map((id) => registries.places.byId(id)!);
      const sets = new Set(places.flatMap((p) => p.starSets));
      // Every star of every set the district's places work on has a column.
      for (const s of registries.stars.all) if (s.sets.some((x) => sets.has(x))) expect(t.stars, `${t.district} ${s.id}`).toContain(s.id);
      const columnTotals = t.stars.map(() => 0);
      for (const r of t.rows) {
        r.cells.forEach((c, i) => {
          expect(c.n, `${r.place}/${c.star}`).toBe(counts.get(`${r.place}/${c.star}`) ?? 0);
          columnTotals[i] += c.n;
          if (c.n) expectCellLinkResolves(site, c.href!, c.n);
        });
      }
      const table = new RegExp(`<table class="matrix" data-district="${t.district}">[\\s\\S]*?</table>`).exec(html)![0];
      const foot = [.../<tfoot>([\s\S]*?)<\/tfoot>/.exec(table)![1].matchAll(/<td data-star="([^"]+)">(\d+)<\/td>/g)].map((m) => [m[1], Number(m[2])]);
      expect(foot).toEqual(t.stars.map((s, i) => [s, columnTotals[i]]));
      expect(foot.reduce((n, [, c]) => n + (c as number), 0)).toBe(tagsInDistrict.get(t.district) ?? 0);
    }
    // 中原区 has streets with villages (莲湖, 柳湖, 须水): both sets, their stars counted, 须水 and 柳湖 no longer all zeros.
    const zy = tables.find((t) => t.district === 'zhongyuan')!;
    expect(zy.caption).toBe('中原区：各街道（乡镇）城市社区五星、农村五星报道篇数（该区县既有城市社区，也有农村）');
    expect(zy.stars).toEqual(expect.arrayContaining(['chanye-xingwang', 'shengtai-yiju', 'wenming-xingfu', 'yiye-xingye']));
    for (const street of ['xushui', 'liuhu']) expect(zy.rows.find((r) => r.place === street)!.cells.some((c) => c.n > 0), street).toBe(true);
  });
});
