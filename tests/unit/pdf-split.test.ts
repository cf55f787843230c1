// Cutting one print into per-bulletin PDFs (src/lib/pdf-split.ts), on a PDF made with pdf-lib that
// has what Chromium writes: named destinations in the catalogue and links to them. The cut-out
// files are read back with pdf-lib; tests/site/bulletin-pdf-batch.test.ts reads real prints with Poppler.
import { describe, expect, it } from 'vitest';
import { deflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, StandardFonts, decodePDFRawStream } from 'pdf-lib';
import { layoutOf, linksByDestination } from '../../src/lib/pdf-destinations.ts';
import { loadPdf, splitPdf, type PageStamp } from '../../src/lib/pdf-split.ts';

/** Five pages; destinations "p0-start" (page 1), "p1-story" (page 3), "p1-end" (page 4); page 1 links to both. */
async function print(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const pages = Array.from({ length: 5 }, (_, i) => {
    const page = doc.addPage([595, 842]);
    page.drawText(`body ${i + 1}`, { x: 100, y: 700, size: 12, font });
    return page;
  });
  const dest = (i: number) => doc.context.obj([pages[i]!.ref, 'XYZ', 0, 842, null]);
  doc.catalog.set(PDFName.of('Dests'), doc.context.obj({ 'p0-start': dest(0), 'p1-story': dest(2), 'p1-end': dest(3) }));
  const link = (name: string) => doc.context.register(doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 10, 10], Dest: PDFName.of(name) }));
  pages[0]!.node.set(PDFName.of('Annots'), doc.context.obj([link('p0-start'), link('p1-story')]));
  pages[2]!.node.set(PDFName.of('Annots'), doc.context.obj([link('p1-story')]));
  doc.setTitle('the whole print');
  return doc.save();
}

const stamp: PageStamp = { text: (n, total) => `${n} / ${total}`, size: 9, baseline: 30, place: () => ({ align: 'centre' }) };
const contentOf = (doc: PDFDocument, i: number) =>
  doc
    .getPage(i)
    .node.lookup(PDFName.of('Contents'), PDFArray)
    .asArray()
    .map((ref) => new TextDecoder('latin1').decode(decodePDFRawStream(doc.context.lookup(ref) as PDFRawStream).decode()))
    .join('\n');

describe('splitPdf', () => {
  it('gives each part its own pages, title, page numbers, and only the links and destinations it keeps', async () => {
    const whole = await loadPdf(await print());
    const [a, b] = splitPdf(whole, [
      { from: 1, to: 2, title: '专版《甲》', stamp },
      { from: 3, to: 5, title: '简报《乙》', stamp, keep: new Map([['p1-story', 'a-story']]), shift: (n, printed) => (n === 1 && printed === 3 ? 0 : 5) },
    ], deflateSync);
    const first = await PDFDocument.load(a!);
    const second = await PDFDocument.load(b!);
    expect(first.getPageCount()).toBe(2);
    expect(second.getPageCount()).toBe(3);
    expect(first.getTitle()).toBe('专版《甲》');
    expect(second.getTitle()).toBe('简报《乙》');
    // Each page's own text, and its number within its part (Helvetica's codes written as hex).
    const hex = (s: string) => Buffer.from(s, 'latin1').toString('hex').toUpperCase();
    expect(contentOf(second, 0)).toContain(hex('1 / 3'));
    expect(contentOf(second, 2)).toContain(hex('3 / 3'));
    expect(contentOf(first, 1)).toContain(hex('2 / 2'));
    // Page 1 of the second part was printed on a right-hand page: not moved; its page 2 was: moved 5 pt.
    expect(contentOf(second, 0)).not.toMatch(/1 0 0 1 5 0 cm/);
    expect(contentOf(second, 1)).toMatch(/1 0 0 1 5 0 cm/);
    // The first part keeps no links into the print; the second its story link, under its own name.
    expect(first.getPage(0).node.get(PDFName.of('Annots'))).toBeUndefined();
    expect(layoutOf(first).destinations.size).toBe(0);
    expect(layoutOf(second).destinations).toEqual(new Map([['a-story', 1]]));
    const annot = second.context.lookup(second.getPage(0).node.lookup(PDFName.of('Annots'), PDFArray).get(0)) as PDFDict;
    expect(annot.get(PDFName.of('Dest'))).toBe(PDFName.of('a-story'));
  });

  it('refuses pages that are not in the print', async () => {
    const whole = await loadPdf(await print());
    expect(() => splitPdf(whole, [{ from: 4, to: 6, title: 'x', stamp }], deflateSync)).toThrow('pages 4–6 are not in the 5 printed');
  });

  it('draws a part\'s fills right-aligned where the print left room, moved with the page\'s content', async () => {
    const whole = await loadPdf(await print());
    const fills = [
      { page: 1, text: '3', size: 10, right: 500, baseline: 600 },
      { page: 2, text: '12', size: 10, right: 500, baseline: 587 },
    ];
    const [part] = splitPdf(whole, [{ from: 3, to: 4, title: 'x', stamp, fills, shift: (n) => (n === 2 ? 5 : 0) }], deflateSync);
    const doc = await PDFDocument.load(part!);
    const hex = (s: string) => Buffer.from(s, 'latin1').toString('hex').toUpperCase();
    // Times' figures are 5 pt wide at 10 pt: "3" starts 5 pt short of its right end, "12" 10 pt (and 5 pt further right on the moved page).
    expect(contentOf(doc, 0)).toMatch(new RegExp(`/JiexunPageNumber 10 Tf\\s+495 600 Td\\s+<${hex('3')}> Tj`));
    expect(contentOf(doc, 1)).toMatch(new RegExp(`/JiexunPageNumber 10 Tf\\s+495 587 Td\\s+<${hex('12')}> Tj`));
    expect(contentOf(doc, 0)).not.toContain(hex('12'));
  });
});

describe('linksByDestination', () => {
  it('gives every box that links to a named destination, by name, with its page', async () => {
    const links = linksByDestination(await loadPdf(await print()));
    expect(links.get('p0-start')).toEqual([{ page: 1, rect: [0, 0, 10, 10] }]);
    expect(links.get('p1-story')).toEqual([
      { page: 1, rect: [0, 0, 10, 10] },
      { page: 3, rect: [0, 0, 10, 10] },
    ]);
    expect(links.has('p1-end')).toBe(false);
  });
});
