// A story's blocks as Markdown, built as an mdast tree and written by remark-stringify, so any
// character Markdown would misread (*, _, [, a leading "1.") is escaped rather than lost.
import type { Root, RootContent } from 'mdast';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import type { Block } from './paragraphs.ts';

const processor = unified().use(remarkStringify, { emphasis: '*', strong: '*', bullet: '-' });

export function blocksToMarkdown(blocks: readonly Block[], captions: readonly Block[]): string {
  const children: RootContent[] = blocks.map((b): RootContent =>
    b.kind === 'subhead'
      ? { type: 'heading', depth: 2, children: [{ type: 'text', value: b.text }] }
      : { type: 'paragraph', children: [{ type: 'text', value: b.text }] },
  );
  // Captions go after the text, each its own emphasised paragraph, so they never interrupt it.
  for (const c of captions) children.push({ type: 'paragraph', children: [{ type: 'emphasis', children: [{ type: 'text', value: c.text }] }] });
  const tree: Root = { type: 'root', children };
  return processor.stringify(tree).trimEnd();
}
