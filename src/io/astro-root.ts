// Where Astro's root is for a build: a folder of its own per cache folder, under the project's
// node_modules/.astro/roots/. Astro writes its .astro/ there (content-assets.mjs, the photos to
// import, among it), so that list always belongs to the content store in the same cache, and builds
// of other content, each with its own cache folder (JIEXUN_CACHE: a staging copy, the benchmark, the
// tests' fixtures), can run at once in one checkout. It stays inside the project: Astro takes a
// source file outside its root's tree for a root-relative URL, and its generated modules import
// astro/… from there.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const CACHE_FILE = 'cache-path';

export function astroRootsDir(root: string): string {
  return join(root, 'node_modules/.astro/roots');
}

/** The Astro root for builds that keep their cache in `cache` (created, with the cache folder). */
export function astroRootFor(root: string, cache: string): string {
  const dir = join(astroRootsDir(root), createHash('sha256').update(cache).digest('hex').slice(0, 16));
  mkdirSync(cache, { recursive: true });
  mkdirSync(dir, { recursive: true });
  // Written once: a sweep reading it while it is rewritten would find it empty.
  if (!existsSync(join(dir, CACHE_FILE))) writeFileSync(join(dir, CACHE_FILE), cache);
  return dir;
}

/** Removes the roots of cache folders that are gone (a benchmark's, a test's): nothing else reads them. */
export function sweepAstroRoots(root: string): void {
  const roots = astroRootsDir(root);
  if (!existsSync(roots)) return;
  for (const name of readdirSync(roots)) {
    const dir = join(roots, name);
    let cache: string;
    try {
      cache = readFileSync(join(dir, CACHE_FILE), 'utf8');
    } catch {
      continue; // being made by a build that has not written its cache path yet
    }
    if (cache && !existsSync(cache)) rmSync(dir, { recursive: true, force: true });
  }
}
