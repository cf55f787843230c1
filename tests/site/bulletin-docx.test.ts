// The Word file built beside each bulletin page, opened by a real consumer: LibreOffice (headless)
// converts it to PDF, and Poppler reads the text back. Its styles are read from the .docx itself.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readArticleFile } from '../../src/io/articles.ts';
import { readBulletinFile } from '../../src/io/bulletins.ts';
import { loadRegistries } from '../../src/io/registries.ts';
import { ROOT } from '../helpers/build-site.ts';
import { redBands } from '../helpers/red-bands.ts';
import { requireSystemFile } from '../../scripts/system-packages.ts';

const site = inject('siteDist');
const fixture = inject('fixtureDist');
const ID = '2022-q3-zhongyuan-jianbao';
const SOFFICE = '/usr/bin/soffice';

let dir: string;
beforeAll(() => {
  // Writer itself, not only the soffice launcher (libreoffice-common keeps it when Writer is removed).
  requireSystemFile('libreoffice-writer-nogui');
  requireSystemFile('libreoffice-writer-nogui', SOFFICE);
  dir = mkdtempSync(join(tmpdir(), 'jiexun-docx-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
  expect(r.status, `${cmd} ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
}

/** LibreOffice opens the Word file and saves it as PDF; returns the PDF's text, one string per page. */
function openInLibreOffice(docx: string): string[] {
  return run('pdftotext', ['-layout', '-enc', 'UTF-8', convert(docx), '-']).split('\f').slice(0, -1);
}
const converted = new Map<string, string>();
function convert(docx: string): string {
  if (converted.has(docx)) return converted.get(docx)!;
  const out = join(dir, 'out');
  // A profile of its own, so a LibreOffice the user has open is neither used nor disturbed.
  run(SOFFICE, [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--convert-to', 'pdf', '--outdir', out, docx]);
  const pdf = join(out, docx.split('/').pop()!.replace(/\.docx$/, '.pdf'));
  expect(existsSync(pdf), pdf).toBe(true);
  converted.set(docx, pdf);
  return pdf;
}
const squash = (s: string) => s.replace(/\s+/g, '');
const unzip = (file: string, part: string) => run('unzip', ['-p', file, part]);

describe('the 2022 Q3 简报 as a Word file', () => {
  const docx = () => join(site, `bulletins/${ID}.docx`);

  it('opens in LibreOffice with the masthead, 期号, every story title in order and the 版记', () => {
    const registries = loadRegistries(join(ROOT, 'content'));
    const { bulletin } = readBulletinFile(join(ROOT, `content/bulletins/${ID}.md`), registries, ROOT);
    const titles = bulletin!.articles!.map((id) => readArticleFile(join(ROOT, 'content/articles', id.slice(0, 4), `${id}.md`), registries, ROOT).article!.title);
    const pages = openInLibreOffice(docx());
    const text = squash(pages.join(''));
    const parts = ['内部资料', '中原区“五星”支部创建工作简报', '第1期', '中共郑州市中原区委组织部', '2022年9月30日', '编者按：', ...titles,
      '报：市委组织部，区委、区政府领导。', '送：区人大常委会、区政协领导。', '发：各街道党工委，区委各部委，区直各单位党组（党委）。', '共印80份'];
    let from = 0;
    for (const p of parts) {
      const at = text.indexOf(squash(p), from);
      expect(at, `"${p}" after position ${from}`).toBeGreaterThanOrEqual(0);
      from = at + squash(p).length;
    }
    // Story text, not only titles.
    expect(text).toContain(squash('会议由建设路街道党工委副书记刘春峰主持。'));
    // The 版记 is on the last page; every page carries its number as — N —.
    expect(squash(pages.at(-1)!)).toContain('共印80份');
    pages.forEach((p, i) => expect(p, `page ${i + 1}`).toMatch(new RegExp(`—\\s*${i + 1}\\s*—`)));
  });

  it('shows the masthead large and red over the red rule when LibreOffice prints it', () => {
    const { bands, height } = redBands(convert(docx()), 1, join(dir, 'docx-page1'));
    const [mast, rule] = bands;
    expect(mast.rows).toBeGreaterThanOrEqual(20); // characters at least 20 pt tall
    expect(mast.top).toBeLessThan(height / 3);
    expect(rule.top).toBeGreaterThan(mast.top + mast.rows);
    expect(rule.widest).toBeGreaterThan(400); // across most of the 156 mm (442 pt) text block
    expect(rule.rows).toBeGreaterThanOrEqual(2);
  });

  it('sets every paragraph in a named style a department can restyle, on the GB/T 9704 page', () => {
    const styles = unzip(docx(), 'word/styles.xml');
    const document = unzip(docx(), 'word/document.xml');
    const named = Object.fromEntries([...styles.matchAll(/<w:style w:type="paragraph" w:styleId="([^"]+)"[^>]*>\s*<w:name w:val="([^"]+)"/g)].map((m) => [m[1], m[2]]));
    expect(named).toMatchObject({ Masthead: '报头', IssueNo: '期号', Issuer: '编发单位和日期', EditorsNote: '按语', StoryTitle: '文章标题', Byline: '署名', Body: '正文', Distribution: '版记', Copies: '印数' });
    // Every paragraph of the body names its style.
    const paragraphs = [...document.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/g)];
    expect(paragraphs.length).toBeGreaterThan(30);
    for (const [p] of paragraphs) expect(p).toMatch(/<w:pStyle w:val="[A-Za-z]+"\/>/);
    // The masthead red and large, the rule red under the unit and date line, the body in 3号 仿宋.
    const style = (id: string) => styles.slice(styles.indexOf(`w:styleId="${id}"`), styles.indexOf('</w:style>', styles.indexOf(`w:styleId="${id}"`)));
    expect(style('Masthead')).toMatch(/<w:color w:val="E60012"\/>/);
    expect(Number(/<w:sz w:val="(\d+)"\/>/.exec(style('Masthead'))![1])).toBeGreaterThanOrEqual(52); // ≥ 26 pt
    expect(style('Issuer')).toMatch(/<w:bottom [^>]*w:color="E60012"/);
    expect(style('Body')).toMatch(/<w:sz w:val="32"\/>/);
    expect(style('Body')).toMatch(/w:eastAsia="仿宋"/);
    // A4 with the GB/T margins (twips): top 37 mm, bottom 35 mm, binding 28 mm, outer 26 mm.
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(document).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
  });
});

describe('a 简报 without masthead or distribution (the fixture site)', () => {
  it('still gives a Word file LibreOffice opens, headed by its title', () => {
    const text = squash(openInLibreOffice(join(fixture, 'bulletins/2023-q1-zhongyuan-jianbao.docx')).join(''));
    expect(text.startsWith(squash('中原区“五星”支部创建工作简报第1期'))).toBe(true);
    expect(text).toContain('中原区全面推进“五星”支部创建');
    expect(text).not.toContain('共印');
  });
});
