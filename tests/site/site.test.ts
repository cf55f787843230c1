// The built sites: the fixture site (tests/fixtures/site) and the real one (content/).
import { describe, expect, inject, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRegistries } from '../../src/io/registries.ts';
import { listMarkdownFiles, articleIdOf } from '../../src/io/articles.ts';
import { executableScripts, htmlFiles, links, page } from '../helpers/html.ts';
import { FIXTURE_CONTENT, ROOT } from '../helpers/build-site.ts';

const fixture = inject('fixtureDist');
const site = inject('siteDist');
const resolves = (dist: string, href: string) => {
  const path = href.split('#')[0].split('?')[0];
  if (!path.startsWith('/')) return true;
  const full = join(dist, decodeURI(path));
  return existsSync(path.endsWith('/') ? join(full, 'index.html') : full);
};

describe('fixture site', () => {
  const published = ['2021-12-30-wulibao-wangge', '2022-09-08-lianhu-yuju', '2022-09-20-lianhu-yilao', '2022-10-05-hanghaixilu-hongse-wuye', '2022-11-01-lianhu-anquan', '2023-01-10-zhongyuan-quanqu-tuijin', '2023-03-02-heyang-chanye'];

  it('has a page per published article and none for drafts', () => {
    for (const id of published) expect(existsSync(join(fixture, 'articles', id, 'index.html')), id).toBe(true);
    expect(existsSync(join(fixture, 'articles/2023-04-01-lianhu-draft'))).toBe(false);
    expect(existsSync(join(fixture, 'archive/2023/04'))).toBe(false);
    expect(htmlFiles(fixture).some((f) => readFileSync(join(fixture, f), 'utf8').includes('尚未刊发的稿件'))).toBe(false);
  });

  it('renders the headline block, byline, date, breadcrumb and star badges', () => {
    const html = page(fixture, '/articles/2022-09-08-lianhu-yuju/');
    expect(html).toContain('<p class="kicker">莲湖街道阳光花苑社区</p>');
    expect(html).toMatch(/<h1>豫剧进社区 居民享“文化大餐”<\/h1>/);
    expect(html).toMatch(/记者 <a href="\/reporters\/luyan\/">鲁燕<\/a> 通讯员 <a href="\/reporters\/weishaojie\/">魏少杰<\/a> 文\/图/);
    expect(html).toContain('<time datetime="2022-09-08">2022年9月8日</time>');
    expect(html).toMatch(/<a href="\/streets\/zhengzhou\/">郑州市<\/a><\/li><li><a href="\/streets\/zhongyuan\/">中原区<\/a><\/li><li><a href="\/streets\/lianhu\/">莲湖街道<\/a>/);
    expect(html).toContain('<a class="badge star-zhibu-guoying" href="/stars/zhibu-guoying/">支部过硬星</a>');
    const sub = page(fixture, '/articles/2023-01-10-zhongyuan-quanqu-tuijin/');
    expect(sub).toContain('<p class="subtitle">——一星一专班 压茬推进</p>');
  });

  it('joins hard-wrapped Chinese lines and keeps subheads as headings', () => {
    const html = page(fixture, '/articles/2022-09-08-lianhu-yuju/');
    expect(html).toContain('一场精彩纷呈的豫剧演出，让莲湖街道阳光花苑社区居民品味到');
    expect(html).toMatch(/<h2 id="[^"]*">议事会凝聚合力<\/h2>/);
  });

  it('links previous and next along the place timeline', () => {
    const html = page(fixture, '/articles/2022-09-20-lianhu-yilao/');
    expect(html).toMatch(/<a href="\/articles\/2022-09-08-lianhu-yuju\/" rel="prev">/);
    expect(html).toMatch(/<a href="\/articles\/2022-11-01-lianhu-anquan\/" rel="next">/);
  });

  it('gives reporters with the same pinyin different pages', () => {
    expect(page(fixture, '/reporters/luyan/')).toContain('鲁燕');
    expect(page(fixture, '/reporters/luyan-2/')).toContain('路艳');
    expect(page(fixture, '/reporters/luyan-2/')).toContain('航海西路街道推进红色物业建设');
    expect(page(fixture, '/reporters/luyan-2/')).not.toContain('豫剧进社区');
  });

  it('rolls street articles up into district and city timelines, grouped by year and month', () => {
    const zy = page(fixture, '/streets/zhongyuan/');
    for (const t of ['豫剧进社区', '航海西路街道推进红色物业建设', '中原区全面推进“五星”支部创建']) expect(zy).toContain(t);
    expect(zy).not.toContain('五里堡街道网格员');
    expect(zy).toMatch(/<h2 id="y2023">2023年/);
    expect(zy).toContain('<h3>2022年9月</h3>');
    expect(zy).toContain('<a href="/streets/lianhu/">莲湖街道</a>');
    const zz = page(fixture, '/streets/zhengzhou/');
    expect(zz).toContain('五里堡街道网格员');
    expect(page(fixture, '/streets/heyang/')).toContain('河阳街道特色产业助农增收');
  });

  it('lists every place by city and district with counts', () => {
    const html = page(fixture, '/streets/');
    expect(html).toMatch(/<a href="\/streets\/zhongyuan\/">中原区<\/a> <span class="count">5 篇<\/span>/);
    expect(html).toMatch(/<a href="\/streets\/lianhu\/">莲湖街道<\/a> <span class="count">3<\/span>/);
  });

  it('groups a star page by place', () => {
    const html = page(fixture, '/stars/zhibu-guoying/');
    expect(html).toMatch(/<section id="p-zhongyuan">[\s\S]*中原区全面推进/);
    expect(html).toMatch(/<section id="p-lianhu">[\s\S]*中原区 莲湖街道[\s\S]*豫剧进社区/);
  });

  it('has archive months, a 404 page and lang="zh-CN" everywhere', () => {
    for (const m of ['2021/12', '2022/09', '2022/10', '2022/11', '2023/01', '2023/03']) expect(existsSync(join(fixture, 'archive', m, 'index.html')), m).toBe(true);
    expect(existsSync(join(fixture, '404.html'))).toBe(true);
    for (const f of htmlFiles(fixture)) expect(readFileSync(join(fixture, f), 'utf8'), f).toMatch(/^<!DOCTYPE html><html lang="zh-CN">/);
  });

  it('runs no JavaScript on article, place, star, archive and home pages', () => {
    for (const f of htmlFiles(fixture).filter((f) => !f.startsWith('search/'))) {
      expect(executableScripts(readFileSync(join(fixture, f), 'utf8')), f).toEqual([]);
    }
  });

  it('resolves every internal link of every page', () => {
    for (const f of htmlFiles(fixture)) {
      for (const href of links(readFileSync(join(fixture, f), 'utf8'))) {
        expect(resolves(fixture, href), `${f} → ${href}`).toBe(true);
      }
    }
  });
});

describe('the real site', () => {
  const { places, stars } = loadRegistries(join(ROOT, 'content'));
  const ids = listMarkdownFiles(join(ROOT, 'content/articles')).map(articleIdOf);

  it('has a page for each of the 15 seed articles', () => {
    expect(ids.length).toBeGreaterThanOrEqual(15);
    for (const id of ids) expect(existsSync(join(site, 'articles', id, 'index.html')), id).toBe(true);
  });
  it('has a page for every place with stories, every star and every archive month', () => {
    const listed = page(site, '/streets/');
    for (const p of places.all) expect(existsSync(join(site, 'streets', p.id, 'index.html')), p.id).toBe(listed.includes(`href="/streets/${p.id}/"`) || p.level === 'province');
    for (const s of stars.all) expect(existsSync(join(site, 'stars', s.id, 'index.html')), s.id).toBe(true);
    for (const m of ['2022/07', '2022/09', '2023/05']) expect(page(site, `/archive/${m}/`)).toContain('篇');
  });
  it('shows the real bylines', () => {
    expect(page(site, '/articles/2022-09-08-lianhu-wenhua-dacan/')).toMatch(/记者 <a href="\/reporters\/luyan\/">鲁燕<\/a> 通讯员 <a href="\/reporters\/weishaojie\/">魏少杰<\/a>/);
  });
  it('fixture content is what the tests above assume', () => {
    expect(listMarkdownFiles(join(FIXTURE_CONTENT, 'articles'))).toHaveLength(8);
  });
});
