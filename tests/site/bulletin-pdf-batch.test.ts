// The 专版 of a build are printed together in one Chromium document and cut apart
// (src/integrations/bulletin-pdf.ts): each bulletin must still get a PDF of its own, read back with
// Poppler — only its own stories, the page count and text of the same page printed alone in a
// browser, its own page numbers "1 / N" … "N / N", its title, and no links into the other parts.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readArticleFile } from '../../src/io/articles.ts';
import { readBulletinFile } from '../../src/io/bulletins.ts';
import { loadRegistries } from '../../src/io/registries.ts';
import { pdfLayout } from '../../src/lib/pdf-destinations.ts';
import { page as builtPage } from '../helpers/html.ts';
import { ROOT } from '../helpers/build-site.ts';
import { servedSite } from '../helpers/served-site.ts';

const site = inject('siteDist');
const registries = loadRegistries(join(ROOT, 'content'));
const bulletins = readdirSync(join(ROOT, 'content/bulletins'))
  .map((f) => readBulletinFile(join(ROOT, 'content/bulletins', f), registries, ROOT).bulletin!)
  .map((b) => ({ ...b, titles: b.articles!.map((id) => readArticleFile(join(ROOT, 'content/articles', id.slice(0, 4), `${id}.md`), registries, ROOT).article!.title) }));
const zhuanban = bulletins.filter((b) => b.kind === '专版');

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  expect(r.status, `${cmd} ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
}
const squash = (s: string) => s.replace(/\s+/g, '');
/** Each page's text, whitespace removed (pdftotext separates pages with a form feed). */
const sheets = (pdf: string) => run('pdftotext', ['-enc', 'UTF-8', pdf, '-']).split('\f').slice(0, -1).map(squash);
const info = (pdf: string, field: string) => new RegExp(`^${field}:\\s+(.*)$`, 'm').exec(run('pdfinfo', [pdf]))?.[1];
const titleOf = (html: string) => /<title>([^<]*)<\/title>/.exec(html)![1]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jiexun-pdf-batch-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the 专版 PDFs, printed in one batch and cut apart', () => {
  const served = servedSite(site);

  it('covers several 专版 (the batch is real)', () => {
    expect(zhuanban.length).toBeGreaterThanOrEqual(3);
  });

  it.each(zhuanban.map((b) => [b.id, b] as const))('%s: only its own stories, numbered 1 / N … N / N, titled as its page', async (id, b) => {
    const pdf = join(site, `bulletins/${id}.pdf`);
    const text = sheets(pdf);
    const pages = Number(info(pdf, 'Pages'));
    expect(text).toHaveLength(pages);
    // Its page numbers, each page counted within this bulletin alone.
    text.forEach((t, i) => expect(t, `page ${i + 1}`).toMatch(new RegExp(`${i + 1}/${pages}$`)));
    const all = text.join('');
    for (const t of b.titles) expect(all, t).toContain(squash(t));
    for (const other of zhuanban.filter((o) => o.id !== id)) {
      expect(all).not.toContain(squash(other.title));
      for (const t of other.titles.filter((t) => !b.titles.includes(t))) expect(all, `${other.id}: ${t}`).not.toContain(squash(t));
    }
    expect(info(pdf, 'Title')).toBe(titleOf(builtPage(site, `/bulletins/${id}/`)));
    // No named destinations or links left over from the other parts of the print.
    expect((await pdfLayout(readFileSync(pdf))).destinations.size).toBe(0);

    // The same page printed alone, the way a reader prints it: the same pages with the same text.
    const tab = await served.browser.newPage();
    await tab.goto(`${served.url}/bulletins/${id}/`, { waitUntil: 'load' });
    const alone = await tab.pdf({ preferCSSPageSize: true });
    await tab.close();
    const { pages: alonePages } = await pdfLayout(alone);
    expect(pages).toBe(alonePages);
    writeFileSync(join(dir, `${id}.pdf`), alone);
    expect(text).toEqual(sheets(join(dir, `${id}.pdf`)));
  });

  it('leaves the page without a printed contents list (each 专版 fits in four pages)', () => {
    for (const b of zhuanban) expect(builtPage(site, `/bulletins/${b.id}/`)).not.toContain('data-print-toc');
  });
});
