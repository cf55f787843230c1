// The search page: reads its state from the URL, runs the search, draws the view (status, links to
// named places, stars and people, active filters, results, facets, suggestions), and keeps the
// URL in step (pushState on every change, popstate restores). Going back to the page shows the
// last view at once (restore.ts). The only script of /search/; no other page loads search code.
import { hasFilters, paramsFromState, stateFromParams, type SearchState } from './url-state.ts';
import { searchUi } from '../../ui/strings.ts';
import { SearchEngine } from './engine.ts';
import { PAGE_SIZE, renderBusy, renderView, type PageElements } from './render.ts';
import { chipViews, facetViews, hitView, statusText, type PageView } from './view.ts';
import { closestNames, namedBy } from './registry-names.ts';
import { manualScrollRestoration, savedView, saveView } from './restore.ts';
import { FACET_KEYS, type FacetKey } from '../shared/facet-keys.ts';

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = byId<HTMLFormElement>('search-form');
const input = byId<HTMLInputElement>('search-q');
const region = byId('search-results');
const e: PageElements = {
  form,
  status: byId('search-status'),
  chips: byId('search-chips'),
  links: byId('search-links'),
  list: byId<HTMLOListElement>('search-hits'),
  pager: byId('search-pager'),
  suggest: byId('search-suggest'),
  facets: byId('search-facet-lists'),
  clear: byId<HTMLButtonElement>('search-clear'),
};
const engine = new SearchEngine();
let current = 0;
/** The view on the page, saved as the reader leaves (restore.ts). */
let shownView: PageView | undefined;

function urlOf(state: SearchState): string {
  const qs = paramsFromState(state).toString();
  return `${location.pathname}${qs ? `?${qs}` : ''}`;
}

function urlState(): SearchState {
  return stateFromParams(new URLSearchParams(location.search));
}

function formState(): SearchState {
  const entries = [...new FormData(form).entries()].filter((x): x is [string, string] => typeof x[1] === 'string');
  return stateFromParams(new URLSearchParams(entries));
}

function syncControls(state: SearchState) {
  input.value = state.q;
  for (const r of form.querySelectorAll<HTMLInputElement>('input[name="sort"]')) r.checked = r.value === state.sort;
}

async function buildView(state: SearchState, search: string): Promise<PageView> {
  const [outcome, catalog, indexHash] = await Promise.all([engine.run(state), engine.catalog(), engine.indexHash()]);
  const { plan } = outcome;
  const listed = plan.kind === 'words' || hasFilters(state) ? outcome.hits : [];
  const pages = Math.max(1, Math.ceil(listed.length / PAGE_SIZE));
  const page = Math.min(state.page, pages);
  const words = plan.kind === 'words' ? plan.words.map((w) => w.word) : [];
  const shown = listed.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const details = await Promise.all(shown.map((h) => engine.details(h, words)));
  const links = namedBy(words, catalog);
  const view: PageView = {
    search,
    indexHash,
    status: statusText(outcome, state),
    links,
    chips: chipViews(state, catalog),
    hits: shown.map((h, i) => hitView(h, details[i], catalog)),
    start: (page - 1) * PAGE_SIZE + 1,
    page,
    pages,
    facets: facetViews(outcome, state, catalog),
    closest: [],
  };
  if (plan.kind === 'words' && !outcome.hits.length) {
    view.closest = closestNames(words, catalog).filter((n) => !links.some((l) => l.href === n.href));
    if (plan.words.length > 1) {
      // The results without the last word: the reader's likeliest extra word.
      const kept = plan.words.slice(0, -1);
      const q = kept.map((w) => w.typed).join(' ');
      const fewer = await engine.run({ ...state, q, page: 1 });
      const first = fewer.hits.slice(0, PAGE_SIZE);
      const more = await Promise.all(first.map((h) => engine.details(h, kept.map((w) => w.word))));
      view.without = { typed: plan.words[plan.words.length - 1].typed, q, count: fewer.hits.length, hits: first.map((h, i) => hitView(h, more[i], catalog)) };
    }
  }
  return view;
}

function settle(run: number, search: string, focusStatus: boolean) {
  if (run !== current) return;
  region.dataset.rendered = search;
  region.setAttribute('aria-busy', 'false');
  if (focusStatus) e.status.focus();
}

async function show(state: SearchState, focusStatus = false) {
  const run = ++current;
  // Which URL the shown results belong to (lets tests and tools wait for the right results).
  const search = location.search;
  region.setAttribute('aria-busy', 'true');
  syncControls(state);
  renderBusy(e);
  try {
    const view = await buildView(state, search);
    if (run !== current) return;
    renderView(view, e);
    shownView = view;
  } catch (err) {
    if (run !== current) return;
    shownView = undefined;
    e.status.textContent = searchUi.failed(err instanceof Error ? err.message : String(err));
    e.list.replaceChildren();
    e.pager.replaceChildren();
  } finally {
    settle(run, search, focusStatus);
  }
}

function go(state: SearchState, focusStatus = false) {
  const url = urlOf(state);
  if (url !== `${location.pathname}${location.search}`) history.pushState(null, '', url);
  void show(state, focusStatus);
}

form.addEventListener('submit', (ev) => {
  ev.preventDefault();
  go({ ...formState(), page: 1 });
});
// Ticking a facet or choosing an order searches at once.
form.addEventListener('change', (ev) => {
  if ((ev.target as HTMLInputElement).name === 'sort') go({ ...formState(), page: 1 });
});
e.facets.addEventListener('change', () => go({ ...formState(), page: 1 }));
e.clear.addEventListener('click', () => {
  for (const box of e.facets.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) box.checked = false;
  go({ ...formState(), page: 1 });
  input.focus();
});
e.chips.addEventListener('click', (ev) => {
  const chip = (ev.target as HTMLElement).closest<HTMLButtonElement>('button[data-key]');
  if (!chip) return;
  const state = urlState();
  const key = chip.dataset.key as FacetKey;
  if (!FACET_KEYS.includes(key)) return;
  state.filters[key] = state.filters[key].filter((v) => v !== chip.dataset.value);
  go({ ...state, page: 1 });
  input.focus();
});
e.pager.addEventListener('click', (ev) => {
  const b = (ev.target as HTMLElement).closest<HTMLButtonElement>('button[data-page]');
  if (b) go({ ...urlState(), page: Number(b.dataset.page) }, true);
});
window.addEventListener('popstate', () => void show(urlState()));
window.addEventListener('pagehide', () => {
  if (shownView?.search === location.search) saveView(shownView);
});

manualScrollRestoration();
function restore(): boolean {
  const saved = savedView(location.search);
  if (!saved) return false;
  try {
    // Back from an article: the results as they were, scrolled as they were, without searching.
    syncControls(urlState());
    renderView(saved.view, e);
    shownView = saved.view;
  } catch {
    return false; // a damaged saved view: search instead
  }
  settle(current, location.search, false);
  // Instant, whatever the stylesheet's scroll-behavior: the reader comes back to where they were, not on a ride there.
  window.scrollTo({ top: saved.scrollY, behavior: 'instant' });
  // A site rebuilt since then: search again.
  void engine
    .indexHash()
    .then((hash) => {
      if (hash !== saved.view.indexHash && current === 0) void show(urlState());
    })
    .catch(() => {});
  return true;
}
if (!restore()) void show(urlState());
// Ready for the next query: Pagefind and the catalog load while the reader types.
void engine.warm().catch(() => {});
