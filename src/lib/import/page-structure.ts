// Tells a page's headlines from its text: Markdown heading lines, and in raw column text the
// short runs of title-like lines (a place line and a title, or a title alone) that stand where
// headlines stand — before a story, after the last one, or at the top of the page.
import type { PlaceRegistry } from '../places.ts';
import { isOpenByline, parseByline, splitTrailingByline } from './byline.ts';
import { isDateline } from './dateline.ts';
import { readHeadlines, isTitleLike, type Headline, type HeadingLine } from './headline.ts';
import type { PageLine } from './page-lines.ts';
import { readPlaceLine, readPlacePrefix } from './place-names.ts';
import { endsSentence, isBalanced } from './sentence.ts';

/** The label that opens an editor's note: 编者按：, 【编者按】. */
export const NOTE_LABEL = /^[【\[〔]?编者按[】\]〕]?[：:\s]*/u;

export function isNoteStart(text: string): boolean {
  return NOTE_LABEL.test(text);
}

export interface HeadingChunk {
  headlines: Headline[];
  lines: HeadingLine[];
  markdown: boolean;
  /** Set when the heading turned out to be a subhead inside a story rather than a headline. */
  subhead?: boolean;
}

export type Element = { kind: 'heading'; chunk: HeadingChunk } | { kind: 'text'; lines: PageLine[] };

type Run = { lines: PageLine[]; kind: 'markdown' | 'place' | 'title' | 'text' };

function splitRuns(lines: readonly PageLine[], places: PlaceRegistry): PageLine[][] {
  const runs: PageLine[][] = [];
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    const run = runs.at(-1);
    // A place line and its title, printed straight above the text without a blank line, stand apart from it.
    const afterHeadline = !!run && !isTitleLike(line.text) && run.length <= 4 && !!readPlaceLine(run[0].text, places) && run.every((l) => isTitleLike(l.text));
    // A byline printed straight under a headline is no part of it.
    const byline = !!parseByline(line.text) || isOpenByline(line.text);
    const starts = !prev || line.blankBefore || line.indent || afterHeadline || byline || line.depth > 0 || prev.depth > 0 || isDateline(line.text) || isNoteStart(line.text);
    if (starts) runs.push([line]);
    else run!.push(line);
  });
  return runs;
}

/**
 * A run of title-like lines is a headline or a list of them: at most four lines, or longer when
 * place lines cut it into blocks of a place and at most three title lines. Longer still and
 * without place lines, it can only be a list of titles, one to a line ('list').
 */
function headlineRun(run: readonly PageLine[], places: PlaceRegistry): 'headline' | 'list' | undefined {
  if (!run.every((x) => isTitleLike(x.text))) return undefined;
  if (run.length <= 4) return isBalanced(run.map((x) => x.text).join('')) ? 'headline' : undefined;
  const starts = run.map((l, i) => (readPlaceLine(l.text, places) ? i : -1)).filter((i) => i >= 0);
  if (!starts.length) return run.every((x) => isBalanced(x.text)) ? 'list' : undefined;
  if (starts[0] !== 0 || !isBalanced(run.map((x) => x.text).join(''))) return undefined;
  return [...starts, run.length].every((at, k, all) => k === 0 || at - all[k - 1] <= 4) ? 'headline' : undefined;
}

function hasPlaceLine(run: readonly PageLine[], places: PlaceRegistry): boolean {
  return run.some((l) => readPlaceLine(l.text, places)) || !!readPlacePrefix(run[0].text, places);
}

function endsCleanly(run: Run): boolean {
  const last = run.lines.at(-1)!.text;
  return run.kind !== 'text' || endsSentence(last) || !!parseByline(last) || !!splitTrailingByline(last) || isOpenByline(last);
}

/** The run ends on a story's byline (記者 …), the last thing a story prints. */
function closesStory(run: Run): boolean {
  const last = run.lines.at(-1)!.text;
  const byline = parseByline(last) ?? parseByline(splitTrailingByline(last)?.byline ?? '');
  return !!byline && (byline.reporters.length > 0 || byline.correspondents.length > 0);
}

function startsStory(run: Run | undefined): boolean {
  if (!run) return true;
  if (run.kind !== 'text') return true;
  const first = run.lines[0].text;
  return isDateline(first) || !!parseByline(first) || isNoteStart(first);
}

/** Splits the page into headline chunks and text, in page order. */
export function structurePage(lines: readonly PageLine[], places: PlaceRegistry): Element[] {
  const runs: Run[] = splitRuns(lines, places).flatMap((l): Run[] => {
    if (l[0].depth > 0) return [{ lines: l, kind: 'markdown' }];
    const shape = headlineRun(l, places);
    if (!shape) return [{ lines: l, kind: 'text' }];
    if (shape === 'list') return l.map((one) => ({ lines: [one], kind: 'title' }));
    return [{ lines: l, kind: hasPlaceLine(l, places) ? 'place' : 'title' }];
  });
  // A short title-like line right under a Markdown heading continues it (a title printed over two lines).
  runs.forEach((run, i) => {
    const prev = runs[i - 1];
    if (run.kind === 'title' && prev?.kind === 'markdown' && !run.lines[0].blankBefore && run.lines.length <= 2) run.kind = 'markdown';
  });
  // A title alone is a headline only where headlines stand: between a finished story (or the page
  // top, or another headline) and the start of a story (or another headline, or the page end).
  runs.forEach((run, i) => {
    if (run.kind !== 'title') return;
    const prev = runs[i - 1];
    const next = runs[i + 1];
    // Where a story has just ended (or at the top), a title above plain text heads that text:
    // a feature opening on a quotation has no dateline or byline to show where it starts.
    const afterStory = !prev || prev.kind !== 'text' || closesStory(prev);
    if (!((!prev || endsCleanly(prev)) && (startsStory(next) || (afterStory && next?.kind === 'text')))) run.kind = 'text';
  });

  const elements: Element[] = [];
  for (const run of runs) {
    const last = elements.at(-1);
    if (run.kind === 'text') {
      if (last?.kind === 'text') last.lines.push(...run.lines);
      else elements.push({ kind: 'text', lines: [...run.lines] });
      continue;
    }
    const markdown = run.kind === 'markdown';
    const asHeading: HeadingLine[] = run.lines.map((l) => ({ no: l.no, text: l.text, depth: l.depth }));
    if (last?.kind === 'heading' && last.chunk.markdown === markdown) {
      const prevHeadline = last.chunk.headlines.at(-1);
      last.chunk.lines.push(...asHeading);
      if (markdown) last.chunk.headlines = readHeadlines(last.chunk.lines, places, true);
      else if (prevHeadline && prevHeadline.place && !prevHeadline.title && run.kind === 'title') {
        // A place line standing alone above its title: one headline.
        last.chunk.headlines.splice(-1, 1, ...readHeadlines([...prevHeadline.printed, ...asHeading], places, false));
      } else last.chunk.headlines.push(...readHeadlines(asHeading, places, false));
      continue;
    }
    elements.push({ kind: 'heading', chunk: { lines: asHeading, markdown, headlines: readHeadlines(asHeading, places, markdown) } });
  }
  return elements;
}
