// The article as the site uses it: frontmatter resolved against the registries, plus id and summary.
import type { ArticleFrontmatter } from '../schema.ts';
import { joinCjkLineBreaks } from '../markdown/remark-cjk-linebreak.ts';

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

/** The first real paragraph of a Markdown body as plain text, for lists and meta descriptions. */
export function summaryFromBody(body: string): string {
  const para = body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .find((p) => p && !/^(#|!\[|<|>|\||[-*] )/.test(p));
  if (!para) return '';
  const plain = joinCjkLineBreaks(para)
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]/g, '')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
  return [...plain].length > SUMMARY_MAX ? `${[...plain].slice(0, SUMMARY_MAX).join('')}…` : plain;
}

/** Newest first; same-day articles by id so the order is stable across builds. */
export function byDateDesc(a: Pick<Article, 'date' | 'id'>, b: Pick<Article, 'date' | 'id'>): number {
  return a.date < b.date ? 1 : a.date > b.date ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
