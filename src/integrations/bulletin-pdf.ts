// Prints every bulletin page to an A4 PDF beside it (dist/bulletins/<id>.pdf) with Debian's
// Chromium through playwright-core: the same print stylesheet a reader's "Print" uses, so the
// download and the paper copy are one layout. Without Chromium the build says so once and the pages
// carry no PDF link (src/io/pdf-chromium.ts decides both).
//
// Printing starts as soon as Astro has written the pages (astro:build:generated), so it overlaps the
// search index's last shards and merge; the build waits for it at astro:build:done. Each PDF is kept
// in <cacheDir>/bulletin-pdfs/ under a digest of everything the print depends on (the page's HTML
// as written, the stylesheets and images it loads, the Chromium version, the printing code): an
// unchanged bulletin is never printed again, and its contents' page numbers come from the cache too.
// Pages that must be printed go through one browser, a few tabs at once (PRINT_TABS).
//
// A briefing that fits in four pages without its contents is printed once, without them. A longer
// one is printed with its contents to find the page each story starts on (the contents' links are
// named destinations in the PDF), then with those page numbers filled in; that PDF is kept once its
// own destinations match the numbers it shows.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { AstroIntegration } from 'astro';
import type { Page } from 'playwright-core';
import { pdfPrinting } from '../io/pdf-chromium.ts';
import { PDF_CACHE_DIR, pruneCachedPdfs, readCachedPdf, writeCachedPdf } from '../io/pdf-cache.ts';
import { pdfLayout, type PdfLayout } from '../lib/pdf-destinations.ts';
import { printedAssets } from '../lib/print-inputs.ts';
import { codeStamp } from '../loaders/code-stamp.ts';
import { serveStatic } from '../../scripts/server/static-server.ts';
import { mark } from './build-timings.ts';

/** A briefing longer than this prints a contents list with page numbers. */
export const TOC_AFTER_PAGES = 4;
/** Pages printed at once in the one browser (measured on 2 cores: see docs/performance.md). JIEXUN_PDF_TABS overrides. */
const PRINT_TABS = 2;
/** The code whose change makes every cached PDF stale. */
const PRINT_CODE = ['src/integrations/bulletin-pdf.ts', 'src/io/pdf-chromium.ts', 'src/io/pdf-cache.ts', 'src/lib/pdf-destinations.ts', 'src/lib/print-inputs.ts', 'scripts/server/static-server.ts', 'node_modules/playwright-core/package.json'];

const TOC_PAGE = /<span class="toc-page" data-for="([^"]+)"><\/span>/g;

/** The page's HTML with each contents entry's page number filled in, or its printed contents dropped. */
export function withPageNumbers(html: string, pages: number, destinations: ReadonlyMap<string, number>): string {
  if (pages <= TOC_AFTER_PAGES) return html.replace(' data-print-toc', '');
  return html.replace(TOC_PAGE, (whole, id: string) => {
    const n = destinations.get(id);
    return n ? `<span class="toc-page" data-for="${id}">${n}</span>` : whole;
  });
}

interface Bulletin {
  id: string;
  file: string;
  html: string;
  key: string;
}

/** Prints one bulletin page in an open tab: the PDF kept and the layout its HTML is rewritten with. */
async function printBulletin(page: Page, url: string): Promise<{ pdf: Uint8Array; layout: PdfLayout }> {
  const print = () => page.pdf({ preferCSSPageSize: true, tagged: true });
  const contents = (on: boolean) => page.evaluate((show) => document.querySelector('nav.toc')?.toggleAttribute('data-print-toc', show), on);
  await page.goto(url, { waitUntil: 'load' });
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

/** Prints (or restores from the cache) the PDF of every bulletin page under out/bulletins/. */
export async function printBulletinPdfs(root: string, out: string, cacheDir: string, tabs = Number(process.env.JIEXUN_PDF_TABS) || PRINT_TABS): Promise<{ printed: number; reused: number; skipped?: string }> {
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
    const b = { id, file, html, key: key(id, html) };
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
      const queue = [...toPrint];
      await Promise.all(
        Array.from({ length: Math.max(1, Math.min(tabs, queue.length)) }, async () => {
          const page = await browser.newPage();
          for (let b = queue.shift(); b; b = queue.shift()) {
            const { pdf, layout } = await printBulletin(page, `${server.url}/bulletins/${b.id}/`);
            writeFileSync(join(folder, `${b.id}.pdf`), pdf);
            writeFileSync(b.file, withPageNumbers(b.html, layout.pages, layout.destinations));
            writeCachedPdf(cache, b.key, pdf, layout);
            mark(`bulletin-pdf:printed ${b.id}`);
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
  return { printed: toPrint.length, reused: ids.length - toPrint.length };
}

export default function bulletinPdf(): AstroIntegration {
  let root = '';
  let cacheDir = '';
  let job: Promise<Awaited<ReturnType<typeof printBulletinPdfs>>> | undefined;
  return {
    name: 'jiexun:bulletin-pdf',
    hooks: {
      // PDFs are printed after a build: `astro dev` has none, so its pages link none.
      'astro:config:setup': ({ command }) => {
        if (command === 'dev') process.env.JIEXUN_PDF = '0';
      },
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        cacheDir = fileURLToPath(config.cacheDir);
      },
      // Every page is written: print now, beside the search index's remaining work.
      'astro:build:generated': ({ dir }) => {
        job = printBulletinPdfs(root, resolve(fileURLToPath(dir)), cacheDir); // no trailing slash: the server compares paths
        job.catch(() => {}); // awaited (and reported) at build:done
      },
      'astro:build:done': async ({ logger }) => {
        const { printed, reused, skipped } = await job!;
        if (skipped) logger.warn(`Bulletin PDFs not built: ${skipped}. The bulletin pages offer the Word file only; build on a machine with Chromium for PDFs.`);
        else if (printed + reused) logger.info(`Bulletin PDFs: ${printed} printed, ${reused} reused from the cache.`);
      },
    },
  };
}
