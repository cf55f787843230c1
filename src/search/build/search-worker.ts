// A worker thread that indexes search shards while Astro is still rendering pages: it waits for a
// shard's article pages to be written, fingerprints them, reuses the cached bundle when nothing
// changed, and otherwise has Pagefind index the shard (Pagefind runs as its own process) and adds
// the character pairs (pair-postings.ts). It asks the main thread for a slot first, so only as many
// Pagefind processes run as memory allows.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { loadRegistries } from '../../io/registries.ts';
import { writeSearchBundle } from './pagefind/bundle.ts';
import { ENTRY_FILE, writeShardPostings } from './pagefind/shard-postings.ts';
import { indexedRegion, shardDigest } from './shard-digest.ts';
import type { ShardPlan } from './shards.ts';
import { mark } from '../../integrations/build-timings.ts';

export interface WorkerInput {
  outDir: string;
  shardCache: string;
  contentDir: string;
  shards: ShardPlan[];
}
export type WorkerMessage =
  | { type: 'acquire' }
  | { type: 'release' }
  | { type: 'shard'; name: string; dir: string; pages: number; cached: boolean; seconds: number }
  | { type: 'done' }
  | { type: 'error'; message: string };

const { outDir, shardCache, contentDir, shards } = workerData as WorkerInput;
const port = parentPort!;
const post = (m: WorkerMessage) => port.postMessage(m);
let granted: (() => void) | undefined;
/** Set once Astro has written every page: a page still missing then will never come. */
let generated = false;
port.on('message', (m: { type: string }) => {
  if (m.type === 'granted') granted?.();
  if (m.type === 'generated') generated = true;
});
const acquire = () =>
  new Promise<void>((resolve) => {
    granted = resolve;
    post({ type: 'acquire' });
  });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The shard's pages and their indexed regions, once every page is fully written. */
async function pagesOf(ids: readonly string[]): Promise<{ html: string[]; regions: string[] }> {
  const regions: (string | undefined)[] = ids.map(() => undefined);
  const html: string[] = [];
  for (;;) {
    const last = generated;
    let missing = 0;
    ids.forEach((id, i) => {
      if (regions[i] !== undefined) return;
      const file = join(outDir, 'articles', id, 'index.html');
      if (existsSync(file)) {
        html[i] = readFileSync(file, 'utf8');
        regions[i] = indexedRegion(html[i]);
      }
      if (regions[i] === undefined) missing++;
    });
    if (!missing) return { html, regions: regions as string[] };
    if (last) {
      const absent = ids.filter((_, i) => regions[i] === undefined);
      throw new Error(`expected Astro to have written these article pages, found none: ${absent.slice(0, 5).map((id) => `articles/${id}/index.html`).join(', ')}${absent.length > 5 ? ` and ${absent.length - 5} more` : ''}`);
    }
    await sleep(100);
  }
}

async function run() {
  const registries = loadRegistries(contentDir);
  for (const shard of shards) {
    const { html, regions } = await pagesOf(shard.ids);
    const started = performance.now();
    const dir = join(shardCache, `${shard.name}-${shardDigest(regions)}`);
    if (existsSync(join(dir, ENTRY_FILE))) {
      post({ type: 'shard', name: shard.name, dir, pages: shard.ids.length, cached: true, seconds: 0 });
      continue;
    }
    await acquire();
    mark(`shard ${shard.name} start`);
    const scratch = `${dir}.writing-${process.pid}`;
    try {
      rmSync(scratch, { recursive: true, force: true });
      mkdirSync(shardCache, { recursive: true });
      await writeSearchBundle(outDir, shard.ids, scratch, registries, html);
      // Inside the slot: run beside rendering, this work slowed Astro more than it saved.
      writeShardPostings(scratch);
      rmSync(dir, { recursive: true, force: true });
      renameSync(scratch, dir);
    } finally {
      mark(`shard ${shard.name} end`);
      post({ type: 'release' });
    }
    post({ type: 'shard', name: shard.name, dir, pages: shard.ids.length, cached: false, seconds: (performance.now() - started) / 1000 });
  }
  post({ type: 'done' });
}

run().catch((e: unknown) => post({ type: 'error', message: e instanceof Error ? (e.stack ?? e.message) : String(e) }));
