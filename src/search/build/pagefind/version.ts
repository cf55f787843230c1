// The Pagefind version whose files this folder reads and rewrites (cbor.ts, pagefind-file.ts,
// shard-postings.ts, merge-bundles.ts). package.json pins pagefind to exactly this version: Pagefind's
// index files are internal to it and may change in any release. After an upgrade, check the format,
// then change both together.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export const PAGEFIND_VERSION = '1.6.0';

export class PagefindVersionError extends Error {}

let installed: string | undefined;

/** The version of the installed pagefind package (the one that writes the shards), read once. */
export function installedPagefindVersion(): string {
  if (installed) return installed;
  // Node's own look-up folders for the package: pagefind's `exports` hide its package.json from require.resolve.
  const dirs = createRequire(import.meta.url).resolve.paths('pagefind') ?? [];
  const file = dirs.map((d) => join(d, 'pagefind', 'package.json')).find((f) => existsSync(f));
  if (!file) throw new PagefindVersionError(`expected the pagefind package (version ${PAGEFIND_VERSION}) under node_modules, found none: run npm install`);
  installed = (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  return installed;
}

/** Fails, naming both versions, unless `found` is the version this folder was written for. */
export function expectPagefindVersion(found: string, where: string): void {
  if (found === PAGEFIND_VERSION) return;
  throw new PagefindVersionError(
    `${where}: expected files written by Pagefind ${PAGEFIND_VERSION} (the version src/search/build/pagefind reads), found Pagefind ${found || 'of no version'}. ` +
      `Run npm install to get the pinned pagefind ${PAGEFIND_VERSION}; to upgrade Pagefind, check its file format and change PAGEFIND_VERSION in src/search/build/pagefind/version.ts with the pin in package.json.`,
  );
}
