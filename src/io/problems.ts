// Problems as editors read them: `file:line:col  field: message`. The Problem type itself is
// pure (src/lib/problem.ts) so the check rules in src/lib can make them.
import type { Problem } from '../lib/problem.ts';

export { PROBLEM, type Problem, type ProblemCode } from '../lib/problem.ts';

export function formatProblem(p: Problem): string {
  const where = `${p.file}:${p.line}:${p.col}`;
  const tag = p.severity === 'warning' ? 'warning: ' : '';
  return `${where}  ${tag}${p.field ? `${p.field}: ` : ''}${p.message}`;
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
