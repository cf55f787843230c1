// A story as the plain blocks a Word file is made of — paragraphs and subheads of text runs (bold,
// italic) — read from the HTML the site renders for it (the article bodies live in the content
// store only as rendered HTML), parsed with hast-util-from-html. Images carry no text; a photo's
// caption (figcaption) stays as a paragraph.
import { fromHtml } from 'hast-util-from-html';
import type { Element, ElementContent, RootContent } from 'hast';

export interface TextRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
}
export interface TextBlock {
  kind: 'paragraph' | 'subhead';
  runs: TextRun[];
}

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'figcaption', 'td', 'th', 'dt', 'dd']);
const SKIP = new Set(['img', 'picture', 'svg', 'script', 'style', 'template']);

function runs(nodes: readonly ElementContent[], style: Omit<TextRun, 'text'> = {}): TextRun[] {
  return nodes.flatMap((n): TextRun[] => {
    if (n.type === 'text') return [{ text: n.value.replace(/\s*\n\s*/g, ''), ...style }];
    if (n.type !== 'element' || SKIP.has(n.tagName)) return [];
    if (n.tagName === 'br') return [{ text: '\n', ...style }];
    const next = n.tagName === 'strong' || n.tagName === 'b' ? { ...style, bold: true } : n.tagName === 'em' || n.tagName === 'i' ? { ...style, italic: true } : style;
    return runs(n.children, next);
  });
}

function blocks(nodes: readonly (RootContent | ElementContent)[]): TextBlock[] {
  return nodes.flatMap((n): TextBlock[] => {
    if (n.type !== 'element' || SKIP.has(n.tagName)) return [];
    const e = n as Element;
    if (BLOCKS.has(e.tagName) && !e.children.some((c) => c.type === 'element' && BLOCKS.has(c.tagName))) {
      const r = runs(e.children).filter((x) => x.text.trim());
      if (!r.length) return [];
      return [{ kind: /^h\d$/.test(e.tagName) ? 'subhead' : 'paragraph', runs: e.tagName === 'figcaption' ? r.map((x) => ({ ...x, italic: true })) : r }];
    }
    return blocks(e.children);
  });
}

export function htmlBlocks(html: string): TextBlock[] {
  return blocks(fromHtml(html, { fragment: true }).children);
}
