// Problems as editors read them: `file:line:col  field: message`. The Problem type itself is
// pure (src/lib/problem.ts) so the check rules in src/lib can make them.
import type { Problem } from '../lib/problem.ts';

export { PROBLEM, type Problem, type ProblemCode } from '../lib/problem.ts';

/**
 * `text` with every control character (C0, DEL, C1) and bidi control written as \u{…}: what a
 * field holds reaches the editor's terminal as text, never as an escape sequence.
 */
export function visibleText(text: string): string {
  return text.replace(/[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu, (ch) => `\\u{${ch.codePointAt(0)!.toString(16).toUpperCase()}}`);
}

export function formatProblem(p: Problem): string {
  const where = `${p.file}:${p.line}:${p.col}`;
  const tag = p.severity === 'warning' ? 'warning: ' : '';
  return visibleText(`${where}  ${tag}${p.field ? `${p.field}: ` : ''}${p.message}`);
}

/** Thrown when content cannot be built; its message lists every problem, one per line. */
export class ContentError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ContentError';
    this.problems = problems;
  }
}
