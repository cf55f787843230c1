// Prints every bulletin page to an A4 PDF beside it (dist/bulletins/<id>.pdf) with Debian's
// Chromium through playwright-core, after Astro has written the site: the same print stylesheet
// a reader's "Print" uses, so the download and the paper copy are one layout. Without Chromium
// the build says so once and the pages carry no PDF link (src/io/pdf-chromium.ts decides both).
//
// A briefing that fits in four pages without its contents is printed once, without them. A longer
// one is printed with its contents to find the page each story starts on (the contents' links are
// named destinations in the PDF), and again with those page numbers filled in: the PDF kept.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { pdfPrinting } from '../io/pdf-chromium.ts';
import { pdfLayout } from '../lib/pdf-destinations.ts';
import { serveStatic } from '../../scripts/server/static-server.ts';
import { mark } from './build-timings.ts';

/** A briefing longer than this prints a contents list with page numbers. */
export const TOC_AFTER_PAGES = 4;

const TOC_PAGE = /<span class="toc-page" data-for="([^"]+)"><\/span>/g;

/** The page's HTML with each contents entry's page number filled in, or its printed contents dropped. */
export function withPageNumbers(html: string, pages: number, destinations: ReadonlyMap<string, number>): string {
  if (pages <= TOC_AFTER_PAGES) return html.replace(' data-print-toc', '');
  return html.replace(TOC_PAGE, (whole, id: string) => {
    const n = destinations.get(id);
    return n ? `<span class="toc-page" data-for="${id}">${n}</span>` : whole;
  });
}

export default function bulletinPdf(): AstroIntegration {
  return {
    name: 'jiexun:bulletin-pdf',
    hooks: {
      // PDFs are printed after a build: `astro dev` has none, so its pages link none.
      'astro:config:setup': ({ command }) => {
        if (command === 'dev') process.env.JIEXUN_PDF = '0';
      },
      'astro:build:done': async ({ dir, logger }) => {
        const out = resolve(fileURLToPath(dir)); // no trailing slash: the server compares paths
        const folder = join(out, 'bulletins');
        const ids = existsSync(folder) ? readdirSync(folder, { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(join(folder, d.name, 'index.html'))).map((d) => d.name) : [];
        const printing = pdfPrinting();
        if (!ids.length) return;
        if ('skipped' in printing) {
          logger.warn(`Bulletin PDFs not built: ${printing.skipped}. The bulletin pages offer the Word file only; build on a machine with Chromium for PDFs.`);
          return;
        }
        const { chromium } = await import('playwright-core');
        const server = await serveStatic(out);
        const browser = await chromium.launch({
          executablePath: printing.chromium,
          headless: true,
          // No network here: keep Chromium from dialling out at start.
          args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
        });
        try {
          const page = await browser.newPage();
          for (const id of ids) {
            const file = join(folder, id, 'index.html');
            const url = `${server.url}/bulletins/${id}/`;
            const html = readFileSync(file, 'utf8');
            const print = async () => page.pdf({ preferCSSPageSize: true, tagged: true });
            // Without its contents, does the briefing fit in four pages? Then that print is the PDF.
            await page.goto(url, { waitUntil: 'load' });
            await page.evaluate(() => document.querySelector('[data-print-toc]')?.removeAttribute('data-print-toc'));
            const short = await print();
            const { pages } = await pdfLayout(short);
            if (pages <= TOC_AFTER_PAGES) {
              writeFileSync(file, withPageNumbers(html, pages, new Map()));
              writeFileSync(join(folder, `${id}.pdf`), short);
              continue;
            }
            // Longer: print with the contents to learn where each story starts, then with the page numbers.
            await page.goto(url, { waitUntil: 'load' });
            const first = await pdfLayout(await print());
            writeFileSync(file, withPageNumbers(html, Math.max(first.pages, TOC_AFTER_PAGES + 1), first.destinations));
            await page.goto(url, { waitUntil: 'load' });
            writeFileSync(join(folder, `${id}.pdf`), await print());
          }
        } catch (e) {
          throw new Error(`Printing the bulletin PDFs with ${printing.chromium} failed: ${(e as Error).message}\nBuild with JIEXUN_PDF=0 to leave the PDFs out.`);
        } finally {
          await browser.close();
          await server.close();
        }
        mark('bulletin-pdf:done');
        logger.info(`Printed ${ids.length} bulletin PDF(s).`);
      },
    },
  };
}
