// The article as the site uses it: frontmatter resolved against the registries, plus id and summary.
import type { ArticleFrontmatter } from '../schema.ts';
import type { Root } from 'hast';
import { toText } from 'hast-util-to-text';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import remarkCjkLinebreak, { joinCjkLineBreaks } from '../markdown/remark-cjk-linebreak.ts';
import { articleSanitizeSchema } from '../markdown/sanitize-schema.ts';

/** A photo of the article, as the site index keeps it (src is replaced by the image's metadata in Astro). */
export interface ArticlePhoto {
  src: string;
  alt: string;
  caption: string;
  /** Names credited for this photo alone; empty when the article's `photo:` credits it. */
  credit: string[];
}

export interface Article extends ArticleFrontmatter {
  /** The file name without .md; the URL is /articles/<id>/. */
  id: string;
  summary: string;
  /** The body's photos in reading order (absent or empty: none). */
  photos?: ArticlePhoto[];
  /** The story's image: `cover:` or the first photo; undefined without photos. */
  lead?: string;
}

const SUMMARY_MAX = 120;

// A paragraph with raw HTML, entities or escapes goes through the article pipeline (parsed, then
// sanitised as the page shows it) so a summary is only ever the text a reader sees.
const NEEDS_PIPELINE = /[<&\\]/;
const toPlainText = unified()
  .use(remarkParse)
  .use(remarkCjkLinebreak)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeSanitize, articleSanitizeSchema)
  .freeze();

function paragraphText(markdown: string): string {
  if (!NEEDS_PIPELINE.test(markdown)) {
    return joinCjkLineBreaks(markdown)
      .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[*_`]/g, '');
  }
  const tree = toPlainText.runSync(toPlainText.parse(markdown));
  return toText(tree as Root);
}

/** The first real paragraph of a Markdown body as plain text, for lists, feeds and meta descriptions. */
export function summaryFromBody(body: string): string {
  const para = body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .find((p) => p && !/^(#|!\[|<|>|\||[-*] )/.test(p));
  if (!para) return '';
  const plain = paragraphText(para).replace(/\s*\n\s*/g, ' ').trim();
  return [...plain].length > SUMMARY_MAX ? `${[...plain].slice(0, SUMMARY_MAX).join('')}…` : plain;
}

/** Newest first; same-day articles by id so the order is stable across builds. */
export function byDateDesc(a: Pick<Article, 'date' | 'id'>, b: Pick<Article, 'date' | 'id'>): number {
  return a.date < b.date ? 1 : a.date > b.date ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
