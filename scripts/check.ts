// npm run check [--content DIR] [paths…]: validates the content without running Astro.
// Prints every problem as file:line:col, then a summary; exit 1 on any error, 2 on bad usage.
import { parseArgs } from 'node:util';
import { checkContent, checkSummary } from '../src/io/check.ts';
import { formatProblem } from '../src/io/problems.ts';
import { fixContent } from '../src/io/check-fix.ts';
import { readRegistries } from '../src/io/registries.ts';
import { join, resolve } from 'node:path';
import { guardCli } from '../src/io/cli-guard.ts';

guardCli('npm run check');

const USAGE = `usage: npm run check -- [--content DIR] [--fix] [FILE|FOLDER …]
  Checks every article, bulletin and registry file in the content folder
  (./content, or $JIEXUN_CONTENT, or --content DIR); with paths, reports on those files only.
  --fix  rewrites what can be fixed safely, then checks again: half-width punctuation in Chinese
         text (，；：（）), straight quotes in headlines (“ ”), and names missing from people.yaml.`;

let args;
try {
  args = parseArgs({ options: { content: { type: 'string' }, fix: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
} catch (e) {
  console.error(`npm run check: ${(e as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (args.values.help) {
  console.log(USAGE);
  process.exit(0);
}

const contentDir = args.values.content ?? process.env.JIEXUN_CONTENT ?? 'content';
let result = checkContent({ contentDir, paths: args.positionals });
if (args.values.fix) {
  const { registries } = readRegistries(resolve(contentDir));
  if (registries) {
    const report = fixContent(result.problems, registries, resolve(contentDir), process.cwd());
    for (const p of report.people) console.log(`fixed: added ${p.name} to ${join(contentDir, 'people.yaml')} (page /reporters/${p.id}/)`);
    for (const f of report.fixed) console.log(`fixed: ${f.file} (${f.marks} mark(s) made Chinese)`);
    for (const f of report.skipped) console.log(`not fixed: ${f.file}: ${f.why}`);
    result = checkContent({ contentDir, paths: args.positionals });
  }
}
for (const p of result.problems) console.log(formatProblem(p));
console.log(checkSummary(result));
process.exitCode = result.problems.some((p) => p.severity === 'error') ? 1 : 0;
