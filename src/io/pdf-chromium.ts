// Whether this build prints bulletin PDFs, and with which Chromium: CHROMIUM_PATH, else Debian's
// headless shell, else its whole browser, whichever is installed, unless JIEXUN_PDF=0. The shell is
// the same engine without the browser around it: it prints the same pages on about two thirds of the
// CPU. The bulletin pages link to a PDF only when one is printed, so a machine without Chromium
// builds a site with no broken link.
import { existsSync } from 'node:fs';

export type PdfPrinting = { chromium: string } | { skipped: string };

/** Debian's packages, the lighter first. */
export const CHROMIUM_BINARIES = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'] as const;

export function pdfPrinting(env: NodeJS.ProcessEnv = process.env, exists: (file: string) => boolean = existsSync): PdfPrinting {
  if (env.JIEXUN_PDF === '0') return { skipped: 'JIEXUN_PDF=0 was set' };
  if (env.CHROMIUM_PATH !== undefined) {
    return exists(env.CHROMIUM_PATH) ? { chromium: env.CHROMIUM_PATH } : { skipped: `no Chromium at ${env.CHROMIUM_PATH} (CHROMIUM_PATH)` };
  }
  const chromium = CHROMIUM_BINARIES.find((file) => exists(file));
  if (!chromium) return { skipped: `no Chromium at ${CHROMIUM_BINARIES.join(' or ')} (install Debian's chromium-headless-shell or chromium package, or set CHROMIUM_PATH)` };
  return { chromium };
}
