// A problem found in a content file, reported as `file:line:col  field: message`.
export interface Problem {
  file: string;
  line: number;
  col: number;
  /** The frontmatter field (or registry entry) at fault; empty for whole-file problems. */
  field: string;
  message: string;
  severity: 'error' | 'warning';
}

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
