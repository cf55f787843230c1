// Turns zod issues into Problems positioned at the offending value. The schema words every
// message itself; the problem code is ours when the schema gave one (params.code), else zod's.
import { PROBLEM, type Problem, type ProblemCode } from './problems.ts';

export interface Issue {
  code?: string;
  path: PropertyKey[];
  message: string;
  params?: { code?: string; name?: string };
}

export function issueCode(iss: Issue): ProblemCode {
  if (iss.params?.code) return iss.params.code as ProblemCode;
  return iss.code === 'custom' || !iss.code ? PROBLEM.badValue : `zod:${iss.code}`;
}

export function issuesToProblems(
  file: string,
  issues: readonly Issue[],
  locate: (path: (string | number)[]) => { line: number; col: number },
  fieldOf: (path: (string | number)[]) => string = (p) => p.join('.'),
): Problem[] {
  return issues.map((iss) => {
    const path = iss.path.filter((k): k is string | number => typeof k !== 'symbol');
    const { line, col } = locate(path);
    const value = iss.params?.name;
    return { file, line, col, field: fieldOf(path), message: iss.message, severity: 'error' as const, code: issueCode(iss), ...(value === undefined ? {} : { value }) };
  });
}
