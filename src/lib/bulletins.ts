// Which articles a bulletin (专版 or 简报) holds: its ordered list, or its selection resolved
// against the site index. Unknown ids are errors that name the bulletin file and the closest ids.
import type { Article } from './article.ts';
import type { BulletinFrontmatter } from '../schema.ts';
import type { SiteIndex } from './site-index.ts';
import { closest, didYouMean } from './suggest.ts';
import { seriesName } from './bulletin-series.ts';

export interface Bulletin extends BulletinFrontmatter {
  id: string;
  /** The source file, for error messages. */
  file: string;
}

export interface ResolvedBulletin {
  bulletin: Bulletin;
  articles: Article[];
}

/** The message for a bulletin naming an article that does not exist, with the closest ids. */
export function unknownArticleMessage(id: string, candidates: readonly { name: string; spellings: readonly string[] }[]): string {
  return `expected the id of an article in content/articles/, found ${id}${didYouMean(closest(id, candidates))}`;
}

/** A briefing reads oldest first; stories of one day as their page printed them (position), then by id. */
export function byDateAndPage(a: Pick<Article, 'date' | 'id' | 'position'>, b: Pick<Article, 'date' | 'id' | 'position'>): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  const pa = a.position ?? Infinity;
  const pb = b.position ?? Infinity;
  if (pa !== pb) return pa < pb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function selectArticles(index: Pick<SiteIndex, 'articles' | 'inPlace'>, select: NonNullable<BulletinFrontmatter['select']>): Article[] {
  const pool = select.places?.length ? [...new Set(select.places.flatMap((p) => index.inPlace(p)))] : index.articles;
  return pool
    .filter((a) => (!select.from || a.date >= select.from) && (!select.to || a.date <= select.to))
    .filter((a) => !select.stars?.length || a.stars.some((s) => select.stars!.includes(s)))
    .sort(byDateAndPage);
}

/**
 * What a bulletin covers, to tell a second 简报 of the same district and quarter: its kind and
 * series (masthead; a 增刊 apart), its period, and the districts of its stories (or of its
 * selection). Empty for a bulletin without a period (a 专版 is one printed page: two on a day are
 * two pages).
 */
export function bulletinScope(b: Pick<Bulletin, 'kind' | 'date' | 'period' | 'articles' | 'select' | 'masthead' | 'department' | 'supplement'>, placeOf: (articleId: string) => string | undefined, districtOf: (placeId: string) => string | undefined): string {
  const when = b.period ? `${b.period.from}..${b.period.to}` : b.select?.from && b.select?.to ? `${b.select.from}..${b.select.to}` : '';
  if (!when) return '';
  const places = b.articles ? b.articles.map(placeOf) : (b.select?.places ?? []);
  const districts = [...new Set(places.map((p) => (p ? (districtOf(p) ?? p) : undefined)).filter(Boolean))].sort();
  return [b.kind, seriesName(b), b.supplement ? '增刊' : '', when, districts.join(',') || '*'].join('|');
}

export function resolveBulletins(bulletins: readonly Bulletin[], index: Pick<SiteIndex, 'articles' | 'inPlace' | 'byId'>): ResolvedBulletin[] {
  const errors: string[] = [];
  let ids: { name: string; spellings: string[] }[] | undefined;
  const resolved = bulletins.map((bulletin) => {
    if (!bulletin.articles) return { bulletin, articles: selectArticles(index, bulletin.select!) };
    const articles: Article[] = [];
    // A story listed twice is printed once (npm run check warns about the repeat).
    for (const id of new Set(bulletin.articles)) {
      const a = index.byId.get(id);
      if (a) articles.push(a);
      else {
        ids ??= index.articles.map((x) => ({ name: x.id, spellings: [x.id] }));
        errors.push(`${bulletin.file}  articles: ${unknownArticleMessage(id, ids)}`);
      }
    }
    return { bulletin, articles };
  });
  if (errors.length) throw new Error(errors.join('\n'));
  return resolved.sort((a, b) => (a.bulletin.date < b.bulletin.date ? 1 : a.bulletin.date > b.bulletin.date ? -1 : a.bulletin.id.localeCompare(b.bulletin.id)));
}

/** article id → the bulletins it appears in, newest first. */
export function bulletinsByArticle(resolved: readonly ResolvedBulletin[]): Map<string, Bulletin[]> {
  const map = new Map<string, Bulletin[]>();
  for (const r of resolved) {
    for (const a of r.articles) {
      const list = map.get(a.id);
      if (list) list.push(r.bulletin);
      else map.set(a.id, [r.bulletin]);
    }
  }
  return map;
}

/** The name printed in red at the top: the masthead field, else the bulletin's title. */
export function mastheadOf(b: Pick<BulletinFrontmatter, 'masthead' | 'title'>): string {
  return b.masthead ?? b.title;
}

/** The in-page anchor of a story: the contents link to it, and the PDF's page numbers are read from it. */
export function storyAnchor(articleId: string): string {
  return `a-${articleId}`;
}
