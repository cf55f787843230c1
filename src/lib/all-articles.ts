// The /articles/ list: page size and addresses. Page 1 is /articles/; later pages sit under
// /articles/page/<n>/, beside (never on) the article addresses /articles/<id>/.

export const ALL_ARTICLES_PAGE_SIZE = 50;

export function allArticlesHref(page: number): string {
  return page <= 1 ? '/articles/' : `/articles/page/${page}/`;
}

export function allArticlesPageCount(total: number): number {
  return Math.max(1, Math.ceil(total / ALL_ARTICLES_PAGE_SIZE));
}
