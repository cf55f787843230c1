// npm run build: check the content (same messages as `npm run check`), build the site and its
// search index into a scratch folder, then swap it into place — a failed build leaves the
// previous dist/ untouched.
//   node scripts/build.ts [--out DIR] [--skip-check]
import { existsSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve, basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { contentDir } from '../src/io/content-dir.ts';
import { formatProblem } from '../src/io/problems.ts';
import { checkContent } from '../src/io/check.ts';
import { mark } from '../src/integrations/build-timings.ts';

process.env.ASTRO_TELEMETRY_DISABLED = '1';
const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { out: { type: 'string' }, 'skip-check': { type: 'boolean' } } });
const out = resolve(values.out ?? join(root, 'dist'));
const started = performance.now();

if (!values['skip-check']) {
  const { problems } = await checkContent({ contentDir: contentDir(root), root });
  for (const p of problems) console.error(formatProblem(p));
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (errors) {
    console.error(`\nBuild stopped: ${errors} error(s) in the content. Fix them and build again; ${basename(out)}/ was left as it was.`);
    process.exit(1);
  }
}

mark('check:done');

const scratch = join(dirname(out), `.${basename(out)}.building-${process.pid}`);
rmSync(scratch, { recursive: true, force: true });
process.env.JIEXUN_OUT = scratch;
const { build } = await import('astro');
try {
  await build({ root, outDir: scratch, logLevel: process.env.JIEXUN_LOG ?? 'warn' });
} catch (e) {
  rmSync(scratch, { recursive: true, force: true });
  console.error(e instanceof Error ? e.message : e);
  console.error(`\nBuild failed; ${basename(out)}/ was left as it was.`);
  process.exit(1);
}
const old = `${out}.old-${process.pid}`;
if (existsSync(out)) renameSync(out, old);
renameSync(scratch, out);
rmSync(old, { recursive: true, force: true });
console.log(`Built ${out} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
