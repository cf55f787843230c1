// The slice of Pagefind's browser API this page uses. The runtime is loaded at run time from the
// bundle the build writes (/pagefind/pagefind.js), never bundled into the page's own script.

export interface PagefindFragment {
  url: string;
  content: string;
  meta: Record<string, string>;
}

export interface PagefindResult {
  id: string;
  score: number;
  /** Positions of the matched tokens; empty when only metadata matched. */
  words: number[];
  data(): Promise<PagefindFragment>;
}

export interface PagefindApi {
  init(): Promise<void>;
  search(term: string | null, options?: Record<string, unknown>): Promise<{ results: PagefindResult[] } | null>;
}

/** Pagefind from the site's bundle (the build merged the shards into it). */
export async function loadPagefind(bundle: string): Promise<PagefindApi> {
  const api = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as PagefindApi;
  await api.init();
  return api;
}
