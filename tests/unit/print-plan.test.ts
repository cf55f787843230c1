// How the bulletin PDFs are printed (src/lib/print-plan.ts): each bulletin's steps from estimate to
// cut, and how bulletins are shared out into batch prints.
import { describe, expect, it } from 'vitest';
import { LONG_CERTAIN_MARGIN, partStep, printBatches, SHORT_GUESS_MARGIN, type Contents, type PartFacts, type PartStep } from '../../src/lib/print-plan.ts';

const TOC_AFTER = 4;

describe('partStep', () => {
  it('prints first as the estimate says, and both ways where it is too near the limit to say', () => {
    expect(partStep({ estimate: 2.5 }, TOC_AFTER)).toEqual({ print: 'without' });
    expect(partStep({ estimate: TOC_AFTER - SHORT_GUESS_MARGIN }, TOC_AFTER)).toEqual({ print: 'without' });
    expect(partStep({ estimate: TOC_AFTER - SHORT_GUESS_MARGIN + 0.01 }, TOC_AFTER)).toEqual({ print: 'both' });
    expect(partStep({ estimate: TOC_AFTER + LONG_CERTAIN_MARGIN - 0.01 }, TOC_AFTER)).toEqual({ print: 'both' });
    expect(partStep({ estimate: TOC_AFTER + LONG_CERTAIN_MARGIN }, TOC_AFTER)).toEqual({ print: 'with' });
    expect(partStep({}, TOC_AFTER)).toEqual({ print: 'with' });
  });

  it('cuts a short print without contents, and prints a long one again with them', () => {
    expect(partStep({ without: { pages: 4, reach: 0 } }, TOC_AFTER)).toEqual({ cut: 'without' });
    expect(partStep({ estimate: 3, without: { pages: 5, reach: 0 } }, TOC_AFTER)).toEqual({ print: 'with' });
    expect(partStep({ without: { pages: 5, reach: 0 }, with: { pages: 5, reach: 1 } }, TOC_AFTER)).toEqual({ cut: 'with' });
  });

  it('cuts a print with contents only when the bulletin is long for certain', () => {
    // Past four pages even without the pages its contents reach.
    expect(partStep({ with: { pages: 6, reach: 1 } }, TOC_AFTER)).toEqual({ cut: 'with' });
    // Five pages, one of them the contents': long only if its estimate says so with room to spare.
    expect(partStep({ estimate: 4.5, with: { pages: 5, reach: 1 } }, TOC_AFTER)).toEqual({ cut: 'with' });
    expect(partStep({ estimate: TOC_AFTER + LONG_CERTAIN_MARGIN - 0.01, with: { pages: 5, reach: 1 } }, TOC_AFTER)).toEqual({ print: 'without' });
    // Four pages with its contents is four or fewer without them, whatever the estimate said.
    expect(partStep({ estimate: 9, with: { pages: 4, reach: 1 } }, TOC_AFTER)).toEqual({ print: 'without' });
  });

  it('ends every bulletin in a cut of the right print within two prints, however wrong the estimate', () => {
    // A bulletin is `without` pages long without its contents, `added` more with them; the contents reach `reach` pages.
    for (const without of [1, 2, 3, 4, 5, 6, 9]) {
      for (const added of [0, 1]) {
        for (const reach of [1, 2]) {
          if (added > reach) continue;
          for (const estimate of [undefined, 0.5, without - 0.9, without - 0.1, 3.7, 3.85, 3.95, 4.05, 4.1, 4.5, 8]) {
            // The estimate is never more than the bulletin's length: laid out in one piece, it is not longer than cut into pages.
            if (estimate !== undefined && estimate > without) continue;
            const facts: PartFacts = { estimate };
            let prints = 0;
            let step: PartStep = partStep(facts, TOC_AFTER);
            while ('print' in step) {
              prints++;
              const ways: Contents[] = step.print === 'both' ? ['with', 'without'] : [step.print];
              for (const way of ways) facts[way] = way === 'with' ? { pages: without + added, reach } : { pages: without, reach: 0 };
              step = partStep(facts, TOC_AFTER);
            }
            const label = `${without}+${added} pages, contents on ${reach}, estimate ${estimate}`;
            expect(prints, label).toBeLessThanOrEqual(2);
            // Near the limit, one print (both ways) settles it.
            if (estimate !== undefined && estimate > TOC_AFTER - SHORT_GUESS_MARGIN) expect(prints, label).toBe(1);
            expect(step.cut, label).toBe(without > TOC_AFTER ? 'with' : 'without');
          }
        }
      }
    }
  });
});

describe('printBatches', () => {
  const items = (kind: string, n: number, cost = 10) => Array.from({ length: n }, () => ({ kind, cost }));

  it('puts every bulletin in one print, never two kinds together, in their order, at most maxBatch to a print', () => {
    const all = [...items('专版', 100), ...items('简报', 10, 80)];
    const batches = printBatches(all, 2, 30);
    expect(batches.flat().sort((a, b) => a - b)).toEqual(all.map((_, k) => k));
    for (const b of batches) {
      expect(new Set(b.map((k) => all[k]!.kind)).size).toBe(1);
      expect(b.length).toBeLessThanOrEqual(30);
      expect(b).toEqual([...b].sort((x, y) => x - y));
    }
  });

  it('makes about two prints of even cost a tab, longest first', () => {
    // 100 专版 of 10 and 20 简报 of 50: 2,000 in all, 500 a print for two tabs.
    const all = [...items('专版', 100), ...items('简报', 20, 50)];
    const batches = printBatches(all, 2, 60);
    const costs = batches.map((b) => b.reduce((sum, k) => sum + all[k]!.cost, 0));
    expect(costs).toEqual([...costs].sort((a, b) => b - a));
    expect(batches).toHaveLength(4);
    for (const c of costs) expect(c).toBe(500);
  });

  it('does not cut a kind into prints of fewer than ten', () => {
    // The fixture site: three 专版 and a long 简报, one print each.
    expect(printBatches([...items('专版', 3), ...items('简报', 1, 100)], 2, 60)).toEqual([[3], [0, 1, 2]]);
    // Ten long 简报 beside a hundred short 专版: one print of ten, however much of the work they are.
    expect(printBatches([...items('专版', 100), ...items('简报', 10, 100)], 2, 60).map((b) => b.length)).toEqual([10, 50, 50]);
  });

  it('prints a kind too small for a share in one print, and one bulletin alone when asked', () => {
    // 430 in all, about 108 a print: the 简报 in four prints of ten, the three 专版 in one.
    expect(printBatches([...items('专版', 3), ...items('简报', 40)], 2, 60).map((b) => b.length)).toEqual([10, 10, 10, 10, 3]);
    expect(printBatches(items('专版', 3), 2, 1)).toEqual([[0], [1], [2]]);
    expect(printBatches([], 2, 10)).toEqual([]);
  });
});
