// Hard-wrapped Chinese ("豫\n剧") must read and index as "豫剧": a soft line break between two
// CJK characters is dropped, where Markdown would otherwise render it as a space.
import type { Root, RootContent, Parent, Text } from 'mdast';

const CJK = '\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef\\u2018\\u2019\\u201c\\u201d\\u2014\\u2026\\u00b7';
const INNER = new RegExp(`([${CJK}])[ \\t]*\\n[ \\t]*(?=[${CJK}])`, 'gu');

/** Plain text with the line breaks between two CJK characters removed ("豫\n剧" → "豫剧"). */
export function joinCjkLineBreaks(text: string): string {
  return text.replace(INNER, '$1');
}
const ENDS_CJK_NL = new RegExp(`([${CJK}])[ \\t]*\\n[ \\t]*$`, 'u');
const STARTS_NL_CJK = new RegExp(`^[ \\t]*\\n[ \\t]*(?=[${CJK}])`, 'u');
const ENDS_CJK = new RegExp(`[${CJK}]$`, 'u');
const STARTS_CJK = new RegExp(`^[${CJK}]`, 'u');

/** The first or last text character of a node, looking into emphasis, links and the like. */
function edgeText(node: RootContent, end: boolean): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if ('children' in node && node.children.length) {
    const child = node.children[end ? node.children.length - 1 : 0] as RootContent;
    return edgeText(child, end);
  }
  return '';
}

export function joinCjkLines(parent: Parent): void {
  const kids = parent.children as RootContent[];
  kids.forEach((node, i) => {
    if (node.type === 'text') {
      const t = node as Text;
      t.value = joinCjkLineBreaks(t.value);
      const next = kids[i + 1];
      if (next && ENDS_CJK_NL.test(t.value) && STARTS_CJK.test(edgeText(next, false))) t.value = t.value.replace(ENDS_CJK_NL, '$1');
      const prev = kids[i - 1];
      if (prev && STARTS_NL_CJK.test(t.value) && ENDS_CJK.test(edgeText(prev, true))) t.value = t.value.replace(STARTS_NL_CJK, '');
    } else if ('children' in node) {
      joinCjkLines(node as Parent);
    }
  });
}

export default function remarkCjkLinebreak() {
  return (tree: Root) => joinCjkLines(tree);
}
