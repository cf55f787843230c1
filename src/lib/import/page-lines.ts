// A page's text as numbered lines: Markdown heading markers read off, blank lines remembered,
// and the page's layout measured (narrow newspaper columns, or one paragraph per line).
import { displayWidth, SPACE_RE } from './inline-text.ts';

export interface PageLine {
  /** 1-based line number in the page file, for messages. */
  no: number;
  /** The line without heading markers and without surrounding whitespace. */
  text: string;
  /** Markdown heading depth (1 for #, 2 for ##, …); 0 for a plain line. */
  depth: number;
  /** The characters of heading syntax removed from the line (##, closing #s), for accounting. */
  marker: string;
  /** True when one or more blank lines come before this line (or it opens the page). */
  blankBefore: boolean;
  /** The line is indented (two ideographic spaces, a tab…): a paragraph's first line. */
  indent: boolean;
  width: number;
  /** The line was cut from a longer one at a space that belongs to the text (a list of names). */
  spaceAfter?: boolean;
}

export type Layout = 'column' | 'paragraph';

export interface PageShape {
  layout: Layout;
  /** Typical width of a full column line (in character cells); meaningful for the column layout. */
  columnWidth: number;
  /**
   * Paragraphs are set apart by blank lines (so a lone line break after a full stop is only a
   * wrap); otherwise each line of a paragraph-per-line page is a paragraph.
   */
  blankParagraphs: boolean;
}

const HEADING = /^(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;

export function readPageLines(source: string): PageLine[] {
  const rows = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const lines: PageLine[] = [];
  let blank = true;
  rows.forEach((row, i) => {
    const trimmed = row.replace(SPACE_RE, ' ').trim();
    if (!trimmed) {
      blank = true;
      return;
    }
    const h = HEADING.exec(trimmed);
    // **莲湖街道** in a heading: the emphasis is markup, like the #s.
    const text = (h ? h[2].replace(/^(\*\*|__)(.+)\1$/u, '$2') : trimmed).trim();
    if (!text) {
      blank = true;
      return;
    }
    const marker = h ? trimmed.replace(text, '').replace(/\s/g, '') : '';
    const indent = !h && /^(?:[\u3000\t]|\u00a0{2}| {2})/u.test(row);
    lines.push({ no: i + 1, text, depth: h ? h[1].length : 0, marker, blankBefore: blank, indent, width: displayWidth(text) });
    blank = false;
  });
  return lines;
}

/** Paragraph lines longer than this are not newspaper columns but whole paragraphs. */
const COLUMN_MAX = 40;

const FULL_STOP = /[。！？!?…][”’」』）)】》]*$/u;

export function measurePage(lines: readonly PageLine[]): PageShape {
  const plain = lines.filter((l) => l.depth === 0);
  const widths = plain.map((l) => l.width).sort((a, b) => a - b);
  if (!widths.length) return { layout: 'paragraph', columnWidth: 0, blankParagraphs: true };
  const columnWidth = widths[Math.min(widths.length - 1, Math.floor(widths.length * 0.8))];
  // Of the lines that end a sentence and have a line after them, how many have a blank line after them?
  const ends = plain.filter((l, i) => FULL_STOP.test(l.text) && i + 1 < plain.length);
  const blank = ends.filter((l) => plain[plain.indexOf(l) + 1].blankBefore).length;
  return { layout: columnWidth <= COLUMN_MAX ? 'column' : 'paragraph', columnWidth, blankParagraphs: !ends.length || blank / ends.length >= 0.8 };
}
