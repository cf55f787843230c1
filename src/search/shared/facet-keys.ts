// The facets a search can be narrowed by. Each is also a URL parameter of /search/
// (?street=lianhu&star=zhibu-guoying), and each is filled from data, never from the text.
export const FACET_KEYS = ['street', 'district', 'city', 'star', 'reporter', 'year'] as const;
export type FacetKey = (typeof FACET_KEYS)[number];
export type FacetValues = Record<FacetKey, string[]>;

export function emptyFacetValues(): FacetValues {
  return { street: [], district: [], city: [], star: [], reporter: [], year: [] };
}
