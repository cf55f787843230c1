// Turns one article page, as read from the built HTML, into its Pagefind record (character tokens)
// and its search-catalog facts (facets and date order come from the catalog, not from Pagefind). The facts come from data attributes the
// article page writes on its <article> element, resolved against the registries — never from text.
import type { CustomRecord } from 'pagefind';
import type { Registries } from '../../schema.ts';
import type { ArticleText } from './article-html.ts';
import { encodeTokens } from '../shared/char-tokens.ts';
import { textToDigits } from '../shared/digit-text.ts';
import { foldWord } from '../shared/normalize.ts';
import type { FoldTable } from '../shared/fold-table.ts';
import type { CatalogNamed, CatalogPlace } from '../shared/catalog.ts';

/**
 * Pagefind's language for the records. Not "zh-cn": Pagefind would run its Chinese segmenter
 * over the tokens (3× slower, nothing gained). With one language in the bundle, the browser
 * loads this index whatever the page's lang, and queries go through unchanged.
 */
export const INDEX_LANGUAGE = 'und';

export interface ArticleFacts {
  url: string;
  date: string;
  place: string;
  stars: string[];
  people: CatalogNamed[];
}

export interface SearchRecord {
  record: CustomRecord;
  /** The text as shown, which the published fragment carries instead of the indexed tokens (bundle.ts). */
  shown: string;
  facts: ArticleFacts;
  /** The lineage shown in the breadcrumb (no province), city first. */
  lineage: CatalogPlace[];
}

export class RecordError extends Error {}

function attr(a: ArticleText, name: string, file: string, expected: string): string {
  const v = a.attrs.get(name);
  if (v === undefined) throw new RecordError(`${file}: <article> attribute ${name}: expected ${expected}, found none`);
  return v;
}

export function buildSearchRecord(article: ArticleText, url: string, file: string, registries: Registries, table: FoldTable): SearchRecord {
  const date = attr(article, 'data-date', file, 'a date YYYY-MM-DD');
  if (!/^\d{4}-\d\d-\d\d$/.test(date)) throw new RecordError(`${file}: <article> attribute data-date: expected a date YYYY-MM-DD, found ${JSON.stringify(date)}`);
  const placeId = attr(article, 'data-place', file, 'a place id from places.yaml');
  const place = registries.places.byId(placeId);
  if (!place) throw new RecordError(`${file}: <article> attribute data-place: expected a place id from places.yaml, found ${JSON.stringify(placeId)}`);
  const stars = (article.attrs.get('data-stars') ?? '').split(/\s+/).filter(Boolean);
  for (const s of stars) {
    if (!registries.stars.byId(s)) throw new RecordError(`${file}: <article> attribute data-stars: expected star ids from stars.yaml, found ${JSON.stringify(s)}`);
  }
  const people = parsePeople(attr(article, 'data-reporters', file, 'a JSON list of [id, name] pairs'), file);

  const lineage = registries.places.lineage(place.id).filter((p) => p.level !== 'province');
  // A registry alias must find its place even when it is not part of the place's name
  // (莲湖 is part of 莲湖街道, but an alias need not be): such aliases are appended to the text.
  const extra = lineage.flatMap((p) => p.aliases.map((a) => foldWord(a, table))).filter((alias, i, all) => alias && all.indexOf(alias) === i && !article.folded.includes(alias));
  const text = [article.folded, ...extra].join(' ');

  return {
    record: {
      url,
      content: encodeTokens(text).join(' '),
      language: INDEX_LANGUAGE,
      // Digits only: Pagefind indexes meta values as words, and digits can never match a token.
      meta: {
        title: `${article.title[0]},${article.title[1]}`,
        head: String(article.headEnd),
        // The lead photo's list thumbnail, shown beside the result (data-thumb on the article page).
        ...(article.attrs.get('data-thumb') ? { thumb: textToDigits(article.attrs.get('data-thumb')!) } : {}),
      },
    },
    shown: article.text,
    facts: { url, date, place: place.id, stars, people },
    lineage: lineage.map((p) => ({ id: p.id, name: p.name, level: p.level, ...(p.parent ? { parent: p.parent } : {}), ...(p.aliases.length ? { aliases: p.aliases } : {}) })),
  };
}

function parsePeople(json: string, file: string): CatalogNamed[] {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    data = undefined;
  }
  const ok = Array.isArray(data) && data.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && p[0] && typeof p[1] === 'string' && p[1]);
  if (!ok) throw new RecordError(`${file}: <article> attribute data-reporters: expected a JSON list of [id, name] pairs, found ${JSON.stringify(json.slice(0, 80))}`);
  return (data as [string, string][]).map(([id, name]) => ({ id, name }));
}
