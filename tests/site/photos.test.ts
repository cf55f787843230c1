// Photos end to end: a copy of the fixture site with photos made here by sharp (no binary photos
// are committed), built with the real build script, read as HTML, feeds and images, and looked at
// in Chromium on a phone-sized screen. Also: a missing photo stops `npm run check` and the build.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, relative } from 'node:path';
import sharp from 'sharp';
import { HtmlValidate } from 'html-validate';
import { buildSite, FIXTURE_CONTENT, ROOT } from '../helpers/build-site.ts';
import { htmlFiles, page } from '../helpers/html.ts';
import { servedSite } from '../helpers/served-site.ts';
import { openSearch, shownIds } from '../fixtures/search/search-page.ts';
import { makePhoto } from '../../scripts/bench/photos.ts';

const WORK = join(ROOT, '.tmp/photos-site');
const CONTENT = join(WORK, 'content');
const DIST = join(WORK, 'dist');
const ARTICLE = '/articles/2022-09-08-lianhu-yuju/';
const YUJU_MD = join(CONTENT, 'articles/2022/2022-09-08-lianhu-yuju.md');
const YILAO_MD = join(CONTENT, 'articles/2022/2022-09-20-lianhu-yilao.md');

/** Inserts lines after the body's first paragraph (and, with `end`, at the end of the body). */
function addToBody(file: string, afterFirst: string, end = ''): void {
  const [fm, body] = readFileSync(file, 'utf8').split(/\n---\n/);
  const paras = body.split(/\n\s*\n/);
  paras.splice(1, 0, afterFirst);
  writeFileSync(file, `${fm}\n---\n${paras.join('\n\n').trimEnd()}\n${end ? `\n${end}\n` : ''}`);
}

const attrs = (tag: string) => Object.fromEntries([...tag.matchAll(/\s([\w-]+)(?:="([^"]*)")?/g)].map((m) => [m[1], (m[2] ?? '').replace(/&amp;/g, '&')]));
const srcsetUrls = (srcset: string) => srcset.split(',').map((c) => c.trim().split(/\s+/)[0]).filter(Boolean);
const distFile = (url: string) => join(DIST, decodeURI(new URL(url, 'http://x').pathname));

let build: ReturnType<typeof buildSite>;

beforeAll(async () => {
  rmSync(WORK, { recursive: true, force: true });
  cpSync(FIXTURE_CONTENT, CONTENT, { recursive: true });
  const dir = join(CONTENT, 'articles/2022');
  await makePhoto(join(dir, 'yuju.jpg'), { width: 1600, height: 1067, seed: 1 });
  // Narrower than the 800 and 1200 renditions: its srcset stops at its own width.
  await makePhoto(join(dir, 'yishihui.jpg'), { width: 640, height: 480, seed: 2 });
  // 文/图 by the reporter (photo: true); the first photo credits its own photographer.
  addToBody(YUJU_MD, '![居民观看豫剧演出](./yuju.jpg "王梦梦 摄")', '![阳光花苑议事会现场合影](./yishihui.jpg)');
  // A story whose only picture is its cover, credited to a photographer by `photo:`.
  writeFileSync(YILAO_MD, readFileSync(YILAO_MD, 'utf8').replace(/^date:/m, 'photo: 张摄影\ncover: ./yishihui.jpg\ndate:'));
  build = buildSite(CONTENT, DIST);
});

describe('a site with photos', () => {
  it('builds', () => {
    expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
  });

  it('gives every photo a <figure> with a <picture>: WebP srcset, then a JPEG <img> with src, srcset, width, height and alt', () => {
    const html = page(DIST, ARTICLE);
    const figures = [...html.matchAll(/<figure class="photo">([\s\S]*?)<\/figure>/g)].map((m) => m[1]);
    expect(figures).toHaveLength(2);
    const img = attrs(/<img[^>]*>/.exec(figures[0])![0]);
    expect(img.src).toMatch(/^\/_astro\/.+\.jpg$/);
    // The JPEG fallback: the 1200-wide rendition (also the og:image).
    expect(img.srcset).toBe(`${img.src} 1200w`);
    expect([img.width, img.height, img.alt]).toEqual(['1200', '800', '居民观看豫剧演出']);
    expect(img.loading).toBe('eager');
    const source = attrs(/<source[^>]*>/.exec(figures[0])![0]);
    expect(source.type).toBe('image/webp');
    expect(source.srcset).toMatch(/ 480w, .+ 720w, .+ 1200w$/);
    // WebP up to 720 wide; the large size is the JPEG itself (WebP saves nothing there, see photo-figure.ts).
    expect(srcsetUrls(source.srcset).map((u) => u.slice(u.lastIndexOf('.')))).toEqual(['.webp', '.webp', '.jpg']);
    expect(srcsetUrls(source.srcset)[2]).toBe(img.src);
    // The second photo loads lazily; a 640-wide original is never enlarged.
    const second = attrs(/<img[^>]*>/.exec(figures[1])![0]);
    expect(second.loading).toBe('lazy');
    expect([second.width, second.height]).toEqual(['640', '480']);
    expect(attrs(/<source[^>]*>/.exec(figures[1])![0]).srcset).toMatch(/^\S+\.webp 480w, \S+\.webp 640w$/);
    // No raw Markdown image, no Astro placeholder, no relative src left behind.
    expect(html).not.toMatch(/__ASTRO_IMAGE_|<!--photo:|src="\.\/|<p><img/);
  });

  it('writes every rendition a page names into dist/, as the format it claims', async () => {
    const urls = new Set<string>();
    for (const path of [ARTICLE, '/', '/streets/lianhu/', '/reporters/wangmengmeng/']) {
      const html = page(DIST, path);
      for (const m of html.matchAll(/<(?:img|source)\b[^>]*>/g)) {
        const a = attrs(m[0]);
        if (a.src) urls.add(a.src);
        if (a.srcset) srcsetUrls(a.srcset).forEach((u) => urls.add(u));
      }
    }
    expect(urls.size).toBeGreaterThan(7);
    for (const u of urls) expect(existsSync(distFile(u)), u).toBe(true);
    const webp = [...urls].filter((u) => u.endsWith('.webp'));
    expect(webp.length).toBeGreaterThan(0);
    for (const u of webp) expect((await sharp(distFile(u)).metadata()).format).toBe('webp');
    // The originals themselves are not published: only the renditions.
    const original = readFileSync(join(CONTENT, 'articles/2022/yuju.jpg'));
    const assets = readdirSync(join(DIST, '_astro')).map((f) => readFileSync(join(DIST, '_astro', f)));
    expect(assets.some((a) => a.equals(original))).toBe(false);
  });

  it('captions each photo with its text and its credit, linked to the photographer', () => {
    const html = page(DIST, ARTICLE);
    const captions = [...html.matchAll(/<figcaption>([\s\S]*?)<\/figcaption>/g)].map((m) => m[1].replace(/<[^>]+>/g, ''));
    expect(captions).toEqual(['居民观看豫剧演出 摄影 王梦梦', '阳光花苑议事会现场合影 摄影 鲁燕']);
    expect(html).toContain('<span class="credit">摄影 <a href="/reporters/wangmengmeng/">王梦梦</a></span>');
  });

  it('makes the lead photo the story image: og:image (1200-wide JPEG), JSON-LD image, feed media:content', async () => {
    const html = page(DIST, ARTICLE);
    const og = /<meta property="og:image" content="([^"]+)"/.exec(html)![1];
    expect(og).toMatch(/^https?:\/\/.+\/_astro\/yuju\.[^/]+\.jpg$/);
    const meta = await sharp(distFile(og)).metadata();
    expect([meta.format, meta.width]).toEqual(['jpeg', 1200]);
    const ld = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]);
    expect(ld.image[0]).toMatchObject({ '@type': 'ImageObject', url: og, width: 1200, height: 800 });
    const rss = readFileSync(join(DIST, 'rss.xml'), 'utf8');
    const item = rss.split('<item>').find((i) => i.includes('2022-09-08-lianhu-yuju'))!;
    expect(item).toContain(`<media:content url="${og}" medium="image" type="image/jpeg" width="1200" height="800">`);
    expect(rss).toContain('xmlns:media="http://search.yahoo.com/mrss/"');
    // cover: picks the lead photo of a story without photos in its body.
    const cover = /<meta property="og:image" content="([^"]+)"/.exec(page(DIST, '/articles/2022-09-20-lianhu-yilao/'))![1];
    expect(cover).toMatch(/\/_astro\/yishihui\.[^/]+\.jpg$/);
  });

  it('shows a small thumbnail of the lead photo in lists (home, place timeline, person page)', async () => {
    for (const path of ['/', '/streets/lianhu/', '/reporters/luyan/']) {
      const li = /<li class="has-thumb">(?:(?!<\/li>)[\s\S])*?\/articles\/2022-09-08-lianhu-yuju\/[\s\S]*?<\/li>/.exec(page(DIST, path));
      expect(li, path).not.toBeNull();
      const img = attrs(/<img class="thumb"[^>]*>/.exec(li![0])![0]);
      expect([img.width, img.height, img.alt], path).toEqual(['80', '60', '']);
      const m = await sharp(distFile(img.src)).metadata();
      expect([m.width, m.height]).toEqual([160, 120]);
    }
  });

  it('gives photographers person pages listing what they photographed, and links nowhere empty', () => {
    const wang = page(DIST, '/reporters/wangmengmeng/');
    expect(wang).toContain('摄影');
    expect(wang).toContain('/articles/2022-09-08-lianhu-yuju/');
    expect(page(DIST, '/reporters/zhangsheying/')).toContain('/articles/2022-09-20-lianhu-yilao/');
    expect(page(DIST, '/articles/2022-09-20-lianhu-yilao/')).toContain('摄影 <a href="/reporters/zhangsheying/">张摄影</a>');
    for (const f of htmlFiles(DIST)) expect(readFileSync(join(DIST, f), 'utf8'), f).not.toContain('/reporters//');
  });

  it('shows the photos in the bulletins that carry the article, loaded for printing', () => {
    const html = page(DIST, '/bulletins/2022-09-30-fixture-zhuanban/');
    const figures = [...html.matchAll(/<figure class="photo">[\s\S]*?<\/figure>/g)].map((m) => m[0]);
    expect(figures).toHaveLength(2);
    expect(figures[0]).toContain('居民观看豫剧演出');
    expect(figures.every((f) => f.includes('loading="eager"'))).toBe(true);
    // Its PDF carries both photos as the JPEG itself (pdfimages: enc jpeg), not a WebP encoded again.
    const list = spawnSync('pdfimages', ['-list', join(DIST, 'bulletins/2022-09-30-fixture-zhuanban.pdf')], { encoding: 'utf8' }).stdout;
    const images = list.split('\n').slice(2).filter(Boolean).map((l) => l.trim().split(/\s+/));
    expect(images.filter((c) => c[2] === 'image').map((c) => [c[3], c[8]])).toEqual([['1200', 'jpeg'], ['640', 'jpeg']]);
  });

  it('keeps the article page valid HTML', async () => {
    const validator = new HtmlValidate(JSON.parse(readFileSync(join(ROOT, '.htmlvalidate.json'), 'utf8')));
    const report = await validator.validateString(page(DIST, ARTICLE), ARTICLE);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`))).toEqual([]);
  });
});

describe('in Chromium', () => {
  const site = servedSite(DIST);

  it('on a 375 px phone, loads a photo no wider than twice the viewport, and nothing shifts', async () => {
    const context = await site.browser.newContext({ viewport: { width: 375, height: 700 }, deviceScaleFactor: 2 });
    const p = await context.newPage();
    await p.addInitScript(() => {
      (window as unknown as { __cls: number }).__cls = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) (window as unknown as { __cls: number }).__cls += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await p.goto(`${site.url}${ARTICLE}`, { waitUntil: 'load' });
    // Scroll through the page so the lazy photo loads too, then back.
    await p.evaluate(async () => {
      for (const img of document.querySelectorAll('.photo img')) img.scrollIntoView();
      await Promise.all([...document.querySelectorAll<HTMLImageElement>('.photo img')].map((i) => i.decode().catch(() => undefined)));
      window.scrollTo(0, 0);
    });
    const loaded = await p.$$eval('.photo img', (imgs) => (imgs as HTMLImageElement[]).map((i) => ({ src: i.currentSrc, natural: i.naturalWidth, shown: i.getBoundingClientRect().width })));
    expect(loaded).toHaveLength(2);
    for (const l of loaded) {
      expect(l.src, JSON.stringify(l)).toMatch(/\.webp$/);
      expect(l.natural).toBeGreaterThan(0);
      expect(l.natural).toBeLessThanOrEqual(2 * 375);
      expect(l.shown).toBeLessThanOrEqual(375);
    }
    expect(await p.evaluate(() => (window as unknown as { __cls: number }).__cls)).toBe(0);
    await context.close();
  });

  it('prints a photo at most 90 mm tall, not a page of its own, with its caption', async () => {
    const p = await site.browser.newPage();
    await p.goto(`${site.url}${ARTICLE}`, { waitUntil: 'load' });
    await p.emulateMedia({ media: 'print' });
    const boxes = await p.$$eval('.photo', (figs) => figs.map((f) => ({ img: f.querySelector('img')!.getBoundingClientRect().height, caption: getComputedStyle(f.querySelector('figcaption')!).display })));
    expect(boxes).toHaveLength(2);
    // 90 mm at CSS's 96 px per inch.
    for (const b of boxes) expect(b.img).toBeLessThanOrEqual((90 / 25.4) * 96 + 0.5);
    expect(boxes[0].img).toBeGreaterThan(100);
    expect(boxes.map((b) => b.caption)).toEqual(['block', 'block']);
    await p.close();
  });

  it('finds an article by words only its caption holds, and shows the thumbnail beside the result', async () => {
    const p = await site.browser.newPage();
    await openSearch(p, site.url, `?q=${encodeURIComponent('现场合影')}`);
    expect(await shownIds(p)).toEqual(['2022-09-08-lianhu-yuju']);
    const thumb = await p.$eval('#search-hits > li img.thumb', (i) => ({ src: i.getAttribute('src'), ok: (i as HTMLImageElement).complete }));
    expect(thumb.src).toMatch(/^\/_astro\/.+\.webp$/);
    expect(existsSync(distFile(thumb.src!))).toBe(true);
    await p.close();
  });
});

describe('a missing photo', () => {
  const BAD = join(WORK, 'bad-content');
  beforeAll(() => {
    rmSync(BAD, { recursive: true, force: true });
    cpSync(CONTENT, BAD, { recursive: true });
    const file = join(BAD, 'articles/2022/2022-09-08-lianhu-yuju.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('./yuju.jpg', './yuju-daxing.jpg'));
  });
  afterAll(() => rmSync(BAD, { recursive: true, force: true }));

  const lineOf = (file: string, text: string) => readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(text)) + 1;

  it('fails npm run check with file:line:col naming the photo', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/check.ts'), '--content', BAD], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(1);
    const line = lineOf(join(BAD, 'articles/2022/2022-09-08-lianhu-yuju.md'), 'yuju-daxing.jpg');
    expect(line).toBeGreaterThan(12);
    const article = relative(ROOT, join(BAD, 'articles/2022/2022-09-08-lianhu-yuju.md'));
    expect(r.stdout).toContain(`${article}:${line}:1  ./yuju-daxing.jpg: expected the photo file ${join(dirname(article), 'yuju-daxing.jpg')}, found no such file (photos in that folder: yishihui.jpg, yuju.jpg)`);
    expect(r.stderr).toBe('');
  });

  it('stops the build with the same message, leaving the old dist/ alone', () => {
    const out = join(WORK, 'bad-dist');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'index.html'), 'old');
    const r = buildSite(BAD, out);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('./yuju-daxing.jpg: expected the photo file');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('old');
  });
});
