// schema.org NewsArticle JSON-LD and Open Graph tags on article pages.
import { describe, expect, inject, it } from 'vitest';
import { join } from 'node:path';
import { listMarkdownFiles, readArticleFile } from '../../src/io/articles.ts';
import { loadRegistries } from '../../src/io/registries.ts';
import { page } from '../helpers/html.ts';
import { FIXTURE_CONTENT } from '../helpers/build-site.ts';

const fixture = inject('fixtureDist');
const site = inject('siteDist');
const SITE = 'https://jiexun.example.cn';

function jsonLd(html: string): Record<string, any>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]));
}
const meta = (html: string, property: string) => [...html.matchAll(new RegExp(`<meta property="${property}" content="([^"]*)">`, 'g'))].map((m) => m[1]);

describe('NewsArticle JSON-LD', () => {
  it('names the headline, Beijing date, authors as Person, the place and the bulletin it is part of', () => {
    const [ld, ...more] = jsonLd(page(fixture, '/articles/2022-09-08-lianhu-yuju/'));
    expect(more).toEqual([]);
    expect(ld).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: '豫剧进社区 居民享“文化大餐”',
      alternativeHeadline: '莲湖街道阳光花苑社区',
      description: '本报讯 9月3日，一场精彩纷呈的豫剧演出，让莲湖街道阳光花苑社区居民品味到一场久违的文化“大餐”。',
      datePublished: '2022-09-08T00:00:00+08:00',
      inLanguage: 'zh-CN',
      url: `${SITE}/articles/2022-09-08-lianhu-yuju/`,
      author: [
        { '@type': 'Person', name: '鲁燕', jobTitle: '记者' },
        { '@type': 'Person', name: '魏少杰', jobTitle: '通讯员' },
      ],
      publisher: { '@type': 'Organization', name: '街讯', url: `${SITE}/`, parentOrganization: { '@type': 'Organization', name: '中共测试区委组织部' } },
      contentLocation: {
        '@type': 'Place',
        name: '莲湖街道',
        address: { '@type': 'PostalAddress', addressCountry: 'CN', addressRegion: '河南省郑州市中原区' },
        url: `${SITE}/streets/lianhu/`,
      },
      isPartOf: [{ '@type': 'PublicationIssue', name: '测试专版 莲湖与航海西路', datePublished: '2022-09-30T00:00:00+08:00', url: `${SITE}/bulletins/2022-09-30-fixture-zhuanban/` }],
    });
  });

  it('gives a 简报 its issue number, a district its region, and leaves isPartOf out when there is no bulletin', () => {
    const [ld] = jsonLd(page(fixture, '/articles/2023-01-10-zhongyuan-quanqu-tuijin/'));
    expect(ld.isPartOf).toEqual([{ '@type': 'PublicationIssue', name: '中原区“五星”支部创建工作简报', issueNumber: '第1期', datePublished: '2023-04-05T00:00:00+08:00', url: `${SITE}/bulletins/2023-q1-zhongyuan-jianbao/` }]);
    expect(ld.contentLocation.name).toBe('中原区');
    expect(ld.contentLocation.address.addressRegion).toBe('河南省郑州市');
    expect(ld.author).toEqual([{ '@type': 'Person', name: '杜挺勇', jobTitle: '记者' }, { '@type': 'Person', name: '尚艳菲', jobTitle: '通讯员' }]);
    const [plain] = jsonLd(page(fixture, '/articles/2021-12-30-wulibao-wangge/'));
    expect(plain.isPartOf).toBeUndefined();
    expect(plain.contentLocation.name).toBe('五里堡街道');
    expect(plain.author).toEqual([{ '@type': 'Person', name: '鲁燕', jobTitle: '记者' }]);
  });

  it('cannot be broken out of by markup in the frontmatter', () => {
    const html = page(fixture, '/articles/2022-11-01-lianhu-anquan/');
    const block = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1];
    expect(block).not.toContain('<');
    const [ld] = jsonLd(html);
    expect(ld.headline).toBe("社区安全宣传<script>window.__xss='title'</script>进万家");
    expect(ld.author).toEqual([{ '@type': 'Person', name: '鲁燕<img src=x onerror="window.__xss=1">', jobTitle: '记者' }]);
  });

  it('is on every article page, parses, and dates it at midnight +08:00', () => {
    const registries = loadRegistries(FIXTURE_CONTENT);
    const articles = listMarkdownFiles(join(FIXTURE_CONTENT, 'articles')).map((f) => readArticleFile(f, registries).article!).filter((a) => !a.draft);
    expect(articles).toHaveLength(7);
    for (const a of articles) {
      const lds = jsonLd(page(fixture, `/articles/${a.id}/`));
      expect(lds, a.id).toHaveLength(1);
      expect(lds[0].datePublished).toBe(`${a.date}T00:00:00+08:00`);
      expect(lds[0].contentLocation.name).toBe(registries.places.byId(a.place)!.name);
      expect(lds[0].author.map((p: { name: string }) => p.name)).toEqual([...a.reporters, ...a.correspondents]);
    }
  });

  it('lists both bulletins of a real article, newest first', () => {
    const [ld] = jsonLd(page(site, '/articles/2022-09-08-lianhu-wenhua-dacan/'));
    expect(ld.isPartOf.map((b: { url: string; name: string }) => [b.url, b.name])).toEqual([
      [`${SITE}/bulletins/2022-q3-zhongyuan-jianbao/`, '中原区“五星”支部创建工作简报（2022年第三季度）'],
      [`${SITE}/bulletins/2022-09-08-ruanshili/`, '“五星”支部创建 提升基层治理“软实力”'],
    ]);
    expect(ld.isPartOf[0].issueNumber).toBe('第1期');
  });
});

describe('Open Graph', () => {
  it('describes the article for link previews', () => {
    const html = page(fixture, '/articles/2022-09-08-lianhu-yuju/');
    expect(meta(html, 'og:type')).toEqual(['article']);
    expect(meta(html, 'og:title')).toEqual(['豫剧进社区 居民享“文化大餐”']);
    expect(meta(html, 'og:url')).toEqual([`${SITE}/articles/2022-09-08-lianhu-yuju/`]);
    expect(meta(html, 'og:locale')).toEqual(['zh_CN']);
    expect(meta(html, 'article:published_time')).toEqual(['2022-09-08T00:00:00+08:00']);
    expect(meta(html, 'article:tag')).toEqual(['支部过硬星']);
  });
});
