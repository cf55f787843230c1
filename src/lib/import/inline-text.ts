// Text within one printed line: how wide it is in the column, and its spacing cleaned of
// the artefacts that PDF extraction leaves (spaces around digits, runs of spaces).
import { DATELINE_MARK } from './dateline-mark.ts';

/** Width in full-width character cells: CJK characters 1, ASCII (digits, letters, space) ½. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) < 0x80 ? 0.5 : 1;
  return w;
}

/** Horizontal whitespace of every kind a page can carry: spaces, tabs, NBSP, the ideographic space. */
export const SPACE_RE = /[ \t\u00a0\u2000-\u200b\u3000\ufeff]+/g;

const CJK = '\\p{Script=Han}，。、；：！？“”‘’（）《》「」『』【】…—';
// A space between a CJK character and a digit or Latin letter is a typesetting gap, not a word break.
const GAP_AFTER_CJK = new RegExp(`([${CJK}]) (?=[0-9A-Za-z%])`, 'gu');
const GAP_BEFORE_CJK = new RegExp(`([0-9A-Za-z%]) (?=[${CJK}])`, 'gu');
// Chinese punctuation carries its own spacing.
const GAP_AROUND_PUNCT = /\s*([，。、；：！？“”‘’（）《》「」『』【】])\s*/gu;

/** One line of body text with its spacing normalised; characters other than spaces are never changed. */
export function normaliseInline(text: string): string {
  let t = text.replace(SPACE_RE, ' ').trim();
  // The dateline keeps its conventional space: 本报讯 9月3日 …
  const dateline = DATELINE_MARK.exec(t);
  const spaced = dateline && t[dateline[0].length] === ' ';
  if (spaced) t = t.slice(dateline[0].length + 1);
  t = t.replace(GAP_AROUND_PUNCT, '$1').replace(GAP_AFTER_CJK, '$1').replace(GAP_BEFORE_CJK, '$1');
  return spaced ? `${dateline[0]} ${t}` : t;
}

/** A headline as printed: single spaces between its parts, nothing else touched. */
export function normaliseHeadline(text: string): string {
  return text.replace(SPACE_RE, ' ').trim();
}
