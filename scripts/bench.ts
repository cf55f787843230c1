// npm run bench -- --articles N [--keep] [--phases] [--edit] [--seed S]
// Generates a synthetic archive of N articles, runs the full production build on it (every page
// type and the search index) in a temporary folder, and reports wall time per phase, pages,
// peak memory of the whole process tree, output and index size. The last line is JSON.
//   --edit    then edit one article and build again (the incremental case)
//   --keep    keep the temporary folder (printed) for inspection
//   --weight  also measure an article page's gzip weight, a first search query's bytes and the
//             time to its results, after Enter on the open page and from a link (Chromium)
//   --queries Q1,Q2  the first queries --weight measures (default: six, 网格化 first); the first is the
//             one the budget figures (firstQueryKB, firstResultsMs) report
//   --photos N  give N articles a photo each (2400 × 1600 JPEGs made with sharp); with --rebuild,
//             build again with only Astro's image cache kept (<cache>/assets): the photo-cache-warm case
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from './bench/corpus.ts';
import { watchPeakMemory } from './bench/process-memory.ts';
import { articleWeightKB, firstQueryKB, firstResultsMs, photoPageKB, WEIGHT_QUERIES, withWeightSite, type FirstResults } from './bench/page-weight.ts';
import { listMarkdownFiles } from '../src/io/articles.ts';
import { addPhotosToCorpus } from './bench/photos.ts';

const root = resolve(import.meta.dirname, '..');
const { values } = (() => {
  try {
    return parseArgs({
      options: { articles: { type: 'string' }, keep: { type: 'boolean' }, phases: { type: 'boolean' }, edit: { type: 'boolean' }, weight: { type: 'boolean' }, seed: { type: 'string' }, photos: { type: 'string' }, rebuild: { type: 'boolean' }, queries: { type: 'string' } },
    });
  } catch (e) {
    console.error(`npm run bench: ${(e as Error).message}\nusage: npm run bench -- --articles N [--photos N [--rebuild]] [--phases] [--edit] [--weight [--queries Q1,Q2]] [--keep] [--seed S]`);
    process.exit(2);
  }
})();
const n = Number(values.articles);
if (!Number.isInteger(n) || n < 1) {
  console.error(`--articles: expected a positive whole number, found ${values.articles ?? 'nothing'}`);
  process.exit(2);
}

const photoCount = Number(values.photos ?? 0);
if (!Number.isInteger(photoCount) || photoCount < 0) {
  console.error(`--photos: expected a whole number of photos, found ${values.photos}`);
  process.exit(2);
}

const queries = values.queries === undefined ? [...WEIGHT_QUERIES] : values.queries.split(',').map((q) => q.trim());
if (!queries.length || queries.some((q) => !q)) {
  console.error(`--queries: expected search queries separated by commas, found ${JSON.stringify(values.queries)}`);
  process.exit(2);
}

function duMB(path: string): number {
  if (!existsSync(path)) return 0;
  let bytes = 0;
  for (const f of readdirSync(path, { recursive: true, encoding: 'utf8' })) {
    const st = statSync(join(path, f));
    if (st.isFile()) bytes += st.size;
  }
  return Math.round((bytes / 1048576) * 10) / 10;
}

interface Mark { event: string; t: number }

/** CPU seconds (user + system) of this process's finished children, from /proc (Linux); 0 elsewhere. */
function childCpuSeconds(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[13]) + Number(f[14])) / 100;
  } catch {
    return 0;
  }
}

async function build(work: string, label: string) {
  const timings = join(work, `timings-${label}.jsonl`);
  rmSync(timings, { force: true });
  const started = Date.now();
  const cpuBefore = childCpuSeconds();
  const child = spawn(process.execPath, [join(root, 'scripts/build.ts'), '--out', join(work, 'dist')], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, JIEXUN_CONTENT: join(work, 'content'), JIEXUN_CACHE: join(work, 'cache'), JIEXUN_TIMINGS: timings, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  const mem = watchPeakMemory(child.pid!);
  const code: number = await new Promise((r) => child.on('exit', (c) => r(c ?? 1)));
  const peakRssMB = mem.stop();
  const wallSeconds = (Date.now() - started) / 1000;
  // CPU time of the whole build (threads and the processes it ran): what the build costs on a
  // shared machine, where wall time also measures the neighbours.
  const cpuSeconds = Math.round((childCpuSeconds() - cpuBefore) * 10) / 10;
  if (code !== 0) throw new Error(`the ${label} build failed (exit ${code})`);
  const marks: Mark[] = existsSync(timings) ? readFileSync(timings, 'utf8').trim().split('\n').map((l) => JSON.parse(l)) : [];
  const at = (e: string) => marks.find((m) => m.event === e)?.t;
  const secs = (a?: number, b?: number) => (a && b ? Math.round((b - a) / 100) / 10 : null);
  // Index work: the sum of the shards' indexing times (cached shards cost nothing), plus merging
  // the shards into the published index, which every build does.
  const shardStarts = new Map(marks.filter((m) => / start$/.test(m.event)).map((m) => [m.event.replace(/ start$/, ''), m.t]));
  const shardMs = marks.filter((m) => / end$/.test(m.event)).reduce((t, m) => t + (m.t - (shardStarts.get(m.event.replace(/ end$/, '')) ?? m.t)), 0);
  const merged = at('index:merged');
  const mergeMs = merged && at('index:done') ? merged - at('index:done')! : 0;
  const phases = {
    indexWorkSeconds: Math.round((shardMs + mergeMs) / 100) / 10,
    mergeSeconds: Math.round(mergeMs / 100) / 10,
    checkSeconds: secs(started, at('check:done')),
    contentSeconds: secs(at('config'), at('build:start')),
    renderSeconds: secs(at('build:start'), at('build:done')),
    indexSeconds: secs(at('index:start'), at('index:merged')),
    // Bulletin PDFs: from the start of printing (or, in older builds, the end of rendering) to the last PDF.
    pdfSeconds: secs(at('bulletin-pdf:start') ?? at('build:done'), at('bulletin-pdf:done')),
    pdfPrinted: marks.filter((m) => m.event.startsWith('bulletin-pdf:printed ')).length,
  };
  return { wallSeconds, cpuSeconds, peakRssMB, ...phases, marks };
}

const work = mkdtempSync(join(tmpdir(), `jiexun-bench-${n}-`));
try {
  const t0 = Date.now();
  const corpus = generateCorpus({ articles: n, seed: Number(values.seed ?? 20221), from: join(root, 'content'), to: join(work, 'content') });
  const photos = photoCount ? await addPhotosToCorpus(join(work, 'content'), listMarkdownFiles(join(work, 'content/articles')), photoCount) : 0;
  const generateSeconds = (Date.now() - t0) / 1000;
  console.log(`Generated ${corpus.files} articles${photos ? ` (${photos} with a photo)` : ''} and ${corpus.bulletins} bulletins in ${generateSeconds.toFixed(1)} s (${work}).`);
  const cold = await build(work, 'cold');
  const dist = join(work, 'dist');
  const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).length;
  const result: Record<string, unknown> = {
    articles: n,
    photos,
    pages,
    wallSeconds: cold.wallSeconds,
    cpuSeconds: cold.cpuSeconds,
    peakRssMB: cold.peakRssMB,
    contentSeconds: cold.contentSeconds,
    renderSeconds: cold.renderSeconds,
    indexSeconds: cold.indexSeconds,
    indexWorkSeconds: cold.indexWorkSeconds,
    mergeSeconds: cold.mergeSeconds,
    checkSeconds: cold.checkSeconds,
    pdfSeconds: cold.pdfSeconds,
    pdfPrinted: cold.pdfPrinted,
    outputMB: duMB(dist),
    indexMB: duMB(join(dist, 'pagefind')),
  };
  if (values.edit) {
    const files = listMarkdownFiles(join(work, 'content/articles'));
    const target = files[Math.floor(files.length / 2)];
    writeFileSync(target, `${readFileSync(target, 'utf8').trimEnd()}\n\n编辑补充：本段为增量构建测试而添加。\n`);
    const warm = await build(work, 'edit');
    Object.assign(result, {
      editWallSeconds: warm.wallSeconds,
      editPeakRssMB: warm.peakRssMB,
      editIndexWorkSeconds: warm.indexWorkSeconds,
      editMergeSeconds: warm.mergeSeconds,
      editPdfSeconds: warm.pdfSeconds,
      editPdfPrinted: warm.pdfPrinted,
      editRatio: Math.round((warm.wallSeconds / cold.wallSeconds) * 100) / 100,
      editIndexRatio: cold.indexWorkSeconds ? Math.round((warm.indexWorkSeconds / cold.indexWorkSeconds) * 100) / 100 : null,
    });
  }
  if (values.rebuild) {
    // Everything cold again except Astro's image cache: what an unchanged photo costs a later build.
    const cache = join(work, 'cache');
    for (const entry of existsSync(cache) ? readdirSync(cache) : []) if (entry !== 'assets') rmSync(join(cache, entry), { recursive: true, force: true });
    const again = await build(work, 'rebuild');
    Object.assign(result, { rebuildWallSeconds: again.wallSeconds, rebuildCpuSeconds: again.cpuSeconds, rebuildPeakRssMB: again.peakRssMB, rebuildRenderSeconds: again.renderSeconds });
  }
  if (values.weight) {
    // 网格化 is the budget's query (its characters are in 84–98 % of the corpus); the others show
    // the range, from a reporter's name to the campaign's own words, found in nearly every article.
    const byQuery: Record<string, number> = {};
    const timeByQuery: Record<string, FirstResults> = {};
    const withPhoto = photos ? readdirSync(join(dist, 'articles')).find((id) => existsSync(join(dist, 'articles', id, 'index.html')) && readFileSync(join(dist, 'articles', id, 'index.html'), 'utf8').includes('<figure class="photo">')) : undefined;
    // One server and one Chromium for every measurement; each opens its own context, with an empty cache.
    const photoPage = await withWeightSite(dist, async (site) => {
      for (const q of queries) {
        byQuery[q] = await firstQueryKB(site, q);
        timeByQuery[q] = await firstResultsMs(site, q);
      }
      return withPhoto ? photoPageKB(site, withPhoto) : undefined;
    });
    Object.assign(result, {
      articlePageKB: articleWeightKB(dist),
      firstQueryKB: byQuery[queries[0]],
      firstQueryKBByQuery: byQuery,
      firstResultsMs: timeByQuery[queries[0]].enterMs,
      firstResultsMsByQuery: timeByQuery,
    });
    if (photoPage) Object.assign(result, { photoPageKB: photoPage.kb, photoPageRendition: photoPage.photo });
  }
  console.log('');
  console.log(`articles        ${n}`);
  console.log(`pages           ${pages}`);
  console.log(`wall            ${cold.wallSeconds.toFixed(1)} s (${cold.cpuSeconds} s of CPU)`);
  console.log(`  check         ${cold.checkSeconds ?? '?'} s`);
  console.log(`  content load  ${cold.contentSeconds ?? '?'} s`);
  console.log(`  page render   ${cold.renderSeconds ?? '?'} s`);
  console.log(`  search index  ${cold.indexSeconds ?? '?'} s from the first rendered page (${cold.indexWorkSeconds} s of index work, ${cold.mergeSeconds} s of it merging the shards)`);
  console.log(`  bulletin PDFs ${cold.pdfSeconds ?? '?'} s (${cold.pdfPrinted} printed)`);
  console.log(`peak memory     ${cold.peakRssMB} MB (process tree)`);
  if (values.rebuild) console.log(`rebuild with only the image cache warm ${result.rebuildWallSeconds} s (${result.rebuildCpuSeconds} s of CPU), peak ${result.rebuildPeakRssMB} MB`);
  console.log(`output          ${result.outputMB} MB, search index ${result.indexMB} MB`);
  if (values.edit) console.log(`edit one, rebuild ${result.editWallSeconds} s (${Math.round(Number(result.editRatio) * 100)}% of cold), index work ${result.editIndexWorkSeconds} s (${Math.round(Number(result.editIndexRatio) * 100)}% of cold)`);
  if (result.photoPageKB !== undefined) console.log(`article page with a photo, 375 px phone (2×): ${result.photoPageKB} KB transferred (${result.photoPageRendition})`);
  if (values.weight) {
    console.log(`article page    ${result.articlePageKB} KB gzip (HTML + CSS); first search query fetches ${Object.entries(result.firstQueryKBByQuery as Record<string, number>).map(([q, kb]) => `${kb} KB (${q})`).join(', ')}`);
    console.log(`first results   ${Object.entries(result.firstResultsMsByQuery as Record<string, FirstResults>).map(([q, t]) => `${t.enterMs} ms after Enter, ${t.linkMs} ms from a link (${q})`).join('; ')}`);
  }
  if (values.phases) {
    console.log('\nphase marks (s since start, process RSS MB):');
    const first = cold.marks[0]?.t ?? 0;
    // One mark per bulletin printed or reused: too many to list.
    for (const m of (cold.marks as (Mark & { rssMB?: number })[]).filter((m) => !/^bulletin-pdf:(printed|reused) /.test(m.event))) console.log(`  ${((m.t - first) / 1000).toFixed(1).padStart(6)}  ${m.event}  ${m.rssMB ?? ''}`);
  }
  console.log(JSON.stringify(result));
} finally {
  if (values.keep) console.error(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
