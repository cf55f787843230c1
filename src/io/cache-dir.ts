// Where builds keep what outlives them (Astro's image cache, search shards, bulletin PDFs): JIEXUN_CACHE,
// else node_modules/.astro. Astro's config and scripts/build.ts (which prints the PDFs) read it here.
import { resolve } from 'node:path';

export function cacheDir(root: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(root, env.JIEXUN_CACHE ?? 'node_modules/.astro');
}
