// Where a piece of newspaper text sits in a sentence, judged from its punctuation alone.

/** Closing quotes and brackets that may follow the full stop of a finished sentence: 。” ！） …… */
const CLOSERS = '”’」』）)】》';
const SENTENCE_END = new RegExp(`[。！？!?…][${CLOSERS}]*$`, 'u');

/** True when the text ends a sentence (。！？… possibly followed by closing quotes or brackets). */
export function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text.trimEnd());
}

/** Punctuation a line can stop on only in the middle of a sentence: a comma, an opening quote, a dash… */
const MID_CLAUSE = /[，、；：,;:“‘「『（(【《—\-－·]$/u;

export function endsMidClause(text: string): boolean {
  return MID_CLAUSE.test(text.trimEnd());
}

const PAIRS: [string, string][] = [['“', '”'], ['‘', '’'], ['（', '）'], ['(', ')'], ['《', '》'], ['「', '」'], ['『', '』'], ['【', '】']];

/** True when every opening quote or bracket in the text is closed again (a headline or subhead is). */
export function isBalanced(text: string): boolean {
  return PAIRS.every(([open, close]) => {
    let depth = 0;
    for (const ch of text) {
      if (ch === open) depth++;
      else if (ch === close && --depth < 0) return false;
    }
    return depth === 0;
  });
}

const HAN = /\p{Script=Han}/u;

export function hanCount(text: string): number {
  let n = 0;
  for (const ch of text) if (HAN.test(ch)) n++;
  return n;
}

/** Only the Han characters, for comparing texts regardless of punctuation and spacing. */
export function hanOnly(text: string): string {
  return [...text].filter((ch) => HAN.test(ch)).join('');
}
