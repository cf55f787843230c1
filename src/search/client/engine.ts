// Runs a search: one Pagefind search per query word finds exactly the articles containing it (its
// character pairs at consecutive positions, see char-tokens.ts) with a relevance score, and the
// search catalog supplies facets, counts and date order — so
// counts and order are exact, computed from the catalog rather than from Pagefind's tallies.
import { CATALOG_VERSION, CatalogError, indexCatalog, type Catalog, type CatalogIndex, type CatalogPage } from '../shared/catalog.ts';
import { catalogFile, readCatalogFile } from '../shared/catalog-file.ts';
import { buildExcerpt, occurrences, type Excerpt } from './excerpt.ts';
import { countFacets, type FacetOutcome } from './facet-counts.ts';
import type { FacetValues } from '../shared/facet-keys.ts';
import { planQuery, type QueryPlan } from './query-plan.ts';
import type { SearchState } from './url-state.ts';
import { loadPagefind, type PagefindApi, type PagefindResult } from './pagefind-api.ts';
import { digitsToText } from '../shared/digit-text.ts';

export interface Hit {
  id: string;
  page: CatalogPage;
  values: FacetValues;
  score: number;
}

export interface Outcome {
  plan: QueryPlan;
  /** Results after the facets, in display order. */
  hits: Hit[];
  counts: FacetOutcome<Hit>['counts'];
}

export interface HitDetails {
  url: string;
  title: string;
  excerpt: Excerpt;
  /** The lead photo's thumbnail, when the article has one. */
  thumb?: string;
}

/** The catalog of a bundle and the index hash naming it: found through pagefind-entry.json. */
async function fetchCatalog(bundle: string): Promise<{ catalog: Catalog; hash: string }> {
  // Revalidated on every visit, as Pagefind does: the entry's name stays while its content changes.
  const entryUrl = `${bundle}pagefind-entry.json`;
  const entry = await fetch(entryUrl, { cache: 'no-cache' });
  if (!entry.ok) throw new CatalogError(`${entryUrl}: expected the search index entry, found HTTP ${entry.status}`);
  const indexes = Object.values(((await entry.json()) as { languages?: Record<string, { hash: string }> }).languages ?? {});
  // A site with no articles yet has no index, and nothing to catalog.
  if (!indexes.length) return { catalog: { version: CATALOG_VERSION, places: [], stars: [], people: [], pages: [] }, hash: '' };
  const url = `${bundle}${catalogFile(indexes[0].hash)}`;
  const res = await fetch(url);
  if (!res.ok) throw new CatalogError(`${url}: expected the search catalog, found HTTP ${res.status}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  // Gzipped by the build; a host may already have undone that with Content-Encoding.
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  const raw = gzipped ? new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer()) : bytes;
  return { catalog: readCatalogFile(raw, url), hash: indexes[0].hash };
}

export class SearchEngine {
  private readonly bundle: string;
  private catalogIndex?: Promise<CatalogIndex>;
  private hash?: Promise<string>;
  private api?: Promise<PagefindApi>;
  private everyPage?: Promise<Map<string, PagefindResult>>;
  private readonly found = new Map<string, PagefindResult>();

  constructor(bundle = '/pagefind/') {
    this.bundle = bundle;
  }

  catalog(): Promise<CatalogIndex> {
    if (!this.catalogIndex) {
      const fetched = fetchCatalog(this.bundle);
      this.hash = fetched.then((f) => f.hash);
      this.catalogIndex = fetched.then((f) => indexCatalog(f.catalog));
    }
    return this.catalogIndex;
  }

  /** The hash of the published index (changes with every build that changes it). */
  async indexHash(): Promise<string> {
    await this.catalog();
    return this.hash!;
  }

  /** Loads the catalog and Pagefind ahead of the first query, so that query only reads its words. */
  async warm(): Promise<void> {
    const catalog = await this.catalog();
    if (catalog.catalog.pages.length) await this.pagefind();
  }

  private pagefind(): Promise<PagefindApi> {
    this.api ??= loadPagefind(this.bundle);
    return this.api;
  }

  private async ids(term: string): Promise<Map<string, PagefindResult>> {
    const res = await (await this.pagefind()).search(term);
    // A result without word positions matched metadata only, never the text.
    return new Map((res?.results ?? []).filter((r) => r.words.length > 0).map((r) => [r.id, r]));
  }

  async run(state: SearchState): Promise<Outcome> {
    const catalog = await this.catalog();
    const plan = planQuery(state.q, catalog.fold);
    let rows: Hit[];
    if (plan.kind === 'words' && !catalog.catalog.pages.length) {
      rows = []; // nothing published yet: there is no Pagefind index to ask
    } else if (plan.kind === 'words') {
      // One search per word gives exactly the pages containing it (see QueryWord.query), each with
      // Pagefind's score for that word; a page's relevance is the sum over the words. (A second,
      // ranked search over all the words' tokens read the same postings a second time.)
      const perWord = await Promise.all(plan.words.map((w) => this.ids(w.query)));
      rows = [];
      for (const [id, result] of perWord[0]) {
        if (!perWord.every((p) => p.has(id))) continue;
        const page = catalog.page(id);
        if (!page) throw new CatalogError(`page ${id} of the search index is missing from the search catalog (the two were built apart)`);
        this.found.set(id, result);
        rows.push({ id, page, values: catalog.facets(page), score: perWord.reduce((sum, p) => sum + p.get(id)!.score, 0) });
      }
    } else {
      rows = catalog.catalog.pages.map((page) => ({ id: page[0], page, values: catalog.facets(page), score: 0 }));
    }
    const { matches, counts } = countFacets(rows, state.filters);
    const byDate = (a: Hit, b: Hit) => (a.page[1] < b.page[1] ? 1 : a.page[1] > b.page[1] ? -1 : 0);
    const byScore = (a: Hit, b: Hit) => b.score - a.score;
    const byId = (a: Hit, b: Hit) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    const byRelevance = plan.kind === 'words' && state.sort === 'relevance';
    matches.sort((a, b) => (byRelevance ? byScore(a, b) || byDate(a, b) : byDate(a, b) || byScore(a, b)) || byId(a, b));
    return { plan, hits: matches, counts };
  }

  /** Title, URL and excerpt of a hit, from its Pagefind fragment (the article's text as shown); `words` folded. */
  async details(hit: Hit, words: readonly string[]): Promise<HitDetails> {
    const { fold } = await this.catalog();
    let result = this.found.get(hit.id);
    if (!result) {
      // Browsing by facets alone: every page's Pagefind result, to load fragments from.
      this.everyPage ??= this.pagefind().then(async (api) => new Map(((await api.search(null))?.results ?? []).map((r) => [r.id, r])));
      result = (await this.everyPage).get(hit.id);
    }
    if (!result) throw new CatalogError(`page ${hit.id} of the search catalog is missing from the search index`);
    const fragment = await result.data();
    const text = fragment.content;
    const [start, end] = (fragment.meta.title ?? '0,0').split(',').map(Number);
    const head = Number(fragment.meta.head ?? 0);
    const thumb = fragment.meta.thumb ? digitsToText(fragment.meta.thumb) : undefined;
    return { url: fragment.url, title: text.slice(start, end), excerpt: buildExcerpt(text, Math.min(text.length, head + 1), occurrences(text, words, fold)), ...(thumb ? { thumb } : {}) };
  }
}
