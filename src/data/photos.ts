// Photos through Astro's image service (sharp): every rendition a page shows is made by getImage(),
// which Astro generates once per build and keeps in its asset cache (<cacheDir>/assets) across builds.
// The loader hands photo paths to the content layer, so entry data holds each photo's metadata.
import { getImage } from 'astro:assets';
import type { ImageMetadata } from 'astro';
import type { Article } from '../lib/article.ts';
import { PHOTO_WIDTHS, photoCredit, photoFigureHtml, webpSourceSrcset, webpWidths, type PhotoRenditions } from '../lib/photo-figure.ts';
import { PHOTO_PLACEHOLDER_RE } from '../markdown/photos.ts';
import { ui } from '../ui/strings.ts';

/** The widest rendition: the <img> fallback and the og:image (social cards ask for 1200 wide). */
const LARGEST = PHOTO_WIDTHS.at(-1)!;
/** List thumbnails: 4:3 in an 80 × 60 px slot, made for 2× screens. */
export const THUMB = { width: 160, height: 120, css: { width: 80, height: 60 } } as const;

/** In entry data a photo's src is the imported image (see src/loaders/articles.ts). */
const meta = (src: unknown): ImageMetadata => src as ImageMetadata;
/**
 * The image's facts, read from a copy: reading the imported image itself marks the original as used,
 * and Astro then copies the full-size original into dist/ (getImage() reads a copy too).
 */
const facts = (src: unknown): ImageMetadata => (src as { clone?: ImageMetadata }).clone ?? meta(src);

const made = new Map<string, Promise<PhotoRenditions>>();

/**
 * WebP at 480 and 720 wide (an original narrower than 720 at its own width), and one JPEG at the largest width: the
 * large size in every browser (WEBP_WIDTHS says why), the fallback without WebP and the og:image,
 * one file. A JPEG per width as well would cost two more encodes per photo for browsers that no
 * longer exist in practice.
 */
export function photoRenditions(src: unknown): Promise<PhotoRenditions> {
  const m = meta(src);
  const f = facts(src);
  let r = made.get(f.src);
  if (!r) {
    const width = Math.min(f.width, LARGEST);
    const widths = webpWidths(width);
    r = Promise.all([
      Promise.all(widths.map((w) => getImage({ src: m, width: w, format: 'webp' }))),
      getImage({ src: m, width, format: 'jpg' }),
    ]).then(([webp, jpeg]) => ({
      width,
      height: Number(jpeg.attributes.height),
      sources: [{ type: 'image/webp', srcset: webpSourceSrcset(webp.map((x, i) => ({ url: x.src, width: widths[i] })), { url: jpeg.src, width }) }],
      jpeg: { src: jpeg.src, srcset: `${jpeg.src} ${width}w` },
    }));
    made.set(f.src, r);
  }
  return r;
}

/** The article's lead photo as a 1200-wide JPEG (the same file as its largest rendition). */
export async function leadImage(a: Article): Promise<{ src: string; width: number; height: number } | undefined> {
  if (!a.lead) return undefined;
  const img = await getImage({ src: meta(a.lead), width: Math.min(facts(a.lead).width, LARGEST), format: 'jpg' });
  return { src: img.src, width: Number(img.attributes.width), height: Number(img.attributes.height) };
}

/** A list thumbnail of the lead photo, cropped to 4:3. */
export async function thumbnail(a: Article): Promise<{ src: string; width: number; height: number } | undefined> {
  if (!a.lead) return undefined;
  const img = await getImage({ src: meta(a.lead), width: THUMB.width, height: THUMB.height, fit: 'cover', format: 'webp' });
  return { src: img.src, ...THUMB.css };
}

/**
 * The rendered body with each photo placeholder replaced by its <figure>. The first photo loads at
 * once, the rest when scrolled to; `eager: 'all'` loads every one (a bulletin, made to be printed).
 */
export async function bodyWithPhotos(html: string, a: Article, personHref: (name: string) => string | undefined, o: { eager?: 'first' | 'all' } = {}): Promise<string> {
  const indices = [...html.matchAll(PHOTO_PLACEHOLDER_RE)].map((m) => Number(m[1]));
  if (!indices.length) return html;
  const figures = new Map<number, string>();
  await Promise.all(
    indices.map(async (i, n) => {
      const photo = a.photos?.[i];
      if (!photo) return;
      const credit = photoCredit(photo, a).map((name) => ({ name, href: personHref(name) }));
      figures.set(i, photoFigureHtml(await photoRenditions(photo.src), { alt: photo.alt, caption: photo.caption, credit, creditLabel: ui.photo, eager: n === 0 || o.eager === 'all' }));
    }),
  );
  return html.replace(PHOTO_PLACEHOLDER_RE, (_, i: string) => figures.get(Number(i)) ?? '');
}
