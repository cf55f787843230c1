// Whether this build prints bulletin PDFs, and with which Chromium: Debian's /usr/bin/chromium (or
// CHROMIUM_PATH) when it is installed, unless JIEXUN_PDF=0. The bulletin pages link to a PDF only
// when one is printed, so a machine without Chromium builds a site with no broken link.
import { existsSync } from 'node:fs';

export type PdfPrinting = { chromium: string } | { skipped: string };

export function pdfPrinting(env: NodeJS.ProcessEnv = process.env): PdfPrinting {
  if (env.JIEXUN_PDF === '0') return { skipped: 'JIEXUN_PDF=0 was set' };
  const chromium = env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) return { skipped: `no Chromium at ${chromium} (install Debian's chromium package, or set CHROMIUM_PATH)` };
  return { chromium };
}
