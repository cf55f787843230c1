// The dateline that opens a news story: 本报讯, 本报9月3日讯, 【本报讯】, sometimes carrying the
// byline in brackets: 本报讯（记者 鲁燕 通讯员 魏少杰）9月3日，…
import { parseByline, type Byline } from './byline.ts';
import { DATELINE_MARK as DATELINE } from './dateline-mark.ts';
const BRACKETED = /^\s*[（(]([^）)]{2,40})[）)]\s*/u;

export function isDateline(text: string): boolean {
  return DATELINE.test(text);
}

/** Takes a bracketed byline out of a dateline; the dateline and the rest of the line stay as text. */
export function splitDatelineByline(text: string): { text: string; byline?: Byline } {
  const d = DATELINE.exec(text);
  if (!d) return { text };
  const rest = text.slice(d[0].length);
  const b = BRACKETED.exec(rest);
  const byline = b ? parseByline(b[0].trim()) : undefined;
  if (!b || !byline) return { text };
  return { text: `${d[0]} ${rest.slice(b[0].length)}`.trim(), byline };
}
