// Which Chromium prints the bulletin PDFs (src/io/pdf-chromium.ts).
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_BINARIES, pdfPrinting } from '../../src/io/pdf-chromium.ts';

describe('pdfPrinting', () => {
  it('prints with CHROMIUM_PATH when it names a file, and says so when it does not', () => {
    expect(pdfPrinting({ CHROMIUM_PATH: process.execPath })).toEqual({ chromium: process.execPath });
    expect(pdfPrinting({ CHROMIUM_PATH: '/no/such/chromium' })).toEqual({ skipped: 'no Chromium at /no/such/chromium (CHROMIUM_PATH)' });
  });

  it('prints nothing with JIEXUN_PDF=0, whatever is installed', () => {
    expect(pdfPrinting({ JIEXUN_PDF: '0', CHROMIUM_PATH: process.execPath })).toEqual({ skipped: 'JIEXUN_PDF=0 was set' });
  });

  it('else takes the headless shell before the whole browser, whichever is installed', () => {
    expect(CHROMIUM_BINARIES[0]).toBe('/usr/bin/chromium-headless-shell');
    const installed = CHROMIUM_BINARIES.find((f) => existsSync(f));
    const chosen = pdfPrinting({});
    if (installed) expect(chosen).toEqual({ chromium: installed });
    else expect('skipped' in chosen && chosen.skipped).toContain('chromium-headless-shell or chromium');
  });
});
