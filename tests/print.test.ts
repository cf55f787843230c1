// Printing a bulletin: Chromium renders it to an A4 PDF with the print stylesheet, and Poppler's
// pdftotext/pdfinfo read it back. Real text extraction (fonts, ToUnicode maps, compressed
// streams) is Poppler's job; a hand-written PDF parser here would be the thing under test instead.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { readBulletinFile } from '../src/io/bulletins.ts';
import { readArticleFile } from '../src/io/articles.ts';
import { bylineText } from '../src/lib/byline.ts';
import { loadRegistries } from '../src/io/registries.ts';
import { serveStatic, type StaticServer } from '../scripts/server/static-server.ts';
import { readerUi, ui } from '../src/ui/strings.ts';
import { launchBrowser } from './helpers/browser.ts';
import { ROOT } from './helpers/build-site.ts';

const fixture = inject('fixtureDist');
const site = inject('siteDist');

const has = (cmd: string) => spawnSync(cmd, ['-v'], { encoding: 'utf8' }).error === undefined;

/** Poppler's tools come from Debian's poppler-utils; install them when missing, as `npm test` does for Chromium. */
function ensurePoppler() {
  if (has('pdftotext') && has('pdfinfo')) return;
  const sudo = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
  const run = (args: string[]) => spawnSync([...sudo, ...args][0], [...sudo, ...args].slice(1), { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  const install = run(['apt-get', 'install', '-y', '--no-install-recommends', '-o', 'DPkg::Lock::Timeout=300', 'poppler-utils']);
  const retry = install.status === 0 ? install : (run(['apt-get', 'update']), run(['apt-get', 'install', '-y', '--no-install-recommends', '-o', 'DPkg::Lock::Timeout=300', 'poppler-utils']));
  if (!has('pdftotext') || !has('pdfinfo')) {
    throw new Error(`The PDF test needs pdftotext and pdfinfo from Debian's poppler-utils, and installing them failed (apt-get exited ${retry.status}): run \`apt-get install -y poppler-utils\` as root.\n${retry.stderr}`);
  }
}

let browser: Browser;
let dir: string;
const servers: StaticServer[] = [];

beforeAll(async () => {
  ensurePoppler();
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
  it('prints the fixture 专版 on A4: masthead, note, contents, then one article per page, numbered', async () => {
    const { pages, text, pageSize } = await printToPdf(fixture, '/bulletins/2022-09-30-fixture-zhuanban/');
    expect(pageSize).toMatch(/ pts \(A4\)$/); // Poppler names the paper size
    expect(pages).toBe(2);
    const titles = ['豫剧进社区 居民享“文化大餐”', '航海西路街道推进红色物业建设'];
    // Contents first, then each article's headline, byline and text.
    expectInOrder(text, ['专版', '测试专版 莲湖与航海西路', '编者按', '本版刊发莲湖、航海西路两个街道的报道。', '目录', ...titles,
      titles[0], '记者 鲁燕 通讯员 魏少杰 文/图', '社区推行网格化管理', '1 / 2',
      titles[1], '记者 路艳 通讯员 张倩倩 王永涛', '协调解决小区停车、环境卫生等问题。', '2 / 2']);
    // Page 2 starts with the second article (form feed separates pages in pdftotext output).
    const [, second] = text.split('\f');
    expect(squash(second).startsWith(squash(titles[1]))).toBe(true);
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
    expect(pages).toBeGreaterThanOrEqual(11);
    expectInOrder(text, ['中原区“五星”支部创建工作简报（2022年第三季度）', '第1期', '中共郑州市中原区委组织部', '2022年7月1日至2022年9月30日', '目录', ...titles, ...titles]);
    expect(squash(text)).toContain(`1/${pages}`);
    expect(squash(text)).toContain(`${pages}/${pages}`);
    // No headline is left alone at the foot of a page: each shares a page with its byline.
    const sheets = text.split('\f').map(squash);
    for (const a of articles) {
      const together = sheets.some((s) => s.includes(squash(a.title)) && s.indexOf(squash(bylineText(a))) > s.indexOf(squash(a.title)));
      expect(together, `${a.title} / ${bylineText(a)}`).toBe(true);
    }
  });
});
