// Printing a bulletin: Chromium renders it to an A4 PDF with the print stylesheet, and Poppler's
// pdftotext/pdfinfo read it back. Real text extraction (fonts, ToUnicode maps, compressed
// streams) is Poppler's job; a hand-written PDF parser here would be the thing under test instead.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { readBulletinFile } from '../../src/io/bulletins.ts';
import { readArticleFile } from '../../src/io/articles.ts';
import { bylineText } from '../../src/lib/byline.ts';
import { loadRegistries } from '../../src/io/registries.ts';
import { serveStatic, type StaticServer } from '../../scripts/server/static-server.ts';
import { readerUi, ui } from '../../src/ui/strings.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { requireSystemFile } from '../../scripts/system-packages.ts';
import { ROOT } from '../helpers/build-site.ts';

const fixture = inject('fixtureDist');
const site = inject('siteDist');

let browser: Browser;
let dir: string;
const servers: StaticServer[] = [];

beforeAll(async () => {
  requireSystemFile('poppler-utils', '/usr/bin/pdftotext');
  requireSystemFile('poppler-utils', '/usr/bin/pdfinfo');
  browser = await launchBrowser();
  dir = mkdtempSync(join(tmpdir(), 'jiexun-pdf-'));
});
afterAll(async () => {
  await browser?.close();
  for (const s of servers) await s.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Renders a built page to PDF as a reader's "Print → Save as PDF" would; returns page count and text. */
async function printToPdf(dist: string, url: string): Promise<{ pages: number; text: string; pageSize: string }> {
  const server = await serveStatic(dist);
  servers.push(server);
  const page = await browser.newPage();
  const response = await page.goto(`${server.url}${url}`);
  expect(response?.status()).toBe(200);
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  await page.close();
  const file = join(dir, `${url.replace(/\W+/g, '-')}.pdf`);
  writeFileSync(file, pdf);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  expect(info.status, info.stderr).toBe(0);
  const text = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  expect(text.status, text.stderr).toBe(0);
  return { pages: Number(/^Pages:\s+(\d+)/m.exec(info.stdout)![1]), pageSize: /^Page size:\s+(.*)$/m.exec(info.stdout)![1], text: text.stdout };
}

// Lines wrap anywhere in Chinese text: compare without whitespace.
const squash = (s: string) => s.replace(/\s+/g, '');
function expectInOrder(text: string, parts: string[]) {
  let from = 0;
  for (const p of parts) {
    const at = squash(text).indexOf(squash(p), from);
    expect(at, `"${p}" after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + squash(p).length;
  }
}

describe('printing a bulletin to PDF', () => {
  it('prints the fixture 专版 on A4: masthead, note, then the articles flowing one after another, numbered', async () => {
    const { pages, text, pageSize } = await printToPdf(fixture, '/bulletins/2022-09-30-fixture-zhuanban/');
    expect(pageSize).toMatch(/ pts \(A4\)$/); // Poppler names the paper size
    // Two short stories share one page: no page per story. Short enough to need no printed contents.
    expect(pages).toBe(1);
    const titles = ['豫剧进社区 居民享“文化大餐”', '航海西路街道推进红色物业建设'];
    expectInOrder(text, ['专版', '测试专版 莲湖与航海西路', '编者按', '本版刊发莲湖、航海西路两个街道的报道。',
      titles[0], '记者 鲁燕 通讯员 魏少杰 文/图', '社区推行网格化管理',
      titles[1], '记者 路艳 通讯员 张倩倩 王永涛', '协调解决小区停车、环境卫生等问题。', '1 / 1']);
    expect(squash(text)).not.toContain('目录');
    // No navigation, search or footer on paper.
    for (const chrome of [readerUi.sponsor, ui.searchButton, readerUi.largeText, '测试用的标语', ui.readOnline, '阅读单篇报道']) expect(squash(text)).not.toContain(squash(chrome));
  });

  it('prints every title of the real 2022 Q3 简报, in order', async () => {
    const registries = loadRegistries(join(ROOT, 'content'));
    const { bulletin } = readBulletinFile(join(ROOT, 'content/bulletins/2022-q3-zhongyuan-jianbao.md'), registries, ROOT);
    const articles = bulletin!.articles!.map((id) => readArticleFile(join(ROOT, 'content/articles', id.slice(0, 4), `${id}.md`), registries, ROOT).article!);
    const titles = articles.map((a) => a.title);
    expect(titles).toHaveLength(11);
    const { pages, text } = await printToPdf(site, '/bulletins/2022-q3-zhongyuan-jianbao/');
    // Stories flow one after another (tests/site/bulletin-print.test.ts checks the red-headed form in full).
    expect(pages).toBeLessThanOrEqual(5);
    expect(squash(text)).toContain('第1期');
    expectInOrder(text, ['中原区“五星”支部创建工作简报', '中共郑州市中原区委组织部', '中原区“五星”支部创建工作简报（2022年第三季度）', '2022年7月1日至2022年9月30日', '目录', ...titles, ...titles]);
    expect(text).toMatch(/—\s*1\s*—/);
    expect(text).toMatch(new RegExp(`—\\s*${pages}\\s*—`));
    // No headline is left alone at the foot of a page: each shares a page with its byline.
    const sheets = text.split('\f').map(squash);
    for (const a of articles) {
      const together = sheets.some((s) => s.includes(squash(a.title)) && s.indexOf(squash(bylineText(a))) > s.indexOf(squash(a.title)));
      expect(together, `${a.title} / ${bylineText(a)}`).toBe(true);
    }
  });
});
