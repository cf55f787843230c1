// Bulletins of one kind are printed together in one Chromium document and cut apart
// (src/integrations/bulletin-pdf.ts): each must still get a PDF of its own, read back with Poppler —
// only its own stories, the pages and text of the same page printed alone in a browser, its own page
// numbers ("1 / N" on a 专版; "— N —" at the outer edge of a 简报, whose pages alternate their
// margins wherever in the batch they were printed), its title, and no links into the other parts.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readArticleFile } from '../../src/io/articles.ts';
import { readBulletinFile } from '../../src/io/bulletins.ts';
import { loadRegistries } from '../../src/io/registries.ts';
import { printBulletinPdfs } from '../../src/integrations/bulletin-pdf.ts';
import type { PrintMargins } from '../../src/lib/print-plan.ts';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
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
const served = servedSite(site);

const aloneFiles = new Map<string, Promise<string>>();
/** The bulletin's page printed alone in a browser, the way a reader prints it: once a run, for every test that compares with it. */
function printedAlone(id: string): Promise<string> {
  let file = aloneFiles.get(id);
  if (!file) {
    file = (async () => {
      const tab = await served.browser.newPage();
      try {
        await tab.goto(`${served.url}/bulletins/${id}/`, { waitUntil: 'load' });
        const path = join(dir, `alone-${id}.pdf`);
        writeFileSync(path, await tab.pdf({ preferCSSPageSize: true }));
        return path;
      } finally {
        await tab.close();
      }
    })();
    aloneFiles.set(id, file);
  }
  return file;
}

describe('the 专版 PDFs, printed in one batch and cut apart', () => {
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
    const alone = await printedAlone(id);
    const { pages: alonePages } = await pdfLayout(readFileSync(alone));
    expect(pages).toBe(alonePages);
    expect(text).toEqual(sheets(alone));
  });

  it('leaves the page without a printed contents list (each 专版 fits in four pages)', () => {
    for (const b of zhuanban) expect(builtPage(site, `/bulletins/${b.id}/`)).not.toContain('data-print-toc');
  });
});

/** The web addresses a PDF's links lead to, read with pdf-lib. */
async function linkTargets(file: string): Promise<string[]> {
  const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  const out: string[] = [];
  for (const p of doc.getPages()) {
    for (const ref of p.node.Annots()?.asArray() ?? []) {
      const action = doc.context.lookup(ref, PDFDict).lookupMaybe(PDFName.of('A'), PDFDict);
      const uri = action?.lookupMaybe(PDFName.of('URI'), PDFString, PDFHexString);
      if (uri) out.push(uri.decodeText());
    }
  }
  return out;
}

describe('links in the bulletin PDFs', () => {
  it('lead to the site\'s public address, never to the server the build printed from', async () => {
    const ids = bulletins.map((b) => b.id);
    expect(ids.length).toBeGreaterThanOrEqual(4);
    const all = (await Promise.all(ids.map((id) => linkTargets(join(site, `bulletins/${id}.pdf`))))).flat();
    expect(all.length).toBeGreaterThan(0);
    for (const uri of all) expect(uri).toMatch(/^https:\/\/jiexun\.example\.cn\//);
  });
});

/** Each page's words and where they sit, from pdftotext -bbox. */
function words(pdf: string): { width: number; words: { text: string; x: number; y: number; right: number; bottom: number }[] }[] {
  const html = run('pdftotext', ['-bbox', '-enc', 'UTF-8', pdf, '-']);
  return [...html.matchAll(/<page width="([\d.]+)" height="[\d.]+">([\s\S]*?)<\/page>/g)].map((m) => ({
    width: Number(m[1]),
    words: [...m[2]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((w) => ({ x: Number(w[1]), y: Number(w[2]), right: Number(w[3]), bottom: Number(w[4]), text: w[5]! })),
  }));
}

/**
 * A copy of the built site with only these bulletins, their PDFs printed afresh: each its own page, or
 * (copiesOf) copies of one page under their own ids. Answers the folder and the Chromium prints made.
 */
async function printOnly(name: string, ids: readonly string[], { copiesOf, margins }: { copiesOf?: string; margins?: PrintMargins } = {}): Promise<{ out: string; documents: number }> {
  const out = join(dir, name);
  cpSync(site, out, { recursive: true });
  if (copiesOf) for (const id of ids) if (id !== copiesOf) cpSync(join(out, 'bulletins', copiesOf), join(out, 'bulletins', id), { recursive: true });
  for (const d of readdirSync(join(out, 'bulletins'))) if (d.endsWith('.pdf') || (!ids.includes(d) && !d.includes('.'))) rmSync(join(out, 'bulletins', d), { recursive: true, force: true });
  const { printed, reused, documents } = await printBulletinPdfs(ROOT, out, join(dir, `${name}-cache`), undefined, undefined, margins);
  expect({ printed, reused }).toEqual({ printed: ids.length, reused: 0 });
  return { out, documents: documents! };
}

/** Every bulletin printed both ways in its first print (its estimate never taken), as one near four pages is. */
const BOTH_WAYS: PrintMargins = { short: 99, long: 99 };

describe('a 专版 printed both ways at once, with and without its contents, in one print', () => {
  const ids = zhuanban.map((b) => b.id);
  let out: string;
  let documents: number;

  beforeAll(async () => {
    ({ out, documents } = await printOnly('both', ids, { margins: BOTH_WAYS }));
  }, 300_000);

  it('prints them once, each twice over in one document, and cuts each from its copy without contents', () => {
    // Were the copies not found in the print, each 专版 would be printed again without contents.
    expect(documents).toBe(1);
  });

  it('prints them once as their lengths are estimated too: each measured short, printed without contents', async () => {
    // Were the lengths not measured (no estimate), each would be printed with its contents, then again without.
    expect((await printOnly('estimated', ids)).documents).toBe(1);
  }, 300_000);

  it.each(ids)('%s: the pages and text of the page printed alone, without a contents list', async (id) => {
    const pdf = join(out, `bulletins/${id}.pdf`);
    const text = sheets(pdf);
    expect(text).toEqual(sheets(await printedAlone(id)));
    text.forEach((t, i) => expect(t, `page ${i + 1}`).toMatch(new RegExp(`${i + 1}/${text.length}$`)));
    expect(readFileSync(join(out, `bulletins/${id}/index.html`), 'utf8')).not.toContain('data-print-toc');
    expect(info(pdf, 'Title')).toBe(titleOf(builtPage(site, `/bulletins/${id}/`)));
  });
});

describe.each([
  ['as its length is estimated', undefined],
  ['printed both ways at once', BOTH_WAYS],
] as const)('简报 printed in one batch, each starting wherever the last one ended (%s)', (_name, margins) => {
  const JIANBAO = bulletins.find((b) => b.kind === '简报')!.id;
  // The site's 简报 three times over (it runs to five pages: as estimated, the copies start on left-hand
  // pages of the print; printed both ways, each is followed by its copy without contents).
  const copies = [JIANBAO, `${JIANBAO}-copy-a`, `${JIANBAO}-copy-b`];
  let out: string;
  let documents: number;

  beforeAll(async () => {
    ({ out, documents } = await printOnly(margins ? 'jianbao-both' : 'jianbao', copies, { copiesOf: JIANBAO, margins }));
  }, 300_000);

  it('prints the three in one document, once', () => {
    expect(documents).toBe(1);
  });

  it('gives each the pages, words and word positions of the page printed alone, numbered — N — at the outer edge', async () => {
    const alone = words(await printedAlone(JIANBAO));
    const body = (p: ReturnType<typeof words>[number]) => p.words.filter((w) => w.y < 743); // above the page number
    // The alone print's contents numbers: one per story, each the last word of its contents line, on the right.
    // They are on the first page: the words there, by index.
    const stories = bulletins.find((b) => b.id === JIANBAO)!.titles.length;
    const firstPage = body(alone[0]!);
    const contentsNumbers = new Set(firstPage.flatMap((w, j) => (/^\d+$/.test(w.text) && w.right > alone[0]!.width * 0.7 ? [j] : [])).slice(0, stories));
    expect(contentsNumbers.size, 'the alone print shows a page number for every story in its contents').toBe(stories);
    const [first, second] = [...contentsNumbers].map((j) => firstPage[j]!);
    const lineHeight = second!.y - first!.y;
    for (const id of copies) {
      const cut = words(join(out, 'bulletins', `${id}.pdf`));
      expect(cut.length, id).toBe(alone.length);
      cut.forEach((p, i) => {
        const a = body(alone[i]!);
        expect(body(p).map((w) => w.text), `${id} page ${i + 1}`).toEqual(a.map((w) => w.text));
        body(p).forEach((w, j) => {
          // The contents' page numbers are drawn on the cut PDF in the page numbers' face (Times), not
          // printed in the contents' own: the same number, its right end in the same place, on the same line.
          if (i === 0 && contentsNumbers.has(j) && w.text === a[j]!.text) {
            expect(Math.abs(w.right - a[j]!.right), `${id} page ${i + 1}: contents' ${w.text}`).toBeLessThan(1);
            expect(Math.abs((w.y + w.bottom) / 2 - (a[j]!.y + a[j]!.bottom) / 2), `${id} page ${i + 1}: contents' ${w.text}`).toBeLessThan(lineHeight / 2);
            return;
          }
          expect(Math.abs(w.x - a[j]!.x), `${id} page ${i + 1}: ${w.text}`).toBeLessThan(0.5);
          expect(Math.abs(w.y - a[j]!.y), `${id} page ${i + 1}: ${w.text}`).toBeLessThan(0.5);
        });
        const number = p.words.find((w) => w.text === String(i + 1) && w.y > 743);
        expect(number, `${id} page ${i + 1}`).toBeDefined();
        if ((i + 1) % 2) expect(number!.x).toBeGreaterThan(p.width * 0.75);
        else expect(number!.x).toBeLessThan(p.width * 0.25);
      });
      // Its contents' links still lead to its stories, under the names of its own page.
      const { destinations } = await pdfLayout(readFileSync(join(out, 'bulletins', `${id}.pdf`)));
      expect([...destinations.keys()].every((name) => /^a-/.test(name)), id).toBe(true);
      expect(destinations.size).toBeGreaterThan(4);
      expect(info(join(out, 'bulletins', `${id}.pdf`), 'Title')).toBe(titleOf(builtPage(site, `/bulletins/${JIANBAO}/`)));
    }
  });
});
