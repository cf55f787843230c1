// Photos in the Markdown pipeline. The remark step numbers each local image (`![说明](./a.jpg)`)
// the way src/lib/photos.ts reads them; after sanitising, the rehype step replaces each numbered
// image with a placeholder comment, lifted out of its paragraph, that the article page fills with
// the processed <figure> (src/data/photos.ts). Any other relative <img> would be a broken image on
// the site, so it is dropped (`npm run check` names it).
import type { Root as MdRoot } from 'mdast';
import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import { isLocalPhoto, photoNodes } from '../lib/photos.ts';

/** The comment an article body carries where photo `i` goes. */
export const photoPlaceholder = (i: number) => `photo:${i}`;
export const PHOTO_PLACEHOLDER_RE = /<!--photo:(\d+)-->/g;

export function remarkPhotos() {
  return (tree: MdRoot) => {
    photoNodes(tree).forEach(({ node }, i) => {
      const data = (node.data ?? {}) as { hProperties?: Record<string, string> };
      node.data = { ...data, hProperties: { ...data.hProperties, dataPhoto: String(i) } } as typeof node.data;
    });
  };
}

const isPhoto = (n: RootContent | ElementContent): n is Element => n.type === 'element' && n.tagName === 'img' && n.properties?.dataPhoto !== undefined;
/** An <img> whose src is relative to the article: nothing publishes that file, so it would show broken. */
const isRelativeImg = (n: RootContent | ElementContent): n is Element =>
  n.type === 'element' && n.tagName === 'img' && isLocalPhoto(String(n.properties?.src ?? ''));
const blank = (n: ElementContent) => n.type === 'text' && !n.value.trim();

function placeholder(img: Element): RootContent {
  return { type: 'comment', value: photoPlaceholder(Number(img.properties.dataPhoto)) };
}

/** A paragraph holding photos becomes paragraphs of its text around the photos' placeholders. */
function splitParagraph(p: Element): RootContent[] {
  const out: RootContent[] = [];
  let run: ElementContent[] = [];
  const isBreak = (n: ElementContent | undefined) => !!n && ((n.type === 'element' && n.tagName === 'br') || blank(n));
  const flush = () => {
    while (isBreak(run[0])) run.shift();
    while (isBreak(run.at(-1))) run.pop();
    // The line breaks around an image written on a line of its own are not part of the text.
    const first = run[0];
    if (first?.type === 'text') run[0] = { ...first, value: first.value.trimStart() };
    const last = run.at(-1);
    if (last?.type === 'text') run[run.length - 1] = { ...last, value: last.value.trimEnd() };
    if (run.length) out.push({ ...p, children: run }, { type: 'text', value: '\n' });
    run = [];
  };
  for (const c of p.children) {
    if (isPhoto(c)) {
      flush();
      out.push(placeholder(c), { type: 'text', value: '\n' });
    } else run.push(c);
  }
  flush();
  out.pop();
  return out;
}

export function rehypePhotos() {
  return (tree: HastRoot) => {
    const walk = (parent: HastRoot | Element) => {
      const next: (RootContent | ElementContent)[] = [];
      for (const c of parent.children) {
        if (c.type !== 'element') {
          next.push(c);
          continue;
        }
        if (c.tagName === 'p' && c.children.some(isPhoto)) next.push(...splitParagraph(c));
        else if (isPhoto(c)) next.push(placeholder(c));
        else if (isRelativeImg(c)) continue;
        else {
          walk(c);
          next.push(c);
        }
      }
      parent.children = next as typeof parent.children;
    };
    walk(tree);
  };
}
