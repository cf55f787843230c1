// Text copied from a PDF puts each paragraph on one line and leaves a space wherever the printed
// column wrapped (every 15–20 characters, often in the middle of a word). Those spaces are read
// back as the column lines they were, so the column rules (short last line, subheads) hold for
// this layout too; a space that does not fall where a column line ends, or that stands in a list
// of names, is kept for the editor to check. Hand-written: no library knows a page's columns.
import { displayWidth } from './inline-text.ts';
import type { PageLine } from './page-lines.ts';

/** A line longer than this is no column line: a paragraph copied whole. */
const LONG = 30;
/** Shorter pieces between spaces say nothing about the column (names, a dateline, a date). */
const MIN_PIECE = 8;
/** How far a column line may be from the column width: punctuation may hang, a quote or number moves down. */
const SHORTER = 2.5;
const LONGER = 1.5;
/** The first line of a paragraph is indented by two characters. */
const INDENT = 2;

const HAN = /\p{Script=Han}/u;
const isHan = (ch: string | undefined) => !!ch && HAN.test(ch);

interface Space {
  at: number;
  /** Width of the text from the start of the line to the space. */
  x: number;
}

function spacesOf(text: string): Space[] {
  const out: Space[] = [];
  let x = 0;
  [...text].forEach((ch, at) => {
    if (ch === ' ') out.push({ at, x });
    x += displayWidth(ch);
  });
  return out;
}

/** The column width a PDF copy wrapped at, or undefined when the page was not copied that way. */
export function wrapWidth(lines: readonly PageLine[]): number | undefined {
  const pieces: number[] = [];
  for (const l of lines) {
    if (l.depth > 0 || l.width <= LONG) continue;
    const chars = [...l.text];
    let from = 0;
    for (const s of spacesOf(l.text)) {
      const w = displayWidth(chars.slice(from, s.at).join(''));
      if (w >= MIN_PIECE) pieces.push(Math.round(w));
      from = s.at + 1;
    }
  }
  if (pieces.length < 3) return undefined;
  const counts = new Map<number, number>();
  for (const p of pieces) counts.set(p, (counts.get(p) ?? 0) + 1);
  // The column width is the commonest piece (ties: the longer; a first line is shorter by its indent).
  const [mode] = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
  const near = pieces.filter((p) => p >= mode - SHORTER && p <= mode + LONGER + INDENT).length;
  return near >= Math.max(3, pieces.length * 0.6) ? mode : undefined;
}

/** A space in a list of short names (张红梅 刘建设 王桂兰): another such space close by. */
function inNameList(chars: readonly string[], at: number): boolean {
  const near = (from: number, step: number) => {
    for (let k = from, n = 0; n < 5 && k >= 0 && k < chars.length; k += step, n++) {
      if (chars[k] === ' ') return isHan(chars[k - 1]) && isHan(chars[k + 1]);
      if (!isHan(chars[k])) return false;
    }
    return false;
  };
  return near(at - 1, -1) || near(at + 1, 1);
}

/** A single Han character standing between spaces: half of a name cut by the wrap (李 秀英). */
function loneChar(chars: readonly string[], at: number): boolean {
  return (isHan(chars[at - 1]) && !isHan(chars[at - 2])) || (isHan(chars[at + 1]) && !isHan(chars[at + 2]));
}

/**
 * Splits each paragraph copied whole at the spaces its column wraps left. The pieces keep the
 * line's number; the first of them is a paragraph's first line (a new line in a PDF copy is a
 * new paragraph). A wrap space inside a list of names is kept as the names' separator.
 */
export function splitWrappedLines(lines: readonly PageLine[]): { lines: PageLine[]; width?: number } {
  const width = wrapWidth(lines);
  if (width === undefined) return { lines: [...lines] };
  const out: PageLine[] = [];
  for (const line of lines) {
    if (line.depth > 0 || line.width <= width + LONGER) {
      out.push(line);
      continue;
    }
    const chars = [...line.text];
    const cuts: { at: number; keep: boolean }[] = [];
    let start = 0;
    let first = true;
    for (;;) {
      const want = first ? width - INDENT : width;
      const candidates = spacesOf(line.text).filter((s) => s.at > (cuts.at(-1)?.at ?? -1)).map((s) => ({ ...s, w: s.x - start }));
      const fit = candidates.filter((s) => s.w >= want - SHORTER && s.w <= want + LONGER);
      if (!fit.length) break;
      const best = fit.reduce((a, b) => (Math.abs(b.w - want) < Math.abs(a.w - want) ? b : a));
      const keep = isHan(chars[best.at - 1]) && isHan(chars[best.at + 1]) && inNameList(chars, best.at) && !loneChar(chars, best.at);
      cuts.push({ at: best.at, keep });
      start = best.x + displayWidth(' ');
      first = false;
    }
    if (!cuts.length) {
      out.push({ ...line, indent: true });
      continue;
    }
    let from = 0;
    [...cuts, { at: chars.length, keep: false }].forEach((cut, k) => {
      const text = chars.slice(from, cut.at).join('');
      from = cut.at + 1;
      out.push({ ...line, text, width: displayWidth(text), blankBefore: k === 0 && line.blankBefore, indent: k === 0, marker: k === 0 ? line.marker : '', spaceAfter: cut.keep || undefined });
    });
  }
  return { lines: out, width };
}
