// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import remarkCjkLinebreak from './src/markdown/remark-cjk-linebreak.ts';
import { articleSanitizeSchema } from './src/markdown/sanitize-schema.ts';

// SITE_URL: the public address, for canonical links, feeds and the sitemap.
// JIEXUN_OUT / JIEXUN_CACHE: where scripts/build.ts builds (it swaps into dist/ on success).
export default defineConfig({
  site: process.env.SITE_URL ?? 'https://jiexun.example.cn',
  outDir: process.env.JIEXUN_OUT ?? './dist',
  cacheDir: process.env.JIEXUN_CACHE ?? './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  prefetch: false,
  integrations: [sitemap()],
  markdown: {
    syntaxHighlight: false,
    smartypants: false,
    remarkPlugins: [remarkCjkLinebreak],
    rehypePlugins: [rehypeRaw, [rehypeSanitize, articleSanitizeSchema]],
  },
});
