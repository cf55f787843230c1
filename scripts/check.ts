// npm run check [--content DIR] [paths…]: validates the content without running Astro.
// Prints every problem as file:line:col, then a summary; exit 1 on any error, 2 on bad usage.
import { parseArgs } from 'node:util';
import { checkContent, checkSummary } from '../src/io/check.ts';
import { formatProblem } from '../src/io/problems.ts';
import { printers, processIO, type CliIO } from './cli-io.ts';

const USAGE = `usage: npm run check -- [--content DIR] [FILE|FOLDER …]
  Checks every article, bulletin and registry file in the content folder
  (./content, or $JIEXUN_CONTENT, or --content DIR); with paths, reports on those files only.`;

export function runCheck(argv: string[], io: CliIO): number {
  const { out, err } = printers(io);
  let args;
  try {
    args = parseArgs({ args: argv, options: { content: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
  } catch (e) {
    err(`npm run check: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    out(USAGE);
    return 0;
  }
  const result = checkContent({
    contentDir: args.values.content ?? io.env.JIEXUN_CONTENT ?? 'content',
    root: io.cwd,
    paths: args.positionals,
  });
  for (const p of result.problems) out(formatProblem(p));
  out(checkSummary(result));
  return result.problems.some((p) => p.severity === 'error') ? 1 : 0;
}

if (import.meta.main) process.exitCode = runCheck(process.argv.slice(2), processIO());
