// npm run check [--content DIR] [paths…]: validates the content without running Astro.
// Prints every problem as file:line:col, then a summary; exit 1 on any error, 2 on bad usage.
import { parseArgs } from 'node:util';
import { checkContent, checkSummary } from '../src/io/check.ts';
import { formatProblem } from '../src/io/problems.ts';

const USAGE = `usage: npm run check -- [--content DIR] [FILE|FOLDER …]
  Checks every article, bulletin and registry file in the content folder
  (./content, or $JIEXUN_CONTENT, or --content DIR); with paths, reports on those files only.`;

let args;
try {
  args = parseArgs({ options: { content: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
} catch (e) {
  console.error(`npm run check: ${(e as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (args.values.help) {
  console.log(USAGE);
  process.exit(0);
}

const result = checkContent({
  contentDir: args.values.content ?? process.env.JIEXUN_CONTENT ?? 'content',
  paths: args.positionals,
  publicDir: 'public',
});
for (const p of result.problems) console.log(formatProblem(p));
console.log(checkSummary(result));
process.exitCode = result.problems.some((p) => p.severity === 'error') ? 1 : 0;
