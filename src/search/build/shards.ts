// How the search index is split: by year — quiet years packed together, a busy year into parts —
// into shards of at most SHARD_MAX articles, so Pagefind's memory (about 0.4 MB per article while
// indexing) is bounded by the largest shard, shards index in parallel, and an edit re-indexes only
// its own shard. The build then merges the shards into one index (merge-bundles.ts): the browser
// never sees them.

export const SHARD_MAX = 600;

/** Under the Astro cache folder: every published article's id and date, written by the articles loader. */
export const ARTICLE_LIST_FILE = 'jiexun/search-articles.json';

export interface ShardArticle {
  id: string;
  date: string;
}

export interface ShardPlan {
  /** "y2022", or "y2022-2" for the second part of a busy year. */
  name: string;
  ids: string[];
}

/** Newest first, like the article pages are rendered, so shards complete in the order they are needed. */
export function planShards(articles: readonly ShardArticle[], max = SHARD_MAX): ShardPlan[] {
  const sorted = [...articles].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const years = new Map<string, string[]>();
  for (const a of sorted) {
    const y = a.date.slice(0, 4);
    const list = years.get(y);
    if (list) list.push(a.id);
    else years.set(y, [a.id]);
  }
  const plans: ShardPlan[] = [];
  // Consecutive quiet years share a shard ("y2019_2021", oldest to newest); a busy year is split
  // into even parts ("y2022-1", "y2022-2").
  let pack: { years: string[]; ids: string[] } | undefined;
  const flush = () => {
    if (pack) plans.push({ name: pack.years.length === 1 ? `y${pack.years[0]}` : `y${pack.years.at(-1)}_${pack.years[0]}`, ids: pack.ids });
    pack = undefined;
  };
  for (const [year, ids] of years) {
    if (ids.length > max) {
      flush();
      const parts = Math.ceil(ids.length / max);
      const size = Math.ceil(ids.length / parts);
      for (let p = 0; p < parts; p++) plans.push({ name: `y${year}-${p + 1}`, ids: ids.slice(p * size, (p + 1) * size) });
    } else if (pack && pack.ids.length + ids.length <= max) {
      pack.years.push(year);
      pack.ids.push(...ids);
    } else {
      flush();
      pack = { years: [year], ids: [...ids] };
    }
  }
  flush();
  return plans;
}
