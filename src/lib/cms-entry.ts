// What the CMS saves, rewritten the way `npm run new` writes it. Decap writes its own YAML
// (block lists, `draft: false`, empty optional fields as "", its own key order, images as
// `photo.jpg`); check would refuse the empty fields and the rest would read differently from
// every other file, so the save proxy (scripts/edit/) passes each saved file through here:
// schema field order, one name as a scalar and several as a flow list, empty fields dropped,
// photos beside the article written `./photo.jpg`, the CMS's own `file` field removed.
import { isScalar, isSeq, parse, parseDocument, stringify } from 'yaml';
import { ARTICLE_FIELDS, BULLETIN_FIELDS, type Registries } from '../schema.ts';
import { markdownFile } from './frontmatter-text.ts';
import { headlineSlug } from './new-article.ts';
import { CMS_ONLY_FIELDS } from './cms-config.ts';

/** Frontmatter and body of a Markdown file as Decap writes it; undefined without a frontmatter block. */
export function splitMarkdown(raw: string): { fields: Record<string, unknown>; body: string } | undefined {
  const m = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)([\s\S]*)$/.exec(raw);
  if (!m) return undefined;
  const data = parse(m[1] || '{}', { schema: 'core' }) as unknown;
  if (data !== null && (typeof data !== 'object' || Array.isArray(data))) return undefined;
  return { fields: (data ?? {}) as Record<string, unknown>, body: m[2] };
}

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || v === false || (Array.isArray(v) && v.length === 0)
  || (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every(isEmpty));

/** Trimmed text, lists of trimmed non-empty texts, nested maps cleaned the same way. */
function clean(v: unknown): unknown {
  if (typeof v === 'string') return v.trim();
  if (Array.isArray(v)) return v.map(clean).filter((x) => !isEmpty(x));
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const c = clean(x);
      if (!isEmpty(c)) out[k] = c;
    }
    return out;
  }
  return v;
}

/** A photo beside the article, as the photos convention writes it: `photo.jpg` → `./photo.jpg`. */
function besideArticle(src: string): string {
  return /^[^/\\:#?]+\.[A-Za-z0-9]+$/.test(src) && !src.startsWith('.') ? `./${src}` : src;
}

/** `![说明](photo.jpg)` → `![说明](./photo.jpg)`; other links and images are left as written. */
export function photosBesideArticle(body: string): string {
  return body.replace(/(!\[[^\]\n]*\]\()(<?)([^)\s>]+)(>?)/g, (all, open: string, lt: string, src: string, gt: string) => `${open}${lt}${besideArticle(src)}${gt}`);
}

/** One name stays a scalar (reporter: 鲁燕), several a list (reporter: [鲁燕, 张三]). */
function nameValue(v: unknown): unknown {
  const list = (Array.isArray(v) ? v : typeof v === 'string' ? v.split(/[、,，;；]+/) : [v]).map((x) => (typeof x === 'string' ? x.trim() : x)).filter((x) => !isEmpty(x));
  return list.length === 1 ? list[0] : list;
}

const NAME_FIELDS = new Set(['reporter', 'correspondent', 'photo']);

/** Fields in the schema's order, then any others (kept, so check names them). */
function ordered(fields: Record<string, unknown>, order: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const drop = new Set<string>(CMS_ONLY_FIELDS);
  for (const key of [...order, ...Object.keys(fields).filter((k) => !order.includes(k))]) {
    if (drop.has(key) || !(key in fields)) continue;
    const v = clean(fields[key]);
    if (!isEmpty(v)) out[key] = v;
  }
  return out;
}

/** An article as the CMS saved it, rewritten as `npm run new` would write it. */
export function canonicalArticle(raw: string): string | undefined {
  const split = splitMarkdown(raw);
  if (!split) return undefined;
  const fields = ordered(split.fields, ARTICLE_FIELDS);
  for (const key of NAME_FIELDS) if (key in fields && fields[key] !== true) fields[key] = nameValue(fields[key]);
  if ('star' in fields) fields.star = nameValue(fields.star);
  if (typeof fields.cover === 'string') fields.cover = besideArticle(fields.cover);
  return markdownFile(fields, photosBesideArticle(split.body));
}

/**
 * Decap names an article in a folder by year by its path (2022/2022-09-08-lianhu-yuju); a bulletin
 * lists articles by id (2022-09-08-lianhu-yuju). The save proxy hands bulletins to the editor with
 * the year in front, so the article picker recognises them, and takes it off again on save.
 */
export function bulletinForCms(raw: string): string {
  const m = /^(\uFEFF?---\r?\n)([\s\S]*?\r?\n?)(---[ \t]*(?:\r?\n|$)[\s\S]*)$/.exec(raw);
  if (!m) return raw;
  const doc = parseDocument(m[2], { schema: 'core' });
  const list = doc.get('articles', true);
  if (!isSeq(list)) return raw;
  for (const item of list.items) {
    if (isScalar(item) && typeof item.value === 'string' && /^\d{4}-/.test(item.value)) item.value = `${item.value.slice(0, 4)}/${item.value}`;
  }
  return `${m[1]}${doc.toString({ lineWidth: 0 })}${m[3]}`;
}

/** A bulletin as the CMS saved it, written as `npm run bulletin` writes one (articles one per line). */
export function canonicalBulletin(raw: string): string | undefined {
  const split = splitMarkdown(raw);
  if (!split) return undefined;
  if (Array.isArray(split.fields.articles)) {
    split.fields.articles = split.fields.articles.map((a) => (typeof a === 'string' ? a.replace(/^\d{4}\//, '') : a));
  }
  return markdownFile(ordered(split.fields, BULLETIN_FIELDS), photosBesideArticle(split.body), { blockLists: ['articles'] });
}

/** A registry file (a top-level list) as Decap edits it: the list under one key. */
export function wrapRegistry(key: string, text: string): string {
  const list = parse(text, { schema: 'core' }) as unknown;
  // A place's `stars:` may be one set or a list; the editor's multiple select needs a list.
  const entries = (Array.isArray(list) ? list : []).map((e) => (key === 'places' && typeof e?.stars === 'string' ? { ...e, stars: [e.stars] } : e));
  return stringify({ [key]: entries }, { lineWidth: 0 });
}

/** Back to the file's own shape, its opening comment block kept: a top-level list. */
export function unwrapRegistry(key: string, decapText: string, previous: string): string {
  const data = parse(decapText, { schema: 'core' }) as Record<string, unknown> | null;
  const list = (Array.isArray(data?.[key]) ? (data[key] as unknown[]) : []).map(clean);
  const header = /^(?:#[^\n]*\n|\s*\n)*/.exec(previous)?.[0] ?? '';
  const body = stringify(list, { lineWidth: 0, flowCollectionPadding: false, collectionStyle: 'any' })
    // Short lists (aliases, sets, roles) as flow lists, like the hand-written files.
    .replace(/^(\s*)(aliases|sets|stars|roles|formerIds):\n((?:\1 {2}- [^\n]+\n)+)/gm, (_all, indent: string, k: string, items: string) =>
      `${indent}${k}: [${items.trim().split('\n').map((l) => l.trim().slice(2)).join(', ')}]\n`);
  return `${header}${body}`;
}

/** Every way a place is written (name, aliases, its parents' names): kept out of a file name. */
function spellings(registries: Registries, placeId: string): string[] {
  return registries.places.lineage(placeId).flatMap((p) => [p.name, ...p.aliases]);
}

/**
 * The file name (without .md) a new article gets, as `npm run new` makes it:
 * <date>-<place-id>-<pinyin of the headline>; undefined until title, place and date are usable.
 */
export function articleFileId(registries: Registries, entry: { title?: string; street?: string; date?: string }): string | undefined {
  const title = entry.title?.trim();
  const date = entry.date?.trim();
  const place = entry.street ? registries.places.resolve(entry.street.trim()) : undefined;
  if (!title || !place || !date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  return `${date}-${place.id}-${headlineSlug(title, spellings(registries, place.id))}`;
}

/** A new bulletin's file name: <date>-<pinyin of the title>, like the committed ones (2022-09-08-ruanshili). */
export function bulletinFileId(entry: { title?: string; date?: string }): string | undefined {
  const title = entry.title?.trim();
  const date = entry.date?.trim();
  if (!title || !date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  return `${date}-${headlineSlug(title)}`;
}
