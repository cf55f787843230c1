// Which page of a PDF each named destination (an element id Chromium links to) falls on: how the
// printed 简报's contents learn their page numbers. Read with pdf-lib, not by hand. Pure: bytes in.
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib';

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
