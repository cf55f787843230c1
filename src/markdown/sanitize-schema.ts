// Raw HTML is parsed (rehype-raw) before this runs, so it is sanitised as elements.
// What raw HTML in an article may keep: figures, captioned images, tables, sup/sub — and nothing
// that runs (script, on* handlers, javascript: URLs), embeds (iframe, object) or restyles (style).
import { defaultSchema, type Options } from 'rehype-sanitize';

export const articleSanitizeSchema: Options = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []).filter((t) => t !== 'input'), 'figure', 'figcaption', 'caption', 'colgroup', 'col'],
  attributes: {
    ...defaultSchema.attributes,
    img: ['src', 'alt', 'title', 'width', 'height', 'loading', 'dataPhoto'],
    td: [...(defaultSchema.attributes?.td ?? []), 'colSpan', 'rowSpan'],
    th: [...(defaultSchema.attributes?.th ?? []), 'colSpan', 'rowSpan', 'scope'],
    // Heading ids come from the Markdown pipeline and make headings linkable.
    h2: ['id'], h3: ['id'], h4: ['id'],
  },
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto', 'tel'], src: ['http', 'https'] },
  // Ids (and names) written in raw HTML get the default prefix, user-content-, so an article can
  // never take an id the page uses (`<h2 id="main">`); rehype-article-ids.ts points links at them.
  clobber: ['id', 'name', 'ariaDescribedBy', 'ariaLabelledBy'],
  clobberPrefix: 'user-content-',
  strip: ['script', 'style', 'iframe', 'object', 'embed', 'template', 'noscript'],
};
