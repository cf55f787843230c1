// The Markdown pipeline (remark → rehype through @astrojs/markdown-remark's unified processor),
// shared by astro.config.mjs and the tests so both render exactly alike.
import type { UnifiedProcessorOptions } from '@astrojs/markdown-remark';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import remarkCjkLinebreak from './remark-cjk-linebreak.ts';
import { rehypePhotos, remarkPhotos } from './photos.ts';
import rehypeArticleIds from './rehype-article-ids.ts';
import { articleSanitizeSchema } from './sanitize-schema.ts';

export const markdownOptions: UnifiedProcessorOptions = {
  remarkPlugins: [remarkCjkLinebreak, remarkPhotos],
  // Raw HTML is parsed into elements first, so the sanitiser sees (and filters) it; photos become
  // placeholders after it (the page fills them with processed images); footnote ids are left
  // unprefixed by remark-rehype because the sanitiser prefixes every id once.
  rehypePlugins: [rehypeRaw, [rehypeSanitize, articleSanitizeSchema], rehypePhotos, rehypeArticleIds],
  remarkRehype: { clobberPrefix: '' },
  smartypants: false,
  gfm: true,
};

/** Code blocks are left unhighlighted: news copy has none worth a highlighter's weight. */
export const MARKDOWN_SYNTAX_HIGHLIGHT = false;
