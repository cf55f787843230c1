// Loads content/articles/**/*.md: validated by the shared schema with editor-friendly errors
// (file:line:col, the bad value, the closest valid names), rendered once, cached by content digest.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { articleIdOf, duplicateIdProblem, readArticleSource } from '../io/articles.ts';
import { listMarkdown, readTextFileAsync } from '../io/content-files.ts';
import { loadRegistries, REGISTRY_FILES } from '../io/registries.ts';
import { ContentError, type Problem } from '../io/problems.ts';
import { checkPhotoFiles, photoSourcesOf } from '../io/photos.ts';
import type { Article } from '../lib/article.ts';
import { ARTICLE_LIST_FILE } from '../search/build/shards.ts';
import { mark } from '../integrations/build-timings.ts';
import { codeStamp } from './code-stamp.ts';
import { astroFilePaths, projectRootOf } from './project-root.ts';
import { createMarkdownPool, type MarkdownPool } from './markdown-pool.ts';

/** From this many articles on, bodies are rendered on a worker thread (starting one costs ~0.3 s). */
export const POOL_FROM = 400;

/** POOL_FROM, or JIEXUN_POOL_FROM: a test build sets it low so the worker pool runs in a real build. */
export function poolFrom(env: Record<string, string | undefined> = process.env): number {
  const n = Number(env.JIEXUN_POOL_FROM);
  return env.JIEXUN_POOL_FROM !== undefined && Number.isInteger(n) && n >= 0 ? n : POOL_FROM;
}

/** What every entry's digest covers besides its own source: the registries (an article's resolved place
 * depends on them) and the code that reads it (src/loaders/code-stamp.ts). */
export function registriesStamp(contentDir: string, root: string): string {
  return [codeStamp(root), ...REGISTRY_FILES.map((f) => (existsSync(join(contentDir, f)) ? readFileSync(join(contentDir, f), 'utf8') : ''))].join('\u0000');
}

const watching = new WeakSet<object>();

/** Astro's marker for an image path in entry data (astro/dist/content/consts.js IMAGE_IMPORT_PREFIX). */
const IMAGE_IMPORT_PREFIX = '__ASTRO_IMAGE_';

/** The article's photo paths marked for Astro's content layer, which resolves them to imported images. */
function withImageReferences(a: Article): Record<string, unknown> {
  return {
    ...a,
    photos: (a.photos ?? []).map((p) => ({ ...p, src: IMAGE_IMPORT_PREFIX + p.src })),
    ...(a.lead ? { lead: IMAGE_IMPORT_PREFIX + a.lead } : {}),
  };
}

export function articlesLoader(contentDir: string): Loader {
  return {
    name: 'jiexun-articles',
    load: async function load(context) {
      const { store, renderMarkdown, generateDigest, config, watcher } = context;
      mark('articles:load');
      const root = projectRootOf(config);
      const astroFilePath = astroFilePaths(config);
      const registries = loadRegistries(contentDir);
      const stamp = generateDigest(registriesStamp(contentDir, root));
      const listing = listMarkdown(join(contentDir, 'articles'), (abs) => relative(root, abs), contentDir);
      const files = listing.files;
      const untouched = new Set(store.keys());
      const problems: Problem[] = [...listing.problems];
      const firstFileOf = new Map<string, string>();
      /** Takes an id for a file; false (and a problem) when another file has it already. */
      const claim = (id: string, rel: string): boolean => {
        const first = firstFileOf.get(id);
        if (first) problems.push(duplicateIdProblem(rel, id, [first]));
        else firstFileOf.set(id, rel);
        return !first;
      };
      // A large archive renders on a worker thread while this one reads and validates.
      let pool: MarkdownPool | undefined;
      const threshold = poolFrom();
      const render = (body: string, file: string) => {
        if (files.length < threshold) return renderMarkdown(body, { fileURL: pathToFileURL(file) });
        pool ??= createMarkdownPool(1);
        return pool.render(body, pathToFileURL(file));
      };
      // Bounded concurrency: enough renders in flight to keep the worker busy.
      let next = 0;
      const worker = async () => {
        while (next < files.length) {
          const file = files[next++];
          const rel = relative(root, file);
          const read = await readTextFileAsync(file, rel);
          if ('problem' in read) {
            problems.push(read.problem);
            continue;
          }
          const source = read.source;
          const digest = generateDigest(`${stamp}\u0000${source}`);
          const filePath = astroFilePath(file);
          const known = store.get(articleIdOf(rel));
          if (known?.digest === digest && known.filePath === filePath) {
            // Stored valid from this very source and these registries (the digest covers both): a
            // rebuild after one edit need not parse the other ten thousand files again.
            if (claim(known.id, rel)) untouched.delete(known.id);
            continue;
          }
          const parsed = readArticleSource(rel, source, registries);
          problems.push(...parsed.problems);
          const article = parsed.article;
          if (!article) continue;
          if (!claim(article.id, rel)) continue;
          if (article.draft) continue; // drafts never reach the built site
          untouched.delete(article.id);
          const photoCheck = checkPhotoFiles(file, rel, photoSourcesOf(parsed), contentDir);
          if (photoCheck.problems.some((p) => p.severity === 'error')) {
            problems.push(...photoCheck.problems);
            continue;
          }
          const rendered = await render(parsed.body, file);
          // The body stays out of the store: pages use the rendered HTML, and a smaller store loads faster.
          // Photos go in as image references: Astro imports them and pages get their metadata for getImage().
          // Astro's own pass over <img> in the HTML is not wanted: photos are placeholders there.
          store.set({ id: article.id, data: withImageReferences(article), filePath, digest, rendered: { ...rendered, metadata: { ...rendered.metadata, imagePaths: [] } } });
        }
      };
      try {
        await Promise.all(Array.from({ length: 16 }, worker));
      } finally {
        await pool?.close();
      }
      mark('articles:loaded');
      const errors = problems.filter((p) => p.severity === 'error');
      if (errors.length) throw new ContentError(errors);
      for (const id of untouched) store.delete(id);
      // The search index plans its shards from this list before any page is rendered.
      const list = store.values().map((e) => ({ id: e.id, date: (e.data as { date: string }).date }));
      const listFile = join(fileURLToPath(config.cacheDir), ARTICLE_LIST_FILE);
      mkdirSync(join(listFile, '..'), { recursive: true });
      writeFileSync(listFile, JSON.stringify(list));
      // `npm run dev`: reload when an article is added, changed or removed (unchanged ones are kept by
      // digest). A registry change needs a restart: the registries are read once per process.
      if (watcher && !watching.has(watcher)) {
        watching.add(watcher);
        watcher.add(contentDir);
        const reload = (path: string) => {
          if (path.startsWith(join(contentDir, 'articles')) && path.endsWith('.md')) load(context).catch((e: Error) => context.logger.error(e.message));
        };
        for (const event of ['add', 'change', 'unlink'] as const) watcher.on(event, reload);
      }
    },
  };
}
