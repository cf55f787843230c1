// Draws a PageView (view.ts) into the search page. Every string from an article or the registry
// goes in as text (textContent, <mark> elements made here), never as HTML.
import type { Excerpt } from './excerpt.ts';
import { searchUi, searchReaderUi } from '../../ui/strings.ts';
import type { FacetView, HitView, PageView } from './view.ts';
import type { RegistryName } from './registry-names.ts';

export const PAGE_SIZE = 10;

export interface PageElements {
  form: HTMLFormElement;
  status: HTMLElement;
  chips: HTMLElement;
  links: HTMLElement;
  list: HTMLOListElement;
  pager: HTMLElement;
  suggest: HTMLElement;
  facets: HTMLElement;
  clear: HTMLButtonElement;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<Record<string, string>> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) if (v !== undefined) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

/** One fieldset of checkboxes per facet that has values; the checkboxes belong to the search form. */
function facetNodes(facets: readonly FacetView[], form: string): HTMLElement[] {
  return facets.map(({ key, items }) => {
    const lis = items.map((item) => {
      const box = el('input', { type: 'checkbox', form, name: key, value: item.value });
      box.checked = item.checked;
      return el('li', {}, el('label', {}, box, ` ${item.label} `, el('span', { class: 'count' }, searchUi.count(item.count))));
    });
    return el('fieldset', { class: 'facet' }, el('legend', {}, searchUi.facetLabels[key]), el('ul', {}, ...lis));
  });
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

function hitNode(h: HitView): HTMLElement {
  // Only same-site paths: a fragment is data, and a thumbnail never loads from elsewhere.
  const thumb = h.thumb?.startsWith('/') && !h.thumb.startsWith('//') ? h.thumb : undefined;
  return el(
    'li',
    { class: thumb ? 'search-hit has-thumb' : 'search-hit' },
    ...(thumb ? [el('img', { class: 'thumb', src: thumb, width: '80', height: '60', alt: '', loading: 'lazy', decoding: 'async' })] : []),
    el('h3', {}, el('a', { href: h.url }, h.title)),
    el('p', { class: 'info' }, `${h.place} · `, el('time', { datetime: h.date }, h.dateText)),
    excerptNode(h.excerpt),
  );
}

function pagerNode(page: number, pages: number): HTMLElement | undefined {
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

function nameLink(n: RegistryName): HTMLElement {
  return el('a', { href: n.href }, n.name);
}

export function renderView(view: PageView, e: PageElements): void {
  // Re-rendering replaces the checkboxes: keep keyboard focus on the one that was focused.
  const active = document.activeElement;
  const focused = active instanceof HTMLInputElement && e.facets.contains(active) ? [active.name, active.value] : undefined;
  e.facets.replaceChildren(...facetNodes(view.facets, e.form.id));
  if (focused) e.facets.querySelector<HTMLInputElement>(`input[name="${CSS.escape(focused[0])}"][value="${CSS.escape(focused[1])}"]`)?.focus();
  e.clear.hidden = view.chips.length === 0;

  e.chips.replaceChildren(
    ...view.chips.map((c) =>
      el('button', { type: 'button', class: 'search-chip', 'data-key': c.key, 'data-value': c.value, 'aria-label': searchReaderUi.removeFilter(searchUi.facetLabels[c.key], c.label) }, `${searchUi.facetLabels[c.key]}：${c.label}`, el('span', { 'aria-hidden': 'true' }, ' ×')),
    ),
  );
  e.chips.hidden = view.chips.length === 0;

  e.status.textContent = view.status;
  e.links.replaceChildren(...view.links.map((n) => el('li', {}, el('a', { href: n.href }, searchReaderUi.nameLink(n.kind, n.name)))));
  e.links.hidden = view.links.length === 0;

  e.list.start = view.start;
  e.list.replaceChildren(...view.hits.map(hitNode));
  const nav = pagerNode(view.page, view.pages);
  e.pager.replaceChildren(...(nav ? [nav] : []));

  const suggest: HTMLElement[] = [];
  if (view.closest.length) {
    const names: (Node | string)[] = [];
    view.closest.forEach((n, i) => names.push(...(i ? ['、', nameLink(n)] : [nameLink(n)])));
    suggest.push(el('p', { class: 'search-closest' }, searchReaderUi.closestNames, ...names));
  }
  if (view.without) {
    const w = view.without;
    suggest.push(
      el('h3', { class: 'search-without' }, searchReaderUi.withoutLast(w.typed, w.count)),
      el('ol', { class: 'list search-hits search-without-hits' }, ...w.hits.map(hitNode)),
    );
    if (w.count > w.hits.length) suggest.push(el('p', {}, el('a', { href: `/search/?q=${encodeURIComponent(w.q)}` }, searchReaderUi.seeAll(w.count))));
  }
  e.suggest.replaceChildren(...suggest);
  e.suggest.hidden = suggest.length === 0;
}

/** "正在检索…" from the moment a search starts until its results are drawn. */
export function renderBusy(e: PageElements): void {
  e.status.textContent = searchReaderUi.busy;
  e.links.hidden = true;
  e.suggest.hidden = true;
}
