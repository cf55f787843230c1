// Bulletin pages (专版, 简报) on the built fixture and real sites: the list by year, the masthead,
// editor's note, contents, every article in full and in order, and the links back to articles.
import { describe, expect, inject, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { listMarkdownFiles, articleIdOf, readArticleFile } from '../../src/io/articles.ts';
import { readBulletinFile } from '../../src/io/bulletins.ts';
import { loadRegistries } from '../../src/io/registries.ts';
import { links, page } from '../helpers/html.ts';
import { ROOT } from '../helpers/build-site.ts';

const fixture = inject('fixtureDist');
const site = inject('siteDist');

const all = (html: string, re: RegExp) => [...html.matchAll(re)].map((m) => m[1]);
/** The part of the page inside <main>: what the bulletin itself shows, without navigation. */
const main = (html: string) => html.slice(html.indexOf('<main'), html.indexOf('</main>'));
const resolves = (dist: string, href: string) => {
  const path = href.split('#')[0];
  const full = join(dist, decodeURI(path));
  return existsSync(path.endsWith('/') ? join(full, 'index.html') : full);
};
const articleOrder = (html: string) => all(html, /<article class="bulletin-article" id="a-([^"]+)" data-article="\1">/g);
const tocOrder = (html: string) => all(main(html), /<li><a href="#a-([^"]+)">/g);

/** Every link in the page's own content (the site chrome is tested elsewhere) leads to a built page or an element. */
function expectLinksResolve(dist: string, url: string) {
  const html = page(dist, url);
  const ids = new Set(all(html, /\sid="([^"]+)"/g));
  for (const href of links(main(html))) {
    if (href.startsWith('#')) expect(ids.has(href.slice(1)), `${url}: ${href}`).toBe(true);
    else if (href.startsWith('/')) expect(resolves(dist, href), `${url}: ${href}`).toBe(true);
  }
}

describe('bulletin list /bulletins/', () => {
  it('groups bulletins by year, newest first, with kind, 期号, title, date or period and article count', () => {
    const html = main(page(fixture, '/bulletins/'));
    expect(all(html, /<h2>(\d{4}年)<\/h2>/g)).toEqual(['2023年', '2022年']);
    expect(all(html, /<li data-bulletin="([^"]+)">/g)).toEqual(['2023-q1-zhongyuan-jianbao', '2022-09-30-fixture-zhuanban']);
    expect(html).toContain(
      '<a href="/bulletins/2023-q1-zhongyuan-jianbao/"><span class="bulletin-kind">简报</span> <span class="bulletin-issue">第1期</span> <span class="bulletin-title">中原区“五星”支部创建工作简报</span></a>',
    );
    expect(html).toContain('<span class="bulletin-when">时段 2023年1月1日至2023年3月31日</span> · 中共郑州市中原区委组织部 · <span class="bulletin-count">1 篇</span>');
    expect(html).toContain('<a href="/bulletins/2022-09-30-fixture-zhuanban/"><span class="bulletin-kind">专版</span> <span class="bulletin-title">测试专版 莲湖与航海西路</span></a>');
    expect(html).toContain('<time class="bulletin-when" datetime="2022-09-30">2022年9月30日</time> · <span class="bulletin-count">2 篇</span>');
  });

  it('offers the bulletins feed', () => {
    const html = page(fixture, '/bulletins/');
    expect(html).toContain('<link rel="alternate" type="application/rss+xml" title="专版与简报 RSS 订阅" href="/bulletins/rss.xml">');
    expect(html).toContain('<a href="/bulletins/" aria-current="page">');
    expectLinksResolve(fixture, '/bulletins/');
  });

  it('lists every bulletin of the real site, with the 2022 Q3 简报 under 2022', () => {
    const html = main(page(site, '/bulletins/'));
    const ids = all(html, /<li data-bulletin="([^"]+)">/g);
    expect(ids.toSorted()).toEqual(listMarkdownFiles(join(ROOT, 'content/bulletins')).map(articleIdOf).toSorted());
    const y2022 = html.slice(html.indexOf('<section class="bulletin-year" id="y2022">'));
    expect(y2022).toContain('<span class="bulletin-kind">简报</span> <span class="bulletin-issue">第1期</span> <span class="bulletin-title">中原区“五星”支部创建工作简报（2022年第三季度）</span>');
    expect(y2022).toContain('<span class="bulletin-when">时段 2022年7月1日至2022年9月30日</span> · 中共郑州市中原区委组织部 · <span class="bulletin-count">11 篇</span>');
  });
});

describe('a 简报 page', () => {
  const url = '/bulletins/2023-q1-zhongyuan-jianbao/';

  it('has the red head of GB/T 9704: masthead, 期号, issuing unit and date; then the period and the downloads', () => {
    const html = page(fixture, url);
    const head = html.slice(html.indexOf('<header class="red-head">'), html.indexOf('</header>', html.indexOf('<header class="red-head">')));
    // With no masthead field, the title is the masthead.
    expect(head).toContain('<h1 class="masthead-name" data-size="s">中原区“五星”支部创建工作简报</h1>');
    expect(head).toContain('<p class="issue-no">第1期</p>');
    expect(head).toContain('<p class="issuer"><span class="department">中共郑州市中原区委组织部</span><time class="date" datetime="2023-04-05">2023年4月5日</time></p>');
    expect(html).toContain('<div class="bulletin-heading"><p class="period"><time datetime="2023-01-01">2023年1月1日</time>至<time datetime="2023-03-31">2023年3月31日</time></p></div>');
    expect(html).toContain('<a href="/bulletins/2023-q1-zhongyuan-jianbao.docx" download="中原区“五星”支部创建工作简报2023年第1期.docx" data-download="docx">Word 文档</a>');
    expect(html).toContain('<title>简报《中原区“五星”支部创建工作简报》 · 街讯</title>');
  });

  it('shows the marks, the title under the rule and the 版记 of the committed 2022 Q3 简报', () => {
    const html = page(site, '/bulletins/2022-q3-zhongyuan-jianbao/');
    expect(html).toContain('<header class="red-head"><p class="marks"><span>内部资料</span></p><h1 class="masthead-name" data-size="s">中原区“五星”支部创建工作简报</h1><p class="issue-no">第1期</p>');
    expect(html).toContain('<p class="bulletin-title">中原区“五星”支部创建工作简报<span class="keep">（2022年第三季度）</span></p>');
    expect(html).toContain('<footer class="distribution"><p data-line="报"><span class="label">报：</span>市委组织部，区委、区政府领导。</p><p data-line="送"><span class="label">送：</span>区人大常委会、区政协领导。</p><p data-line="发"><span class="label">发：</span>各街道党工委，区委各部委，区直各单位党组（党委）。</p><p class="copies">共印80份</p></footer>');
    // The 版记 closes the bulletin, after the last story.
    expect(html.indexOf('<footer class="distribution">')).toBeGreaterThan(html.lastIndexOf('<article class="bulletin-article"'));
  });

  it('renders the editor\'s note; a note that starts with its own 编者按 label keeps the heading for screen readers only', () => {
    const html = page(fixture, url);
    expect(html).toContain(
      '<section class="editors-note" aria-labelledby="editors-note"><h2 id="editors-note" class="visually-hidden">编者按</h2><p><strong>编者按</strong>：本期简报汇编一季度中原区“五星”支部创建报道。</p></section>',
    );
  });

  it('resolves its selection: the one 中原区 article of 2023 Q1, in the contents and in full', () => {
    const html = page(fixture, url);
    expect(tocOrder(html)).toEqual(['2023-01-10-zhongyuan-quanqu-tuijin']);
    expect(articleOrder(html)).toEqual(['2023-01-10-zhongyuan-quanqu-tuijin']);
    expect(html).toContain('<h2 id="toc">目录 <span class="count">本期共 1 篇</span></h2>');
    expect(html).toContain('<h2><a href="/articles/2023-01-10-zhongyuan-quanqu-tuijin/">中原区全面推进“五星”支部创建</a></h2>');
    expect(html).toContain('<p class="subtitle">——一星一专班 压茬推进</p>');
    expect(html).toContain('会议要求，各街道要对标创建标准，补齐短板，确保创建工作走深走实。');
    // 河阳街道 (2023-03-02) is in the period but not in 中原区.
    expect(html).not.toContain('河阳街道特色产业助农增收');
  });
});

describe('a 专版 page', () => {
  const url = '/bulletins/2022-09-30-fixture-zhuanban/';

  it('shows the printed date and no period or 期号 when it has none', () => {
    const html = page(fixture, url);
    expect(html).toContain('<p class="kind">专版</p>');
    expect(html).toContain('<h1>测试专版 莲湖与航海西路</h1>');
    expect(html).toContain('<dt>刊发日期</dt><dd class="date"><time datetime="2022-09-30">2022年9月30日</time></dd>');
    expect(html).not.toContain('class="period"');
    expect(html).not.toContain('class="issue"');
    expect(html).toContain('<section class="editors-note" aria-labelledby="editors-note"><h2 id="editors-note">编者按</h2><p>本版刊发莲湖、航海西路两个街道的报道。</p></section>');
  });

  it('lists its articles in the order written, in the contents and in full', () => {
    const html = page(fixture, url);
    const order = ['2022-09-08-lianhu-yuju', '2022-10-05-hanghaixilu-hongse-wuye'];
    expect(tocOrder(html)).toEqual(order);
    expect(articleOrder(html)).toEqual(order);
    expect(all(main(html), /<li><a href="#a-[^"]+">([^<]+)<\/a>/g)).toEqual(['豫剧进社区 居民享“文化大餐”', '航海西路街道推进红色物业建设']);
    expect(all(html, /<h2><a href="\/articles\/([^/]+)\/">/g)).toEqual(order);
  });

  it('prints each article with its headline block, byline and full text', () => {
    const html = page(fixture, url);
    const first = html.slice(html.indexOf('id="a-2022-09-08-lianhu-yuju"'), html.indexOf('id="a-2022-10-05-hanghaixilu-hongse-wuye"'));
    expect(first).toContain('<p class="kicker">莲湖街道阳光花苑社区</p>');
    expect(first).toContain('<h2><a href="/articles/2022-09-08-lianhu-yuju/">豫剧进社区 居民享“文化大餐”</a></h2>');
    expect(first).toMatch(/记者 <a href="\/reporters\/luyan\/">鲁燕<\/a> 通讯员 <a href="\/reporters\/weishaojie\/">魏少杰<\/a> 文\/图/);
    expect(first).toContain('一场精彩纷呈的豫剧演出，让莲湖街道阳光花苑社区居民品味到');
    expect(first).toContain('<a href="/articles/2022-09-08-lianhu-yuju/">阅读单篇报道 →</a>');
    const second = html.slice(html.indexOf('id="a-2022-10-05-hanghaixilu-hongse-wuye"'));
    expect(second).toMatch(/记者 <a href="\/reporters\/luyan-2\/">路艳<\/a> 通讯员 <a href="\/reporters\/zhangqianqian\/">张倩倩<\/a> <a href="\/reporters\/wangyongtao\/">王永涛<\/a>/);
    expect(second).toContain('街道党工委定期召开联席会议，协调解决小区停车、环境卫生等问题。');
  });

  it('has links that all resolve: articles, reporters, places, stars and in-page contents', () => {
    expectLinksResolve(fixture, url);
    expectLinksResolve(fixture, '/bulletins/2023-q1-zhongyuan-jianbao/');
    expect(page(fixture, url)).toContain('<link rel="alternate" type="application/rss+xml" title="专版与简报 RSS 订阅" href="/bulletins/rss.xml">');
  });
});

describe('article pages list their bulletins', () => {
  it('names the 专版 and 简报 an article appears in', () => {
    expect(page(fixture, '/articles/2022-09-08-lianhu-yuju/')).toContain('<p>刊于：<a href="/bulletins/2022-09-30-fixture-zhuanban/">专版《测试专版 莲湖与航海西路》</a></p>');
    expect(page(fixture, '/articles/2023-01-10-zhongyuan-quanqu-tuijin/')).toContain('<p>刊于：<a href="/bulletins/2023-q1-zhongyuan-jianbao/">简报《中原区“五星”支部创建工作简报》</a></p>');
    expect(page(fixture, '/articles/2021-12-30-wulibao-wangge/')).not.toContain('刊于');
    expect(page(fixture, '/articles/2023-03-02-heyang-chanye/')).not.toContain('刊于');
  });

  it('lists both bulletins of an article in the 2022 Q3 简报 and its 专版, newest first', () => {
    expect(page(site, '/articles/2022-09-08-lianhu-wenhua-dacan/')).toContain(
      '<p>刊于：<a href="/bulletins/2022-q3-zhongyuan-jianbao/">简报《中原区“五星”支部创建工作简报（2022年第三季度）》</a>、<a href="/bulletins/2022-09-08-ruanshili/">专版《“五星”支部创建 提升基层治理“软实力”》</a></p>',
    );
  });
});

describe('the real 2022 Q3 简报', () => {
  const url = '/bulletins/2022-q3-zhongyuan-jianbao/';
  const file = join(ROOT, 'content/bulletins/2022-q3-zhongyuan-jianbao.md');

  it('prints its eleven articles in the order of its articles list, each linking to its page', () => {
    const registries = loadRegistries(join(ROOT, 'content'));
    const { bulletin, problems } = readBulletinFile(file, registries, ROOT);
    expect(problems).toEqual([]);
    expect(bulletin!.articles).toHaveLength(11);
    const html = page(site, url);
    expect(tocOrder(html)).toEqual(bulletin!.articles);
    expect(articleOrder(html)).toEqual(bulletin!.articles);
    for (const id of bulletin!.articles!) {
      const { article } = readArticleFile(join(ROOT, 'content/articles', id.slice(0, 4), `${id}.md`), registries, ROOT);
      expect(html).toContain(`<h2><a href="/articles/${id}/">${article!.title}</a></h2>`);
    }
    expectLinksResolve(site, url);
  });

  it('has the masthead and the editor\'s note, with the placeholder replaced', () => {
    const html = page(site, url);
    expect(html).toContain('<h1 class="masthead-name" data-size="s">中原区“五星”支部创建工作简报</h1>');
    expect(html).toContain('<p class="period"><time datetime="2022-07-01">2022年7月1日</time>至<time datetime="2022-09-30">2022年9月30日</time></p>');
    expect(html).toContain('<h2 id="editors-note">编者按</h2><p>2022年第三季度，中原区各街道把“五星”支部创建');
    expect(html).not.toContain('【待编辑】');
  });
});
