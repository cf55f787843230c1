// Prints every bulletin page to an A4 PDF beside it (dist/bulletins/<id>.pdf) with Debian's
// Chromium through playwright-core: the same print stylesheet a reader's "Print" uses, so the
// download and the paper copy are one layout. Without Chromium the build says so once and the pages
// carry no PDF link (src/io/pdf-chromium.ts decides both).
//
// `npm run build` prints them once Astro's process has ended (scripts/build.ts), so that Chromium's
// memory never adds to Astro's; a plain `astro build` prints them as soon as Astro has written the
// pages (astro:build:generated), beside the search index's last shards, and waits at astro:build:done.
// Each PDF is kept in <cacheDir>/bulletin-pdfs/ under a digest of everything the print depends on
// (the page's HTML as written, the stylesheets and images it loads, the Chromium version, the
// printing code): an unchanged bulletin is never printed again, and its contents' page numbers come
// from the cache too.
// Pages that must be printed go through one browser, a few tabs at once (PRINT_TABS).
//
// Chromium's cost is mostly per document: every print embeds each CJK face it uses as Type 3 fonts
// (~100 ms a face, measured), so a bulletin printed alone took 0.3–0.5 s however short. Hence
// bulletins are printed in batches, one kind per batch (src/lib/print-plan.ts: about two of even
// length a tab, at most BATCH_SIZE bulletins, longest first): one document holding each bulletin's
// <main>, each from a new page, cut apart with pdf-lib (src/lib/pdf-split.ts); each part is numbered
// as print.css numbers that kind ("N / M" for a 专版, "— N —" at the outer edge of a 简报) and a 简报
// page printed on the other hand is moved across by its margins' difference, so every PDF has the
// pages, words and positions of the page printed alone (tests/site/bulletin-pdf-batch.test.ts). The
// cut-out PDFs are not tagged (pdf-lib does not cut a structure tree apart); a bulletin whose part
// cannot be found in its batch is printed alone, as before, tagged.
//
// A briefing that fits in four pages without its contents is printed without them; a longer one
// carries its contents with the page each story starts on (the contents' links are named
// destinations in the PDF). In a batch, each part's length is measured first, laid out for print at
// the width of its text block, and the first print has the parts that look long with their contents
// (each page number a blank of its own width, drawn in when cut), the others without, and one too
// near four pages to tell twice over, both ways; a part the print shows otherwise is printed once
// more (print-plan.ts's partStep). Printed alone, a longer one is printed with its contents to find
// the pages, then with the numbers filled in, kept once its own destinations match the numbers it
// shows (printBulletin).
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { deflateSync } from 'node:zlib';
import type { AstroIntegration } from 'astro';
import type { Page } from 'playwright-core';
import type { PDFDocument } from 'pdf-lib';
import { pdfPrinting } from '../io/pdf-chromium.ts';
import { PDF_CACHE_DIR, pruneCachedPdfs, readCachedPdf, writeCachedPdf } from '../io/pdf-cache.ts';
import { layoutOf, linksByDestination, pdfLayout, type LinkBox, type PdfLayout } from '../lib/pdf-destinations.ts';
import { loadPdf, splitPdf, type PageFill, type PageStamp } from '../lib/pdf-split.ts';
import { printedAssets } from '../lib/print-inputs.ts';
import { partStep, printBatches, PRINT_MARGINS, type Contents, type PartFacts, type PrintMargins } from '../lib/print-plan.ts';
import { codeStamp } from '../loaders/code-stamp.ts';
import { serveStatic } from '../../scripts/server/static-server.ts';
import { mark } from './build-timings.ts';
import { projectRootOf } from '../loaders/project-root.ts';

/** A briefing longer than this prints a contents list with page numbers. */
export const TOC_AFTER_PAGES = 4;
/** Pages printed at once in the one browser (measured on 2 cores: see docs/performance.md). JIEXUN_PDF_TABS overrides. */
const PRINT_TABS = 2;
/** At most this many bulletins of one kind printed in one document (sizes and times: docs/performance.md). JIEXUN_PDF_BATCH overrides; 1 prints each alone. */
const BATCH_SIZE = 60;
/** A 专版's page numbers as print.css's @bottom-center draws them: "N / M", 9 pt, mid-way down the 22 mm bottom margin. */
const ZHUANBAN_STAMP: PageStamp = { text: (n, total) => `${n} / ${total}`, size: 9, baseline: 30, place: () => ({ align: 'centre' }) };
/** @page jianbao's binding margin (28 mm) less its outer one (26 mm), in points: right pages sit this much further right than left ones. */
const JIANBAO_MIRROR = (2 / 25.4) * 72;
/** A 简报's, as @page jianbao draws them: "— N —" in 14 pt below the text block, 5 mm in from the outer
 * edge of the text block (26 mm from the paper's edge): right on odd pages, left on even ones. */
const JIANBAO_STAMP: PageStamp = { text: (n) => `— ${n} —`, size: 14, baseline: 69, place: (n) => ({ align: n % 2 ? 'right' : 'left', inset: 87.9 }) };
/** The cut-out PDFs' object streams at zlib's fastest level: under 1 % larger than at its default, in half the time. */
const deflateFast = (bytes: Uint8Array) => deflateSync(bytes, { level: 1 });
/** The id of each bulletin's part in a batch print, and the prefix of the ids inside it. */
const PART = 'jiexun-pdf-part-';
/** The code whose change makes every cached PDF stale. */
const PRINT_CODE = ['src/integrations/bulletin-pdf.ts', 'src/io/pdf-chromium.ts', 'src/io/pdf-cache.ts', 'src/lib/pdf-destinations.ts', 'src/lib/pdf-split.ts', 'src/lib/pdf-write.ts', 'src/lib/print-inputs.ts', 'src/lib/print-plan.ts', 'scripts/server/static-server.ts', 'node_modules/playwright-core/package.json'];

const TOC_PAGE = /<span class="toc-page" data-for="([^"]+)"><\/span>/g;

/** The page's HTML with each contents entry's page number filled in, or its printed contents dropped. */
export function withPageNumbers(html: string, pages: number, destinations: ReadonlyMap<string, number>): string {
  if (pages <= TOC_AFTER_PAGES) return html.replace(' data-print-toc', '');
  return html.replace(TOC_PAGE, (whole, id: string) => {
    const n = destinations.get(id);
    return n ? `<span class="toc-page" data-for="${id}">${n}</span>` : whole;
  });
}

interface Printed {
  pdf: Uint8Array;
  layout: PdfLayout;
}

interface Bulletin {
  id: string;
  file: string;
  html: string;
  key: string;
  /** 专版 or 简报, as the page says; printed in batches of its own kind (undefined: printed alone). */
  kind: string | undefined;
}

const KIND = /<div class="bulletin" data-kind="([^"]*)"/;

/**
 * Readies a loaded page for print: links lead to the site's public address (the origin of its
 * canonical link), not to the build's local server (in-page #… links stay destinations); photos print
 * from their JPEG, which the PDF takes as it is — a WebP would be decoded and encoded again.
 */
function readyForPrint(page: Page): Promise<void> {
  return page.evaluate(async () => {
    const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
    if (canonical) {
      for (const a of document.querySelectorAll('a[href]')) {
        const href = a.getAttribute('href')!;
        if (href.startsWith('/') && !href.startsWith('//')) a.setAttribute('href', new URL(href, canonical).href);
      }
    }
    for (const source of document.querySelectorAll('picture > source')) source.remove();
    await Promise.all([...document.images].map((img) => (img.complete ? undefined : new Promise((done) => (img.addEventListener('load', done), img.addEventListener('error', done))))));
    await document.fonts.ready;
  });
}

/** Prints one bulletin page in an open tab: the PDF kept and the layout its HTML is rewritten with. */
async function printBulletin(page: Page, url: string, count: { documents: number }): Promise<{ pdf: Uint8Array; layout: PdfLayout }> {
  const print = () => (count.documents++, page.pdf({ preferCSSPageSize: true, tagged: true }));
  const contents = (on: boolean) => page.evaluate((show) => document.querySelector('nav.toc')?.toggleAttribute('data-print-toc', show), on);
  await page.goto(url, { waitUntil: 'load' });
  await readyForPrint(page);
  // Without its contents, does the briefing fit in four pages? Then that print is the PDF.
  await contents(false);
  const short = await print();
  const { pages } = await pdfLayout(short);
  if (pages <= TOC_AFTER_PAGES) return { pdf: short, layout: { pages, destinations: new Map() } };
  // Longer: print with the contents to learn where each story starts, then with the page numbers —
  // in the same tab, no reload. Numbers that moved a story (a wider number) are filled in again.
  await contents(true);
  let layout = await pdfLayout(await print());
  for (let attempt = 0; ; attempt++) {
    const shown = layout.destinations;
    await page.evaluate((numbers) => {
      for (const span of document.querySelectorAll<HTMLElement>('nav.toc .toc-page[data-for]')) span.textContent = String(numbers[span.dataset.for!] ?? '');
    }, Object.fromEntries(shown));
    const pdf = await print();
    layout = await pdfLayout(pdf);
    const settled = [...shown].every(([id, n]) => layout.destinations.get(id) === n);
    if (settled || attempt === 2) return { pdf, layout: { pages: Math.max(layout.pages, TOC_AFTER_PAGES + 1), destinations: shown } };
  }
}

/**
 * Prints several bulletins of one kind as one document in an open tab and cuts it into one PDF
 * each: the first one's page is opened (its stylesheets and address apply) and its <main> replaced
 * by every bulletin's <main> in turn, each starting a new page, with Chromium's page numbers off:
 * each part is numbered on its own (and a 简报's pages set on the right hand, see shift below)
 * when cut. Where each part starts and ends is read from named destinations.
 *
 * A part printed with its contents has each entry's page number left blank at its own width (a
 * hidden "00"): cut from that print, it gets the page each story starts on drawn into the blanks (in
 * the page numbers' face). Whether a part goes with its contents or without, and which print it is
 * cut from, is src/lib/print-plan.ts's: first by its length laid out for print (printed both ways,
 * as itself and as a copy after it, when too near the limit to tell), then by what the print showed;
 * the parts still undecided are printed once more, the others left out of that print. Answers
 * undefined for a part that cannot be found in a print (it is then printed alone).
 */
async function printBatch(page: Page, base: string, batch: readonly Bulletin[], kind: string, margins: PrintMargins, count: { documents: number }): Promise<(Printed | undefined)[]> {
  const recto = kind === '简报';
  await page.goto(`${base}/bulletins/${batch[0]!.id}/`, { waitUntil: 'load' });
  // Laid out for print from the start: the page is laid out once before printing, for its fonts and
  // images and for each part's length at the width it prints at, not once for the screen and again.
  await page.emulateMedia({ media: 'print' });
  const { titles, stories } = await page.evaluate(
    async ({ ids, part }) => {
      const titles: string[] = [];
      const stories: string[][] = [];
      const parts: HTMLElement[] = [];
      const marks = document.createElement('nav');
      const mark = (id: string) => {
        const a = document.createElement('a');
        a.href = `#${id}`;
        a.textContent = id;
        marks.append(a);
      };
      for (const [k, id] of ids.entries()) {
        const response = await fetch(`/bulletins/${id}/`);
        if (!response.ok) throw new Error(`/bulletins/${id}/ answered ${response.status}`);
        const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
        const main = doc.querySelector('main');
        if (!main) throw new Error(`/bulletins/${id}/ has no <main>`);
        // Photos print from their JPEG (readyForPrint): the WebP sources go before anything loads them.
        for (const source of main.querySelectorAll('picture > source')) source.remove();
        titles.push(doc.title);
        // Story anchors repeat when a story is in two bulletins: each part's ids get its own prefix.
        for (const el of main.querySelectorAll('[id]')) el.id = `${part}${k}-${el.id}`;
        for (const a of main.querySelectorAll('a[href^="#"]')) a.setAttribute('href', `#${part}${k}-${a.getAttribute('href')!.slice(1)}`);
        // The contents (shown in print per part, later) with a blank of two figures for each page
        // number: a link to the story, so that the PDF says where the blank is (the rightmost link to
        // it on the contents' line).
        main.querySelector('nav.toc')?.removeAttribute('data-print-toc');
        const slots = [...main.querySelectorAll<HTMLElement>('nav.toc .toc-page[data-for]')];
        stories.push(slots.map((slot) => slot.dataset.for!));
        for (const slot of slots) {
          const blank = document.createElement('a');
          blank.className = 'toc-page';
          blank.dataset.for = slot.dataset.for!;
          blank.href = `#${part}${k}-${slot.dataset.for}`;
          const figures = document.createElement('span');
          figures.textContent = '00';
          figures.style.visibility = 'hidden';
          blank.append(figures);
          slot.replaceWith(blank);
        }
        const div = document.createElement('div');
        div.id = `${part}${k}`;
        div.dataset.part = String(k);
        if (k) div.style.breakBefore = 'page';
        div.append(...main.childNodes);
        // An empty block after the last line: the page the part ends on (a blank left-hand page may follow).
        // Inside a 简报's own element: outside its named page (jianbao) the block would start a page of its own.
        const end = document.createElement('div');
        end.id = `${part}${k}-end`;
        (div.querySelector('.bulletin[data-kind="简报"]') ?? div).append(end);
        parts.push(div);
        mark(div.id);
        mark(end.id);
      }
      // Links to each part's start and end make Chromium write them as named destinations. Styles
      // are set through the CSSOM: the page's CSP (style-src 'self') refuses style attributes and <style>.
      Object.assign(marks.style, { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', opacity: '0' });
      document.querySelector('main')!.replaceChildren(marks, ...parts);
      const sheet = new CSSStyleSheet();
      sheet.replaceSync('@page { @bottom-center { content: none } } @page jianbao:right { @bottom-right { content: none } } @page jianbao:left { @bottom-left { content: none } }');
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      // Images and fonts are waited for by readyForPrint, which follows.
      return { titles, stories };
    },
    { ids: batch.map((b) => b.id), part: PART },
  );
  await page.evaluate(setPrintWidths);
  await readyForPrint(page);
  const { blankType, estimates } = await page.evaluate(measureParts);
  const stamp = recto ? JIANBAO_STAMP : ZHUANBAN_STAMP;
  // A 简报's page n is a right-hand page when n is odd; printed in the batch on a page of the other
  // hand, its content moves across by the difference of the two margins.
  const shift = recto ? (n: number, printed: number) => ((printed - n) % 2 === 0 ? 0 : n % 2 ? JIANBAO_MIRROR : -JIANBAO_MIRROR) : undefined;
  const results: (Printed | undefined)[] = batch.map(() => undefined);
  type Span = { from: number; to: number };
  const pagesOf = (r: Span) => r.to - r.from + 1;
  /** Prints the parts left in the document (their slots, in order): each one's page range, or none where it is not found. */
  const print = async (slots: readonly string[]) => {
    count.documents++;
    const whole = await loadPdf(await page.pdf({ preferCSSPageSize: true }));
    const { destinations } = layoutOf(whole);
    const spans = slots.map((slot) => ({ from: destinations.get(`${PART}${slot}`) ?? 0, to: destinations.get(`${PART}${slot}-end`) ?? 0 }));
    const found = new Map<string, Span>();
    spans.forEach((r, i) => {
      const next = spans[i + 1];
      // Each part starts on the page after the last one ended.
      if (r.from > 0 && r.to >= r.from && (!next || next.from === r.to + 1)) found.set(slots[i]!, r);
    });
    return { whole, found, destinations };
  };
  type Print = Awaited<ReturnType<typeof print>>;
  /** Part k printed with its contents in `slot` of `printed`: where each story starts (counted from the part's first
   * page), the page numbers drawn into the blanks, and the pages the contents reach; undefined if a blank is not found. */
  const contentsOf = (k: number, slot: string, printed: Print, links: Map<string, LinkBox[]>) => {
    const span = printed.found.get(slot)!;
    const destinations = new Map<string, number>();
    const fills: PageFill[] = [];
    let reach = 0;
    for (const story of stories[k]!) {
      const name = `${PART}${slot}-${story}`;
      const n = printed.destinations.get(name);
      // The entry's title and its blank both link to the story; the blank is the one on the right.
      const boxes = (links.get(name) ?? []).filter((b) => b.page >= span.from && b.page <= span.to);
      const blank = boxes.reduce<LinkBox | undefined>((right, b) => (!right || b.rect[0] > right.rect[0] ? b : right), undefined);
      if (!n || !blank || boxes.length < 2 || !blankType) return undefined;
      const number = n - span.from + 1;
      destinations.set(story, number);
      fills.push({ page: blank.page - span.from + 1, text: String(number), size: blankType.size, right: blank.rect[2], baseline: blank.rect[3] - blankType.baseline });
      reach = Math.max(reach, blank.page - span.from + 1);
    }
    return { destinations, fills, reach };
  };

  /** Each part's prints so far, either way: the print, its slot and pages there, and (with contents) what its contents say. */
  type Source = { whole: PDFDocument; slot: string; span: Span; reach: number; destinations: Map<string, number>; fills: PageFill[] };
  const sources: Partial<Record<Contents, Source>>[] = batch.map(() => ({}));
  /** What print-plan decides part k's next step from: its estimate and what its prints showed. */
  const factsOf = (k: number): PartFacts => {
    const seen = (source: Source | undefined) => source && { pages: pagesOf(source.span), reach: source.reach };
    return { estimate: estimates[k] ?? undefined, with: seen(sources[k]!.with), without: seen(sources[k]!.without) };
  };
  let left = batch.map((_, k) => k);
  // Each part is printed at most twice (once each way, or both at once), and cut on the round after its last print.
  for (let round = 0; left.length && round <= 2; round++) {
    const steps = left.map((k) => ({ k, step: partStep(factsOf(k), TOC_AFTER_PAGES, margins) }));
    const cuts = new Map<PDFDocument, { k: number; source: Source }[]>();
    for (const { k, step } of steps) {
      if (!('cut' in step)) continue;
      const source = sources[k]![step.cut]!;
      const from = cuts.get(source.whole);
      if (from) from.push({ k, source });
      else cuts.set(source.whole, [{ k, source }]);
    }
    for (const [whole, parts] of cuts) {
      const pdfs = splitPdf(whole, parts.map(({ k, source }) => ({ ...source.span, title: titles[k]!, stamp, shift, fills: source.fills, keep: new Map([...source.destinations.keys()].map((name) => [`${PART}${source.slot}-${name}`, name])) })), deflateFast);
      parts.forEach(({ k, source }, i) => (results[k] = { pdf: pdfs[i]!, layout: { pages: pagesOf(source.span), destinations: source.destinations } }));
    }
    // The slots to print: part k as it is, and (printed both ways) a copy of it after it, "<k>c", without contents.
    const again = steps.flatMap(({ k, step }): { k: number; slot: string; way: Contents }[] => {
      if (!('print' in step)) return [];
      if (step.print !== 'both') return [{ k, slot: String(k), way: step.print }];
      return [
        { k, slot: String(k), way: 'with' },
        { k, slot: `${k}c`, way: 'without' },
      ];
    });
    // A part still to print after two rounds (never, by print-plan's rules) is printed alone.
    if (!again.length || round === 2) break;
    // Only the slots to print stay in the document, each with or without its contents.
    await page.evaluate(
      async ({ modes, part }) => {
        const contents = new Map(modes);
        const copied: HTMLElement[] = [];
        const marks = document.querySelector('main > nav')!;
        for (const [slot] of modes) {
          if (!slot.endsWith('c') || document.querySelector(`main > [data-part="${slot}"]`)) continue;
          // The copy's ids (and the links to them) take its own prefix; its start and end are linked, to be named destinations.
          const original = document.querySelector<HTMLElement>(`main > [data-part="${slot.slice(0, -1)}"]`)!;
          const copy = original.cloneNode(true) as HTMLElement;
          const [from, to] = [original.id, `${part}${slot}`];
          copy.id = to;
          copy.dataset.part = slot;
          for (const el of copy.querySelectorAll('[id]')) if (el.id.startsWith(`${from}-`)) el.id = to + el.id.slice(from.length);
          for (const a of copy.querySelectorAll('a[href^="#"]')) {
            const href = a.getAttribute('href')!.slice(1);
            if (href.startsWith(`${from}-`)) a.setAttribute('href', `#${to}${href.slice(from.length)}`);
          }
          original.after(copy);
          copied.push(copy);
          for (const id of [to, `${to}-end`]) {
            const a = document.createElement('a');
            a.href = `#${id}`;
            a.textContent = id;
            marks.append(a);
          }
        }
        let first = true;
        for (const div of document.querySelectorAll<HTMLElement>('main > [data-part]')) {
          const slot = div.dataset.part!;
          if (!contents.has(slot)) {
            div.remove();
            continue;
          }
          div.querySelector('nav.toc')?.toggleAttribute('data-print-toc', contents.get(slot));
          div.style.breakBefore = first ? 'auto' : 'page';
          first = false;
        }
        // A copy's photos are the original's, loaded: decoded again before the print, all the same.
        await Promise.all(copied.flatMap((copy) => [...copy.querySelectorAll('img')].map((img) => img.decode().catch(() => {}))));
      },
      { modes: again.map(({ slot, way }) => [slot, way === 'with'] as [string, boolean]), part: PART },
    );
    const printed = await print(again.map((a) => a.slot));
    const links = again.some((a) => a.way === 'with') ? linksByDestination(printed.whole) : new Map<string, LinkBox[]>();
    const next = new Set<number>();
    for (const { k, slot, way } of again) {
      const span = printed.found.get(slot);
      if (!span) continue;
      const read = way === 'with' ? contentsOf(k, slot, printed, links) : { destinations: new Map<string, number>(), fills: [], reach: 0 };
      if (!read) continue;
      const source = { whole: printed.whole, slot, span, ...read };
      // A part without a contents list prints the same either way.
      for (const w of stories[k]!.length ? [way] : (['with', 'without'] as const)) sources[k]![w] = source;
      next.add(k);
    }
    // A part printed both ways with one of them not found goes on with what was found (partStep decides again).
    left = [...next];
  }
  return results;
}

/**
 * Run in a batch laid out for print: gives each part the width of the text block of the page it
 * prints on (its @page rule: A4 less the margins, all in mm), kept in data-block-height for
 * measureParts; a part whose stylesheet says it otherwise is left as it is (and not estimated).
 */
function setPrintWidths(): void {
  const rules: CSSPageRule[] = [];
  const walk = (list: CSSRuleList) => {
    for (const rule of list) {
      if (rule instanceof CSSPageRule) rules.push(rule);
      else if (rule instanceof CSSGroupingRule) walk(rule.cssRules);
    }
  };
  for (const sheet of document.styleSheets) walk(sheet.cssRules);
  const textBlock = (name: string) => {
    const rule = rules.findLast((r) => r.selectorText === name) ?? rules.findLast((r) => r.selectorText === '');
    if (!rule) return undefined;
    const size = rule.style.getPropertyValue('size').trim().toLowerCase();
    const margins = ['top', 'right', 'bottom', 'left'].map((side) => rule.style.getPropertyValue(`margin-${side}`).trim());
    if ((size && size !== 'a4') || !margins.every((m) => /^[\d.]+mm$/.test(m))) return undefined;
    const [top, right, bottom, left] = margins.map((m) => Number.parseFloat(m)) as [number, number, number, number];
    return { width: 210 - left - right, height: 297 - top - bottom };
  };
  // Every page name first, then every width: one style pass, not one a part.
  const parts = [...document.querySelectorAll<HTMLElement>('main > [data-part]')];
  const names = parts.map((div) => getComputedStyle(div.querySelector('.bulletin') ?? div).page);
  parts.forEach((div, k) => {
    const block = textBlock(names[k] && names[k] !== 'auto' ? names[k] : '');
    if (!block) return;
    div.style.width = `${block.width}mm`;
    div.dataset.blockHeight = String(block.height);
  });
}

/**
 * Run after setPrintWidths, once fonts and images are in: each part's length without its contents,
 * in pages of its text block (null where not known), and the blanks' type as printed (print.css sets
 * the contents' size: its size and its baseline below the blank's top, in points — a CSS pixel prints
 * as 0.75 pt; one style for every part of a kind). The widths are taken off again: printing lays the
 * parts out on the page.
 */
function measureParts(): { blankType: { size: number; baseline: number } | undefined; estimates: (number | null)[] } {
  const mm = 96 / 25.4;
  const parts = [...document.querySelectorAll<HTMLElement>('main > [data-part]')];
  const estimates = parts.map((div) => (div.dataset.blockHeight ? div.getBoundingClientRect().height / (Number(div.dataset.blockHeight) * mm) : null));
  for (const div of parts) {
    div.style.width = '';
    delete div.dataset.blockHeight;
  }
  const blank = document.querySelector<HTMLElement>('main a.toc-page');
  if (!blank) return { blankType: undefined, estimates };
  const toc = blank.closest('nav.toc')!;
  toc.setAttribute('data-print-toc', '');
  const probe = document.createElement('span');
  Object.assign(probe.style, { display: 'inline-block', width: '0', height: '0' });
  blank.append(probe);
  const baseline = (probe.getBoundingClientRect().bottom - blank.getBoundingClientRect().top) * 0.75;
  probe.remove();
  const blankType = { size: Number.parseFloat(getComputedStyle(blank).fontSize) * 0.75, baseline };
  toc.removeAttribute('data-print-toc');
  return { blankType, estimates };
}

/** The cache key of each bulletin: its HTML, every stylesheet and image it loads (by content), Chromium and the printing code. */
function keyer(out: string, chromiumVersion: string, code: string) {
  const assets = new Map<string, string>();
  const assetDigest = (path: string) => {
    let d = assets.get(path);
    if (d === undefined) {
      const file = join(out, path);
      d = existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : 'missing';
      assets.set(path, d);
    }
    return d;
  };
  return (id: string, html: string) => {
    const hash = createHash('sha256').update(`${chromiumVersion}\u0000${code}\u0000`).update(html);
    for (const path of printedAssets(html, `/bulletins/${id}/`)) hash.update(`\u0000${path}\u0000${assetDigest(path)}`);
    return hash.digest('hex');
  };
}

export interface PdfsPrinted {
  printed: number;
  reused: number;
  /** documents Chromium printed for them (a batch print holds several bulletins) */
  documents?: number;
  skipped?: string;
}

/** Says what became of the PDFs, whichever prints them (scripts/build.ts, or this integration): a warning, or a line of news, or nothing. */
export function reportPdfs({ printed, reused, documents, skipped }: PdfsPrinted, log: { warn(text: string): void; info(text: string): void }): void {
  if (skipped) log.warn(`Bulletin PDFs not built: ${skipped}. The bulletin pages offer the Word file only; build on a machine with Chromium for PDFs.`);
  else if (printed + reused) log.info(`Bulletin PDFs: ${printed} printed${documents ? ` (${documents} Chromium ${documents === 1 ? 'print' : 'prints'})` : ''}, ${reused} reused from the cache.`);
}

/** Loads the browser driver ahead, while something else runs (scripts/build.ts: while Astro builds): 0.3 s of the PDFs' time. */
export function preloadPdfPrinting(): void {
  if (!('skipped' in pdfPrinting())) import('playwright-core').catch(() => {}); // a failure to load is said when printing
}

/** Prints (or restores from the cache) the PDF of every bulletin page under out/bulletins/. */
export async function printBulletinPdfs(root: string, out: string, cacheDir: string, tabs = Number(process.env.JIEXUN_PDF_TABS) || PRINT_TABS, batchSize = Number(process.env.JIEXUN_PDF_BATCH) || BATCH_SIZE, margins: PrintMargins = PRINT_MARGINS): Promise<PdfsPrinted> {
  const folder = join(out, 'bulletins');
  const ids = existsSync(folder) ? readdirSync(folder, { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(join(folder, d.name, 'index.html'))).map((d) => d.name).sort() : [];
  const printing = pdfPrinting();
  if (!ids.length) return { printed: 0, reused: 0 };
  if ('skipped' in printing) return { printed: 0, reused: 0, skipped: printing.skipped };
  mark('bulletin-pdf:start');
  // Asked while the pages are read: a wrapper script under load takes a second to answer.
  const asked = promisify(execFile)(printing.chromium, ['--version']);
  const pages = ids.map((id) => ({ id, file: join(folder, id, 'index.html'), html: readFileSync(join(folder, id, 'index.html'), 'utf8') }));
  const key = keyer(out, (await asked).stdout.trim(), codeStamp(root, PRINT_CODE));
  const cache = join(cacheDir, PDF_CACHE_DIR);
  const used = new Set<string>();
  const toPrint: Bulletin[] = [];
  for (const { id, file, html } of pages) {
    const kind = KIND.exec(html)?.[1];
    const b = { id, file, html, key: key(id, html), kind };
    used.add(b.key);
    const cached = readCachedPdf(cache, b.key);
    if (!cached) {
      toPrint.push(b);
      continue;
    }
    writeFileSync(join(folder, `${id}.pdf`), cached.pdf);
    writeFileSync(file, withPageNumbers(html, cached.layout.pages, cached.layout.destinations));
    mark(`bulletin-pdf:reused ${id}`);
  }
  const count = { documents: 0 };
  if (toPrint.length) {
    const { chromium } = await import('playwright-core');
    const server = await serveStatic(out);
    const browser = await chromium.launch({
      executablePath: printing.chromium,
      headless: true,
      // No network here: keep Chromium from dialling out at start.
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    try {
      const done = (b: Bulletin, pdf: Uint8Array, layout: PdfLayout) => {
        writeFileSync(join(folder, `${b.id}.pdf`), pdf);
        writeFileSync(b.file, withPageNumbers(b.html, layout.pages, layout.destinations));
        writeCachedPdf(cache, b.key, pdf, layout);
        mark(`bulletin-pdf:printed ${b.id}`);
      };
      // Bulletins of each kind in batches of even length (a page's size stands for it), longest first;
      // one whose part cannot be found in its batch's print, or of a kind the page does not state, is printed alone.
      const queue: { batch: Bulletin[]; alone?: boolean }[] = printBatches(toPrint.map((b) => ({ kind: b.kind, cost: b.html.length })), tabs, batchSize).map((ks) => {
        const batch = ks.map((k) => toPrint[k]!);
        return { batch, alone: batch[0]!.kind === undefined || batchSize === 1 };
      });
      await Promise.all(
        Array.from({ length: Math.max(1, Math.min(tabs, queue.length)) }, async () => {
          const page = await browser.newPage();
          for (let job = queue.shift(); job; job = queue.shift()) {
            if (job.alone) {
              for (const b of job.batch) {
                const { pdf, layout } = await printBulletin(page, `${server.url}/bulletins/${b.id}/`, count);
                done(b, pdf, layout);
              }
              continue;
            }
            const printed = await printBatch(page, server.url, job.batch, job.batch[0]!.kind!, margins, count);
            job.batch.forEach((b, k) => {
              const p = printed[k];
              if (p) done(b, p.pdf, p.layout);
              else {
                mark(`bulletin-pdf:unbatched ${b.id}`);
                queue.push({ batch: [b], alone: true });
              }
            });
          }
          await page.close();
        }),
      );
    } catch (e) {
      throw new Error(`Printing the bulletin PDFs with ${printing.chromium} failed: ${(e as Error).message}\nBuild with JIEXUN_PDF=0 to leave the PDFs out.`);
    } finally {
      await browser.close();
      await server.close();
    }
  }
  pruneCachedPdfs(cache, used);
  mark('bulletin-pdf:done');
  return { printed: toPrint.length, reused: ids.length - toPrint.length, documents: count.documents };
}

export default function bulletinPdf(): AstroIntegration {
  let root = '';
  let cacheDir = '';
  let job: Promise<PdfsPrinted> | undefined;
  return {
    name: 'jiexun:bulletin-pdf',
    hooks: {
      // PDFs are printed after a build: `astro dev` has none, so its pages link none.
      'astro:config:setup': ({ command }) => {
        if (command === 'dev') process.env.JIEXUN_PDF = '0';
      },
      'astro:config:done': ({ config }) => {
        root = projectRootOf(config);
        cacheDir = fileURLToPath(config.cacheDir);
      },
      // Every page is written: print now, beside the search index's remaining work — unless the
      // build prints them once Astro's process has ended (scripts/build.ts sets JIEXUN_PDF_AFTER).
      'astro:build:generated': ({ dir }) => {
        if (process.env.JIEXUN_PDF_AFTER) return;
        job = printBulletinPdfs(root, resolve(fileURLToPath(dir)), cacheDir); // no trailing slash: the server compares paths
        job.catch(() => {}); // awaited (and reported) at build:done
      },
      'astro:build:done': async ({ logger }) => {
        if (!job) return;
        reportPdfs(await job, logger);
      },
    },
  };
}
