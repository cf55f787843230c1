import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pruneCachedPdfs, readCachedPdf, writeCachedPdf } from '../../src/io/pdf-cache.ts';
import { printedAssets } from '../../src/lib/print-inputs.ts';

const PDF = Buffer.from('%PDF-1.7\n% a printed bulletin\n%%EOF\n');
const layout = { pages: 6, destinations: new Map([['a-one', 1], ['a-two', 3]]) };

describe('the bulletin PDF cache', () => {
  it('serves back the PDF and its contents page numbers as written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiexun-pdf-cache-'));
    expect(readCachedPdf(dir, 'k1')).toBeUndefined();
    writeCachedPdf(dir, 'k1', PDF, layout);
    const hit = readCachedPdf(dir, 'k1')!;
    expect(hit.pdf.equals(PDF)).toBe(true);
    expect(hit.layout).toEqual(layout);
    expect(readdirSync(dir).sort()).toEqual(['k1.json', 'k1.pdf']); // no temporary file left behind
  });

  it('treats a damaged entry as missing, so it is printed again rather than served', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiexun-pdf-cache-'));
    writeCachedPdf(dir, 'cut', PDF, layout);
    writeFileSync(join(dir, 'cut.pdf'), PDF.subarray(0, 10)); // a PDF cut short
    expect(readCachedPdf(dir, 'cut')).toBeUndefined();
    writeCachedPdf(dir, 'bad-record', PDF, layout);
    writeFileSync(join(dir, 'bad-record.json'), readFileSync(join(dir, 'bad-record.json'), 'utf8').slice(0, 20));
    expect(readCachedPdf(dir, 'bad-record')).toBeUndefined();
    writeCachedPdf(dir, 'no-record', PDF, layout);
    writeFileSync(join(dir, 'no-record.json'), JSON.stringify({ sha256: 'x', pages: 1, destinations: [] }));
    expect(readCachedPdf(dir, 'no-record')).toBeUndefined();
  });

  it('keeps only the entries a build used', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiexun-pdf-cache-'));
    writeCachedPdf(dir, 'kept', PDF, layout);
    writeCachedPdf(dir, 'stale', PDF, layout);
    writeFileSync(join(dir, 'kept.pdf.123.tmp'), 'half');
    pruneCachedPdfs(dir, new Set(['kept']));
    expect(readdirSync(dir).sort()).toEqual(['kept.json', 'kept.pdf']);
  });
});

describe('what a printed page loads', () => {
  it('lists the stylesheets and images from the site, resolved against the page, once each', () => {
    const html = `<html><head><link rel="stylesheet" href="/_astro/print.Ab12.css"><link rel="icon" href="/favicon.ico">
      <link rel="preload stylesheet" href='/_astro/global.Cd34.css?v=1'><link rel="stylesheet" href="https://cdn.example/x.css"></head>
      <body><img src="/_astro/photo.Ef56_Z1.webp" srcset="/_astro/photo.Ef56_Z2.webp 2x, photo-local.jpg 3x" alt="">
      <picture><source srcset="/_astro/photo.Ef56_Z3.avif 800w"><img src="data:image/png;base64,AAAA" alt=""></picture>
      <img alt="" src="/_astro/print.Ab12.css"></body></html>`;
    expect(printedAssets(html, '/bulletins/x/')).toEqual([
      '/_astro/global.Cd34.css',
      '/_astro/photo.Ef56_Z1.webp',
      '/_astro/photo.Ef56_Z2.webp',
      '/_astro/photo.Ef56_Z3.avif',
      '/_astro/print.Ab12.css',
      '/bulletins/x/photo-local.jpg',
    ]);
  });
});
