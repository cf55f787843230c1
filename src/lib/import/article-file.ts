// What an imported story becomes on disk: its frontmatter fields, in the order editors read
// them, and its path content/articles/<yyyy>/<date>-<place-id>-<short>.md, <short> being the
// same headline slug `npm run new` makes.
import type { PlaceRegistry } from '../places.ts';
import { headlineSlug } from '../new-article.ts';
import type { ImportedArticle } from './import-page.ts';

export interface ArticleFileOptions {
  date: string;
  bulletin?: string;
  source?: string;
  /** The story's place on its page (1 = first): same-day stories in a bulletin follow it. */
  position?: number;
}

const oneOrMany = (names: readonly string[]) => (names.length === 1 ? names[0] : [...names]);

/** Frontmatter as the content schema expects it; empty fields are left out rather than written blank. */
export function articleFrontmatter(a: ImportedArticle, opts: ArticleFileOptions): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  if (a.title) data.title = a.title;
  if (a.kicker) data.kicker = a.kicker;
  if (a.subtitle) data.subtitle = a.subtitle;
  const street = a.street ?? a.placeWritten;
  if (street) data.street = street;
  if (a.stars.length) data.star = oneOrMany(a.stars);
  data.date = opts.date;
  if (a.reporters.length) data.reporter = oneOrMany(a.reporters);
  if (a.correspondents.length) data.correspondent = oneOrMany(a.correspondents);
  if (a.photo) data.photo = a.photo === true ? true : oneOrMany(a.photo);
  if (opts.bulletin) data.bulletin = opts.bulletin;
  if (opts.source) data.source = opts.source;
  if (opts.position) data.position = opts.position;
  return data;
}

/**
 * Paths (relative to the content folder) for a page's stories. Two stories that would share a
 * name get a number, so one never overwrites the other.
 */
export function articlePaths(articles: readonly ImportedArticle[], date: string, places: PlaceRegistry, taken: ReadonlySet<string> = new Set()): string[] {
  const used = new Set(taken);
  return articles.map((a) => {
    const place = a.place ? places.byId(a.place) : undefined;
    // The place is in the file name already; keep it out of the slug.
    const spellings = place ? places.lineage(place.id).flatMap((p) => [p.name, ...p.aliases]) : [];
    const stem = `articles/${date.slice(0, 4)}/${date}-${a.place ?? 'unknown'}-${headlineSlug(a.title ?? '', spellings)}`;
    let path = `${stem}.md`;
    for (let n = 2; used.has(path); n++) path = `${stem}-${n}.md`;
    used.add(path);
    return path;
  });
}
