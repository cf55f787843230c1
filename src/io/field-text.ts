// Text in frontmatter and registry fields, before the schema reads it: control characters (an
// ANSI escape that would clear an editor's terminal), bidi controls (U+202E turns text around on
// screen) and lengths past what a field can hold (a 300-letter name becomes a folder name too
// long for the file system).
import { PROBLEM, visibleText, type Problem } from './problems.ts';

/**
 * Names become URLs and folder names (/reporters/<pinyin>/): 40 characters of at most six pinyin
 * letters each stay within the 255 bytes a file name may have.
 */
export const MAX_NAME_CHARS = 40;
/** Any other field: a headline or summary, never a chapter. */
export const MAX_FIELD_CHARS = 500;

// C0 controls except tab and line feed (block scalars hold line breaks), DEL and C1 controls.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u;
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

const codePoint = (ch: string) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

const NAMES: Record<string, string> = {
  '\u001B': 'escape', '\u0000': 'NUL', '\u0007': 'bell', '\u0008': 'backspace', '\u000D': 'carriage return',
  '\u202E': 'right-to-left override', '\u202D': 'left-to-right override', '\u202B': 'right-to-left embedding',
  '\u202A': 'left-to-right embedding', '\u2066': 'left-to-right isolate', '\u2067': 'right-to-left isolate',
  '\u2068': 'first strong isolate', '\u200F': 'right-to-left mark', '\u200E': 'left-to-right mark',
};

const preview = (s: string) => visibleText([...s].length > 40 ? `${[...s].slice(0, 40).join('')}…` : s);

export interface FieldTextOptions {
  /** Fields holding names that become URLs and folder names (held to MAX_NAME_CHARS). */
  nameFields?: readonly string[];
  locate(path: readonly (string | number)[]): { line: number; col: number };
  /** The field as editors write it, for messages. */
  fieldOf?(path: readonly (string | number)[]): string;
}

/** Problems in every text value of `data` (nested lists and maps included). */
export function fieldTextProblems(file: string, data: unknown, o: FieldTextOptions): Problem[] {
  const problems: Problem[] = [];
  const fieldOf = o.fieldOf ?? ((p) => p.filter((k) => typeof k === 'string').join('.'));
  const visit = (value: unknown, path: (string | number)[]) => {
    if (typeof value === 'string') {
      const at = () => ({ file, ...o.locate(path), field: fieldOf(path), severity: 'error' as const });
      const control = CONTROL.exec(value);
      const bidi = BIDI.exec(value);
      if (control) {
        const ch = control[0];
        problems.push({ ...at(), code: PROBLEM.controlCharacter, message: `expected text without control characters, found ${codePoint(ch)}${NAMES[ch] ? ` (${NAMES[ch]})` : ''} in ${preview(value)}` });
      } else if (bidi) {
        const ch = bidi[0];
        problems.push({ ...at(), code: PROBLEM.bidiControl, message: `expected text without bidirectional controls (they turn text around on screen), found ${codePoint(ch)}${NAMES[ch] ? ` (${NAMES[ch]})` : ''} in ${preview(value)}` });
      }
      const key = path.findLast((k) => typeof k === 'string');
      const isName = typeof key === 'string' && (o.nameFields ?? []).includes(key);
      const max = isName ? MAX_NAME_CHARS : MAX_FIELD_CHARS;
      const length = [...value].length;
      if (length > max) {
        problems.push({ ...at(), code: PROBLEM.tooLong, message: `expected ${isName ? 'a name' : 'a value'} of at most ${max} characters, found ${length} characters: ${preview(value)}` });
      }
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, [...path, i]));
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (CONTROL.test(k) || BIDI.test(k)) {
          problems.push({ file, ...o.locate([...path, k]), field: visibleText(k), severity: 'error', code: PROBLEM.controlCharacter, message: 'expected a field name without control characters, found one' });
        }
        visit(v, [...path, k]);
      }
    }
  };
  visit(data, []);
  return problems;
}
