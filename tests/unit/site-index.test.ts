import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadRegistries } from '../../src/io/registries.ts';
import { buildSiteIndex } from '../../src/lib/site-index.ts';
import { groupByYearMonth } from '../../src/lib/timeline.ts';
import { pageTerm } from '../../src/lib/paging.ts';
import { createPeopleRegistry, newPeople, pinyinId } from '../../src/lib/people.ts';
import { bylineText } from '../../src/lib/byline.ts';
import { chineseDate } from '../../src/lib/dates.ts';
import { summaryFromBody, type Article } from '../../src/lib/article.ts';
import { coverageTables } from '../../src/lib/coverage.ts';
import { ROOT } from '../helpers/build-site.ts';

const { places, stars } = loadRegistries(join(ROOT, 'content'));
let n = 0;
const art = (date: string, place: string, extra: Partial<Article> = {}): Article => ({
  id: `a${++n}`, title: `t${n}`, date, place, stars: [], reporters: ['鲁燕'], correspondents: [], photo: undefined, draft: false, summary: '', ...extra,
});

describe('timeline grouping', () => {
  it('groups newest-first articles by year and month', () => {
    const list = [art('2023-05-16', 'lianhu'), art('2022-09-20', 'lianhu'), art('2022-09-08', 'lianhu'), art('2022-07-20', 'lianhu')];
    const g = groupByYearMonth(list);
    expect(g.map((y) => [y.year, y.count, y.months.map((m) => [m.month, m.items.length])])).toEqual([
      ['2023', 1, [['05', 1]]],
      ['2022', 3, [['09', 2], ['07', 1]]],
    ]);
  });
});

describe('paging long term lists', () => {
  it('keeps a short list on one page', () => {
    const p = pageTerm([art('2022-01-01', 'lianhu')], 3);
    expect(p.split).toBe(false);
    expect(p.pages.map((x) => x.path)).toEqual(['']);
  });
  it('splits a long list by year, then into numbered pages', () => {
    const items = [...Array(5)].map((_, i) => art(`2023-01-0${i + 1}`, 'lianhu')).reverse().concat([art('2022-03-01', 'lianhu')]);
    const p = pageTerm(items, 2);
    expect(p.pages.map((x) => [x.path, x.items.length])).toEqual([['', 2], ['2023/', 2], ['2023/2/', 2], ['2023/3/', 1], ['2022/', 1]]);
    expect(p.years).toEqual([{ year: '2023', count: 5, path: '2023/' }, { year: '2022', count: 1, path: '2022/' }]);
  });
});

describe('site index', () => {
  const a1 = art('2022-07-20', 'lianhu', { stars: ['zhibu-guoying'] });
  const a2 = art('2022-09-08', 'lianhu', { stars: ['xingfu-hexie'], correspondents: ['魏少杰'] });
  const a3 = art('2023-05-16', 'lianhu');
  const a4 = art('2022-09-10', 'hanghaixilu', { stars: ['xingfu-hexie'], reporters: ['路艳'] });
  const a5 = art('2022-08-01', 'zhongyuan', { stars: ['zhibu-guoying'] });
  const a6 = art('2021-01-01', 'heyang');
  const index = buildSiteIndex([a1, a2, a3, a4, a5, a6], places, stars);

  it('rolls street articles up to district, city and province', () => {
    expect(index.atPlace('lianhu').map((a) => a.id)).toEqual([a3.id, a2.id, a1.id]);
    expect(index.inPlace('zhongyuan').map((a) => a.id)).toEqual([a3.id, a4.id, a2.id, a5.id, a1.id]);
    expect(index.inPlace('zhengzhou')).toHaveLength(5);
    expect(index.inPlace('henan')).toHaveLength(6);
    expect(index.inPlace('erqi')).toEqual([]);
  });
  it('finds previous and next along the place timeline', () => {
    expect(index.neighbours(a2.id)).toEqual({ newer: a3, older: a1 });
    expect(index.neighbours(a3.id)).toEqual({ newer: undefined, older: a2 });
  });
  it('relates articles on the same place or star, nearest in time', () => {
    expect(index.related(a2.id, 2).map((a) => a.id)).toEqual([a4.id, a1.id]);
  });
  it('indexes stars, months and people', () => {
    expect(index.onStar('xingfu-hexie').map((a) => a.id)).toEqual([a4.id, a2.id]);
    expect([...index.months.keys()]).toEqual(['2023-05', '2022-09', '2022-08', '2022-07', '2021-01']);
    expect(index.personId('鲁燕')).toBe('luyan');
    expect(index.personId('路艳')).toBe('luyan-2');
    expect(index.person('weishaojie')?.roles).toEqual(new Set(['通讯员']));
  });
  it('builds the coverage matrix with every star set of the district, shared stars first', () => {
    const t = coverageTables(index.articles, places, stars);
    expect(t.map((x) => x.district.id)).toEqual(['zhongyuan', 'mengzhou']);
    const zy = t[0];
    // 莲湖, 柳湖 and 须水 have villages as well as communities: 中原区 shows both sets.
    expect(zy.sets).toEqual(['community', 'village']);
    expect(zy.stars.map((s) => s.id)).toEqual(['zhibu-guoying', 'pingan-fazhi', 'yiye-xingye', 'gongjian-gongxiang', 'xingfu-hexie', 'chanye-xingwang', 'shengtai-yiju', 'wenming-xingfu']);
    expect(zy.groups).toEqual([{ sets: ['community', 'village'], span: 2 }, { sets: ['community'], span: 3 }, { sets: ['village'], span: 3 }]);
    expect(zy.rows.find((r) => r.place.id === 'lianhu')!.counts).toEqual([1, 0, 0, 0, 1, 0, 0, 0]);
    expect(zy.rows.find((r) => r.place.id === 'zhongyuan')!.counts).toEqual([1, 0, 0, 0, 0, 0, 0, 0]);
    expect(zy.totals).toEqual([2, 0, 0, 0, 2, 0, 0, 0]);
    expect(zy.total).toBe(4);
    expect(t[1].sets).toEqual(['village']);
  });
});

describe('people ids', () => {
  it('uses pinyin and never lets two names collide', () => {
    expect(pinyinId('鲁燕')).toBe('luyan');
    expect(pinyinId('吕明')).toBe('lvming');
    const registry = createPeopleRegistry([{ id: 'luyan', name: '鲁燕' }]);
    const added = newPeople(registry, [{ name: '路艳', role: 'reporter' }, { name: '鲁燕', role: 'reporter' }, { name: '卢艳', role: 'correspondent' }]);
    expect(added.map((p) => [p.name, p.id])).toEqual([['路艳', 'luyan-2'], ['卢艳', 'luyan-3']]);
  });
});

describe('print formats', () => {
  it('writes dates and bylines as the paper does', () => {
    expect(chineseDate('2022-09-08')).toBe('2022年9月8日');
    expect(bylineText({ reporters: ['鲁燕'], correspondents: ['魏少杰'], photo: undefined })).toBe('记者 鲁燕 通讯员 魏少杰');
    expect(bylineText({ reporters: ['鲁燕'], correspondents: ['刘小钰', '宋炬攀'], photo: true })).toBe('记者 鲁燕 通讯员 刘小钰 宋炬攀 文/图');
  });
  it('takes the summary from the first paragraph', () => {
    expect(summaryFromBody('## 小标题\n\n本报讯 第一\n段。\n\n第二段。')).toBe('本报讯 第一段。');
  });
});
