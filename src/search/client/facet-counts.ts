// Facet filtering and counts over a result set. Values of one facet combine with OR (two streets),
// facets combine with AND (a street and a star). A value's count is how many results there would
// be with it ticked, given the other facets' choices — so counts stay meaningful while choosing.
import { FACET_KEYS, type FacetKey, type FacetValues } from '../shared/facet-keys.ts';

export interface FacetRow {
  id: string;
  values: FacetValues;
}

export interface FacetOutcome<R extends FacetRow> {
  matches: R[];
  counts: Record<FacetKey, Map<string, number>>;
}

export function countFacets<R extends FacetRow>(rows: readonly R[], selection: FacetValues): FacetOutcome<R> {
  const chosen = FACET_KEYS.map((k) => (selection[k].length ? new Set(selection[k]) : undefined));
  const counts = Object.fromEntries(FACET_KEYS.map((k) => [k, new Map<string, number>()])) as Record<FacetKey, Map<string, number>>;
  const matches: R[] = [];
  const add = (key: FacetKey, row: R) => {
    const m = counts[key];
    for (const v of row.values[key]) m.set(v, (m.get(v) ?? 0) + 1);
  };
  for (const row of rows) {
    let failed = -1;
    let failures = 0;
    FACET_KEYS.forEach((key, i) => {
      const want = chosen[i];
      if (want && !row.values[key].some((v) => want.has(v))) {
        failures++;
        failed = i;
      }
    });
    if (failures === 0) {
      matches.push(row);
      for (const key of FACET_KEYS) add(key, row);
    } else if (failures === 1) {
      add(FACET_KEYS[failed], row);
    }
  }
  return { matches, counts };
}

