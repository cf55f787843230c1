// The printed 简报 in the red-headed form of GB/T 9704: the PDF the build prints with Chromium,
// and the page printed again from the browser the way a reader would, read back with Poppler
// (pdftotext, pdfinfo; pdftoppm renders page 1 to check the masthead's colour and size).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readArticleFile } from '../../src/io/articles.ts';
import { readBulletinFile } from '../../src/io/bulletins.ts';
import { loadRegistries } from '../../src/io/registries.ts';
import { page as builtPage } from '../helpers/html.ts';
import { redBands } from '../helpers/red-bands.ts';
import { buildSite, FIXTURE_CONTENT, ROOT } from '../helpers/build-site.ts';
import { servedSite } from '../helpers/served-site.ts';

const site = inject('siteDist');
const ID = '2022-q3-zhongyuan-jianbao';
const MASTHEAD = '中原区“五星”支部创建工作简报';

const registries = loadRegistries(join(ROOT, 'content'));
const { bulletin } = readBulletinFile(join(ROOT, `content/bulletins/${ID}.md`), registries, ROOT);
const titles = bulletin!.articles!.map((id) => readArticleFile(join(ROOT, 'content/articles', id.slice(0, 4), `${id}.md`), registries, ROOT).article!.title);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jiexun-bulletin-pdf-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  expect(r.status, `${cmd} ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
}
const pagesOf = (pdf: string) => Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', [pdf]))![1]);
/** The text of each page (pdftotext separates pages with a form feed), whitespace removed: CJK lines wrap anywhere. */
const sheets = (pdf: string) => run('pdftotext', ['-layout', '-enc', 'UTF-8', pdf, '-']).split('\f').slice(0, -1);
const squash = (s: string) => s.replace(/\s+/g, '');

/** Page number marks "— N —" as pdftotext finds them (it drops the narrow spaces around the number). */
const pageMark = (n: number) => new RegExp(`—\\s*${n}\\s*—`);

/** Each page's words with their left edge, from pdftotext -bbox. */
function words(pdf: string): { width: number; words: { text: string; x: number; y: number }[] }[] {
  const html = run('pdftotext', ['-bbox', '-enc', 'UTF-8', pdf, '-']);
  return [...html.matchAll(/<page width="([\d.]+)" height="[\d.]+">([\s\S]*?)<\/page>/g)].map((m) => ({
    width: Number(m[1]),
    words: [...m[2].matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((w) => ({ x: Number(w[1]), y: Number(w[2]), text: w[3] })),
  }));
}

function expectTheForm(pdf: string) {
  const pages = pagesOf(pdf);
  expect(pages).toBeGreaterThan(1);
  expect(pages).toBeLessThanOrEqual(5);
  expect(run('pdfinfo', [pdf])).toMatch(/^Page size:.* pts \(A4\)$/m);
  const text = sheets(pdf);
  const first = squash(text[0]);
  // 红头: marks, masthead, 期号, then issuing unit and date, before any story.
  const order = ['内部资料', MASTHEAD, '第1期', '中共郑州市中原区委组织部', '2022年9月30日', '编者按', titles[0]].map((s) => first.indexOf(squash(s)));
  expect(order.every((at) => at >= 0), `page 1: ${first.slice(0, 200)}`).toBe(true);
  expect(order).toEqual(order.toSorted((a, b) => a - b));
  // Every story, in order, across the pages (after the contents list on page 1).
  const all = squash(text.join(''));
  let from = all.indexOf(titles.at(-1)!) + 1; // past the contents
  for (const t of titles) {
    const at = all.indexOf(squash(t), from);
    expect(at, t).toBeGreaterThan(0);
    from = at;
  }
  // "— N —" on every page.
  text.forEach((t, i) => expect(t, `page ${i + 1}`).toMatch(pageMark(i + 1)));
  // The 版记 closes the last page: 报, 送, 发 and the copies printed, after the last story.
  const last = squash(text.at(-1)!);
  const close = ['报：市委组织部，区委、区政府领导。', '送：区人大常委会、区政协领导。', '发：各街道党工委，区委各部委，区直各单位党组（党委）。', '共印80份'].map((s) => last.indexOf(squash(s)));
  expect(close.every((at) => at >= 0), last.slice(-200)).toBe(true);
  expect(close).toEqual(close.toSorted((a, b) => a - b));
  for (const t of text.slice(0, -1)) expect(squash(t)).not.toContain('共印80份');
  return { pages, text };
}

describe('the 2022 Q3 简报 as printed by the build (dist/bulletins/<id>.pdf)', () => {
  const pdf = () => join(site, `bulletins/${ID}.pdf`);

  it('is built beside the page and linked from it, with the Word file', () => {
    expect(existsSync(pdf())).toBe(true);
    const html = builtPage(site, `/bulletins/${ID}/`);
    expect(html).toContain(`<a href="/bulletins/${ID}.pdf" download="${MASTHEAD}2022年第1期.pdf" data-download="pdf">`);
    expect(html).toContain(`<a href="/bulletins/${ID}.docx" download="${MASTHEAD}2022年第1期.docx" data-download="docx">`);
  });

  it('takes at most 5 A4 pages: red head, stories flowing one after another, 版记 on the last page, — N — page numbers', () => {
    const { pages } = expectTheForm(pdf());
    // Stories flow: there are more stories than pages, and pages hold the end of one story and the start of the next.
    expect(titles.length).toBeGreaterThan(pages);
  });

  it('lists the contents with the page each story starts on, as it runs past 4 pages', () => {
    const text = sheets(pdf()).map(squash);
    expect(text.length).toBeGreaterThan(4);
    const contents = text[0].slice(text[0].indexOf('目录'));
    const count = (hay: string, needle: string) => hay.split(needle).length - 1;
    for (const [i, t] of titles.entries()) {
      const entry = `${i + 1}．${squash(t)}`;
      const at = contents.indexOf(entry);
      expect(at, `contents entry ${entry}`).toBeGreaterThanOrEqual(0);
      // A one-digit page number follows each entry (a five-page briefing).
      const n = Number(contents[at + entry.length]);
      expect(n, `page number after ${entry}`).toBeGreaterThanOrEqual(1);
      // The story's headline is on that page (page 1 has it in the contents too).
      expect(count(text[n - 1], squash(t)), `${t} on page ${n}`).toBeGreaterThanOrEqual(n === 1 ? 2 : 1);
    }
  });

  it('puts page numbers at the outer bottom edge: right on odd pages, left on even', () => {
    for (const [i, p] of words(pdf()).entries()) {
      // Below the text block, which ends 37 + 225 mm (743 pt) from the top.
      const number = p.words.find((w) => w.text === String(i + 1) && w.y > 743);
      expect(number, `page ${i + 1}`).toBeDefined();
      if ((i + 1) % 2) expect(number!.x).toBeGreaterThan(p.width * 0.75);
      else expect(number!.x).toBeLessThan(p.width * 0.25);
    }
  });

  it('prints the masthead large and red, above a thick red rule', () => {
    const { bands, height } = redBands(pdf(), 1, join(dir, 'page1'));
    const [mast, rule] = bands;
    expect(mast, 'red masthead').toBeDefined();
    // Characters at least 20 pt (7 mm) tall, in the top third of the page.
    expect(mast.rows).toBeGreaterThanOrEqual(20);
    expect(mast.top).toBeLessThan(height / 3);
    // The rule: solid red across most of the 156 mm (442 pt) text block, below the masthead.
    expect(rule, 'red rule').toBeDefined();
    expect(rule.top).toBeGreaterThan(mast.top + mast.rows);
    expect(rule.widest).toBeGreaterThan(400);
    expect(rule.rows).toBeGreaterThanOrEqual(2);
  });
});

describe('the 2022 Q3 简报 printed from the browser', () => {
  const served = servedSite(site);

  it('comes out in the same form as the downloadable PDF', async () => {
    const page = await served.browser.newPage();
    const response = await page.goto(`${served.url}/bulletins/${ID}/`);
    expect(response?.status()).toBe(200);
    const file = join(dir, 'printed.pdf');
    writeFileSync(file, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
    await page.close();
    const { pages } = expectTheForm(file);
    expect(pages).toBe(pagesOf(join(site, `bulletins/${ID}.pdf`)));
  });
});

describe('a build on a machine without Chromium', () => {
  it('succeeds, says once that PDFs were left out, and links no PDF (the Word file is still there)', () => {
    const out = join(dir, 'no-chromium-dist');
    const r = buildSite(FIXTURE_CONTENT, out, { CHROMIUM_PATH: join(dir, 'no-such-chromium') });
    expect(r.status, r.stderr).toBe(0);
    const said = `${r.stdout}\n${r.stderr}`.match(/Bulletin PDFs not built: no Chromium at \S+no-such-chromium/g);
    expect(said).toHaveLength(1);
    const html = builtPage(out, '/bulletins/2023-q1-zhongyuan-jianbao/');
    expect(html).not.toContain('.pdf');
    expect(html).toContain('href="/bulletins/2023-q1-zhongyuan-jianbao.docx"');
    expect(existsSync(join(out, 'bulletins/2023-q1-zhongyuan-jianbao.docx'))).toBe(true);
    expect(existsSync(join(out, 'bulletins/2023-q1-zhongyuan-jianbao.pdf'))).toBe(false);
  });
});
