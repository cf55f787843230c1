// The search page: reads its state from the URL, runs the search, renders facets and results,
// and keeps the URL in step (pushState on every change, popstate restores). The only script of
// /search/; no other page loads search code.
import { hasFilters, paramsFromState, stateFromParams, type SearchState } from './url-state.ts';
import { searchUi } from '../../ui/strings.ts';
import { SearchEngine, type Outcome } from './engine.ts';
import { hitNode, pagerNode, PAGE_SIZE, renderFacets } from './render.ts';

const form = document.getElementById('search-form') as HTMLFormElement;
const input = document.getElementById('search-q') as HTMLInputElement;
const facetLists = document.getElementById('search-facet-lists') as HTMLElement;
const clear = document.getElementById('search-clear') as HTMLButtonElement;
const region = document.getElementById('search-results') as HTMLElement;
const status = document.getElementById('search-status') as HTMLElement;
const list = document.getElementById('search-hits') as HTMLOListElement;
const pager = document.getElementById('search-pager') as HTMLElement;
const engine = new SearchEngine();
let current = 0;

function urlOf(state: SearchState): string {
  const qs = paramsFromState(state).toString();
  return `${location.pathname}${qs ? `?${qs}` : ''}`;
}

function formState(): SearchState {
  const entries = [...new FormData(form).entries()].filter((e): e is [string, string] => typeof e[1] === 'string');
  return stateFromParams(new URLSearchParams(entries));
}

function syncControls(state: SearchState) {
  input.value = state.q;
  for (const r of form.querySelectorAll<HTMLInputElement>('input[name="sort"]')) r.checked = r.value === state.sort;
}

function statusText(outcome: Outcome, state: SearchState): string {
  const { plan, hits } = outcome;
  if (plan.kind === 'words') {
    const words = plan.words.map((w) => w.word);
    if (hits.length) return searchUi.found(hits.length, words);
    return hasFilters(state) ? `${searchUi.foundNone(words)}${searchUi.noneInFilters}` : searchUi.foundNone(words);
  }
  const browse = hasFilters(state) ? searchUi.browsing(hits.length) : searchUi.prompt;
  return plan.kind === 'short' ? `${searchUi.oneCharacter(plan.text)}${hasFilters(state) ? browse : ''}` : browse;
}

async function show(state: SearchState, focusStatus = false) {
  const run = ++current;
  // Which URL the shown results belong to (lets tests and tools wait for the right results).
  const search = location.search;
  region.setAttribute('aria-busy', 'true');
  syncControls(state);
  try {
    const [outcome, catalog] = await Promise.all([engine.run(state), engine.catalog()]);
    if (run !== current) return;
    const listed = outcome.plan.kind === 'words' || hasFilters(state) ? outcome.hits : [];
    const pages = Math.max(1, Math.ceil(listed.length / PAGE_SIZE));
    const page = Math.min(state.page, pages);
    const words = outcome.plan.kind === 'words' ? outcome.plan.words.map((w) => w.word) : [];
    const shown = listed.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
    const details = await Promise.all(shown.map((h) => engine.details(h, words)));
    if (run !== current) return;

    // Re-rendering replaces the checkboxes: keep keyboard focus on the one that was focused.
    const focused = document.activeElement instanceof HTMLInputElement && facetLists.contains(document.activeElement) ? [document.activeElement.name, document.activeElement.value] : undefined;
    renderFacets(facetLists, outcome, state, catalog, form.id);
    if (focused) facetLists.querySelector<HTMLInputElement>(`input[name="${CSS.escape(focused[0])}"][value="${CSS.escape(focused[1])}"]`)?.focus();
    clear.hidden = !hasFilters(state);

    status.textContent = statusText(outcome, state);
    list.start = (page - 1) * PAGE_SIZE + 1;
    list.replaceChildren(...shown.map((h, i) => hitNode(h, details[i], catalog)));
    const nav = pagerNode(page, pages);
    pager.replaceChildren(...(nav ? [nav] : []));
  } catch (e) {
    if (run !== current) return;
    status.textContent = searchUi.failed(e instanceof Error ? e.message : String(e));
    list.replaceChildren();
    pager.replaceChildren();
  } finally {
    if (run === current) {
      region.dataset.rendered = search;
      region.setAttribute('aria-busy', 'false');
      if (focusStatus) status.focus();
    }
  }
}

function go(state: SearchState, focusStatus = false) {
  const url = urlOf(state);
  if (url !== `${location.pathname}${location.search}`) history.pushState(null, '', url);
  void show(state, focusStatus);
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  go({ ...formState(), page: 1 });
});
// Ticking a facet or choosing an order searches at once.
form.addEventListener('change', (e) => {
  if ((e.target as HTMLInputElement).name === 'sort') go({ ...formState(), page: 1 });
});
facetLists.addEventListener('change', () => go({ ...formState(), page: 1 }));
clear.addEventListener('click', () => {
  for (const box of facetLists.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) box.checked = false;
  go({ ...formState(), page: 1 });
  input.focus();
});
pager.addEventListener('click', (e) => {
  const b = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-page]');
  if (b) go({ ...stateFromParams(new URLSearchParams(location.search)), page: Number(b.dataset.page) }, true);
});
window.addEventListener('popstate', () => void show(stateFromParams(new URLSearchParams(location.search))));

void show(stateFromParams(new URLSearchParams(location.search)));
