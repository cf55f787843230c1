// Ids the layouts and pages give their own elements. An article's headings must not take one
// (a heading "main" would capture the skip link): rehype-article-ids.ts prefixes a heading slug
// that matches. tests/unit/article-ids.test.ts checks that every literal id in src/**/*.astro is here.
export const PAGE_IDS: ReadonlySet<string> = new Set([
  'main', 'site-q', 'toc', 'editors-note', 'coverage',
  'search-form', 'search-q', 'search-results', 'search-results-heading', 'search-status', 'search-hits',
  'search-pager', 'search-facets-heading', 'search-facet-lists', 'search-clear', 'search-chips', 'search-links',
  'search-suggest',
  'large-text', 'nf-q', 'lead-heading',
]);

/** Ids made from data: years (y2022), places on a star page (p-lianhu), articles in a bulletin (a-<id>). */
const PAGE_ID_PATTERN = /^(y\d+|p-.+|a-.+)$/;

export function isPageId(id: string): boolean {
  return PAGE_IDS.has(id) || PAGE_ID_PATTERN.test(id);
}
