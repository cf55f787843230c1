// Which Chromium prints the bulletin PDFs (src/io/pdf-chromium.ts).
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
    const installed = (...files: string[]) => (file: string) => files.includes(file);
    const shell = '/usr/bin/chromium-headless-shell';
    const whole = '/usr/bin/chromium';
    expect(pdfPrinting({}, installed(shell, whole))).toEqual({ chromium: shell });
    expect(pdfPrinting({}, installed(whole))).toEqual({ chromium: whole });
    expect(pdfPrinting({}, installed(shell))).toEqual({ chromium: shell });
    expect(pdfPrinting({}, installed())).toEqual({ skipped: `no Chromium at ${CHROMIUM_BINARIES.join(' or ')} (install Debian's chromium-headless-shell or chromium package, or set CHROMIUM_PATH)` });
  });
});
