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
  mergeIndex(bundle: string, options?: Record<string, unknown>): Promise<void>;
}

/** Pagefind from the first shard's bundle, with every other shard merged into it. */
export async function loadPagefind(bundles: readonly string[]): Promise<PagefindApi> {
  const api = (await import(/* @vite-ignore */ `${bundles[0]}pagefind.js`)) as PagefindApi;
  await api.init();
  await Promise.all(bundles.slice(1).map((b) => api.mergeIndex(b)));
  return api;
}
