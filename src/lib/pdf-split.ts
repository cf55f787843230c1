// Cuts one printed PDF (several bulletins, each starting on a new page) into one PDF per bulletin:
// each part gets its own pages and the objects they reach (fonts, images), its page numbers drawn
// at the foot of every page, and its own title. Built on pdf-lib's objects and writer; the part's
// file is assembled here rather than with PDFDocument.copyPages because copying clones every
// object (thousands of Type 3 glyphs per print, ~90 ms a part) where sharing them is free. Pure.
import {
  beginText,
  concatTransformationMatrix,
  endText,
  popGraphicsState,
  pushGraphicsState,
  setFontAndSize,
  moveText,
  showText,
  PDFArray,
  PDFContentStream,
  PDFContext,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRef,
  PDFStream,
  PDFString,
  StandardFontEmbedder,
  StandardFonts,
  type PDFObject,
  type PDFOperator,
} from 'pdf-lib';
import { destinationName, linkTarget } from './pdf-destinations.ts';
import { writePdf, type Deflate } from './pdf-write.ts';

export interface PageStamp {
  /** the page number as printed: page n of total */
  text: (n: number, total: number) => string;
  size: number;
  /** the baseline's height above the bottom edge, in points */
  baseline: number;
  /** where on page n: centred, or its right (left) end this many points from the right (left) edge */
  place: (n: number) => { align: 'centre' } | { align: 'left' | 'right'; inset: number };
}

export interface PdfPart {
  /** first page, counted from 1 */
  from: number;
  /** last page, inclusive */
  to: number;
  title: string;
  stamp: PageStamp;
  /** points to move page n's printed content to the right (negative: left), given the page it was printed on */
  shift?: (n: number, printed: number) => number;
  /** named destinations (and the links to them) the part keeps, e.g. its contents' stories, each under
   * the name it is given here; other links into the whole print are dropped */
  keep?: ReadonlyMap<string, string>;
  /** words drawn where the print left room for them (a contents list's page numbers), in the stamp's font */
  fills?: readonly PageFill[];
}

/** A word drawn on page `page` of the part (counted from 1), its right end at `right`, on `baseline` (points, as printed). */
export interface PageFill {
  page: number;
  text: string;
  size: number;
  right: number;
  baseline: number;
}

const PARENT = PDFName.of('Parent');
const STAMP_FONT = PDFName.of('JiexunPageNumber');

/** Links to a destination the part keeps stay; other links into the whole print (GoTo actions, named destinations) are dropped. */
function dropInternalLinks(context: PDFContext, page: PDFDict, keep: ReadonlyMap<string, string>): void {
  const annots = page.lookupMaybe(PDFName.of('Annots'), PDFArray);
  if (!annots) return;
  const kept = annots.asArray().filter((ref) => {
    const annot = context.lookup(ref);
    if (!(annot instanceof PDFDict)) return true;
    const target = linkTarget(annot);
    if (!target) return true;
    const renamed = keep.get(destinationName(target.dest) ?? '');
    if (renamed === undefined) return false;
    if (target.goTo) target.goTo.set(PDFName.of('D'), PDFName.of(renamed));
    else annot.set(PDFName.of('Dest'), PDFName.of(renamed));
    return true;
  });
  if (kept.length) page.set(PDFName.of('Annots'), context.obj(kept));
  else page.delete(PDFName.of('Annots'));
}

/** A few operators: not worth compressing (pdf-lib would, with pako). */
const plainStream = (context: PDFContext, operators: PDFOperator[]) => PDFContentStream.of(context.obj({}), operators, false);

const PAGE = PDFName.of('Page');
const FONT = PDFName.of('Font');

/** Calls `each` on every reference inside `o`, short of the page tree (a page's /Parent). */
function forEachRef(o: PDFObject | undefined, each: (ref: PDFRef) => void): void {
  if (o instanceof PDFRef) each(o);
  else if (o instanceof PDFDict) {
    for (const [k, v] of o.entries()) if (k !== PARENT) forEachRef(v, each);
  } else if (o instanceof PDFArray) {
    for (const v of o.asArray()) forEachRef(v, each);
  } else if (o instanceof PDFStream) forEachRef(o.dict, each);
}

/** The objects a font reaches (a Type 3 font's glyphs: most of a print's objects), or undefined if it reaches a page. */
function fontObjects(context: PDFContext, font: PDFRef): PDFRef[] | undefined {
  const found = new Set<PDFRef>();
  let page = false;
  const visit = (ref: PDFRef): void => {
    if (found.has(ref)) return;
    const target = context.lookup(ref);
    if (target instanceof PDFDict && target.get(PDFName.Type) === PAGE) {
      page = true;
      return;
    }
    found.add(ref);
    forEachRef(target, visit);
  };
  visit(font);
  return page ? undefined : [...found];
}

/**
 * Every object the part's pages reach, short of the whole print's page tree and its other pages.
 * What each font reaches is found once for all the parts of a print (`fonts`), not once a part.
 */
function reachable(context: PDFContext, own: readonly PDFRef[], fonts: Map<PDFRef, PDFRef[] | null>): Set<PDFRef> {
  const pages = new Set(own);
  const seen = new Set<PDFRef>();
  const visit = (ref: PDFRef): void => {
    if (seen.has(ref)) return;
    const target = context.lookup(ref);
    if (target instanceof PDFDict) {
      const type = target.get(PDFName.Type);
      if (type === PAGE && !pages.has(ref)) return;
      if (type === FONT) {
        if (!fonts.has(ref)) fonts.set(ref, fontObjects(context, ref) ?? null);
        const objects = fonts.get(ref);
        if (objects) {
          for (const o of objects) seen.add(o);
          return;
        }
      }
    }
    seen.add(ref);
    forEachRef(target, visit);
  };
  for (const r of own) visit(r);
  return seen;
}

/** Loads a printed PDF once, for pdfLayout-style reading and for cutting; in one go: pdf-lib's default waits for the next turn of the event loop every 100 objects (a millisecond each, thousands of them a print). */
export const loadPdf = (bytes: Uint8Array) => PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: Infinity });

/** Cuts `whole` into `parts`, written compressed with the caller's deflate (src/lib/pdf-write.ts: Node's zlib, natively). */
export function splitPdf(whole: PDFDocument, parts: readonly PdfPart[], deflate: Deflate): Uint8Array[] {
  const source = whole.context;
  const printedPages = whole.getPages();
  const pages = printedPages.map((p) => p.ref);
  const lang = whole.catalog.lookupMaybe(PDFName.of('Lang'), PDFString, PDFHexString);
  const info = (key: string) => source.lookupMaybe(source.trailerInfo.Info, PDFDict)?.get(PDFName.of(key));
  // The same name under two enums (pdf-lib's and its font package's): the cast only bridges the types.
  const dests = whole.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  const font = StandardFontEmbedder.for(StandardFonts.TimesRoman as unknown as Parameters<typeof StandardFontEmbedder.for>[0]);
  const fontReach = new Map<PDFRef, PDFRef[] | null>();
  const out: Uint8Array[] = [];
  for (const part of parts) {
    if (!(part.from >= 1 && part.to >= part.from && part.to <= pages.length)) throw new Error(`pages ${part.from}–${part.to} are not in the ${pages.length} printed`);
    const own = pages.slice(part.from - 1, part.to);
    // Read before the pages are moved to the part's own page tree (pdf-lib reads a page's size through its tree).
    const widths = printedPages.slice(part.from - 1, part.to).map((p) => p.getWidth());
    // A new file of the same numbered objects (shared, not copied), then its own page tree and catalogue.
    const context = PDFContext.create();
    const keep = part.keep ?? new Map<string, string>();
    for (const ref of own) dropInternalLinks(source, source.lookup(ref, PDFDict), keep);
    // The kept destinations, each [page /XYZ x y zoom] on one of the part's own pages.
    const ownSet = new Set(own);
    const kept = [...(dests?.entries() ?? [])].filter(([name, value]) => {
      const target = source.lookup(value);
      return keep.has(name.decodeText()) && target instanceof PDFArray && ownSet.has(target.get(0) as PDFRef);
    });
    for (const ref of reachable(source, [...own, ...kept.map(([, v]) => v).filter((v): v is PDFRef => v instanceof PDFRef)], fontReach)) context.assign(ref, source.lookup(ref)!);
    context.largestObjectNumber = source.largestObjectNumber;
    const fontRef = context.nextRef();
    font.embedIntoContext(context, fontRef);
    const tree = context.nextRef();
    own.forEach((ref, i) => {
      const page = source.lookup(ref, PDFDict);
      const width = widths[i]!;
      page.set(PARENT, tree);
      const { stamp } = part;
      const text = stamp.text(i + 1, own.length);
      const wide = font.widthOfTextAtSize(text, stamp.size);
      const place = stamp.place(i + 1);
      const x = place.align === 'centre' ? (width - wide) / 2 : place.align === 'left' ? place.inset : width - place.inset - wide;
      const dx = part.shift?.(i + 1, part.from + i) ?? 0;
      // Fills sit where the print put them, so they move with the printed content.
      const fills = (part.fills ?? []).filter((f) => f.page === i + 1).flatMap((f) => [beginText(), setFontAndSize(STAMP_FONT, f.size), moveText(f.right + dx - font.widthOfTextAtSize(f.text, f.size), f.baseline), showText(font.encodeText(f.text)), endText()]);
      const numbers = context.register(
        plainStream(context, [pushGraphicsState(), beginText(), setFontAndSize(STAMP_FONT, stamp.size), moveText(x, stamp.baseline), showText(font.encodeText(text)), endText(), ...fills, popGraphicsState()]),
      );
      // The printed content runs between q … Q so that whatever state it leaves does not move the number.
      const contents = page.get(PDFName.of('Contents'));
      const printed = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
      const open = dx ? [pushGraphicsState(), concatTransformationMatrix(1, 0, 0, 1, dx, 0)] : [pushGraphicsState()];
      page.set(PDFName.of('Contents'), context.obj([context.register(plainStream(context, open)), ...printed, context.register(plainStream(context, [popGraphicsState()])), numbers]));
      // The resources gain the number's font; dictionaries are copied, not changed under other pages.
      const resources = page.lookupMaybe(PDFName.of('Resources'), PDFDict)?.clone(context) ?? context.obj({});
      const fonts = resources.lookupMaybe(PDFName.of('Font'), PDFDict)?.clone(context) ?? context.obj({});
      fonts.set(STAMP_FONT, fontRef);
      resources.set(PDFName.of('Font'), fonts);
      page.set(PDFName.of('Resources'), resources);
    });
    context.assign(tree, context.obj({ Type: 'Pages', Kids: own, Count: own.length }));
    const catalog: Record<string, PDFObject> = { Type: PDFName.of('Catalog'), Pages: tree, ViewerPreferences: context.obj({ DisplayDocTitle: true }) };
    if (lang) catalog.Lang = lang;
    if (kept.length) catalog.Dests = context.obj(Object.fromEntries(kept.map(([name, value]) => [keep.get(name.decodeText())!, value])));
    context.trailerInfo.Root = context.register(context.obj(catalog));
    const meta: Record<string, PDFObject> = { Title: PDFHexString.fromText(part.title) };
    for (const key of ['Creator', 'Producer', 'CreationDate', 'ModDate']) {
      const value = info(key);
      if (value) meta[key] = value;
    }
    context.trailerInfo.Info = context.register(context.obj(meta));
    out.push(writePdf(context, deflate));
  }
  return out;
}
