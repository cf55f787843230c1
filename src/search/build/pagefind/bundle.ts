// Writes one Pagefind bundle (index, fragments, runtime) plus the facts of its search catalog for a
// set of article pages of a built site. The build writes one bundle per shard (src/search/build/shards.ts)
// and merges them into the published one (src/search/build/pagefind/merge-bundles.ts).
//
// What is indexed is read back from the built HTML — the text a reader sees, after Markdown
// rendering, sanitising and CJK line joining — not re-rendered from the content. Facts for the
// facets (place, stars, people, date) come from data attributes on the <article> element.
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, sep } from 'node:path';
import * as pagefind from 'pagefind';
import type { Registries } from '../../../schema.ts';
import { readArticleHtml } from '../article-html.ts';
import { CATALOG_VERSION, type Catalog, type CatalogNamed, type CatalogPlace } from '../../shared/catalog.ts';
import { ENTRY_FILE, FACTS_FILE } from './shard-postings.ts';
import { PAGEFIND_SIGNATURE, readPagefindFile } from './pagefind-file.ts';
import { expectPagefindVersion, installedPagefindVersion } from './version.ts';
import { buildSearchRecord, INDEX_LANGUAGE, type SearchRecord } from '../record.ts';
import { t2sTable } from '../t2s-table.ts';

/** Pagefind's ready-made search UIs: this site has its own, so they are not published. */
const UNUSED_FILE = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$|^playground\//;

export interface SearchBundleSummary {
  pages: number;
  /** Bytes written in the bundle (index, fragments, runtime, catalog facts). */
  bytes: number;
  files: number;
}

/** Records go to Pagefind in batches, so only one batch of article texts is in memory at a time. */
const BATCH = 200;

/**
 * Indexes the given article pages of the built site in `out` into a Pagefind bundle at `bundle`.
 * `html`, when given, holds the pages already read (same order as `ids`).
 */
export async function writeSearchBundle(out: string, ids: readonly string[], bundle: string, registries: Registries, html?: readonly string[]): Promise<SearchBundleSummary> {
  // Before any work: another Pagefind would write files the merge cannot read.
  expectPagefindVersion(installedPagefindVersion(), 'the installed pagefind package');
  const kept: Omit<SearchRecord, 'record' | 'shown'>[] = [];
  const shown = new Map<string, string>();
  const table = t2sTable();
  // A bundle left from an earlier build would leave stale fragments behind.
  rmSync(bundle, { recursive: true, force: true });
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
    for (let i = 0; i < ids.length; i += BATCH) {
      const records = ids.slice(i, i + BATCH).map((id, k) => {
        const file = join(out, 'articles', id, 'index.html');
        const page = html?.[i + k] ?? readFileSync(file, 'utf8');
        // The indexed <article> comes after the <head> and the masthead: scan from there.
        const from = page.indexOf('<article');
        return buildSearchRecord(readArticleHtml(from > 0 ? page.slice(from) : page, file, table), `/articles/${id}/`, file, registries, table);
      });
      const added = await Promise.all(records.map((r) => index.addCustomRecord(r.record)));
      const failed = added.flatMap((a, k) => a.errors.map((e) => `${records[k].record.url}: ${e}`));
      if (failed.length) throw new Error(`Pagefind rejected records:\n${failed.join('\n')}`);
      for (const { facts, lineage, shown: text } of records) {
        kept.push({ facts, lineage });
        shown.set(facts.url, text);
      }
    }
    const written = await index.writeFiles({ outputPath: bundle });
    if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }

  let bytes = 0;
  let files = 0;
  const pageIds = new Map<string, string>();
  for (const f of readdirSync(bundle, { recursive: true, encoding: 'utf8' }).map((x) => x.split(sep).join('/'))) {
    const path = join(bundle, f);
    if (!statSync(path).isFile()) continue;
    if (UNUSED_FILE.test(f)) {
      rmSync(path, { recursive: true, force: true });
      continue;
    }
    if (f.startsWith('fragment/')) for (const [url, id] of showFragmentText(f, path, shown)) pageIds.set(url, id);
    bytes += statSync(path).size;
    files++;
  }
  // With no pages there is no index (pagefind-entry.json lists no language) and no catalog.
  const languages = Object.values((JSON.parse(readFileSync(join(bundle, ENTRY_FILE), 'utf8')) as { languages: Record<string, { hash: string }> }).languages);
  if (!languages.length) return { pages: 0, bytes, files };
  if (languages.length > 1) throw new Error(`expected one Pagefind index (language ${INDEX_LANGUAGE}), found ${languages.length}`);
  const facts = JSON.stringify(buildCatalog(kept, pageIds, registries));
  writeFileSync(join(bundle, FACTS_FILE), facts);
  return { pages: kept.length, bytes: bytes + facts.length, files: files + 1 };
}

interface Fragment {
  url: string;
  content: string;
}

/**
 * Puts the text as shown in place of the indexed tokens in a fragment file (or a fragment group,
 * which holds several): the page shows results from the fragment, and its excerpts mark the
 * original characters, quotes and all. Returns URL → Pagefind page id for the fragment's pages.
 */
function showFragmentText(path: string, file: string, shown: ReadonlyMap<string, string>): [string, string][] {
  const data = JSON.parse(readPagefindFile(file).toString('utf8')) as Fragment | Record<string, Fragment>;
  const id = path.replace(/^fragment\//, '').replace(/\.pf_fragment$/, '');
  const fragments: [string, Fragment][] = typeof data.url === 'string' ? [[id, data as Fragment]] : Object.entries(data as Record<string, Fragment>);
  for (const [, f] of fragments) {
    const text = shown.get(f.url);
    if (text === undefined) throw new Error(`${file}: expected a fragment of an indexed article, found one for ${JSON.stringify(f.url)}`);
    f.content = text;
  }
  writeFileSync(file, gzipSync(Buffer.concat([PAGEFIND_SIGNATURE, Buffer.from(JSON.stringify(data))]), { level: 6 }));
  return fragments.map(([hash, f]) => [f.url, hash]);
}

function buildCatalog(records: readonly Omit<SearchRecord, 'record' | 'shown'>[], pageIds: ReadonlyMap<string, string>, registries: Registries): Catalog {
  const places = new Map<string, CatalogPlace>();
  const stars = new Set<string>();
  const people = new Map<string, CatalogNamed>();
  const pages: Catalog['pages'] = [];
  for (const r of records) {
    const id = pageIds.get(r.facts.url);
    if (!id) throw new Error(`${r.facts.url}: expected Pagefind to have written a fragment for it, found none`);
    for (const p of r.lineage) places.set(p.id, p);
    for (const s of r.facts.stars) stars.add(s);
    for (const p of r.facts.people) if (!people.has(p.id)) people.set(p.id, p);
    pages.push([id, r.facts.date, r.facts.place, r.facts.stars, r.facts.people.map((p) => p.id)]);
  }
  // Registry order, so facet lists read the way the registry is laid out.
  const placeOrder = new Map(registries.places.all.map((p, i) => [p.id, i]));
  return {
    version: CATALOG_VERSION,
    places: [...places.values()].sort((a, b) => placeOrder.get(a.id)! - placeOrder.get(b.id)!),
    stars: registries.stars.all.filter((s) => stars.has(s.id)).map((s) => ({ id: s.id, name: s.name })),
    people: [...people.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    // In record order: the merge files each row under its Pagefind page number.
    pages,
  };
}
