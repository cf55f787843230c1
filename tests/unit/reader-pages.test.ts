// Pure pieces behind the pages: the 头条 and the front page's lists, the meta tags, the pager window.
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/lib/article.ts';
import type { ResolvedBulletin } from '../../src/lib/bulletins.ts';
import { latestBulletinsByKind, pickLead, recentlyCoveredStreets } from '../../src/lib/front-page.ts';
import { pageMeta } from '../../src/lib/page-meta.ts';
import { pageWindow } from '../../src/lib/page-window.ts';
import { createPlaceRegistry } from '../../src/lib/places.ts';

const art = (id: string, place: string, photo?: true): Article => ({ id, place, date: id.slice(0, 10), title: id, summary: '', stars: [], reporters: ['甲'], correspondents: [], draft: false, photo } as unknown as Article);

describe('the front page', () => {
  it('leads with the newest story, or a newer one of the first five that has a photo', () => {
    const list = ['2023-05-09', '2023-05-08', '2023-05-07', '2023-05-06', '2023-05-05', '2023-05-04'].map((d) => art(`${d}-x`, 'lianhu'));
    expect(pickLead(list)?.id).toBe('2023-05-09-x');
    list[2] = art('2023-05-07-x', 'lianhu', true);
    expect(pickLead(list)?.id).toBe('2023-05-07-x');
    list[2] = art('2023-05-07-x', 'lianhu');
    list[5] = art('2023-05-04-x', 'lianhu', true);
    expect(pickLead(list)?.id).toBe('2023-05-09-x');
    expect(pickLead([])).toBeUndefined();
  });

  it('takes the newest bulletins of each kind, kinds without any left out', () => {
    const b = (id: string, kind: string) => ({ bulletin: { id, kind }, articles: [] }) as unknown as ResolvedBulletin;
    const groups = latestBulletinsByKind([b('a', '简报'), b('b', '专版'), b('c', '简报'), b('d', '简报')], ['专版', '简报', '其他'], 2);
    expect(groups.map((g) => [g.kind, g.items.map((r) => r.bulletin.id)])).toEqual([['专版', ['b']], ['简报', ['a', 'c']]]);
  });

  it('lists streets by their newest story, each once, districts left out', () => {
    const places = createPlaceRegistry([
      { id: 'henan', name: '河南省', level: 'province' },
      { id: 'zz', name: '郑州市', level: 'city', parent: 'henan' },
      { id: 'zy', name: '中原区', level: 'district', parent: 'zz' },
      { id: 'lianhu', name: '莲湖街道', level: 'street', parent: 'zy' },
      { id: 'xushui', name: '须水街道', level: 'street', parent: 'zy' },
      { id: 'gouzhao', name: '沟赵乡', level: 'township', parent: 'zy' },
    ]);
    const list = [art('2023-05-09-a', 'zy'), art('2023-05-08-b', 'lianhu'), art('2023-05-07-c', 'lianhu'), art('2023-05-06-d', 'gouzhao'), art('2023-05-05-e', 'xushui')];
    expect(recentlyCoveredStreets(list, places, 2).map((r) => [r.place.id, r.date])).toEqual([['lianhu', '2023-05-08'], ['gouzhao', '2023-05-06']]);
  });
});

describe('pageMeta', () => {
  const base = { settings: { name: '街讯', siteCode: '4101020001' }, url: 'https://news.example.gov.cn/streets/lianhu/', title: '莲湖街道', description: '莲湖街道的报道。' };
  const names = (tags: ReturnType<typeof pageMeta>) => tags.map((t) => ('name' in t ? t.name : t.property));

  it('gives every page the site tags, Open Graph and Twitter; column and article tags where they apply', () => {
    expect(names(pageMeta(base))).toEqual(['SiteName', 'SiteDomain', 'SiteIDCode', 'og:type', 'og:title', 'og:description', 'og:url', 'og:site_name', 'og:locale', 'twitter:card', 'twitter:title', 'twitter:description']);
    const article = pageMeta({ ...base, column: { name: '莲湖街道', type: '政务动态' }, article: { title: '标题', date: '2022-09-08', source: '本报', keywords: ['莲湖街道', '支部过硬星'], authors: ['鲁燕', '魏少杰'] } });
    expect(Object.fromEntries(article.map((t) => ['name' in t ? t.name : t.property, t.content]))).toMatchObject({
      SiteDomain: 'news.example.gov.cn', ColumnName: '莲湖街道', ColumnType: '政务动态', ArticleTitle: '标题', PubDate: '2022-09-08 00:00', ContentSource: '本报',
      Keywords: '莲湖街道,支部过硬星', Author: '鲁燕,魏少杰', Description: '莲湖街道的报道。', Url: base.url, 'og:type': 'article', 'article:published_time': '2022-09-08T00:00:00+08:00',
    });
  });

  it('leaves SiteIDCode out for a site without one', () => {
    expect(names(pageMeta({ ...base, settings: { name: '街讯' } }))).not.toContain('SiteIDCode');
  });
});

describe('pageWindow', () => {
  it('shows the first, the last and the pages around the current one, with gaps', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 4)).toEqual([1, 2, 3, 4]);
    expect(pageWindow(10, 200)).toEqual([1, null, 8, 9, 10, 11, 12, null, 200]);
    expect(pageWindow(200, 200)).toEqual([1, null, 198, 199, 200]);
  });
});
