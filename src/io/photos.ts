// Finds an article's photo files and says, in the editor's terms, what is wrong with any of them:
// missing, outside the content folder, not an image, too large — errors at the image's line:col,
// naming the photo — and a photo without a caption (a warning). Shared by `npm run check` and the loader.
import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { PHOTO_EXTENSIONS, PHOTO_MAX_BYTES, photoExtension } from '../lib/photos.ts';
import { closest, didYouMean } from '../lib/suggest.ts';
import type { ArticleFile } from './articles.ts';
import { PROBLEM, type Problem, type ProblemCode } from './problems.ts';
import { findHtmlImages } from '../lib/photos.ts';

export interface PhotoSource {
  src: string;
  /** Where it is written in the article file (1-based). */
  line: number;
  col: number;
  caption?: string;
  /** The frontmatter field it comes from (cover), or empty for a photo in the body. */
  field?: string;
}

/** What the file's first bytes say it is; undefined for anything sharp would refuse as a photo. */
function imageKind(abs: string): string | undefined {
  const head = Buffer.alloc(16);
  const fd = openSync(abs, 'r');
  try {
    readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (head.toString('latin1', 0, 4) === 'RIFF' && head.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  if (head.toString('latin1', 4, 8) === 'ftyp' && /^avi[fs]$/.test(head.toString('latin1', 8, 12))) return 'avif';
  return undefined;
}

const megabytes = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/**
 * Checks the photos of one article. `articleAbs` is the article's file, `display` its path in
 * messages; returns the problems and, for each usable photo, its absolute path.
 */
export function checkPhotoFiles(articleAbs: string, display: string, photos: readonly PhotoSource[], contentDir: string): { problems: Problem[]; files: (string | undefined)[] } {
  const problems: Problem[] = [];
  const root = resolve(contentDir);
  const dir = dirname(articleAbs);
  const files = photos.map((p) => {
    const at = { file: display, line: p.line, col: p.col, field: p.field || p.src };
    const error = (code: ProblemCode, message: string) => {
      problems.push({ ...at, severity: 'error', code, message });
      return undefined;
    };
    if (p.caption !== undefined && !p.caption) {
      problems.push({ ...at, severity: 'warning', code: PROBLEM.photoNoCaption, message: `expected a caption (图片说明), as in ![居民观看豫剧演出](${p.src}), found none; readers and screen readers see no description` });
    }
    const abs = resolve(dir, p.src);
    if (abs !== root && !abs.startsWith(root + sep)) {
      return error(PROBLEM.photoOutside, `expected a photo inside the content folder (put it beside the article: ./${basename(p.src)}), found a path outside it: ${p.src}`);
    }
    const ext = photoExtension(p.src);
    if (!(PHOTO_EXTENSIONS as readonly string[]).includes(ext)) {
      return error(PROBLEM.photoType, `expected a photo file ending in ${PHOTO_EXTENSIONS.map((e) => `.${e}`).join(', ')}, found ${basename(p.src)}`);
    }
    let size: number;
    try {
      const st = statSync(abs);
      if (!st.isFile()) return error(PROBLEM.photoMissing, `expected a photo file, found a folder: ${p.src}`);
      size = st.size;
    } catch {
      let near = '';
      try {
        const names = readdirSync(dirname(abs)).filter((n) => (PHOTO_EXTENSIONS as readonly string[]).includes(photoExtension(n)));
        near = didYouMean(closest(basename(abs), names.map((n) => ({ name: n, spellings: [n] }))));
        if (!near && names.length && names.length <= 6) near = ` (photos in that folder: ${names.sort().join(', ')})`;
      } catch {
        // The folder itself is missing: nothing to suggest.
      }
      return error(PROBLEM.photoMissing, `expected the photo file ${join(dirname(display), p.src)}, found no such file${near}`);
    }
    if (size > PHOTO_MAX_BYTES) {
      return error(PROBLEM.photoTooLarge, `expected a photo of at most ${megabytes(PHOTO_MAX_BYTES)} (export it smaller, about 3000 pixels wide), found ${basename(p.src)} of ${megabytes(size)}`);
    }
    if (!imageKind(abs)) {
      return error(PROBLEM.photoNotImage, `expected a JPEG, PNG, WebP or AVIF image, found ${basename(p.src)}, which is not one (${size} bytes of something else)`);
    }
    return abs;
  });
  return { problems, files };
}

/** The photos an article names: those in its body, then its `cover:`. */
export function photoSourcesOf(result: Pick<ArticleFile, 'photos' | 'article' | 'locate'>): PhotoSource[] {
  const list: PhotoSource[] = result.photos.map((p) => ({ src: p.src, line: p.line, col: p.col, caption: p.caption }));
  const cover = result.article?.cover;
  if (cover) list.push({ src: cover, ...result.locate(['cover']), field: 'cover' });
  return list;
}

/** Warnings for HTML <img> tags with a local src, which the site leaves out (src/markdown/photos.ts). */
export function htmlImageWarnings(result: Pick<ArticleFile, 'body' | 'bodyLine' | 'file'>): Problem[] {
  return findHtmlImages(result.body).map((img) => ({
    file: result.file,
    line: img.line + result.bodyLine - 1,
    col: img.col,
    field: img.src,
    severity: 'warning' as const,
    code: PROBLEM.htmlImage,
    message: `expected a photo written as ![说明](./${img.src.replace(/^\.\//, '')}), found an HTML <img>, which the site leaves out (it would show as a broken image)`,
  }));
}
