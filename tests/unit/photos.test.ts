// Photo references, captions and credits (src/lib/photos.ts), the figure's HTML
// (src/lib/photo-figure.ts), the Markdown pipeline's placeholders (src/markdown/photos.ts), the
// digits a search result's thumbnail travels in, and the file checks (src/io/photos.ts).
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { cpSync, mkdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { fixContent } from '../../src/io/check-fix.ts';
import { join } from 'node:path';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { captionAndCredit, creditNames, findHtmlImages, findPhotos, isLocalPhoto, isStaffCredit } from '../../src/lib/photos.ts';
import { photoCredit, photoFigureHtml, photographersOf, webpSourceSrcset, webpWidths } from '../../src/lib/photo-figure.ts';
import { markdownOptions } from '../../src/markdown/options.ts';
import { digitsToText, textToDigits } from '../../src/search/shared/digit-text.ts';
import { checkPhotoFiles } from '../../src/io/photos.ts';
import { readArticleSource } from '../../src/io/articles.ts';
import { loadRegistries } from '../../src/io/registries.ts';
import { ROOT } from '../helpers/build-site.ts';

describe('captions and credits', () => {
  it('reads credits written the newspaper way and the label way', () => {
    expect(creditNames('王梦梦 摄')).toEqual(['王梦梦']);
    expect(creditNames('摄影 王梦梦')).toEqual(['王梦梦']);
    expect(creditNames('摄影：王梦梦、张三')).toEqual(['王梦梦', '张三']);
    expect(creditNames('居民观看豫剧演出')).toBeUndefined();
  });

  it('takes the caption from the alt text, or from a title that is not a credit', () => {
    expect(captionAndCredit('居民观看豫剧演出', '王梦梦 摄')).toEqual({ caption: '居民观看豫剧演出', credit: ['王梦梦'] });
    expect(captionAndCredit('豫剧演出', '9月3日，居民在阳光花苑社区观看豫剧演出')).toEqual({ caption: '9月3日，居民在阳光花苑社区观看豫剧演出', credit: [] });
    expect(captionAndCredit('居民观看豫剧演出（王梦梦 摄）', undefined)).toEqual({ caption: '居民观看豫剧演出', credit: ['王梦梦'] });
    expect(captionAndCredit('居民观看豫剧演出 摄影：王梦梦', null)).toEqual({ caption: '居民观看豫剧演出', credit: ['王梦梦'] });
    expect(captionAndCredit('', null)).toEqual({ caption: '', credit: [] });
  });

  it('credits the photo, else the article’s photo: names, else (文/图) its reporters', () => {
    const article = { photo: true as const, reporters: ['鲁燕'] };
    expect(photoCredit({ credit: ['王梦梦'] }, article)).toEqual(['王梦梦']);
    expect(photoCredit({ credit: [] }, article)).toEqual(['鲁燕']);
    expect(photoCredit({ credit: [] }, { photo: ['张三'], reporters: ['鲁燕'] })).toEqual(['张三']);
    expect(photoCredit({ credit: [] }, { photo: undefined, reporters: ['鲁燕'] })).toEqual([]);
    expect(photographersOf({ photo: ['张三'], reporters: ['鲁燕'], photos: [{ src: 'a.jpg', alt: '', caption: '', credit: ['王梦梦'] }] })).toEqual(['张三', '王梦梦']);
  });
});

describe('photo references in a body', () => {
  it('finds local images in reading order with their positions; web images and site paths are not photos', () => {
    const body = '本报讯 正文。\n\n![居民观看豫剧演出](./yuju.jpg "王梦梦 摄")\n\n![](https://example.com/a.jpg) ![站内](/images/a.png)\n\n文中 ![议事会](photos/%E8%AE%AE.png)';
    expect(findPhotos(body)).toEqual([
      { src: './yuju.jpg', alt: '居民观看豫剧演出', caption: '居民观看豫剧演出', credit: ['王梦梦'], line: 3, col: 1 },
      { src: 'photos/议.png', alt: '议事会', caption: '议事会', credit: [], line: 7, col: 4 },
    ]);
    expect(findPhotos('没有图片的正文')).toEqual([]);
    expect([isLocalPhoto('a.jpg'), isLocalPhoto('/a.jpg'), isLocalPhoto('http://x/a.jpg'), isLocalPhoto('data:image/png;base64,AA')]).toEqual([true, false, false, false]);
  });

  it('gives the article its photos (lines in the file) and its lead photo, cover: first', () => {
    const registries = loadRegistries(join(ROOT, 'content'));
    const source = '---\ntitle: 标题\nstreet: 莲湖街道\ndate: 2022-09-08\nreporter: 鲁燕\n---\n正文。\n\n![甲](./a.jpg)\n\n![乙](./b.jpg)\n';
    const r = readArticleSource('x/2022-09-08-a.md', source, registries);
    expect(r.photos.map((p) => [p.src, p.line])).toEqual([['./a.jpg', 9], ['./b.jpg', 11]]);
    expect(r.article?.lead).toBe('./a.jpg');
    const withCover = readArticleSource('x/2022-09-08-a.md', source.replace('reporter:', 'cover: ./b.jpg\nreporter:'), registries);
    expect(withCover.article?.lead).toBe('./b.jpg');
  });

  it('warns, at the photo\'s line, of a photographer people.yaml lacks (photo: or a photo\'s own credit); a staff credit is no one', () => {
    const registries = loadRegistries(join(ROOT, 'content'));
    const source = (credit: string, photo = '') => `---\ntitle: 标题\nstreet: 莲湖街道\ndate: 2022-09-08\nreporter: 鲁燕\n${photo}---\n正文。\n\n![甲](./a.jpg "${credit}")\n`;
    const known = readArticleSource('x/2022-09-08-a.md', source('鲁燕 摄'), registries);
    expect([known.problems, known.article?.photos?.[0].credit]).toEqual([[], ['鲁燕']]);
    const staff = readArticleSource('x/2022-09-08-a.md', source('本报记者 摄'), registries);
    expect([staff.problems, staff.article?.photos?.[0].credit]).toEqual([[], ['本报记者']]);
    const typo = readArticleSource('x/2022-09-08-a.md', source('鲁雁 摄'), registries);
    expect(typo.article?.photos?.[0].credit).toEqual(['鲁雁']);
    expect(typo.problems).toMatchObject([{ file: 'x/2022-09-08-a.md', line: 9, field: 'photo', value: '鲁雁', severity: 'warning', code: 'unknown-person' }]);
    expect(typo.problems[0].message).toMatch(/^\.\/a\.jpg: expected a person in content\/people\.yaml, found 鲁雁 \(did you mean 鲁燕\?\).*page address may change$/);
    const byField = readArticleSource('x/2022-09-08-a.md', source('鲁燕 摄', 'photo: [鲁燕, 王新]\n'), registries);
    expect(byField.problems).toMatchObject([{ line: 6, field: 'photo', value: '王新', severity: 'warning', code: 'unknown-person' }]);
    expect(byField.article?.photo).toEqual(['鲁燕', '王新']);
  });
  it('lets check --fix register an unknown photographer, as a photographer', () => {
    const dir = join(ROOT, '.tmp/unit-photo-credit-fix');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    try {
      for (const f of ['people.yaml', 'places.yaml', 'stars.yaml']) cpSync(join(ROOT, 'content', f), join(dir, f));
      const registries = loadRegistries(dir);
      const typo = readArticleSource('x/2022-09-08-a.md', '---\ntitle: 标题\nstreet: 莲湖街道\ndate: 2022-09-08\nreporter: 鲁燕\n---\n正文。\n\n![甲](./a.jpg "张新摄 摄")\n', registries);
      const report = fixContent(typo.problems, registries, dir, dir);
      expect(report.people).toMatchObject([{ name: '张新摄', roles: ['photographer'] }]);
      expect(loadRegistries(dir).people.resolve('张新摄')?.roles).toEqual(['photographer']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('tells a staff credit from a name', () => {
    expect(['本报记者', '本报通讯员', '记者', '本刊特约记者'].map(isStaffCredit)).toEqual([true, true, true, true]);
    expect(['王梦梦', '本报', '记者王梦梦'].map(isStaffCredit)).toEqual([false, true, false]);
  });
});

describe('HTML images', () => {
  it('finds <img> tags with a local src, which the site cannot publish', () => {
    expect(findHtmlImages('正文\n<figure><img src="yuju.png" alt="豫剧"></figure>\n<img src="https://e.com/a.png"> <img src=\'/a.png\'>')).toEqual([{ src: 'yuju.png', line: 2, col: 9 }]);
  });
});

describe('the Markdown pipeline', () => {
  it('leaves a placeholder per photo outside any paragraph, and drops other relative images', async () => {
    const md = await createMarkdownProcessor(markdownOptions);
    const { code } = await md.render('前文\n![甲](./a.jpg)\n后文\n\n![乙](./b.jpg "王梦梦 摄")\n\n<img src="c.png" alt="丙"> <img src="https://example.com/d.png" alt="丁">', { fileURL: new URL('file:///tmp/a.md') });
    expect(code).toContain('<p>前文</p>\n<!--photo:0-->\n<p>后文</p>');
    expect(code).toContain('<!--photo:1-->');
    expect(code).not.toMatch(/<img[^>]*c\.png|__ASTRO_IMAGE_|data-photo/);
    expect(code).toContain('src="https://example.com/d.png"');
  });
});

describe('the figure', () => {
  const r = { width: 1200, height: 800, sources: [{ type: 'image/webp', srcset: '/a-480.webp 480w, /a-1200.webp 1200w' }], jpeg: { src: '/a-1200.jpg', srcset: '/a-480.jpg 480w, /a-1200.jpg 1200w' } };
  it('is a picture with the WebP source first, a sized JPEG img, and a caption with the credit', () => {
    const html = photoFigureHtml(r, { alt: '居民<观看>', caption: '居民观看豫剧演出', credit: [{ name: '王梦梦', href: '/reporters/wangmengmeng/' }], creditLabel: '摄影', eager: false });
    expect(html).toBe(
      '<figure class="photo"><picture><source type="image/webp" srcset="/a-480.webp 480w, /a-1200.webp 1200w" sizes="(max-width: 44rem) calc(100vw - 2rem), 42rem">' +
        '<img src="/a-1200.jpg" srcset="/a-480.jpg 480w, /a-1200.jpg 1200w" sizes="(max-width: 44rem) calc(100vw - 2rem), 42rem" width="1200" height="800" alt="居民&lt;观看&gt;" loading="lazy" decoding="async"></picture>' +
        '<figcaption>居民观看豫剧演出 <span class="credit">摄影 <a href="/reporters/wangmengmeng/">王梦梦</a></span></figcaption></figure>',
    );
  });
  it('uses the caption as alt text when there is no alt, and has no empty figcaption', () => {
    const html = photoFigureHtml(r, { alt: '', caption: '', credit: [], creditLabel: '摄影', eager: true });
    expect(html).toContain('alt="" loading="eager" fetchpriority="high"');
    expect(html).not.toContain('figcaption');
  });
});

describe('photographers', () => {
  it('are the photo: names, the reporters for 文/图, and the people photos credit; a staff credit is no one', () => {
    const photos = [{ src: './a.jpg', alt: '', caption: '', credit: ['王梦梦'] }, { src: './b.jpg', alt: '', caption: '', credit: ['本报记者'] }];
    expect(photographersOf({ photo: ['张三'], reporters: ['鲁燕'], photos })).toEqual(['张三', '王梦梦']);
    expect(photographersOf({ photo: true, reporters: ['鲁燕'], photos })).toEqual(['鲁燕', '王梦梦']);
  });
});

describe('the WebP source', () => {
  it('lists WebP up to 720 wide, then the widest JPEG', () => {
    const webp = [{ url: '/a-480.webp', width: 480 }, { url: '/a-720.webp', width: 720 }];
    expect(webpSourceSrcset(webp, { url: '/a-1200.jpg', width: 1200 })).toBe('/a-480.webp 480w, /a-720.webp 720w, /a-1200.jpg 1200w');
  });
  it('gives an original no wider than 720 its own width in WebP, and lists no width twice', () => {
    expect([webpWidths(1600), webpWidths(1200), webpWidths(900), webpWidths(720), webpWidths(640), webpWidths(300)]).toEqual([[480, 720], [480, 720], [480, 720], [480, 720], [480, 640], [300]]);
    expect(webpSourceSrcset([{ url: '/b-480.webp', width: 480 }, { url: '/b-640.webp', width: 640 }], { url: '/b-640.jpg', width: 640 })).toBe('/b-480.webp 480w, /b-640.webp 640w');
    expect(webpSourceSrcset([{ url: '/c-480.webp', width: 480 }, { url: '/c-720.webp', width: 720 }], { url: '/c-900.jpg', width: 900 })).toBe('/c-480.webp 480w, /c-720.webp 720w, /c-900.jpg 900w');
  });
});

describe('thumbnail URLs as digits', () => {
  it('round-trips any URL, Chinese file names included, in digits only', () => {
    for (const url of ['/_astro/yuju.GirVQ1bz_ZfIgK9.webp', '/_astro/豫剧.Ab_c-d.webp']) {
      const d = textToDigits(url);
      expect(d).toMatch(/^\d+$/);
      expect(digitsToText(d)).toBe(url);
    }
    expect(digitsToText('123')).toBeUndefined();
  });
});

describe('photo files', () => {
  const dir = join(ROOT, '.tmp/unit-photo-files');
  const content = join(dir, 'content');
  const article = join(content, 'articles/2022/2022-09-08-a.md');
  beforeAll(() => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(join(content, 'articles/2022'), { recursive: true });
    writeFileSync(join(content, 'articles/2022/ok.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]));
    writeFileSync(join(content, 'articles/2022/text.jpg'), '这不是照片');
    writeFileSync(join(content, 'articles/2022/huge.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
    truncateSync(join(content, 'articles/2022/huge.jpg'), 21 * 1024 * 1024);
    writeFileSync(join(dir, 'outside.jpg'), Buffer.from([0xff, 0xd8, 0xff]));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const check = (src: string, caption = '说明') => checkPhotoFiles(article, 'a.md', [{ src, line: 9, col: 1, caption }], content);

  it('accepts a JPEG beside the article', () => {
    expect(check('./ok.jpg')).toEqual({ problems: [], files: [join(content, 'articles/2022/ok.jpg')] });
  });
  it('names the photo and says what is wrong, at its line', () => {
    const one = (src: string) => check(src).problems.map((p) => `${p.line}:${p.col} ${p.field}: ${p.message}`);
    // The photo's path as the article's is given (here a.md, at the top): beside it.
    expect(one('./missing.jpg')[0]).toBe('9:1 ./missing.jpg: expected the photo file missing.jpg, found no such file (photos in that folder: huge.jpg, ok.jpg, text.jpg)');
    expect(checkPhotoFiles(article, 'content/articles/2022/a.md', [{ src: './sub/../missing.jpg', line: 9, col: 1, caption: '说明' }], content).problems[0]!.message).toMatch(/^expected the photo file content\/articles\/2022\/missing\.jpg, found no such file/);
    expect(one('./oj.jpg')[0]).toMatch(/found no such file \(did you mean ok\.jpg\?\)$/);
    expect(one('../../../outside.jpg')).toEqual(['9:1 ../../../outside.jpg: expected a photo inside the content folder (put it beside the article: ./outside.jpg), found a path outside it: ../../../outside.jpg']);
    expect(one('./text.jpg')[0]).toMatch(/^9:1 \.\/text\.jpg: expected a JPEG, PNG, WebP or AVIF image, found text\.jpg, which is not one/);
    expect(one('./huge.jpg')[0]).toMatch(/^9:1 \.\/huge\.jpg: expected a photo of at most 20\.0 MB .*found huge\.jpg of 21\.0 MB$/);
    expect(one('./notes.txt')[0]).toMatch(/expected a photo file ending in \.jpg, \.jpeg, \.png, \.webp, \.avif, found notes\.txt$/);
    expect(check('./ok.jpg').files[0]).toBeDefined();
    expect(check('./text.jpg').files[0]).toBeUndefined();
  });
  it('warns about a photo without a caption', () => {
    expect(check('./ok.jpg', '').problems).toEqual([expect.objectContaining({ severity: 'warning', field: './ok.jpg', message: expect.stringMatching(/^expected a caption/) })]);
  });
});
