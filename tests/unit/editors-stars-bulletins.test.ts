// Star sets per place, the coverage matrix's totals, and bulletins: page order for same-day
// stories, a story listed twice, a second 简报 of one scope.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadRegistries } from '../../src/io/registries.ts';
import { createPlaceRegistry } from '../../src/lib/places.ts';
import { coverageTables } from '../../src/lib/coverage.ts';
import { bulletinScope, byDateAndPage, resolveBulletins, type Bulletin } from '../../src/lib/bulletins.ts';
import { repeatedArticles, secondBulletins, starsOutsideSets, type ReadBulletin } from '../../src/lib/check-rules.ts';
import { buildSiteIndex } from '../../src/lib/site-index.ts';
import type { Article } from '../../src/lib/article.ts';
import { ROOT } from '../helpers/build-site.ts';

const { places, stars, people } = loadRegistries(join(ROOT, 'content'));
let n = 0;
const art = (date: string, place: string, starIds: string[] = [], extra: Partial<Article> = {}): Article => ({
  id: `s${++n}`, title: `t${n}`, date, place, stars: starIds, reporters: ['鲁燕'], correspondents: [], photo: undefined, draft: false, summary: '', ...extra,
});

describe('star sets per place', () => {
  it('are the place\'s own, else inherited; a 街道 may have both', () => {
    const reg = createPlaceRegistry([
      { id: 'c', name: '市', level: 'city' },
      { id: 'd', name: '区', level: 'district', parent: 'c', stars: 'community' },
      { id: 's1', name: '甲街道', level: 'street', parent: 'd' },
      { id: 's2', name: '乙街道', level: 'street', parent: 'd', stars: ['village', 'community'] },
      { id: 't', name: '丙镇', level: 'township', parent: 'd' },
    ]);
    expect(['d', 's1', 's2', 't'].map((id) => reg.byId(id)!.starSets)).toEqual([['community'], ['community'], ['community', 'village'], ['village']]);
  });

  it('warn about a star outside them, saying how to record a place that has both', () => {
    expect(starsOutsideSets('jianshelu', ['zhibu-guoying', 'chanye-xingwang'], places, stars)).toEqual([{ index: 1, message: "expected a star of 建设路街道's set (community (城市社区)), found 产业兴旺星, a village (村) star; if 建设路街道 has 村 too, write stars: [community, village] on it in content/places.yaml" }]);
    expect(starsOutsideSets('xushui', ['shengtai-yiju', 'yiye-xingye'], places, stars)).toEqual([]);
  });
});

describe('the coverage matrix', () => {
  it('counts every star tag once: the total row sums to the tags of the district, even tags outside its sets', () => {
    const articles = [
      art('2022-01-01', 'lianhu', ['zhibu-guoying', 'chanye-xingwang']),
      art('2022-01-02', 'xushui', ['shengtai-yiju']),
      art('2022-01-03', 'jianshelu', ['wenming-xingfu', 'yiye-xingye']), // a village star on a community street
      art('2022-01-04', 'zhongyuan', ['pingan-fazhi']),
      art('2022-01-05', 'heyang', ['chanye-xingwang', 'gongjian-gongxiang']),
    ];
    const tables = coverageTables(articles, places, stars);
    const tags = (district: string) => articles.filter((a) => places.lineage(a.place).some((p) => p.id === district)).reduce((k, a) => k + a.stars.length, 0);
    for (const t of tables) expect(t.total, t.district.id).toBe(tags(t.district.id));
    const zy = tables.find((t) => t.district.id === 'zhongyuan')!;
    expect(zy.sets).toEqual(['community', 'village']);
    expect(zy.total).toBe(6);
    const mz = tables.find((t) => t.district.id === 'mengzhou')!;
    // 共建共享星 is no village star, yet it is counted, in a column of its own group.
    expect(mz.groups.at(-1)).toEqual({ sets: [], span: 1 });
    expect(mz.total).toBe(2);
  });
});

describe('bulletins', () => {
  it('put same-day stories in page order, then by id', () => {
    const list = [art('2022-09-08', 'lianhu', [], { id: 'b', position: 2 }), art('2022-09-08', 'lianhu', [], { id: 'z', position: 1 }), art('2022-09-08', 'lianhu', [], { id: 'a' }), art('2022-07-20', 'lianhu', [], { id: 'y', position: 5 })];
    expect(list.sort(byDateAndPage).map((a) => a.id)).toEqual(['y', 'z', 'b', 'a']);
  });

  it('print a story listed twice once, and check warns at the repeat', () => {
    const a = art('2022-09-08', 'lianhu');
    const index = buildSiteIndex([a], places, stars, people);
    const b = { id: 'x', file: 'x.md', title: 't', kind: '专版', date: '2022-09-08', articles: [a.id, a.id], draft: false } as Bulletin;
    expect(resolveBulletins([b], index)[0].articles).toEqual([a]);
    const read: ReadBulletin = { id: 'x', file: 'x.md', lines: [], bulletin: b, locate: (p) => ({ line: 5 + Number(p[1] ?? 0), col: 5 }) };
    expect(repeatedArticles(read).map((p) => [p.line, p.code, p.severity])).toEqual([[6, 'repeated-article', 'warning']]);
  });

  it('tell a second 简报 of the same kind, district and period, but not 专版 pages of one day', () => {
    const placeOf = (id: string) => ({ a: 'lianhu', b: 'xushui', c: 'wulibao' })[id];
    const districtOf = (p: string) => places.lineage(p).find((x) => x.level === 'district')?.id;
    const jianbao = (articles: string[], from = '2022-07-01') => ({ kind: '简报', date: '2022-09-30', period: { from, to: '2022-09-30' }, articles }) as Bulletin;
    expect(bulletinScope(jianbao(['a']), placeOf, districtOf)).toBe(bulletinScope(jianbao(['b']), placeOf, districtOf));
    expect(bulletinScope(jianbao(['a']), placeOf, districtOf)).not.toBe(bulletinScope(jianbao(['c']), placeOf, districtOf));
    expect(bulletinScope(jianbao(['a']), placeOf, districtOf)).not.toBe(bulletinScope(jianbao(['a'], '2022-08-01'), placeOf, districtOf));
    expect(bulletinScope({ kind: '专版', date: '2022-09-08', articles: ['a'] } as Bulletin, placeOf, districtOf)).toBe('');
    const read = (id: string, b: Bulletin): ReadBulletin => ({ id, file: `${id}.md`, lines: [], bulletin: b, locate: () => ({ line: 3, col: 7 }) });
    const problems = secondBulletins([read('one', jianbao(['a'])), read('two', jianbao(['b'])), read('three', jianbao(['c']))], (b) => bulletinScope(b, placeOf, districtOf));
    expect(problems.map((p) => [p.file, p.code])).toEqual([['one.md', 'second-bulletin'], ['two.md', 'second-bulletin']]);
  });
});
