// Cuts the page's text into stories. A story starts at a dateline (本报讯), after a headline, or
// after the previous story's closing byline; a 本报记者 byline after a lead stays with its story;
// an editor's note (编者按) belongs to the page; page furniture (责任编辑, 下转第二版) is left over.
import { captionEnds, isCaptionStart, isPhotoCredit } from './caption.ts';
import { isNamesOnly, isOpenByline, mergeBylines, parseByline, parseIncompleteByline, splitLeadingNames, splitTrailingByline, type Byline } from './byline.ts';
import { isDateline, splitDatelineByline } from './dateline.ts';
import { isFurniture } from './furniture.ts';
import type { PageLine, PageShape } from './page-lines.ts';
import { isNoteStart, NOTE_LABEL, type Element, type HeadingChunk } from './page-structure.ts';
import type { BodyLine } from './paragraphs.ts';
import { endsSentence, hanCount } from './sentence.ts';
import { PROBLEM } from '../problem.ts';
import { importWarning, type ImportWarning } from './import-warning.ts';

export interface PlacedByline {
  byline: Byline;
  /** top: before the text; mid: after the lead; end: after the last sentence. */
  position: 'top' | 'mid' | 'end';
  lines: number[];
}

export interface Segment {
  lines: BodyLine[];
  bylines: PlacedByline[];
  dateline: boolean;
  /** The headline chunk printed directly above the story, if any. */
  above?: HeadingChunk;
  warnings: ImportWarning[];
}

export interface LeftoverLine {
  no: number;
  text: string;
  why: string;
}

export interface PageText {
  segments: Segment[];
  /** A column's photo credit in parentheses (（本栏图片由本报记者 杜挺勇 摄）), for every photo in it. */
  credits: { no: number; text: string }[];
  note: { lines: BodyLine[]; labels: string[] };
  leftover: LeftoverLine[];
}

const toBody = (l: PageLine, text = l.text): BodyLine => ({ no: l.no, text, blankBefore: l.blankBefore, width: l.width, depth: 0, indent: l.indent, spaceAfter: l.spaceAfter });

/** Paragraphs begun so far: each finished sentence followed by a blank line starts another. */
function paragraphsSoFar(lines: readonly BodyLine[]): number {
  let n = lines.length ? 1 : 0;
  for (let i = 1; i < lines.length; i++) if (lines[i].blankBefore && endsSentence(lines[i - 1].text)) n++;
  return n;
}

/**
 * The depth of story titles on a Markdown page: the largest title (place lines aside) of the
 * first headline with a story below it. Deeper headings inside a story are its subheads.
 */
function titleDepth(elements: readonly Element[]): number {
  for (let i = 0; i < elements.length - 1; i++) {
    const e = elements[i];
    const next = elements[i + 1];
    if (e.kind !== 'heading' || !e.chunk.markdown || next.kind !== 'text' || isNoteStart(next.lines[0].text)) continue;
    const h = e.chunk.headlines.at(-1);
    const depths = (h?.printed ?? []).filter((l, k) => l.depth > 0 && !(k === 0 && h?.placeDepth !== undefined)).map((l) => l.depth);
    if (depths.length) return Math.min(...depths);
  }
  return Infinity;
}

export function segmentPage(elements: readonly Element[], shape: PageShape): PageText {
  const segments: Segment[] = [];
  const note: PageText['note'] = { lines: [], labels: [] };
  const leftover: LeftoverLine[] = [];
  const credits: PageText['credits'] = [];
  const markdownPage = elements.some((e) => e.kind === 'heading' && e.chunk.markdown);
  const storyDepth = titleDepth(elements);
  let cur: Segment | undefined;
  let above: HeadingChunk | undefined;
  let inNote = false;
  let lastByline: PlacedByline | undefined;
  let caption: number | undefined;
  let captions = 0;

  const open = (): Segment => {
    cur = { lines: [], bylines: [], dateline: false, above, warnings: [] };
    above = undefined;
    return cur;
  };
  const close = () => {
    if (cur && (cur.lines.length || cur.bylines.length)) segments.push(cur);
    cur = undefined;
  };
  const addByline = (seg: Segment, byline: Byline, position: PlacedByline['position'], lines: number[]) => {
    lastByline = { byline, position, lines };
    seg.bylines.push(lastByline);
  };
  const noteEnded = () => {
    // Without headings to close it, a note is one paragraph: it ends at a finished sentence.
    const last = note.lines.at(-1);
    return !markdownPage && !!last && endsSentence(last.text);
  };

  for (const el of elements) {
    if (el.kind === 'heading') {
      // A heading deeper than the story titles, inside a story, is a subhead of that story.
      const sub = el.chunk.markdown && cur?.lines.length && el.chunk.lines.every((l) => l.depth > storyDepth);
      if (sub && cur) {
        el.chunk.subhead = true;
        for (const l of el.chunk.lines) cur.lines.push({ no: l.no, text: l.text, blankBefore: true, width: 0, depth: l.depth });
        continue;
      }
      close();
      inNote = false;
      above = el.chunk;
      lastByline = undefined;
      continue;
    }
    const lines = [...el.lines];
    /**
     * A byline cut short after a role (记者 鲁燕 通讯员) takes its names from the next line: a line
     * of names, or the names leading a line that opens the next story's byline (魏少杰 本报记者 鲁燕),
     * whose rest is read next. With no names there, the name was left off the page.
     */
    const completeOpenByline = (printed: string, i: number): { byline?: Byline; printed: string; lineNos: number[]; skip: number } => {
      const next = lines[i + 1];
      if (next && isNamesOnly(next.text)) {
        const whole = `${printed} ${next.text}`;
        return { byline: parseByline(whole), printed: whole, lineNos: [lines[i].no, next.no], skip: 1 };
      }
      const straddle = next && splitLeadingNames(next.text);
      if (straddle) {
        const whole = `${printed} ${straddle.names}`;
        lines[i + 1] = { ...next, text: straddle.rest, blankBefore: false };
        return { byline: parseByline(whole), printed: whole, lineNos: [lines[i].no, next.no], skip: 0 };
      }
      return { byline: parseIncompleteByline(printed), printed, lineNos: [lines[i].no], skip: 0 };
    };
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      const text = line.text;
      let byline = parseByline(text);
      let bylineLines = [line.no];
      if (!byline && isOpenByline(text) && !inNote) {
        const done = completeOpenByline(text, i);
        byline = done.byline;
        bylineLines = done.lineNos;
        i += done.skip;
      }
      if (isPhotoCredit(text)) {
        credits.push({ no: line.no, text });
        continue;
      }
      // Caption lines, and a photo credit under a photo (杜挺勇 摄, 本报记者 鲁燕 摄), stay out of the byline logic.
      const creditOnly = byline && !byline.reporters.length && !byline.correspondents.length && byline.photographers.length;
      const afterCaption = cur?.lines.at(-1)?.caption;
      if (caption !== undefined || isCaptionStart(text) || creditOnly) {
        const id = caption ?? (creditOnly && afterCaption !== undefined && !line.blankBefore ? afterCaption : captions++);
        (cur ?? open()).lines.push({ ...toBody(line), caption: id });
        caption = captionEnds(text) ? undefined : id;
        continue;
      }
      // 记者 鲁燕 / 通讯员 魏少杰 on consecutive lines are one byline (a 本报记者 line after a blank starts a story).
      const prevLine = lines[i - 1];
      // The rest of a line that finished the byline above (魏少杰 本报记者 鲁燕) opens another.
      const restOfLine = !!lastByline?.lines.includes(line.no);
      if (byline && lastByline && prevLine && !restOfLine && lastByline.lines.includes(prevLine.no) && !(line.blankBefore && byline.topForm)) {
        lastByline.byline = mergeBylines([lastByline.byline, byline])!;
        lastByline.lines.push(line.no);
        continue;
      }
      lastByline = undefined;
      if (inNote) {
        if (isDateline(text) || byline || (noteEnded() && (line.blankBefore || shape.layout === 'paragraph'))) inNote = false;
        else {
          note.lines.push(toBody(line));
          continue;
        }
      }
      const label = NOTE_LABEL.exec(text);
      if (label) {
        close();
        inNote = true;
        note.labels.push(label[0]);
        const rest = text.slice(label[0].length);
        if (rest) note.lines.push(toBody(line, rest));
        continue;
      }
      if (isFurniture(text)) {
        leftover.push({ no: line.no, text, why: 'page furniture (editor, page number or a jump line), not part of a story' });
        continue;
      }
      if (isDateline(text)) {
        const d = splitDatelineByline(text);
        // A caption printed above the dateline belongs to the story that starts here.
        if (cur && (cur.lines.some((l) => l.caption === undefined) || cur.dateline)) close();
        const seg = cur ?? open();
        seg.dateline = true;
        if (d.byline) addByline(seg, d.byline, 'top', [line.no]);
        // A one-paragraph story may end on its dateline's line: 本报讯 …。记者 杜挺勇
        const glued = splitTrailingByline(d.text);
        const tail = glued && !glued.open ? parseByline(glued.byline) : undefined;
        seg.lines.push(toBody(line, tail ? glued!.text : d.text));
        if (tail) {
          addByline(seg, tail, 'end', [line.no]);
          close();
        }
        continue;
      }
      if (byline) {
        // Whatever its form, a byline with nothing of its story after it closes the story above.
        const next = lines[i + 1];
        const lastOfStory = !next || isDateline(next.text) || isNoteStart(next.text);
        if (!cur || !cur.lines.length) addByline(cur ?? open(), byline, 'top', bylineLines);
        else if (byline.topForm && !lastOfStory && !cur.bylines.length && paragraphsSoFar(cur.lines) <= 2) addByline(cur, byline, 'mid', bylineLines);
        else if (byline.topForm && !lastOfStory) {
          close();
          addByline(open(), byline, 'top', bylineLines);
        } else {
          addByline(cur, byline, 'end', bylineLines);
          close();
        }
        continue;
      }
      const glued = splitTrailingByline(text);
      if (glued) {
        const done = glued.open ? completeOpenByline(glued.byline, i) : { byline: parseByline(glued.byline), lineNos: [line.no], skip: 0 };
        const b = done.byline;
        const lineNos = done.lineNos;
        i += done.skip;
        if (b) {
          const seg = cur ?? open();
          seg.lines.push(toBody(line, glued.text));
          addByline(seg, b, 'end', lineNos);
          close();
          continue;
        }
      }
      (cur ?? open()).lines.push(toBody(line));
    }
  }
  close();
  const tidy = tidySegments(segments);
  const scraps = tidy.scraps.flatMap((s) => s.lines.map((l) => ({ no: l.no, text: l.text, why: 'a scrap of text with no headline, dateline or byline' })));
  return { segments: tidy.stories, note, credits, leftover: [...leftover, ...scraps].sort((a, b) => a.no - b.no) };
}

/**
 * A feature whose byline stands after its lead in the short form (记者 X) is first cut in two:
 * put it back together. Scraps too short to be a story (no headline, dateline or byline) are set aside.
 */
function tidySegments(segments: Segment[]): { stories: Segment[]; scraps: Segment[] } {
  const out: Segment[] = [];
  const scraps: Segment[] = [];
  for (const seg of segments) {
    const prev = out.at(-1);
    const leadOnly = prev && !prev.dateline && prev.bylines.length === 1 && prev.bylines[0].position === 'end' && paragraphsSoFar(prev.lines) <= 2;
    if (prev && leadOnly && !seg.above && !seg.dateline && !seg.bylines.length && seg.lines.length) {
      prev.bylines[0].position = 'mid';
      prev.lines.push(...seg.lines);
      prev.warnings.push(importWarning(PROBLEM.importBylineSplitsStory, `the byline "${prev.bylines[0].byline.text}" stands between the lead and the rest of the story; both parts were kept together: check that they belong together`));
      continue;
    }
    const text = seg.lines.map((l) => l.text).join('');
    if (!seg.above && !seg.dateline && !seg.bylines.length && hanCount(text) < 20) {
      scraps.push(seg);
      continue;
    }
    out.push(seg);
  }
  return { stories: out, scraps };
}
