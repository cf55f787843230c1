// Term pages (a place, a star, a person, a month) stay small at any archive size: up to
// PAGE_SIZE articles on one page; beyond that the term's front page shows the newest ones and
// links to per-year pages, each split into numbered pages.

export const PAGE_SIZE = 150;

export interface ListPage<T> {
  /** Path below the term's URL: "" (front page), "2022/", "2022/2/". */
  path: string;
  year?: string;
  page: number;
  pages: number;
  items: T[];
}

export interface YearLink {
  year: string;
  count: number;
  path: string;
}

export interface PagedTerm<T> {
  pages: ListPage<T>[];
  years: YearLink[];
  /** True when the front page shows only the newest articles. */
  split: boolean;
}

/** `items` must be sorted newest first. */
export function pageTerm<T extends { date: string }>(items: readonly T[], size = PAGE_SIZE): PagedTerm<T> {
  if (items.length <= size) return { pages: [{ path: '', page: 1, pages: 1, items: [...items] }], years: [], split: false };
  const byYear = new Map<string, T[]>();
  for (const it of items) {
    const y = it.date.slice(0, 4);
    let list = byYear.get(y);
    if (!list) byYear.set(y, (list = []));
    list.push(it);
  }
  const pages: ListPage<T>[] = [{ path: '', page: 1, pages: 1, items: items.slice(0, size) }];
  const years: YearLink[] = [];
  for (const [year, list] of byYear) {
    const count = Math.ceil(list.length / size);
    years.push({ year, count: list.length, path: `${year}/` });
    for (let p = 0; p < count; p++) {
      pages.push({ path: p === 0 ? `${year}/` : `${year}/${p + 1}/`, year, page: p + 1, pages: count, items: list.slice(p * size, (p + 1) * size) });
    }
  }
  return { pages, years, split: true };
}

/**
 * getStaticPaths for a kind of term page (a place, a star, a person): every term's front page,
 * year pages and numbered pages, with the term id under `param` and the rest path under `page`.
 */
export function termRoutes<T extends { date: string }, P extends string>(terms: readonly { id: string }[], listOf: (id: string) => readonly T[], param: P, size = PAGE_SIZE) {
  return terms.flatMap((term) => {
    const paged = pageTerm(listOf(term.id), size);
    return paged.pages.map((page) => ({
      params: { [param]: term.id, page: page.path ? page.path.replace(/\/$/, '') : undefined } as Record<P | 'page', string | undefined>,
      props: { termId: term.id, page, years: paged.years },
    }));
  });
}
