// The search page's state lives in its URL, so a search can be linked to and back/forward
// restore it: /search/?q=网格化&street=lianhu&sort=newest&page=2.
import { FACET_KEYS, emptyFacetValues, type FacetValues } from '../shared/facet-keys.ts';

export type SortOrder = 'relevance' | 'newest';

export interface SearchState {
  q: string;
  sort: SortOrder;
  /** 1-based. */
  page: number;
  filters: FacetValues;
}

export function stateFromParams(params: URLSearchParams): SearchState {
  const filters = emptyFacetValues();
  for (const key of FACET_KEYS) filters[key] = [...new Set(params.getAll(key).map((v) => v.trim()).filter(Boolean))];
  const page = Number(params.get('page'));
  return {
    q: (params.get('q') ?? '').trim(),
    sort: params.get('sort') === 'newest' ? 'newest' : 'relevance',
    page: Number.isInteger(page) && page > 1 ? page : 1,
    filters,
  };
}

/** The query string for a state; defaults (relevance, page 1, no filters) are left out. */
export function paramsFromState(state: SearchState): URLSearchParams {
  const p = new URLSearchParams();
  if (state.q) p.set('q', state.q);
  for (const key of FACET_KEYS) for (const v of state.filters[key]) p.append(key, v);
  if (state.sort === 'newest') p.set('sort', 'newest');
  if (state.page > 1) p.set('page', String(state.page));
  return p;
}

export function hasFilters(state: SearchState): boolean {
  return FACET_KEYS.some((k) => state.filters[k].length > 0);
}
