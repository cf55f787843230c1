// How the bulletin PDFs are printed (src/integrations/bulletin-pdf.ts): which bulletins share a print,
// and, for each bulletin in a print, whether it goes with its contents list or without and which
// print it is finally cut from. A bulletin past TOC_AFTER_PAGES pages carries its contents; the
// only way to know its length is to print it, so the first print follows an estimate (its height
// laid out for print, in pages) and what the print shows decides the rest: a wrong guess costs one
// more print of that bulletin. Only a bulletin long by its estimate (LONG_CERTAIN_MARGIN) is cut
// without being printed both ways. Pure.

export type Contents = 'with' | 'without';

/** What one print showed of a bulletin: its pages, and (printed with its contents) the pages the contents reach. */
export interface PartPrinted {
  pages: number;
  reach: number;
}

export interface PartFacts {
  /** pages laid out without contents, estimated before any print (undefined: not measured) */
  estimate?: number;
  with?: PartPrinted;
  without?: PartPrinted;
}

/** How far from the limit an estimate must be to be taken: printed without contents first (short), or long for certain (long). */
export interface PrintMargins {
  short: number;
  long: number;
}

/** Print it one way, or both at once (the same bulletin twice in one print), or cut it from the print made that way. */
export type PartStep = { print: Contents | 'both' } | { cut: Contents };

/**
 * Estimated lengths this far below the limit are printed without contents first; nearer, both ways
 * at once. Measured on the benchmark's 110 bulletins: none estimated under 3.9 pages printed past
 * four; 3.92 printed on five, 3.95 on four.
 */
export const SHORT_GUESS_MARGIN = 0.1;

/**
 * Estimated lengths this far past the limit are long for certain: cut into pages, a bulletin is never
 * shorter than laid out in one piece but for the margins its page breaks swallow. The largest margin
 * a bulletin's blocks carry in print is a subheading's 1.5em above (about 7.6 mm in a 专版,
 * global.css), so four pages' three breaks swallow at most about 23 mm; this is 45–51 mm. Estimates
 * between 4.1 and 4.2 pages are printed both ways, at no cost of another print.
 */
export const LONG_CERTAIN_MARGIN = 0.2;

export const PRINT_MARGINS: PrintMargins = { short: SHORT_GUESS_MARGIN, long: LONG_CERTAIN_MARGIN };

/**
 * The next step for one bulletin. A print with its contents is its PDF when the bulletin is long for
 * certain: by its estimate, or because taking the contents out shortens it by no more than the pages
 * they reach and it is still long without those. Each bulletin is printed at most twice: once each way.
 * A bulletin printed both ways at once has both facts from one print.
 */
export function partStep(facts: PartFacts, tocAfter: number, margins: PrintMargins = PRINT_MARGINS): PartStep {
  const { with: withContents, without, estimate } = facts;
  if (without) {
    if (without.pages <= tocAfter) return { cut: 'without' };
    return withContents ? { cut: 'with' } : { print: 'with' };
  }
  if (withContents) {
    const long = withContents.pages - withContents.reach > tocAfter || (estimate !== undefined && estimate >= tocAfter + margins.long);
    return long && withContents.pages > tocAfter ? { cut: 'with' } : { print: 'without' };
  }
  // Not printed yet: as its estimate says, or both ways where the estimate is too near the limit to say.
  if (estimate === undefined || estimate >= tocAfter + margins.long) return { print: 'with' };
  return { print: estimate <= tocAfter - margins.short ? 'without' : 'both' };
}

/** A kind is cut into no more prints than one for every this many of its bulletins: each print costs Chromium its fonts again. */
const MIN_BATCH = 10;

export interface PrintItem {
  kind: string | undefined;
  /** a measure of its length (its page's size), to share the work out evenly */
  cost: number;
}

/**
 * Bulletins of one kind go to one print together, at most `maxBatch` to a print (a print's cost is
 * mostly per document, so fewer, larger prints are cheaper); the kinds are cut into enough prints of
 * even cost that `tabs` tabs printing them longest first finish together (about two prints a tab),
 * but into no more than one print for every MIN_BATCH bulletins of the kind.
 * Answers the prints as lists of indexes, longest first; each keeps the items' order.
 */
export function printBatches(items: readonly PrintItem[], tabs: number, maxBatch: number): number[][] {
  const most = Math.max(1, Math.floor(maxBatch));
  const total = items.reduce((sum, item) => sum + item.cost, 0);
  const target = total / Math.max(1, 2 * tabs);
  const kinds = new Map<string | undefined, number[]>();
  items.forEach((item, k) => {
    const ks = kinds.get(item.kind);
    if (ks) ks.push(k);
    else kinds.set(item.kind, [k]);
  });
  const batches: { ks: number[]; cost: number }[] = [];
  for (const ks of kinds.values()) {
    const cost = ks.reduce((sum, k) => sum + items[k]!.cost, 0);
    const count = Math.max(1, Math.min(Math.floor(ks.length / MIN_BATCH), target > 0 ? Math.round(cost / target) : 1));
    // Each item goes to the share of the kind's cost its middle falls in; a share over maxBatch is cut again.
    const shares: number[][] = Array.from({ length: count }, () => []);
    let before = 0;
    for (const [i, k] of ks.entries()) {
      const c = items[k]!.cost;
      const share = Math.min(count - 1, Math.floor((cost > 0 ? (before + c / 2) / cost : i / ks.length) * count));
      shares[share]!.push(k);
      before += c;
    }
    for (const share of shares) {
      for (let i = 0; i < share.length; i += most) {
        const part = share.slice(i, i + most);
        batches.push({ ks: part, cost: part.reduce((sum, k) => sum + items[k]!.cost, 0) });
      }
    }
  }
  // Longest first, so that the last print to start is a short one.
  return batches.sort((a, b) => b.cost - a.cost).map((b) => b.ks);
}
