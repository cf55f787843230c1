// A shard's fingerprint: what the search index is built from — the indexed region of each article
// page (the <article data-pagefind-body> element up to its data-pagefind-ignore footer) — so an
// unchanged shard is reused from the cache and never indexed again, whatever else changed around it.
import { createHash } from 'node:crypto';
import { CATALOG_VERSION } from '../shared/catalog.ts';
import { installedPagefindVersion } from './pagefind/version.ts';
import { T2S_DIGEST } from './t2s-table.ts';

/** Bump when the tokens, records or bundle layout change, so cached shards are rebuilt. */
export const SHARD_FORMAT = 4;

const START = 'data-pagefind-body';
const END = 'data-pagefind-ignore';

/** The indexed region of a built article page, or undefined while the page is not fully written. */
export function indexedRegion(html: string): string | undefined {
  if (!html.trimEnd().endsWith('</html>')) return undefined;
  const start = html.indexOf(START);
  if (start < 0) return undefined;
  const end = html.indexOf(END, start);
  // The region's own attributes (data-place, data-stars …) sit just after START, so they are included.
  return html.slice(start, end < 0 ? undefined : end);
}

/** Pagefind's version is part of the key: a shard written by another Pagefind is never reused. */
export function shardDigest(regions: readonly string[], pagefindVersion = installedPagefindVersion()): string {
  const h = createHash('sha1');
  h.update(`format ${SHARD_FORMAT} catalog ${CATALOG_VERSION} pagefind ${pagefindVersion} t2s ${T2S_DIGEST}\n`);
  for (const r of regions) {
    h.update(r);
    h.update('\u0000');
  }
  return h.digest('hex').slice(0, 16);
}
