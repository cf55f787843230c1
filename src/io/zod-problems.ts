// Turns zod issues into Problems positioned at the offending value.
import type { Problem } from './problems.ts';

interface Issue {
  path: PropertyKey[];
  message: string;
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
    let message = iss.message;
    // zod's own wording for a missing required field.
    if (/expected .*, received undefined|found nothing/.test(message) || message === 'Required') {
      message = message.replace(/Invalid input: expected (\w+), received undefined/, 'expected $1, found nothing (the field is missing)');
      if (!/missing/.test(message)) message = message.replace(/found nothing$/, 'found nothing (the field is missing)');
    }
    return { file, line, col, field: fieldOf(path), message, severity: 'error' as const };
  });
}
