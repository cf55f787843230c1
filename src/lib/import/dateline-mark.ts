// The mark that opens a news story: 本报讯, 本报9月3日讯, 本报焦作9月3日讯, 【本报讯】 — but never
// the 本报通讯员 of a byline.

/** The dateline mark at the start of a line (after an optional ■ and bracket). */
export const DATELINE_MARK = /^[■□●◆]?\s*[【（(]?(?:本报|本刊|本网)(?:[^\s，。、（(讯]{0,10}?[日月])?讯(?!员)[】）)]?/u;
