// Which page of a PDF each named destination (an element id Chromium links to) falls on: how the
// printed 简报's contents learn their page numbers. Read with pdf-lib, not by hand. Pure: bytes in.
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFObject } from 'pdf-lib';

export interface PdfLayout {
  pages: number;
  /** destination name → page number, counted from 1 */
  destinations: Map<string, number>;
}

export async function pdfLayout(bytes: Uint8Array): Promise<PdfLayout> {
  return layoutOf(await PDFDocument.load(bytes, { updateMetadata: false }));
}

/** The same, of a PDF already loaded (one that is also cut apart: src/lib/pdf-split.ts). */
export function layoutOf(doc: PDFDocument): PdfLayout {
  const pageOf = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i + 1]));
  const destinations = new Map<string, number>();
  // Chromium writes the PDF 1.1 form: a /Dests dictionary in the catalogue, name → [page /XYZ x y z].
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  for (const [name, value] of dests?.entries() ?? []) {
    const target = doc.context.lookup(value);
    const first = target instanceof PDFArray ? target.get(0) : undefined;
    const page = first instanceof PDFRef ? pageOf.get(first.toString()) : undefined;
    if (page) destinations.set(name.decodeText(), page);
  }
  return { pages: doc.getPageCount(), destinations };
}

/** A link's box on a page: the page (counted from 1) and [x1, y1, x2, y2] in points from the bottom left. */
export interface LinkBox {
  page: number;
  rect: [number, number, number, number];
}

/** Where a link annotation leads inside the PDF: its destination (by name, or an explicit [page …] array),
 * and the GoTo action that holds it when it is not the annotation's own /Dest. */
export function linkTarget(annot: PDFDict): { dest: PDFObject; goTo?: PDFDict } | undefined {
  const action = annot.lookupMaybe(PDFName.of('A'), PDFDict);
  const goTo = action?.get(PDFName.of('S')) === PDFName.of('GoTo') ? action : undefined;
  const dest = annot.get(PDFName.of('Dest')) ?? goTo?.get(PDFName.of('D'));
  return dest === undefined ? undefined : { dest, goTo };
}

/** A destination's name, if it is a named one. */
export const destinationName = (o: PDFObject | undefined): string | undefined => (o instanceof PDFName || o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : undefined);

/** Every link to a named destination, by destination name: the boxes Chromium drew for it, in page order. */
export function linksByDestination(doc: PDFDocument): Map<string, LinkBox[]> {
  const out = new Map<string, LinkBox[]>();
  doc.getPages().forEach((p, i) => {
    for (const ref of p.node.Annots()?.asArray() ?? []) {
      const annot = doc.context.lookup(ref);
      if (!(annot instanceof PDFDict)) continue;
      const name = destinationName(linkTarget(annot)?.dest);
      const rect = annot.lookupMaybe(PDFName.of('Rect'), PDFArray)?.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : NaN));
      if (!name || !rect || rect.length !== 4 || rect.some(Number.isNaN)) continue;
      const [x1, y1, x2, y2] = rect as [number, number, number, number];
      const boxes = out.get(name) ?? [];
      boxes.push({ page: i + 1, rect: [Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2)] });
      out.set(name, boxes);
    }
  });
  return out;
}
