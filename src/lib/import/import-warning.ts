// What the importer could not settle on a page: a problem's code (import/…, from PROBLEM) for
// code to act on, and its message for the editor's review list. The page has no file position yet.
import type { Problem } from '../problem.ts';

export type ImportWarning = Pick<Problem, 'code' | 'message'>;

export const importWarning = (code: Problem['code'], message: string): ImportWarning => ({ code, message });

/** The messages alone, as editors read them (the review list, the --json `warnings` field). */
export const warningMessages = (warnings: readonly ImportWarning[]): string[] => warnings.map((w) => w.message);
