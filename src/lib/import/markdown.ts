// A story's blocks as Markdown, built as an mdast tree and written by remark-stringify, so any
// character Markdown would misread (*, _, [, a leading "1.") is escaped rather than lost. A photo
// the page printed becomes an image line where it stood, its caption the alt text, its credit the
// title ("摄影 杜挺勇"), and a path the editor replaces with the photo file put beside the article.
import type { Root, RootContent } from 'mdast';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import type { Block } from './paragraphs.ts';

const processor = unified().use(remarkStringify, { emphasis: '*', strong: '*', bullet: '-' });

/** The path of the n-th photo still to be supplied: `npm run check` names it until the editor does. */
export const photoPlaceholder = (n: number) => `./待补照片-${n}.jpg`;

export interface PhotoSlot {
  caption: string;
  /** The number of text blocks before the photo. */
  after: number;
  photographers: string[];
}

export function blocksToMarkdown(blocks: readonly Block[], photos: readonly PhotoSlot[]): string {
  const children: RootContent[] = [];
  const photo = (p: PhotoSlot, n: number): RootContent => ({
    type: 'paragraph',
    children: [{ type: 'image', url: photoPlaceholder(n), alt: p.caption, title: p.photographers.length ? `摄影 ${p.photographers.join('、')}` : null }],
  });
  blocks.forEach((b, i) => {
    photos.forEach((p, n) => p.after === i && children.push(photo(p, n + 1)));
    children.push(
      b.kind === 'subhead'
        ? { type: 'heading', depth: 2, children: [{ type: 'text', value: b.text }] }
        : { type: 'paragraph', children: [{ type: 'text', value: b.text }] },
    );
  });
  photos.forEach((p, n) => p.after >= blocks.length && children.push(photo(p, n + 1)));
  const tree: Root = { type: 'root', children };
  return processor.stringify(tree).trimEnd();
}
