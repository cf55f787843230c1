// `npm run check -- --fix`: rewrites what the check can fix safely — half-width punctuation in
// Chinese text and straight quotes in headlines (src/lib/zh-punctuation.ts), and names missing
// from content/people.yaml (appended with fresh ids). A file is written only when it reads back
// with the same fields and no new problem; each is written to a temporary name and renamed.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { stringify } from 'yaml';
import { newPeople, roleOfField, type PersonInput } from '../lib/people.ts';
import { findTextIssues, fixTextIssues, PROSE_FIELDS } from '../lib/zh-punctuation.ts';
import { parseMarkdown, sourceLines } from './frontmatter.ts';
import { addPeople } from './people-file.ts';
import { PROBLEM, type Problem } from './problems.ts';
import type { Registries } from '../schema.ts';

export interface FixReport {
  /** Files rewritten, with how many marks each. */
  fixed: { file: string; marks: number }[];
  people: PersonInput[];
  /** Files that would not read back the same after fixing: left as they were. */
  skipped: { file: string; why: string }[];
}

const scalar = (v: string) => stringify(v, { lineWidth: 0 }).trimEnd();

/** Applies the fixes for `problems` (as checkContent found them, paths relative to `root`). */
export function fixContent(problems: readonly Problem[], registries: Registries, contentDir: string, root: string): FixReport {
  const report: FixReport = { fixed: [], people: [], skipped: [] };
  const unknown = problems.filter((p) => p.code === PROBLEM.unknownPerson && p.value);
  report.people = newPeople(registries.people, unknown.map((p) => ({ name: p.value!, role: roleOfField(p.field) })));
  addPeople(contentDir, report.people);

  const files = [...new Set(problems.filter((p) => p.code === PROBLEM.halfWidthPunctuation || p.code === PROBLEM.straightQuotes).map((p) => p.file))];
  for (const file of files) {
    const abs = resolve(root, file);
    const source = readFileSync(abs, 'utf8');
    const before = parseMarkdown(file, source);
    const lines = sourceLines(source);
    const findings = findTextIssues(lines, (f) => before.data[f]);
    if (!findings.length) continue;
    const bom = source.startsWith('\uFEFF') ? '\uFEFF' : '';
    const eol = source.includes('\r\n') ? '\r\n' : '\n';
    const text = bom + fixTextIssues(lines, findings, (f) => before.data[f], scalar).join(eol);
    const after = parseMarkdown(file, text);
    const others = (d: Record<string, unknown>) => JSON.stringify(Object.entries(d).filter(([k]) => !(PROSE_FIELDS as readonly string[]).includes(k)));
    if (after.problems.length || others(after.data) !== others(before.data)) {
      report.skipped.push({ file, why: after.problems[0]?.message ?? 'a field other than a headline would change' });
      continue;
    }
    const temp = `${abs}.${process.pid}.tmp`;
    writeFileSync(temp, text, { encoding: 'utf8', flag: 'wx' });
    renameSync(temp, abs);
    report.fixed.push({ file, marks: findings.reduce((n, f) => n + f.fixes.length + (f.straightQuotes ? 1 : 0), 0) });
  }
  return report;
}
