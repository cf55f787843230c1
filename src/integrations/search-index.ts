// Astro integration: the search index, built in shards (src/search/build/shards.ts) by worker threads
// that start when Astro starts rendering and index each shard as soon as its article pages are
// written — so indexing overlaps page rendering — then, after the build, merged into the one
// bundle the site publishes at <out>/pagefind/ (src/search/build/pagefind/merge-bundles.ts), so a reader's query
// reads one index. Shards are cached by fingerprint in <cacheDir>/search-shards/, so a rebuild
// re-indexes only the shards whose articles changed.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';
import { contentDir } from '../io/content-dir.ts';
import { ARTICLE_LIST_FILE, planShards, type ShardArticle } from '../search/build/shards.ts';
import { mergeShardBundles } from '../search/build/pagefind/merge-bundles.ts';
import { mark } from './build-timings.ts';
import type { WorkerInput, WorkerMessage } from '../search/build/search-worker.ts';

export const BUNDLE_DIR = 'pagefind';
/** Pagefind processes at once while Astro renders, and after. */
const SLOTS_WHILE_RENDERING = 1;
const SLOTS_AFTER = 2;
const WORKERS = 2;

/**
 * The published articles, as the articles loader listed them for this build. Missing or empty, the
 * index would silently be empty: a build error instead.
 */
export function readArticleList(listFile: string): ShardArticle[] {
  if (!existsSync(listFile)) {
    throw new Error(`search index: expected the list of published articles that the articles loader (src/loaders/articles.ts) writes at ${listFile}, found no file. The loader did not run before the build started; the search index is not built from nothing.`);
  }
  let list: unknown;
  try {
    list = JSON.parse(readFileSync(listFile, 'utf8'));
  } catch (e) {
    throw new Error(`search index: ${listFile}: expected the JSON list of published articles, found unreadable text (${(e as Error).message})`);
  }
  if (!Array.isArray(list) || list.some((a) => typeof a?.id !== 'string' || typeof a?.date !== 'string')) {
    throw new Error(`search index: ${listFile}: expected a list of {id, date} of published articles, found ${JSON.stringify(list)?.slice(0, 80)}`);
  }
  if (!list.length) {
    throw new Error(`search index: ${listFile}: expected at least one published article to index, found none (every article is a draft, or content/articles is empty). Publish an article (draft: false) before building the site.`);
  }
  return list as ShardArticle[];
}

export default function searchIndex(): AstroIntegration {
  let outDir = '';
  let cacheDir = '';
  let job: Promise<{ name: string; dir: string; pages: number; cached: boolean; seconds: number }[]> | undefined;
  let rendering = true;
  let grant: () => void = () => {};
  const workers: Worker[] = [];

  function start(): void {
    const articles = readArticleList(join(cacheDir, ARTICLE_LIST_FILE));
    // JIEXUN_SHARD_MAX: a different shard size, for benchmarks (memory against query bytes).
    const plans = planShards(articles, Number(process.env.JIEXUN_SHARD_MAX) || undefined);
    mark('index:start');
    const shardCache = join(cacheDir, 'search-shards');
    // Shards alternate between the workers, newest first, the order Astro renders articles in.
    const assigned = Array.from({ length: Math.min(WORKERS, plans.length) }, (_, w) => plans.filter((_, i) => i % WORKERS === w));
    let busy = 0;
    const waiting: (() => void)[] = [];
    grant = () => {
      while (waiting.length && busy < (rendering ? SLOTS_WHILE_RENDERING : SLOTS_AFTER)) {
        busy++;
        waiting.shift()!();
      }
    };
    job = Promise.all(
      assigned.map(
        (shards) =>
          new Promise<{ name: string; dir: string; pages: number; cached: boolean; seconds: number }[]>((resolve, reject) => {
            const done: { name: string; dir: string; pages: number; cached: boolean; seconds: number }[] = [];
            const worker = new Worker(new URL('../search/build/search-worker.ts', import.meta.url), {
              workerData: { outDir, shardCache, contentDir: contentDir(), shards } satisfies WorkerInput,
            });
            workers.push(worker);
            worker.on('message', (m: WorkerMessage) => {
              if (m.type === 'acquire') {
                waiting.push(() => worker.postMessage({ type: 'granted' }));
                grant();
              } else if (m.type === 'release') {
                busy--;
                grant();
              } else if (m.type === 'shard') done.push(m);
              else if (m.type === 'done') void worker.terminate().then(() => resolve(done));
              else if (m.type === 'error') void worker.terminate().then(() => reject(new Error(`search index: ${m.message}`)));
            });
            worker.on('error', reject);
          }),
      ),
    ).then((parts) => parts.flat().sort((a, b) => plans.findIndex((p) => p.name === a.name) - plans.findIndex((p) => p.name === b.name)));
  }

  return {
    name: 'jiexun:search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:start': () => start(),
      'astro:build:generated': () => {
        rendering = false;
        for (const w of workers) w.postMessage({ type: 'generated' });
        grant();
      },
      'astro:build:done': async ({ dir, logger }) => {
        const shards = await job!;
        mark('index:done');
        const merged = await mergeShardBundles(shards.map((s) => s.dir), join(fileURLToPath(dir), BUNDLE_DIR), {
          chunkCache: join(cacheDir, 'search-chunks'),
          // JIEXUN_CHUNK_BYTES: smaller index chunks, for tests (look-ups across many chunks).
          chunkBytes: Number(process.env.JIEXUN_CHUNK_BYTES) || undefined,
        });
        mark('index:merged');
        // Keep the cache to the shards this build used.
        const used = new Set(shards.map((s) => s.dir.split('/').pop()));
        const shardCache = join(cacheDir, 'search-shards');
        for (const name of existsSync(shardCache) ? readdirSync(shardCache) : []) if (!used.has(name)) rmSync(join(shardCache, name), { recursive: true, force: true });
        const indexed = shards.filter((s) => !s.cached);
        logger.info(`Search index: ${shards.length} shards, ${indexed.length} indexed (${indexed.reduce((n, s) => n + s.pages, 0)} articles, ${indexed.reduce((t, s) => t + s.seconds, 0).toFixed(1)} s), ${shards.length - indexed.length} reused; merged into one index of ${merged.pages} pages in ${merged.chunks} chunks.`);
      },
    },
  };
}
