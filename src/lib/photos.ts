// Photos in an article body: `![说明](./photo.jpg)` (or `"标题"`) with the file beside the article.
// Which images are photos, their captions and credits, and where each is written — the one reading
// shared by `npm run check`, the loader and the Markdown pipeline, so all three agree.
import type { Image, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** File types the image pipeline (sharp, through Astro) reads; the order is the one messages list. */
export const PHOTO_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp', 'avif'] as const;
/** A camera's full-size JPEG is 5–15 MB; more is a scan or a mistake, and slows every cold build. */
export const PHOTO_MAX_BYTES = 20 * 1024 * 1024;

export interface PhotoRef {
  /** As written in the Markdown, relative to the article's file. */
  src: string;
  alt: string;
  /** The text shown under the photo; empty when the editor wrote none. */
  caption: string;
  /** Names credited for this photo alone (`"摄影 王梦梦"`, `王梦梦 摄`); empty: the article's `photo:`. */
  credit: string[];
  /** Position of the image in the body (1-based; line within the body). */
  line: number;
  col: number;
}

/** A local photo path: not a web address, not a site path, not an in-page anchor. */
export function isLocalPhoto(url: string): boolean {
  return !!url && !url.startsWith('/') && !url.startsWith('#') && !/^[a-z][a-z0-9+.-]*:/i.test(url);
}

const NAMES = /[、,，;；\s]+/;
// "摄影 王梦梦", "摄影：王梦梦", "图 王梦梦" — or the newspaper's "王梦梦 摄".
const CREDIT_BEFORE = /^(?:摄影|图)\s*[:：]?\s*(\S.*)$/;
const CREDIT_AFTER = /^(\S.*?)\s*摄$/;
// A credit closing a caption: "……豫剧演出（王梦梦 摄）" or "……豫剧演出 摄影：王梦梦".
const TRAILING = /\s*[（(]\s*((?:摄影|图)\s*[:：]?\s*\S[^（）()]*?|\S[^（）()]*?\s*摄)\s*[）)]\s*$|\s+((?:摄影|图)\s*[:：]\s*\S+|\S+\s+摄)\s*$/;

/** The names in a credit such as "摄影 王梦梦" or "王梦梦、张三 摄"; undefined when it is not one. */
export function creditNames(text: string): string[] | undefined {
  const t = text.trim();
  const m = CREDIT_BEFORE.exec(t) ?? CREDIT_AFTER.exec(t);
  if (!m) return undefined;
  const names = m[1].split(NAMES).filter(Boolean);
  return names.length && names.every((n) => [...n].length <= 8) ? names : undefined;
}

/** A credit to the paper's staff rather than a person ("本报记者 摄"): no one to find in people.yaml. */
export function isStaffCredit(name: string): boolean {
  return /^(?:(?:本报|本刊|本台|本网)(?:特约)?(?:记者|通讯员|摄影记者)?|记者|通讯员|摄影记者)$/.test(name.trim());
}

/** Caption and credit from the Markdown alt text and title. */
export function captionAndCredit(alt: string, title: string | null | undefined): { caption: string; credit: string[] } {
  const t = (title ?? '').trim();
  const fromTitle = t ? creditNames(t) : undefined;
  let caption = fromTitle || !t ? alt.trim() : t;
  let credit = fromTitle ?? [];
  const m = TRAILING.exec(caption);
  const trailing = m ? creditNames(m[1] ?? m[2]) : undefined;
  if (m && trailing) {
    caption = caption.slice(0, m.index).trim();
    if (!credit.length) credit = trailing;
  }
  return { caption, credit };
}

/** The photos of a parsed Markdown body, in reading order, with the image nodes they come from. */
export function photoNodes(tree: Root): { node: Image; ref: PhotoRef }[] {
  const out: { node: Image; ref: PhotoRef }[] = [];
  const walk = (node: Root | Root['children'][number]) => {
    if (node.type === 'image') take(node);
    else if ('children' in node) for (const child of node.children) walk(child);
  };
  const take = (node: Image) => {
    let src = node.url;
    try {
      src = decodeURI(node.url);
    } catch {
      // An undecodable path stays as written; the file check reports it.
    }
    if (!isLocalPhoto(src)) return;
    const alt = node.alt ?? '';
    const start = node.position?.start ?? { line: 1, column: 1 };
    out.push({ node, ref: { src, alt: alt.trim(), ...captionAndCredit(alt, node.title), line: start.line, col: start.column } });
  };
  walk(tree);
  return out;
}

const parser = unified().use(remarkParse);

/** The photos of a Markdown body. Bodies without `![` (most) are not parsed at all. */
export function findPhotos(body: string): PhotoRef[] {
  if (!body.includes('![')) return [];
  return photoNodes(parser.parse(body) as Root).map((p) => p.ref);
}

/** "jpg" for "./a/b.JPG"; "" without an extension. */
export function photoExtension(src: string): string {
  const m = /\.([a-z0-9]+)$/i.exec(src.split(/[?#]/)[0]);
  return m ? m[1].toLowerCase() : '';
}

const HTML_IMG = /<img\b[^>]*?\bsrc\s*=\s*["']?([^"'\s>]+)/gi;

/** HTML <img> tags with a local src in a body: the site drops them (nothing publishes the file). */
export function findHtmlImages(body: string): { src: string; line: number; col: number }[] {
  if (!/<img\b/i.test(body)) return [];
  const out: { src: string; line: number; col: number }[] = [];
  body.split('\n').forEach((text, i) => {
    for (const m of text.matchAll(HTML_IMG)) if (isLocalPhoto(m[1])) out.push({ src: m[1], line: i + 1, col: m.index + 1 });
  });
  return out;
}
