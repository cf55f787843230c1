// Rebuilds a story's paragraphs from printed lines. A line that stops mid-sentence was cut by
// the column (or the page), so the next line continues it, joined without a space; a paragraph
// ends only where a sentence ends and the print shows it: a blank line, a short last line, or
// one paragraph per line. Short stand-alone phrases become subheads, photo captions are kept apart.
import { isCaptionStart } from './caption.ts';
import { isDateline } from './dateline.ts';
import { DATELINE_MARK } from './dateline-mark.ts';
import { parseByline, splitTrailingByline, type Byline } from './byline.ts';
import { normaliseInline } from './inline-text.ts';
import type { PageShape } from './page-lines.ts';
import { endsMidClause, endsSentence, hanCount, isBalanced } from './sentence.ts';
import { PROBLEM } from '../problem.ts';
import { importWarning, type ImportWarning } from './import-warning.ts';

export interface BodyLine {
  no: number;
  text: string;
  blankBefore: boolean;
  width: number;
  /** Markdown heading depth when the line is a heading inside the story (a subhead). */
  depth: number;
  /** Lines of one photo caption share a number; the story's text carries on around them. */
  caption?: number;
  /** The line is indented, as a paragraph's first line is. */
  indent?: boolean;
  /** A space the text needs stands between this line and the next (张红梅 刘建设). */
  spaceAfter?: boolean;
}

export interface Block {
  kind: 'paragraph' | 'subhead' | 'caption';
  text: string;
  /** The page lines the block was made from. */
  lines: number[];
}

/** A photo's caption: where the photo stood among the text, and its credit if printed with it. */
export interface Caption extends Block {
  kind: 'caption';
  /** The number of text blocks before the photo: it goes after the paragraph it interrupted. */
  after: number;
  /** The caption's lines as printed, credit and marks included. */
  printed: string[];
  /** The credit printed with the photo (杜挺勇 摄, 本报记者 鲁燕 摄). */
  credit?: Byline;
}

/** Marks that point at the photo (▲ 图为…), not part of what the caption says. */
const PHOTO_MARK = /^[▲△↑↓]\s*/u;

/** A caption line split into what it says and the photo credit printed after it, if any. */
function captionPart(text: string): { text: string; credit?: Byline } {
  const whole = parseByline(text);
  if (whole?.photographers.length && !whole.reporters.length && !whole.correspondents.length) return { text: '', credit: whole };
  const tail = splitTrailingByline(text);
  const credit = tail && !tail.open ? parseByline(tail.byline) : undefined;
  if (credit?.photographers.length && !credit.reporters.length && !credit.correspondents.length) return { text: tail!.text, credit };
  return { text };
}

/** A dateline alone on its line (its bracketed byline taken out). */
const isDatelineOnly = (text: string) => DATELINE_MARK.exec(text)?.[0] === text;

/** A last line this much narrower than the column ends its paragraph even without a blank line after it. */
const SHORT_LINE = 0.85;
/** A subhead in a column is clearly shorter than the column. */
const SUBHEAD_IN_COLUMN = 0.75;
const SUBHEAD_MAX_WIDTH = 24;

function isSubhead(line: BodyLine, shape: PageShape): boolean {
  if (line.depth > 0) return true;
  const t = line.text;
  if (hanCount(t) < 3 || !isBalanced(t) || endsSentence(t) || endsMidClause(t) || /[。，,；;！？!?]/u.test(t)) return false;
  if (isDateline(t) || parseByline(t) || isCaptionStart(t)) return false;
  return shape.layout === 'column' ? line.width <= shape.columnWidth * SUBHEAD_IN_COLUMN : line.width <= SUBHEAD_MAX_WIDTH;
}

/** A paragraph may end on a dash that introduces what follows (算了一笔账——). */
const ENDS_ON_DASH = /——$/u;

function endsParagraph(prev: BodyLine, next: BodyLine, shape: PageShape): boolean {
  if (!endsSentence(prev.text) && !ENDS_ON_DASH.test(prev.text.trimEnd())) return false;
  if (next.blankBefore || next.indent) return true;
  // One paragraph per line, unless the page sets paragraphs apart with blank lines (then a lone break is a wrap).
  if (shape.layout === 'paragraph') return !shape.blankParagraphs;
  return prev.width <= shape.columnWidth * SHORT_LINE;
}

export function buildBlocks(lines: readonly BodyLine[], shape: PageShape): { blocks: Block[]; captions: Caption[]; warnings: ImportWarning[] } {
  const blocks: Block[] = [];
  const captions: Caption[] = [];
  const warnings: ImportWarning[] = [];
  let para: { text: string; lines: number[]; last: BodyLine } | undefined;
  const captionsById = new Map<number, Caption>();
  let atParagraphStart = true;

  const flush = () => {
    if (para) blocks.push({ kind: 'paragraph', text: para.text, lines: para.lines });
    para = undefined;
  };
  lines.forEach((line, i) => {
    const text = normaliseInline(line.text);
    if (line.caption !== undefined) {
      // A caption may stand between two lines of one paragraph; the paragraph carries on after it.
      const part = captionPart(line.text);
      const said = normaliseInline(part.text);
      let c = captionsById.get(line.caption);
      if (!c) {
        c = { kind: 'caption', text: '', lines: [], printed: [], after: blocks.length + (para ? 1 : 0) };
        captionsById.set(line.caption, c);
        captions.push(c);
      }
      c.text = (c.text + said).replace(PHOTO_MARK, '');
      c.lines.push(line.no);
      c.printed.push(line.text);
      if (part.credit) c.credit = part.credit;
      return;
    }
    // A subhead glued to the end of a paragraph (its break lost at a column end in a PDF copy):
    // a phrase after a finished sentence, with a new paragraph plainly starting after it.
    const next = lines.slice(i + 1).find((l) => l.caption === undefined);
    if (para && line.depth === 0 && endsSentence(para.last.text) && next?.indent && !line.indent && isSubhead(line, shape)) {
      flush();
      blocks.push({ kind: 'subhead', text, lines: [line.no] });
      warnings.push(importWarning(PROBLEM.importGuessedSubhead, `took line ${line.no} "${text}" for a section subhead (##): make it part of the text if it is not one`));
      return;
    }
    if (para && !endsParagraph(para.last, line, shape) && line.depth === 0) {
      // A dateline alone on its line (its byline taken out) keeps its space: 本报讯 9月8日…
      para.text += isDatelineOnly(para.text) || para.last.spaceAfter ? ` ${text}` : text;
      para.lines.push(line.no);
      para.last = line;
      return;
    }
    if (para) {
      flush();
      atParagraphStart = true;
    }
    const hasMore = lines.slice(i + 1).some((l) => l.caption === undefined);
    if (atParagraphStart && (blocks.length > 0 || line.depth > 0) && hasMore && isSubhead(line, shape)) {
      blocks.push({ kind: 'subhead', text: line.depth > 0 ? normaliseInline(line.text) : text, lines: [line.no] });
      if (line.depth === 0) warnings.push(importWarning(PROBLEM.importGuessedSubhead, `took line ${line.no} "${text}" for a section subhead (##): make it part of the text if it is not one`));
      return;
    }
    para = { text, lines: [line.no], last: line };
    atParagraphStart = false;
  });
  flush();
  return { blocks, captions, warnings };
}
