// What the search page shows for one URL, as plain data: the status line, the lines linking to a
// named place, star or person, the active filters, the results, the facets, and for a query that
// found nothing the closest names and the results without its last word. render.ts draws it; the
// page keeps the last one in sessionStorage (restore.ts) so going back shows it at once.
import { chineseDate } from '../../lib/dates.ts';
import type { CatalogIndex } from '../shared/catalog.ts';
import type { Excerpt } from './excerpt.ts';
import { FACET_KEYS, type FacetKey } from '../shared/facet-keys.ts';
import { hasFilters, type SearchState } from './url-state.ts';
import { searchUi } from '../../ui/strings.ts';
import type { Hit, HitDetails, Outcome } from './engine.ts';
import type { RegistryName } from './registry-names.ts';

export interface HitView {
  url: string;
  title: string;
  /** Place name · Chinese date, and the ISO date for <time>. */
  place: string;
  date: string;
  dateText: string;
  excerpt: Excerpt;
  /** The lead photo's list thumbnail, when the article has one. */
  thumb?: string;
}

export interface FacetView {
  key: FacetKey;
  items: { value: string; label: string; count: number; checked: boolean }[];
}

export interface ChipView {
  key: FacetKey;
  value: string;
  label: string;
}

export interface PageView {
  /** The location.search these results belong to. */
  search: string;
  /** The index they came from: a restored view is redone when the site has been rebuilt since. */
  indexHash: string;
  status: string;
  links: RegistryName[];
  chips: ChipView[];
  hits: HitView[];
  /** The number of the first hit shown (1-based). */
  start: number;
  page: number;
  pages: number;
  facets: FacetView[];
  /** Only when a query found nothing. */
  closest: RegistryName[];
  without?: { typed: string; q: string; count: number; hits: HitView[] };
}

export function hitView(hit: Hit, d: HitDetails, catalog: CatalogIndex): HitView {
  return { url: d.url, title: d.title, place: catalog.name('place', hit.page[2]), date: hit.page[1], dateText: chineseDate(hit.page[1]), excerpt: d.excerpt, ...(d.thumb ? { thumb: d.thumb } : {}) };
}

function valueOrder(key: FacetKey, catalog: CatalogIndex, counts: Map<string, number>): (a: string, b: string) => number {
  const position = new Map<string, number>();
  if (key === 'star') catalog.catalog.stars.forEach((s, i) => position.set(s.id, i));
  else if (key !== 'reporter' && key !== 'year') catalog.catalog.places.forEach((p, i) => position.set(p.id, i));
  const pos = (v: string) => position.get(v) ?? Number.MAX_SAFE_INTEGER;
  if (key === 'year') return (a, b) => (a < b ? 1 : a > b ? -1 : 0);
  if (key === 'reporter') return (a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || catalog.name('reporter', a).localeCompare(catalog.name('reporter', b), 'zh-CN');
  return (a, b) => pos(a) - pos(b) || (a < b ? -1 : 1);
}

export function valueLabel(key: FacetKey, id: string, catalog: CatalogIndex): string {
  if (key === 'year') return `${id}年`;
  const kind = key === 'star' ? 'star' : key === 'reporter' ? 'reporter' : 'place';
  const known = kind === 'star' ? catalog.catalog.stars.some((s) => s.id === id) : kind === 'reporter' ? catalog.catalog.people.some((p) => p.id === id) : !!catalog.place(id);
  return known ? catalog.name(kind, id) : searchUi.unknownValue(id);
}

/** One list per facet that has values: counted values, and chosen ones even when they count nothing. */
export function facetViews(outcome: Outcome, state: SearchState, catalog: CatalogIndex): FacetView[] {
  const views: FacetView[] = [];
  for (const key of FACET_KEYS) {
    const counts = outcome.counts[key];
    const values = [...new Set([...[...counts.keys()].filter((v) => counts.get(v)! > 0), ...state.filters[key]])];
    if (!values.length) continue;
    values.sort(valueOrder(key, catalog, counts));
    views.push({ key, items: values.map((v) => ({ value: v, label: valueLabel(key, v, catalog), count: counts.get(v) ?? 0, checked: state.filters[key].includes(v) })) });
  }
  return views;
}

/** The active filters, in facet order. */
export function chipViews(state: SearchState, catalog: CatalogIndex): ChipView[] {
  return FACET_KEYS.flatMap((key) => state.filters[key].map((value) => ({ key, value, label: valueLabel(key, value, catalog) })));
}

export function statusText(outcome: Outcome, state: SearchState): string {
  const { plan, hits } = outcome;
  if (plan.kind === 'words') {
    const words = plan.words.map((w) => w.typed);
    if (hits.length) return searchUi.found(hits.length, words);
    return hasFilters(state) ? `${searchUi.foundNone(words)}${searchUi.noneInFilters}` : searchUi.foundNone(words);
  }
  const browse = hasFilters(state) ? searchUi.browsing(hits.length) : searchUi.prompt;
  return plan.kind === 'short' ? `${searchUi.oneCharacter(plan.text)}${hasFilters(state) ? browse : ''}` : browse;
}
