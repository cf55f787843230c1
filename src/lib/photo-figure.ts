// The HTML of a photo as printed in an article: <figure> with a <picture> (a modern format's
// srcset, then the JPEG <img> that every browser can show) and a <figcaption> holding the caption
// and the credit. Pure: src/data/photos.ts passes the renditions Astro's image service made.
import type { ArticlePhoto, Article } from './article.ts';
import { isStaffCredit } from './photos.ts';

export interface Rendition {
  /** The image's URL (the largest JPEG for <img src>). */
  src: string;
  /** "url 480w, url 800w, …" */
  srcset: string;
}

export interface PhotoRenditions {
  width: number;
  height: number;
  /** Modern formats, best first: [{ type: 'image/avif', srcset }, { type: 'image/webp', srcset }]. */
  sources: { type: string; srcset: string }[];
  jpeg: Rendition;
}

/** The photo's slot: the article column (38em of 18 px, less on phones, whose page has 1 rem margins). */
export const PHOTO_SIZES = '(max-width: 44rem) calc(100vw - 2rem), 42rem';
/** Widths made of every photo (narrower originals stop at their own width): 720 fills a 375 px phone at 2×. */
export const PHOTO_WIDTHS = [480, 720, 1200] as const;
/**
 * The widths made in WebP. The widest is the JPEG alone: at 1200 wide WebP saved nothing over it on
 * the benchmark's photos (201 KB against 196 KB) and cost 44 % of a photo's encoding time.
 */
export const WEBP_WIDTHS = PHOTO_WIDTHS.slice(0, -1);

/** The WebP widths of a photo `width` wide (at most 1200): WEBP_WIDTHS below it, and its own width when no wider than they go. */
export function webpWidths(width: number): number[] {
  const below = WEBP_WIDTHS.filter((w) => w < width);
  return width <= WEBP_WIDTHS.at(-1)! ? [...below, width] : below;
}

/**
 * The srcset of the WebP <source>: its widths, then the widest JPEG when it is wider, so that a
 * browser with WebP still finds the large size (every such browser shows JPEG too).
 */
export function webpSourceSrcset(webp: { url: string; width: number }[], jpeg: { url: string; width: number }): string {
  const widest = Math.max(0, ...webp.map((w) => w.width));
  return [...webp, ...(jpeg.width > widest ? [jpeg] : [])].map((c) => `${c.url} ${c.width}w`).join(', ');
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Who took the photo: its own credit, else the article's `photo:` names, else (文/图) its reporters. */
export function photoCredit(photo: Pick<ArticlePhoto, 'credit'>, article: Pick<Article, 'photo' | 'reporters'>): string[] {
  if (photo.credit.length) return photo.credit;
  if (Array.isArray(article.photo)) return article.photo;
  if (article.photo === true) return article.reporters;
  return [];
}

/** Everyone credited for the article's photos: `photo:` names (or the reporters, for 文/图) and per-photo credits naming a person. */
export function photographersOf(a: Pick<Article, 'photo' | 'photos' | 'reporters'>): string[] {
  const names = new Set(Array.isArray(a.photo) ? a.photo : a.photo === true ? a.reporters : []);
  // A staff credit (本报记者 摄) names no one: no person page.
  for (const p of a.photos ?? []) for (const n of p.credit) if (!isStaffCredit(n)) names.add(n);
  return [...names];
}

export interface FigureOptions {
  alt: string;
  caption: string;
  /** Names, already resolved with photoCredit(), each with its person page when there is one. */
  credit: { name: string; href?: string }[];
  creditLabel: string;
  /** The first photo loads at once (it is usually in the first screen); the others when scrolled to. */
  eager: boolean;
}

export function photoFigureHtml(r: PhotoRenditions, o: FigureOptions): string {
  const sources = r.sources.map((s) => `<source type="${s.type}" srcset="${esc(s.srcset)}" sizes="${PHOTO_SIZES}">`).join('');
  const loading = o.eager ? 'loading="eager" fetchpriority="high"' : 'loading="lazy"';
  const img = `<img src="${esc(r.jpeg.src)}" srcset="${esc(r.jpeg.srcset)}" sizes="${PHOTO_SIZES}" width="${r.width}" height="${r.height}" alt="${esc(o.alt || o.caption)}" ${loading} decoding="async">`;
  const names = o.credit.map((c) => (c.href ? `<a href="${esc(c.href)}">${esc(c.name)}</a>` : esc(c.name))).join(' ');
  const credit = names ? `<span class="credit">${esc(o.creditLabel)} ${names}</span>` : '';
  const caption = o.caption || credit ? `<figcaption>${esc(o.caption)}${o.caption && credit ? ' ' : ''}${credit}</figcaption>` : '';
  return `<figure class="photo"><picture>${sources}${img}</picture>${caption}</figure>`;
}
