// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig, sharpImageService } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import buildTimings from './src/integrations/build-timings.ts';
import searchIndex from './src/integrations/search-index.ts';
import photoOriginals from './src/integrations/photo-originals.ts';
import admin from './src/integrations/admin.ts';
import bulletinPdf from './src/integrations/bulletin-pdf.ts';
import { starColours } from './src/integrations/star-colours.ts';
import { contentDir } from './src/io/content-dir.ts';
import { cacheDir } from './src/io/cache-dir.ts';
import { readSiteSettings } from './src/io/site-settings.ts';
import { unified } from '@astrojs/markdown-remark';
import { markdownOptions, MARKDOWN_SYNTAX_HIGHLIGHT } from './src/markdown/options.ts';

// The public address (canonical links, feeds, the sitemap, meta tags) is `url:` in content/site.yaml;
// SITE_URL overrides it for a staging copy. A broken site.yaml is reported by the content check,
// which stops the build, so the stand-in address below never reaches a published page.
// JIEXUN_OUT / JIEXUN_CACHE: where scripts/build.ts builds (it swaps into dist/ on success).
const settings = readSiteSettings(contentDir()).settings;
const cache = cacheDir(fileURLToPath(new URL('.', import.meta.url)));
export default defineConfig({
  site: process.env.SITE_URL ?? settings?.url ?? 'https://invalid.example/',
  outDir: process.env.JIEXUN_OUT ?? './dist',
  cacheDir: cache,
  trailingSlash: 'always',
  // Pages render a few at a time, so the main thread renders while earlier pages are being written.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  devToolbar: { enabled: false },
  // Photos (src/data/photos.ts): WebP at effort 2 encodes a photo's renditions in about two thirds of
  // the default's time for files ~5 % larger — what keeps 2,000 cold photos in the build budget
  // (docs/performance.md). AVIF would cost 4–5× WebP per rendition, so it is not made.
  image: { service: sharpImageService({ webp: { effort: 2 } }) },
  prefetch: false,
  // buildTimings first so its build:done mark precedes the search indexing that follows it.
  integrations: [buildTimings(), photoOriginals(), sitemap(), searchIndex(), bulletinPdf(), admin()],
  // Vite's own cache in the build's too, not <root>/node_modules/.vite: a build's Astro root is its
  // own (src/io/astro-root.ts), and two builds at once must not share Vite's either.
  vite: { cacheDir: `${cache}/vite`, plugins: [starColours()] },
  markdown: {
    syntaxHighlight: MARKDOWN_SYNTAX_HIGHLIGHT,
    processor: unified(markdownOptions),
  },
});
