// Going back to the search page shows the results the reader left, where they left them. A browser
// that keeps the page in its back/forward cache needs nothing; otherwise the page reloads, and the
// last view drawn (view.ts) and the scroll position come back from sessionStorage before any
// search runs. The browser's own scroll restoration is turned off: it would scroll before the
// results are drawn, and land at the top.
import type { PageView } from './view.ts';

const KEY = 'jiexun:search-view';
/** Bump when PageView changes shape: a view saved by an older script is then not drawn. */
const VERSION = 1;

interface Saved {
  version: number;
  view: PageView;
  scrollY: number;
}

function read(): Saved | undefined {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Saved) : undefined;
  } catch {
    return undefined; // storage disabled or a stale format: search afresh
  }
}

function write(saved: Saved): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(saved));
  } catch {
    // Storage full or disabled: going back then searches again.
  }
}

export function manualScrollRestoration(): void {
  if ('scrollRestoration' in history) history.scrollRestoration = 'manual';
}

/**
 * The view last drawn for this URL's query string, and where the page was scrolled — when the
 * reader came back to the page (back, forward or reload), not when they followed a link to it.
 */
export function savedView(search: string): Saved | undefined {
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  if (nav && nav.type !== 'back_forward' && nav.type !== 'reload') return undefined;
  const saved = read();
  return saved && saved.version === VERSION && saved.view?.search === search ? saved : undefined;
}

/**
 * Saves the view drawn and where the page is scrolled: called as the reader leaves the page
 * (pagehide), so the write costs nothing while results are being shown.
 */
export function saveView(view: PageView): void {
  write({ version: VERSION, view, scrollY: window.scrollY });
}
