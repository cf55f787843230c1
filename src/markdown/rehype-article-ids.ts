// Runs after rehype-sanitize, which prefixes every id written in raw HTML with `user-content-`
// (its clobberPrefix), so `<h2 id="main">` in an article can never take the page's own id.
// Two things follow, done here: headings get their ids now, as Astro's rehypeHeadingIds would
// (github-slugger over the heading's text, which Astro then keeps), except that a slug equal to a
// page id is prefixed too; and links to `#x` inside the article follow `x` to `user-content-x`.
import GithubSlugger from 'github-slugger';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { isPageId } from './page-ids.ts';

export const ARTICLE_ID_PREFIX = 'user-content-';

const HEADING = /^h[1-6]$/;

/** The heading's text as Astro's slugger reads it: every text node, nothing else. */
function textOf(node: ElementContent | RootContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

function elements(node: Root | Element, each: (e: Element) => void): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    each(child);
    elements(child, each);
  }
}

export default function rehypeArticleIds() {
  return (tree: Root) => {
    const slugger = new GithubSlugger();
    const ids = new Set<string>();
    // Link targets: ids, and the names of old-style <a name> anchors.
    elements(tree, (e) => {
      if (typeof e.properties.id === 'string') ids.add(e.properties.id);
      if (e.tagName === 'a' && typeof e.properties.name === 'string') ids.add(e.properties.name);
    });
    elements(tree, (e) => {
      if (!HEADING.test(e.tagName) || typeof e.properties.id === 'string') return;
      // The slugger numbers repeats (main, main-1 …): ask again until the id is free.
      let id: string;
      do {
        const slug = slugger.slug(textOf(e));
        id = isPageId(slug) ? ARTICLE_ID_PREFIX + slug : slug;
      } while (ids.has(id));
      e.properties.id = id;
      ids.add(id);
    });
    elements(tree, (e) => {
      const href = e.properties.href;
      if (e.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#')) return;
      const target = decodeURIComponent(href.slice(1));
      if (!ids.has(target) && ids.has(ARTICLE_ID_PREFIX + target)) e.properties.href = `#${ARTICLE_ID_PREFIX}${target}`;
    });
  };
}
