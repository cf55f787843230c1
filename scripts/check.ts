// npm run check [--content DIR] [--fix] [paths…]: validates the content without running Astro.
// Prints every problem as file:line:col, then a summary; exit 1 on any error, 2 on bad usage.
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkContent, checkSummary } from '../src/io/check.ts';
import { fixContent } from '../src/io/check-fix.ts';
import { guardCli } from '../src/io/cli-guard.ts';
import { formatProblem } from '../src/io/problems.ts';
import { readRegistries } from '../src/io/registries.ts';
import { printers, processIO, type CliIO } from './cli-io.ts';

const USAGE = `usage: npm run check -- [--content DIR] [--fix] [FILE|FOLDER …]
  Checks every article, bulletin and registry file in the content folder
  (./content, or $JIEXUN_CONTENT, or --content DIR); with paths, reports on those files only.
  --fix  rewrites what can be fixed safely, then checks again: half-width punctuation in Chinese
         text (，；：（）), straight quotes in headlines (“ ”), and names missing from people.yaml.`;

export function runCheck(argv: string[], io: CliIO): number {
  const { out, err } = printers(io);
  let args;
  try {
    args = parseArgs({ args: argv, options: { content: { type: 'string' }, fix: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
  } catch (e) {
    err(`npm run check: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    out(USAGE);
    return 0;
  }
  const contentDir = args.values.content ?? io.env.JIEXUN_CONTENT ?? 'content';
  const check = () => checkContent({ contentDir, root: io.cwd, paths: args.positionals, publicDir: 'public' });
  let result = check();
  if (args.values.fix) {
    const { registries } = readRegistries(resolve(io.cwd, contentDir));
    if (registries) {
      const report = fixContent(result.problems, registries, resolve(io.cwd, contentDir), io.cwd);
      for (const p of report.people) out(`fixed: added ${p.name} to ${join(contentDir, 'people.yaml')} (page /reporters/${p.id}/)`);
      for (const f of report.fixed) out(`fixed: ${f.file} (${f.marks} mark(s) made Chinese)`);
      for (const f of report.skipped) out(`not fixed: ${f.file}: ${f.why}`);
      result = check();
    }
  }
  for (const p of result.problems) out(formatProblem(p));
  out(checkSummary(result));
  return result.problems.some((p) => p.severity === 'error') ? 1 : 0;
}

if (import.meta.main) {
  guardCli('npm run check');
  process.exitCode = runCheck(process.argv.slice(2), processIO());
}
