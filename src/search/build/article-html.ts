// Reads what the search indexes from a built article page: the element marked
// data-pagefind-body (the article), minus anything under data-pagefind-ignore (the footer with
// related links). Its first <header> is the headline block — kicker, title, byline, date, place,
// stars — whose elements are separate fields; the rest is running text, where inline elements
// (links, emphasis, sub/sup, spans) join their neighbours as a reader sees them.
//
// Two texts come out: the text as shown (one field or paragraph per line: excerpts and titles are
// cut from it) and the text as matched (each line folded, see normalize.ts, lines joined by spaces:
// the separators a match never spans).
import { foldText, normalizeText } from '../shared/normalize.ts';
import type { FoldTable } from '../shared/fold-table.ts';
import { scanHtml, VOID_ELEMENTS } from './html-scan.ts';

const INLINE = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'kbd', 'mark', 'q',
  'rp', 'rt', 'ruby', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr',
]);
const SKIPPED = new Set(['template', 'noscript', 'svg', 'button', 'select', 'textarea']);

export interface ArticleText {
  /** Attributes of the data-pagefind-body element (the data-* facts the page writes there). */
  attrs: Map<string, string>;
  /** Normalized text as shown: the headline fields, then the body, one field or paragraph per line. */
  text: string;
  /** Where the headline block ends in `text` (the body starts one line break later). */
  headEnd: number;
  /** The h1 of the headline block, as [start, end) in `text`. */
  title: [number, number];
  /** The text as matched: each line of `text` folded, the lines joined by single spaces. */
  folded: string;
}

export class ArticleHtmlError extends Error {}

export function readArticleHtml(html: string, file: string, table: FoldTable): ArticleText {
  const units: { text: string; head: boolean; title: boolean }[] = [];
  let attrs: Map<string, string> | undefined;
  let current = '';
  let depth = 0; // open elements inside the article (the article itself is depth 1)
  let ignoreDepth = 0; // depth at which an ignored subtree started, 0 when none
  let headDepth = 0;
  let headSeen = false;
  let titleDepth = 0;
  let titleSeen = false;
  let done = false;

  const flush = () => {
    units.push({ text: current, head: headDepth > 0, title: titleDepth > 0 });
    current = '';
  };

  for (const ev of scanHtml(html)) {
    if (done) break;
    if (!attrs) {
      if (ev.type === 'start' && ev.attrs.has('data-pagefind-body')) {
        attrs = ev.attrs;
        depth = 1;
      }
      continue;
    }
    if (ev.type === 'text') {
      if (!ignoreDepth) current += ev.text;
      continue;
    }
    if (ev.type === 'start') {
      const isVoid = VOID_ELEMENTS.has(ev.name) || ev.selfClosing;
      if (!isVoid) depth++;
      if (ignoreDepth) continue;
      if (!isVoid && (ev.attrs.has('data-pagefind-ignore') || SKIPPED.has(ev.name))) {
        flush();
        ignoreDepth = depth;
        continue;
      }
      // In the headline every element is a field of its own; in running text only block elements
      // (and line breaks, images) separate words. <wbr> never does.
      if (ev.name !== 'wbr' && (headDepth > 0 || !INLINE.has(ev.name))) flush();
      if (!isVoid && ev.name === 'header' && !headSeen) {
        headSeen = true;
        headDepth = depth;
      } else if (!isVoid && ev.name === 'h1' && headDepth > 0 && !titleSeen) {
        titleSeen = true;
        titleDepth = depth;
      }
      continue;
    }
    // end tag (a stray </br> or </img> closes nothing)
    if (VOID_ELEMENTS.has(ev.name)) continue;
    if (ignoreDepth) {
      if (depth === ignoreDepth) ignoreDepth = 0;
      depth--;
      continue;
    }
    if (headDepth > 0 || !INLINE.has(ev.name)) flush();
    if (depth === titleDepth) titleDepth = 0;
    if (depth === headDepth) headDepth = 0;
    depth--;
    if (depth === 0) done = true;
  }
  if (!attrs) throw new ArticleHtmlError(`${file}: expected an element with data-pagefind-body (the article), found none`);
  if (!done) throw new ArticleHtmlError(`${file}: expected the data-pagefind-body element to be closed, found the end of the file`);
  if (!titleSeen) throw new ArticleHtmlError(`${file}: expected an <h1> in the article's <header> (the headline block), found none`);

  let text = '';
  let folded = '';
  let headEnd = 0;
  let title: [number, number] | undefined;
  for (const u of units) {
    const t = normalizeText(u.text);
    if (!t) continue;
    const f = foldText(t, table).text;
    if (f) folded += folded ? ` ${f}` : f;
    if (text) text += '\n';
    const start = text.length;
    text += t;
    if (u.head) headEnd = text.length;
    if (u.title) title = title ? [title[0], text.length] : [start, text.length];
  }
  if (!title) throw new ArticleHtmlError(`${file}: expected the headline's <h1> to hold a title, found it empty`);
  return { attrs, text, headEnd, title, folded };
}
