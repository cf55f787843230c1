// RSS feeds: every feed is well-formed XML (checked by a real XML parser), RSS 2.0 in zh-CN,
// and holds exactly the right items with the right fields.
import { describe, expect, inject, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
// fast-xml-parser ships with @astrojs/rss; its validator is a real XML well-formedness check.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { listMarkdownFiles, readArticleFile } from '../../src/io/articles.ts';
import { loadRegistries } from '../../src/io/registries.ts';
import { byDateDesc } from '../../src/lib/article.ts';
import { rfc822Beijing } from '../../src/lib/feeds.ts';
import { page } from '../helpers/html.ts';
import { FIXTURE_CONTENT, ROOT } from '../helpers/build-site.ts';

const fixture = inject('fixtureDist');
const site = inject('siteDist');
const SITE = 'https://jiexun.example.cn';

interface Item { title: string; link: string; guid: { '#text': string; '@_isPermaLink': string }; description?: string; pubDate: string; category?: string[]; author?: string }
interface Channel { title: string; description: string; link: string; language: string; 'atom:link': Record<string, string>; item?: Item[] }

const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => name === 'item' || name === 'category' });

function feed(dist: string, path: string): Channel {
  const xml = readFileSync(join(dist, path), 'utf8');
  const valid = XMLValidator.validate(xml);
  expect(valid, `${path} is not well-formed XML: ${JSON.stringify(valid)}`).toBe(true);
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"'), path).toBe(true);
  const doc = parser.parse(xml) as { rss: { '@_version': string; channel: Channel } };
  expect(doc.rss['@_version']).toBe('2.0');
  return doc.rss.channel;
}
const ids = (c: Channel) => (c.item ?? []).map((i) => i.link.replace(`${SITE}/articles/`, '').replace(/\/$/, ''));

const fixtureIds = {
  all: ['2023-03-02-heyang-chanye', '2023-01-10-zhongyuan-quanqu-tuijin', '2022-11-01-lianhu-anquan', '2022-10-05-hanghaixilu-hongse-wuye', '2022-09-20-lianhu-yilao', '2022-09-08-lianhu-yuju', '2021-12-30-wulibao-wangge'],
  zhongyuan: ['2023-01-10-zhongyuan-quanqu-tuijin', '2022-11-01-lianhu-anquan', '2022-10-05-hanghaixilu-hongse-wuye', '2022-09-20-lianhu-yilao', '2022-09-08-lianhu-yuju'],
};

describe('pubDate in Beijing time', () => {
  it('writes RFC 822 dates at midnight +0800 with the right weekday', () => {
    expect(rfc822Beijing('2022-09-08')).toBe('Thu, 08 Sep 2022 00:00:00 +0800');
    expect(rfc822Beijing('2023-04-05')).toBe('Wed, 05 Apr 2023 00:00:00 +0800');
    expect(rfc822Beijing('2024-02-29')).toBe('Thu, 29 Feb 2024 00:00:00 +0800');
    expect(rfc822Beijing('2021-12-30')).toBe('Thu, 30 Dec 2021 00:00:00 +0800');
    expect(Date.parse(rfc822Beijing('2022-09-08'))).toBe(Date.parse('2022-09-08T00:00:00+08:00'));
  });
});

describe('site feed /rss.xml', () => {
  it('is RSS 2.0 in zh-CN with a self link and every published article, newest first (no drafts)', () => {
    const c = feed(fixture, 'rss.xml');
    expect(c.title).toBe('街讯 · 最新报道');
    expect(c.link).toBe(`${SITE}/`);
    expect(c.language).toBe('zh-CN');
    expect(c['atom:link']).toEqual({ '@_href': `${SITE}/rss.xml`, '@_rel': 'self', '@_type': 'application/rss+xml' });
    expect(ids(c)).toEqual(fixtureIds.all);
  });

  it('gives each item title, link, guid, Beijing pubDate, summary, place and star categories, authors', () => {
    const item = feed(fixture, 'rss.xml').item!.find((i) => i.link.endsWith('/2022-09-08-lianhu-yuju/'))!;
    expect(item).toEqual({
      title: '豫剧进社区 居民享“文化大餐”',
      link: `${SITE}/articles/2022-09-08-lianhu-yuju/`,
      guid: { '#text': `${SITE}/articles/2022-09-08-lianhu-yuju/`, '@_isPermaLink': 'true' },
      description: '本报讯 9月3日，一场精彩纷呈的豫剧演出，让莲湖街道阳光花苑社区居民品味到一场久违的文化“大餐”。',
      pubDate: 'Thu, 08 Sep 2022 00:00:00 +0800',
      category: ['莲湖街道', '支部过硬星'],
      author: '鲁燕、魏少杰',
    });
    const two = feed(fixture, 'rss.xml').item!.find((i) => i.link.endsWith('/2023-01-10-zhongyuan-quanqu-tuijin/'))!;
    expect(two.category).toEqual(['中原区', '支部过硬星', '宜业兴业星']);
    expect(two.author).toBe('杜挺勇、尚艳菲');
  });

  it('escapes markup in titles, summaries and names: it reads back as the text written', () => {
    const xml = readFileSync(join(fixture, 'rss.xml'), 'utf8');
    expect(xml).not.toContain('<script');
    expect(xml).not.toContain('<img');
    const item = feed(fixture, 'rss.xml').item!.find((i) => i.link.endsWith('/2022-11-01-lianhu-anquan/'))!;
    expect(item.title).toBe("社区安全宣传<script>window.__xss='title'</script>进万家");
    // A description is HTML to a feed reader: the summary's text arrives escaped as HTML.
    expect(item.description).toBe('安全宣传&lt;/script&gt;&lt;script&gt;window.__xss=&#39;summary&#39;&lt;/script&gt;');
    expect(item.author).toBe('鲁燕<img src=x onerror="window.__xss=1">');
  });

  it('carries the latest 50 of the real site', () => {
    const registries = loadRegistries(join(ROOT, 'content'));
    const published = listMarkdownFiles(join(ROOT, 'content/articles')).map((f) => readArticleFile(f, registries, ROOT).article!).filter((a) => !a.draft).sort(byDateDesc);
    expect(ids(feed(site, 'rss.xml'))).toEqual(published.slice(0, 50).map((a) => a.id));
  });
});

describe('place feeds /streets/<id>/rss.xml', () => {
  it('exists and parses for every place in the registry, street to province', () => {
    const registries = loadRegistries(FIXTURE_CONTENT);
    for (const p of registries.places.all) {
      const c = feed(fixture, `streets/${p.id}/rss.xml`);
      expect(c.title).toBe(`街讯 · ${p.name}`);
      expect(c.link).toBe(`${SITE}/streets/${p.id}/`);
      expect(c.language).toBe('zh-CN');
    }
  });

  it('holds a street\'s own articles, and rolls streets up into district, city and province', () => {
    expect(ids(feed(fixture, 'streets/lianhu/rss.xml'))).toEqual(['2022-11-01-lianhu-anquan', '2022-09-20-lianhu-yilao', '2022-09-08-lianhu-yuju']);
    expect(ids(feed(fixture, 'streets/zhongyuan/rss.xml'))).toEqual(fixtureIds.zhongyuan);
    expect(ids(feed(fixture, 'streets/zhengzhou/rss.xml'))).toEqual([...fixtureIds.zhongyuan, '2021-12-30-wulibao-wangge']);
    expect(ids(feed(fixture, 'streets/henan/rss.xml'))).toEqual(fixtureIds.all);
    expect(ids(feed(fixture, 'streets/mengzhou/rss.xml'))).toEqual(['2023-03-02-heyang-chanye']);
    expect(feed(fixture, 'streets/boai/rss.xml').item).toBeUndefined();
  });

  it('is offered with <link rel="alternate"> on the place page', () => {
    expect(page(fixture, '/streets/lianhu/')).toContain('<link rel="alternate" type="application/rss+xml" title="莲湖街道 RSS 订阅" href="/streets/lianhu/rss.xml">');
    expect(page(fixture, '/streets/zhongyuan/')).toContain('<link rel="alternate" type="application/rss+xml" title="中原区 RSS 订阅" href="/streets/zhongyuan/rss.xml">');
  });
});

describe('star feeds /stars/<id>/rss.xml', () => {
  it('exists for every star and holds the articles on it', () => {
    const registries = loadRegistries(FIXTURE_CONTENT);
    for (const s of registries.stars.all) expect(feed(fixture, `stars/${s.id}/rss.xml`).title).toBe(`街讯 · ${s.name}`);
    expect(ids(feed(fixture, 'stars/zhibu-guoying/rss.xml'))).toEqual(['2023-01-10-zhongyuan-quanqu-tuijin', '2022-09-08-lianhu-yuju']);
    expect(ids(feed(fixture, 'stars/chanye-xingwang/rss.xml'))).toEqual(['2023-03-02-heyang-chanye']);
    expect(feed(fixture, 'stars/shengtai-yiju/rss.xml').item).toBeUndefined();
    expect(page(fixture, '/stars/zhibu-guoying/')).toContain('<link rel="alternate" type="application/rss+xml" title="支部过硬星 RSS 订阅" href="/stars/zhibu-guoying/rss.xml">');
  });
});

describe('bulletins feed /bulletins/rss.xml', () => {
  it('lists every bulletin newest first with its note as description', () => {
    const c = feed(fixture, 'bulletins/rss.xml');
    expect(c.title).toBe('街讯 · 专版与简报');
    expect(c.link).toBe(`${SITE}/bulletins/`);
    expect(c.language).toBe('zh-CN');
    expect(c.item).toEqual([
      {
        title: '简报 第1期｜中原区“五星”支部创建工作简报',
        link: `${SITE}/bulletins/2023-q1-zhongyuan-jianbao/`,
        guid: { '#text': `${SITE}/bulletins/2023-q1-zhongyuan-jianbao/`, '@_isPermaLink': 'true' },
        description: '编者按：本期简报汇编一季度中原区“五星”支部创建报道。',
        pubDate: 'Wed, 05 Apr 2023 00:00:00 +0800',
        category: ['简报', '中原区'],
        author: '中共郑州市中原区委组织部',
      },
      {
        title: '专版｜测试专版 莲湖与航海西路',
        link: `${SITE}/bulletins/2022-09-30-fixture-zhuanban/`,
        guid: { '#text': `${SITE}/bulletins/2022-09-30-fixture-zhuanban/`, '@_isPermaLink': 'true' },
        description: '本版刊发莲湖、航海西路两个街道的报道。',
        pubDate: 'Fri, 30 Sep 2022 00:00:00 +0800',
        category: ['专版', '莲湖街道', '航海西路街道'],
      },
    ]);
  });

  it('holds the real site\'s 2022 Q3 简报', () => {
    const item = feed(site, 'bulletins/rss.xml').item!.find((i) => i.link === `${SITE}/bulletins/2022-q3-zhongyuan-jianbao/`)!;
    expect(item.title).toBe('简报 第1期｜中原区“五星”支部创建工作简报（2022年第三季度）');
    expect(item.pubDate).toBe('Fri, 30 Sep 2022 00:00:00 +0800');
    expect(item.author).toBe('中共郑州市中原区委组织部');
  });
});

describe('feed links', () => {
  it('every page offers the site feed, and every alternate link leads to a built feed', () => {
    for (const url of ['/', '/bulletins/', '/bulletins/2022-09-30-fixture-zhuanban/', '/articles/2022-09-08-lianhu-yuju/', '/streets/lianhu/', '/stars/zhibu-guoying/']) {
      const html = page(fixture, url);
      expect(html, url).toContain('<link rel="alternate" type="application/rss+xml" title="街讯 RSS 订阅" href="/rss.xml">');
      for (const [, href] of html.matchAll(/<link rel="alternate" type="application\/rss\+xml" title="[^"]*" href="([^"]+)">/g)) {
        expect(existsSync(join(fixture, href)), `${url} → ${href}`).toBe(true);
      }
    }
  });
});

describe('the sitemap', () => {
  it('lists every article, place, star and bulletin page, and no draft', () => {
    const index = readFileSync(join(fixture, 'sitemap-index.xml'), 'utf8');
    expect(XMLValidator.validate(index)).toBe(true);
    const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1].replace(SITE, ''));
    const locs = sitemaps.flatMap((s) => {
      const xml = readFileSync(join(fixture, s), 'utf8');
      expect(XMLValidator.validate(xml), s).toBe(true);
      return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1].replace(SITE, ''));
    });
    for (const path of ['/', '/articles/2022-09-08-lianhu-yuju/', '/streets/lianhu/', '/streets/zhongyuan/', '/stars/zhibu-guoying/', '/bulletins/2022-09-30-fixture-zhuanban/', '/archive/2022/09/', '/reporters/luyan/']) {
      expect(locs, path).toContain(path);
    }
    expect(locs.filter((l) => l.includes('draft'))).toEqual([]);
  });
});
