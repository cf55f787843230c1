// Builds the search page's facet lists and result list. Every string from an article or the
// registry goes in as text (textContent, <mark> elements made here), never as HTML.
import { chineseDate } from '../../lib/dates.ts';
import type { CatalogIndex } from '../shared/catalog.ts';
import type { Excerpt } from './excerpt.ts';
import { FACET_KEYS, type FacetKey } from '../shared/facet-keys.ts';
import type { SearchState } from './url-state.ts';
import { searchUi } from '../../ui/strings.ts';
import type { Hit, HitDetails, Outcome } from './engine.ts';

export const PAGE_SIZE = 10;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<Record<string, string>> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) if (v !== undefined) e.setAttribute(k, v);
  e.append(...children);
  return e;
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

function label(key: FacetKey, id: string, catalog: CatalogIndex): string {
  if (key === 'year') return `${id}年`;
  const kind = key === 'star' ? 'star' : key === 'reporter' ? 'reporter' : 'place';
  const known = kind === 'star' ? catalog.catalog.stars.some((s) => s.id === id) : kind === 'reporter' ? catalog.catalog.people.some((p) => p.id === id) : !!catalog.place(id);
  return known ? catalog.name(kind, id) : searchUi.unknownValue(id);
}

/** One fieldset of checkboxes per facet that has values; the checkboxes belong to the search form. */
export function renderFacets(container: HTMLElement, outcome: Outcome, state: SearchState, catalog: CatalogIndex, form: string): void {
  const sets: HTMLElement[] = [];
  for (const key of FACET_KEYS) {
    const counts = outcome.counts[key];
    const values = [...new Set([...[...counts.keys()].filter((v) => counts.get(v)! > 0), ...state.filters[key]])];
    if (!values.length) continue;
    values.sort(valueOrder(key, catalog, counts));
    const items = values.map((v) => {
      const box = el('input', { type: 'checkbox', form, name: key, value: v });
      box.checked = state.filters[key].includes(v);
      return el('li', {}, el('label', {}, box, ` ${label(key, v, catalog)} `, el('span', { class: 'count' }, searchUi.count(counts.get(v) ?? 0))));
    });
    sets.push(el('fieldset', { class: 'facet' }, el('legend', {}, searchUi.facetLabels[key]), el('ul', {}, ...items)));
  }
  container.replaceChildren(...sets);
}

function excerptNode(x: Excerpt): HTMLElement {
  const p = el('p', { class: 'excerpt' });
  if (x.before) p.append('…');
  let at = 0;
  for (const [s, e] of x.marks) {
    p.append(x.text.slice(at, s), el('mark', {}, x.text.slice(s, e)));
    at = e;
  }
  p.append(x.text.slice(at));
  if (x.after) p.append('…');
  return p;
}

export function hitNode(hit: Hit, d: HitDetails, catalog: CatalogIndex): HTMLElement {
  const place = catalog.name('place', hit.page[2]);
  // Only same-site paths: a fragment is data, and a thumbnail never loads from elsewhere.
  const thumb = d.thumb?.startsWith('/') && !d.thumb.startsWith('//') ? d.thumb : undefined;
  return el(
    'li',
    { class: thumb ? 'search-hit has-thumb' : 'search-hit' },
    ...(thumb ? [el('img', { class: 'thumb', src: thumb, width: '80', height: '60', alt: '', loading: 'lazy', decoding: 'async' })] : []),
    el('h3', {}, el('a', { href: d.url }, d.title)),
    el('p', { class: 'info' }, `${place} · `, el('time', { datetime: hit.page[1] }, chineseDate(hit.page[1]))),
    excerptNode(d.excerpt),
  );
}

export function pagerNode(page: number, pages: number): HTMLElement | undefined {
  if (pages <= 1) return undefined;
  const button = (text: string, target: number, disabled: boolean) => {
    const b = el('button', { type: 'button', class: 'search-page', 'data-page': String(target) }, text);
    b.disabled = disabled;
    return b;
  };
  return el(
    'nav',
    { class: 'pager', 'aria-label': searchUi.pageOf(page, pages) },
    button(searchUi.previousPage, page - 1, page <= 1),
    el('span', {}, searchUi.pageOf(page, pages)),
    button(searchUi.nextPage, page + 1, page >= pages),
  );
}
