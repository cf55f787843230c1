// YAML mistakes editors make, found in the source lines and said in their terms, at the line
// where the mistake is (YAML itself often notices lines later, and in parser words). Pure: the
// reader in src/io passes the lines and the yaml package's errors (by their err.code).
import { PROBLEM, type Problem, type ProblemCode } from './problem.ts';
import { chineseQuotes } from './zh-punctuation.ts';

/** A problem without its file: the reader adds that. */
export type LineProblem = Omit<Problem, 'file'>;

export interface YamlErrorAt {
  /** The yaml package's err.code. */
  code: string;
  line: number;
  col: number;
  /** yaml's own words, shown only when no mistake below explains the error. */
  text: string;
}

export interface YamlSource {
  /** Lines of the whole file: line n is lines[n - 1]. */
  lines: readonly string[];
  /** First and last line (1-based, inclusive) holding YAML: the frontmatter, or the whole file. */
  first: number;
  last: number;
  /** Frontmatter: fields start at column 1, and a key is a field name. */
  frontmatter: boolean;
}

// `key: value` at any depth, in a list item or not: groups are indent (with "- "), key, value.
const KEY_VALUE = /^(\s*(?:-\s+)?)([^\s#:'"[{-][^:]*?):(?:[ \t]+(.*))?$/;
const KEY_NO_SPACE = /^(\s*(?:-\s+)?)([A-Za-z][\w-]*):([^\s/:].*)$/;
const FULLWIDTH_COLON_KEY = /^(\s*(?:-\s+)?)([^\s:：#"'“][^:：]*?)：/;

const problem = (line: number, col: number, field: string, code: ProblemCode, message: string): LineProblem => ({ line, col, field, code, message, severity: 'error' });

/** The line without a trailing comment (a # after a space, outside quotes). */
export function withoutComment(line: string): string {
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      if (i === 0 || /[\s:\-[,{]/.test(line[i - 1])) quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) return line.slice(0, i).trimEnd();
  }
  return line;
}

/** A value opening a quote it does not close on its line. */
function unclosedQuote(value: string): '"' | "'" | undefined {
  const q = value[0];
  if (q !== '"' && q !== "'") return undefined;
  const rest = value.slice(1);
  if (q === '"') return /(^|[^\\])(\\\\)*"/.test(rest) || rest.startsWith('"') ? undefined : '"';
  return rest.replace(/''/g, '').includes("'") ? undefined : "'";
}

/** Mistakes YAML may not even report (it reads `title：x` as text): checked on every file. */
export function alwaysWrong(src: YamlSource): LineProblem[] {
  const out: LineProblem[] = [];
  for (let n = src.first; n <= src.last; n++) {
    const raw = src.lines[n - 1] ?? '';
    const l = withoutComment(raw);
    const key = FULLWIDTH_COLON_KEY.exec(l);
    if (key && !/^\s*(?:-\s+)?[^:：]+:(\s|$)/.test(l)) {
      out.push(problem(n, key[1].length + key[2].length + 1, key[2].trim(), PROBLEM.fullwidthColon, 'expected a colon ":" after the field name, found a full-width colon "："'));
    } else if (/^ *\t/.test(raw)) {
      out.push(problem(n, raw.indexOf('\t') + 1, '', PROBLEM.tabIndent, 'expected spaces for indentation, found a tab'));
    }
  }
  return out;
}

interface KeyLine {
  n: number;
  /** Column (0-based) where the key starts. */
  col: number;
  key: string;
  value: string;
  /** The line starts a list item (- key: value). */
  item: boolean;
}

function keyLine(lines: readonly string[], n: number): KeyLine | undefined {
  const l = withoutComment(lines[n - 1] ?? '');
  const m = KEY_VALUE.exec(l);
  if (!m) return undefined;
  return { n, col: m[1].length, key: m[2].trim(), value: (m[3] ?? '').trim(), item: m[1].includes('-') };
}

const blank = (l: string | undefined) => l === undefined || withoutComment(l).trim() === '';

/**
 * A field pushed right (or left) of its neighbours: YAML reads it as more of the previous value, or
 * as a new entry, and complains lines later. Found by lining each field up with the one above.
 */
function misindented(src: YamlSource): LineProblem | undefined {
  const stack: number[] = []; // key columns of the enclosing mappings, innermost last
  const dashes: number[] = []; // columns of the "-" of list items seen so far
  let prev: KeyLine | undefined;
  let prevItemScalar = -1; // the "-" column of the list item of names just above, or -1
  const dashOff = (n: number, k: KeyLine | undefined, col: number) =>
    problem(n, col + 1, k?.key ?? '', PROBLEM.indentedField, `expected the "-" of this list item lined up with the one above (${dashes.at(-1)} space(s) in), found it indented by ${col} space(s)`);
  for (let n = src.first; n <= src.last; n++) {
    const raw = src.lines[n - 1] ?? '';
    if (blank(raw)) continue;
    const k = keyLine(src.lines, n);
    const indent = raw.length - raw.trimStart().length;
    const dash = /^\s*-\s/.test(raw) ? indent : -1;
    if (!k) {
      // A list item of names, or a continuation: it belongs to the block above.
      if (dash >= 0 && prevItemScalar >= 0 && dash !== prevItemScalar) return dashOff(n, prev, dash);
      if (dash >= 0) dashes.push(dash);
      prevItemScalar = dash;
      if (dash < 0 && prev && prev.value) prev = undefined;
      continue;
    }
    if (k.item && dashes.length && !dashes.includes(dash) && !(prev && !prev.value && dash > prev.col)) return dashOff(n, k, dash);
    if (prev) {
      const opensBlock = !prev.value;
      const allowed = opensBlock ? undefined : [prev.col, ...stack.filter((c) => c < prev!.col)];
      const wrong = opensBlock ? k.col <= prev.col && !stack.includes(k.col) && !k.item : !allowed!.includes(k.col) && !(k.item && k.col - 2 <= prev.col);
      if (wrong && prevItemScalar < 0) {
        const want = opensBlock ? undefined : prev.col;
        if (src.frontmatter && want === 0) {
          return problem(n, 1, k.key, PROBLEM.indentedField, `expected the field at the start of the line, found it indented by ${indent} space(s)`);
        }
        return problem(n, indent + 1, k.key, PROBLEM.indentedField, want === undefined
          ? `expected ${k.key} indented under ${prev.key} above, found it at ${indent} space(s)`
          : `expected ${k.key} lined up with ${prev.key} above (${want} space(s) in), found it indented by ${indent} space(s)`);
      }
    }
    if (dash >= 0) dashes.push(dash);
    while (stack.length && stack.at(-1)! > k.col) stack.pop();
    if (stack.at(-1) !== k.col) stack.push(k.col);
    prev = k;
    prevItemScalar = -1;
  }
  return undefined;
}

/** The line where a mistake YAML reported later really is, said in an editor's terms. */
function explainAt(src: YamlSource, err: YamlErrorAt): LineProblem | undefined {
  const { lines } = src;
  const range = Array.from({ length: src.last - src.first + 1 }, (_, i) => src.first + i);
  // An unclosed quote swallows every line after it: YAML notices at the end.
  for (const n of range) {
    const k = keyLine(lines, n);
    const item = /^(\s*-\s+)(["'].*)$/.exec(lines[n - 1] ?? '');
    const value = k?.value ?? item?.[2]?.trim() ?? '';
    const q = value ? unclosedQuote(value) : undefined;
    if (!q) continue;
    const col = (lines[n - 1] ?? '').indexOf(value) + 1;
    const field = k?.key ?? '';
    const inner = value.slice(1);
    return problem(n, col, field, PROBLEM.unclosedQuote, `expected the closing ${q} of the value on the same line, found ${value} with no closing quote (close it, or leave the quotes out: Chinese quotes “ ” need none, as in ${field || 'title'}: ${chineseQuotes(inner)})`);
  }
  // An unclosed [ list: YAML notices only further down, so point at the line that opened it.
  for (const n of range) {
    const l = withoutComment(lines[n - 1] ?? '');
    if ((l.match(/\[/g)?.length ?? 0) <= (l.match(/\]/g)?.length ?? 0)) continue;
    const k = keyLine(lines, n);
    const key = k?.key ?? '';
    return problem(n, l.indexOf('[') + 1, key, PROBLEM.unclosedList, `expected a list closed with ] on the same line, as in ${key || 'field'}: [鲁燕, 张三], found ${(k?.value ?? l).trim()}`);
  }
  for (const n of range) {
    const l = withoutComment(lines[n - 1] ?? '');
    const m = KEY_NO_SPACE.exec(l);
    if (m) return problem(n, m[1].length + m[2].length + 2, m[2], PROBLEM.colonWithoutSpace, `expected a space after the colon, as in ${m[2]}: ${m[3]}, found ${m[2]}:${m[3]}`);
  }
  const indent = misindented(src);
  if (indent) return indent;
  const text = lines[err.line - 1] ?? '';
  const k = keyLine(lines, err.line);
  const valueCol = (v: string) => text.length - withoutComment(text).length + withoutComment(text).lastIndexOf(v) + 1;
  if (err.code === 'DUPLICATE_KEY' && k) {
    // The first time, in the same entry: walk up while lines belong to this mapping.
    let first = -1;
    for (let n = err.line - 1; n >= src.first; n--) {
      const o = keyLine(lines, n);
      const raw = lines[n - 1] ?? '';
      if (blank(raw)) continue;
      const indent = raw.length - raw.trimStart().length;
      if (o && o.col === k.col && o.key === k.key) first = n;
      if (indent < k.col && (!o || o.col < k.col || o.item)) {
        if (o?.item && o.col === k.col && o.key === k.key) first = n;
        break;
      }
    }
    const where = first > 0 ? ` (first on line ${first})` : '';
    return problem(err.line, k.col + 1, k.key, PROBLEM.duplicateField, `expected each field once, found ${k.key} a second time${where}`);
  }
  if (err.code === 'BLOCK_AS_IMPLICIT_KEY' && k && /:\s/.test(k.value)) {
    return problem(err.line, valueCol(k.value), k.key, PROBLEM.colonInValue, `expected the value in quotes when it contains ": ", as in ${k.key}: "${k.value}", found ${k.value}`);
  }
  const quoted = k && /^(["'])(.*?)\1(.+)$/.exec(k.value);
  if (err.code === 'UNEXPECTED_TOKEN' && k && quoted) {
    // "“五星”支部" 文化: the first pair was meant as YAML quotes (it holds Chinese quotes already): drop
    // them. "五星"支部: the pair was meant as a quotation: make it Chinese. Either way every straight quote goes.
    const fixed = /[“”]/.test(quoted[2]) ? `${quoted[2]}${chineseQuotes(quoted[3])}` : chineseQuotes(k.value);
    return problem(err.line, valueCol(k.value), k.key, PROBLEM.textAfterQuote, `expected the whole value inside the quotes or no quotes at all, found text after the closing quote: ${k.value} (Chinese quotes need none: ${k.key}: ${fixed})`);
  }
  if (src.frontmatter && text.trim() && !withoutComment(text).includes(':') && ['MULTILINE_IMPLICIT_KEY', 'MISSING_CHAR', 'UNEXPECTED_TOKEN'].includes(err.code)) {
    return problem(err.line, 1, '', PROBLEM.lineWithoutColon, `expected field: value, found a line without a colon: ${text.trim()}`);
  }
  return undefined;
}

/**
 * The problems behind YAML's errors: each mistake found once, at its own line. YAML errors no
 * mistake explains are passed on with yaml's words and code.
 */
export function yamlProblems(src: YamlSource, errors: readonly YamlErrorAt[]): LineProblem[] {
  const out: LineProblem[] = [];
  const seen = new Set<string>();
  for (const err of errors) {
    const p = explainAt(src, err) ?? problem(err.line, err.col, '', `yaml:${err.code}`, `expected valid YAML (field: value), found ${err.text}`);
    const key = `${p.line}:${p.code}`;
    if (seen.has(key) || (p.code.startsWith('yaml:') && out.length)) continue;
    seen.add(key);
    out.push(p);
    // One line-level mistake explains the rest of YAML's complaints.
    if (!p.code.startsWith('yaml:')) return out;
  }
  return out;
}
