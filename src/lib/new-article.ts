// A new article as `npm run new` writes it: the file name <date>-<place-id>-<short>.md, where
// <short> is a pinyin slug of the headline, and frontmatter the shared schema accepts.
import { markdownFile } from './frontmatter-text.ts';
import { pinyinWords } from './pinyin.ts';

/** The first paragraph of a new article, for the editor to replace; `npm run check` warns while it is there. */
export const BODY_PLACEHOLDER = '（在此撰写正文）';

/** How many words of the headline go into the file name. */
const SLUG_GROUPS = 3;

/** Today's date (YYYY-MM-DD) in Beijing time, where the paper is published. */
export function todayInShanghai(now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * The pinyin slug of a headline: Han text word by word (微更新 → weigengxin), Latin letters and
 * digits as written, the first three words joined by "-". The place's own
 * names are left out first, since the place id already leads the file name.
 */
export function headlineSlug(title: string, omit: readonly string[] = []): string {
  let text = title;
  for (const s of [...omit].filter(Boolean).sort((a, b) => b.length - a.length)) text = text.split(s).join(' ');
  if (!/[\p{Script=Han}A-Za-z0-9]/u.test(text)) text = title;
  const groups: string[] = [];
  for (const run of text.match(/\p{Script=Han}+|[A-Za-z0-9]+/gu) ?? []) {
    if (!/\p{Script=Han}/u.test(run)) {
      groups.push(run.toLowerCase());
      continue;
    }
    groups.push(...pinyinWords(run));
  }
  const slug = groups.filter(Boolean).slice(0, SLUG_GROUPS).join('-');
  return slug || 'wenzhang';
}

export interface NewArticleInput {
  title: string;
  kicker?: string;
  subtitle?: string;
  /** The place as content/places.yaml names it (莲湖街道). */
  street: string;
  placeId: string;
  /** Spellings of the place (name, aliases, parents' names) to keep out of the slug. */
  placeSpellings?: readonly string[];
  stars?: readonly string[];
  reporters: readonly string[];
  correspondents?: readonly string[];
  /** YYYY-MM-DD. */
  date: string;
}

export interface NewArticle {
  id: string;
  /** Where it goes, relative to the content folder: articles/<yyyy>/<id>.md. */
  path: string;
  source: string;
}

/** One name stays a scalar (reporter: 鲁燕), several become a flow list (reporter: [鲁燕, 张三]). */
function nameValue(names: readonly string[]): string | string[] {
  return names.length === 1 ? names[0] : [...names];
}

export function newArticle(input: NewArticleInput): NewArticle {
  const id = `${input.date}-${input.placeId}-${headlineSlug(input.title, input.placeSpellings)}`;
  const fields: Record<string, unknown> = { title: input.title };
  if (input.kicker) fields.kicker = input.kicker;
  if (input.subtitle) fields.subtitle = input.subtitle;
  fields.street = input.street;
  if (input.stars?.length) fields.star = nameValue(input.stars);
  fields.date = input.date;
  fields.reporter = nameValue(input.reporters);
  if (input.correspondents?.length) fields.correspondent = nameValue(input.correspondents);
  return { id, path: `articles/${input.date.slice(0, 4)}/${id}.md`, source: markdownFile(fields, BODY_PLACEHOLDER) };
}
