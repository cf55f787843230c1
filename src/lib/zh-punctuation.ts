// Half-width punctuation inside Chinese text (建设路街道,召开 → 建设路街道，召开; 社区(村) → 社区（村）)
// and straight quotes in Chinese text ("五星" → “五星”), found and fixed.
// Hand-written rather than zhlint: zhlint 0.8 fixes Chinese text well with custom rules, but takes
// ~140 ms an article (23 minutes for a 10,000-article check) and rewrites English sentences too
// (a, b → a，b); this narrow rule touches only marks next to Chinese text.

const HAN = /[\p{Script=Han}]/u;
/** Chinese text or full-width punctuation: what makes a neighbouring mark "inside Chinese text". */
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef“”‘’…—]/u;
const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '!': '！', '?': '？', '.': '。', '(': '（', ')': '）' };

export interface PunctuationFix {
  /** 0-based offset in the text given. */
  index: number;
  found: string;
  fixed: string;
}

/** Offsets (in the text) of stretches no rule may touch: inline code, link targets, URLs, HTML tags. */
function protectedRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const re of [/`[^`]*`/g, /\]\([^)]*\)/g, /<[^>\n]*>/g, /\b(?:https?|ftp):\/\/[^\s\u3000-\u303f\uff00-\uffef“”]+/g, /\bwww\.[^\s\u3000-\u303f\uff00-\uffef“”]+/g]) {
    for (const m of text.matchAll(re)) ranges.push([m.index!, m.index! + m[0].length]);
  }
  return ranges;
}

/** The fixes for one line of prose (a headline, or a line of the body outside code blocks). */
export function punctuationFixes(text: string): PunctuationFix[] {
  // Most lines of Chinese prose hold no half-width mark at all: nothing to look at.
  if (!/[,;:!?.()"]/.test(text)) return [];
  const chars = [...text];
  // Work in UTF-16 offsets (what editors' tools and String.slice use) via a parallel table.
  const offsets: number[] = [];
  let o = 0;
  for (const c of chars) (offsets.push(o), (o += c.length));
  const ranges = protectedRanges(text);
  const guarded = (i: number) => ranges.some(([a, b]) => offsets[i] >= a && offsets[i] < b);
  const prevChar = (i: number) => {
    for (let k = i - 1; k >= 0; k--) if (chars[k] !== ' ') return chars[k];
    return '';
  };
  const nextChar = (i: number) => {
    for (let k = i + 1; k < chars.length; k++) if (chars[k] !== ' ') return chars[k];
    return '';
  };
  const fixes: PunctuationFix[] = [];
  const fix = (i: number, fixed: string) => fixes.push({ index: offsets[i], found: chars[i], fixed });
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (!(c in FULL) || guarded(i)) continue;
    const before = prevChar(i);
    const after = nextChar(i);
    const cjkBefore = CJK.test(before);
    const cjkAfter = CJK.test(after);
    if (c === '(') {
      const close = chars.indexOf(')', i + 1);
      if (close < 0 || chars.slice(i + 1, close).includes('(')) continue;
      const inner = chars.slice(i + 1, close).join('');
      if (HAN.test(inner) || HAN.test(before) || HAN.test(chars[close + 1] ?? '')) {
        fix(i, '（');
        fix(close, '）');
      }
      i = close;
      continue;
    }
    if (c === ')') continue; // only closed together with its opening bracket
    // 10:30, 3,000, 3.5, v1.2: digits (or Latin) on both sides are not Chinese text.
    if (/[0-9A-Za-z]/.test(chars[i - 1] ?? '') && /[0-9A-Za-z]/.test(chars[i + 1] ?? '')) continue;
    if (c === '.') {
      // Only a sentence end: after Chinese text, at the end or before more Chinese text.
      if (HAN.test(chars[i - 1] ?? '') && (i === chars.length - 1 || cjkAfter || after === '')) fix(i, '。');
      continue;
    }
    if (cjkBefore || (cjkAfter && !/[0-9A-Za-z]/.test(before))) fix(i, FULL[c]);
  }
  return [...fixes, ...quoteFixes(text, guarded, offsets)].sort((a, b) => a.index - b.index);
}

/** Straight double quotes around or beside Chinese text, in pairs: "五星" → “五星”. */
function quoteFixes(text: string, guarded: (i: number) => boolean, offsets: number[]): PunctuationFix[] {
  const chars = [...text];
  const at = chars.map((c, i) => (c === '"' && !guarded(i) ? i : -1)).filter((i) => i >= 0);
  if (at.length < 2 || at.length % 2 || !HAN.test(text)) return [];
  const out: PunctuationFix[] = [];
  for (let k = 0; k < at.length; k += 2) {
    const [a, b] = [at[k], at[k + 1]];
    const near = [chars[a - 1], chars.slice(a + 1, b).join(''), chars[b + 1]].join('');
    if (!HAN.test(near)) continue;
    out.push({ index: offsets[a], found: '"', fixed: '“' }, { index: offsets[b], found: '"', fixed: '”' });
  }
  return out;
}

export function applyFixes(text: string, fixes: readonly PunctuationFix[]): string {
  let out = '';
  let last = 0;
  for (const f of [...fixes].sort((a, b) => a.index - b.index)) {
    out += text.slice(last, f.index) + f.fixed;
    last = f.index + f.found.length;
    // "，" takes the room of ", ": drop the space a half-width mark wanted after it.
    if (f.fixed !== '（' && f.fixed !== '“' && text[last] === ' ' && CJK.test(text[last + 1] ?? '')) last++;
  }
  return out + text.slice(last);
}

/** A headline with straight quotes made Chinese, in pairs: "五星"支部 → “五星”支部 (the importer, check --fix). */
export function chineseQuotes(text: string): string {
  let open = true;
  return text.replace(/"/g, () => ((open = !open) ? '”' : '“'));
}

/**
 * The body's lines that hold prose, with their line index (0-based within the body): fenced code
 * blocks, HTML blocks and indented code are left out.
 */
export function proseLines(body: readonly string[]): number[] {
  const out: number[] = [];
  let fence = '';
  body.forEach((line, i) => {
    const f = /^\s*(```+|~~~+)/.exec(line);
    if (fence) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length) fence = '';
      return;
    }
    if (f) return void (fence = f[1]);
    if (/^( {4}|\t)/.test(line) || /^\s*</.test(line)) return;
    out.push(i);
  });
  return out;
}

/** Frontmatter fields holding Chinese prose an editor types (headlines and summary). */
export const PROSE_FIELDS = ['title', 'kicker', 'subtitle', 'summary'] as const;

export interface TextFinding {
  /** 1-based line and column in the file. */
  line: number;
  col: number;
  /** The field, or 'body'. */
  field: string;
  fixes: PunctuationFix[];
  /** Straight quotes in a headline (they read as typewriter marks in print). */
  straightQuotes: boolean;
}

const FIELD_LINE = /^([A-Za-z]+):[ \t]+(.*)$/;

/**
 * Where a file's Chinese text has half-width punctuation or straight quotes: each prose field of
 * the frontmatter (single-line values), and each prose line of the body.
 */
export function findTextIssues(lines: readonly string[], valueOf: (field: string) => unknown): TextFinding[] {
  const close = lines.findIndex((l, i) => i > 0 && /^---[ \t]*$/.test(l));
  if (!/^---[ \t]*$/.test(lines[0] ?? '') || close < 0) return [];
  const out: TextFinding[] = [];
  for (let i = 1; i < close; i++) {
    const m = FIELD_LINE.exec(lines[i]);
    if (!m || !(PROSE_FIELDS as readonly string[]).includes(m[1])) continue;
    const value = valueOf(m[1]);
    if (typeof value !== 'string') continue;
    // Straight quotes in a headline are their own warning; the rest is punctuation width.
    const straightQuotes = value.includes('"') && m[1] !== 'summary';
    const fixes = punctuationFixes(value).filter((f) => !straightQuotes || f.found !== '"');
    if (fixes.length || straightQuotes) out.push({ line: i + 1, col: m[1].length + 3, field: m[1], fixes, straightQuotes });
  }
  const body = lines.slice(close + 1);
  for (const k of proseLines(body)) {
    const fixes = punctuationFixes(body[k]);
    if (fixes.length) out.push({ line: close + 2 + k, col: [...body[k].slice(0, fixes[0].index)].length + 1, field: 'body', fixes, straightQuotes: false });
  }
  return out;
}

/**
 * The file with its Chinese text fixed: prose fields rewritten through `scalar` (the YAML writer,
 * so quoting stays right), body lines fixed in place. Everything else is left byte for byte.
 */
export function fixTextIssues(lines: readonly string[], findings: readonly TextFinding[], valueOf: (field: string) => unknown, scalar: (value: string) => string): string[] {
  const out = [...lines];
  for (const f of findings) {
    if (f.field === 'body') {
      out[f.line - 1] = applyFixes(out[f.line - 1], f.fixes);
      continue;
    }
    const value = String(valueOf(f.field));
    const fixed = chineseQuotes(applyFixes(value, f.fixes));
    out[f.line - 1] = `${f.field}: ${scalar(fixed)}`;
  }
  return out;
}

/** A headline as it should be written: full-width punctuation in Chinese text, Chinese quotes. */
export function fixHeadline(text: string): string {
  return chineseQuotes(applyFixes(text, punctuationFixes(text)));
}

/** Markdown prose with its Chinese text's punctuation made full-width (code and HTML untouched). */
export function fixProse(markdown: string): string {
  const lines = markdown.split('\n');
  for (const i of proseLines(lines)) lines[i] = applyFixes(lines[i], punctuationFixes(lines[i]));
  return lines.join('\n');
}
