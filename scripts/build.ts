// npm run build: check the content (same messages as `npm run check`), build the site and its
// search index into a scratch folder, then swap it into place — a failed build leaves the
// previous dist/ untouched. The check runs on a worker thread alongside Astro's start-up; the
// swap waits for it, so content with errors never replaces dist/.
//   node scripts/build.ts [--out DIR] [--skip-check]
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, resolve, basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { contentDir } from '../src/io/content-dir.ts';
import { formatProblem, visibleText } from '../src/io/problems.ts';
import { Worker } from 'node:worker_threads';
import type { Problem } from '../src/io/problems.ts';
import { mark } from '../src/integrations/build-timings.ts';
import { guardCli } from '../src/io/cli-guard.ts';
import { processAlive } from '../src/io/process-alive.ts';
import { cacheDir } from '../src/io/cache-dir.ts';
import { withJemalloc } from '../src/io/jemalloc.ts';
import { preloadPdfPrinting, printBulletinPdfs, reportPdfs } from '../src/integrations/bulletin-pdf.ts';
import type { AstroFailure } from './astro-build.ts';

guardCli('npm run build');

mark('process:start');
process.env.ASTRO_TELEMETRY_DISABLED = '1';
const root = resolve(import.meta.dirname, '..');
const { values } = (() => {
  try {
    return parseArgs({ options: { out: { type: 'string' }, 'skip-check': { type: 'boolean' } } });
  } catch (e) {
    console.error(`npm run build: ${(e as Error).message}\nusage: npm run build -- [--out DIR] [--skip-check]\n  Checks the content, then builds the site and its search index into dist/ (or DIR).`);
    process.exit(2);
  }
})();
const out = resolve(values.out ?? join(root, 'dist'));
const started = performance.now();
const scratch = join(dirname(out), `.${basename(out)}.building-${process.pid}`);

const checked: Promise<Problem[]> = values['skip-check']
  ? Promise.resolve([])
  : new Promise((resolvePromise, reject) => {
      const worker = new Worker(new URL('../src/io/check-worker.ts', import.meta.url), { workerData: { contentDir: contentDir(root), root } });
      worker.once('message', (problems: Problem[]) => {
        mark('check:done');
        resolvePromise(problems);
      });
      worker.once('error', reject);
    });
// Written synchronously: the build may exit right after, and piped output must not be lost.
const say = (text: string) => writeSync(2, `${text}\n`);
let reported = false;
/** Prints the check's problems once; false when there are errors. */
async function contentIsClean(): Promise<boolean> {
  const problems = await checked;
  if (!reported) {
    for (const p of problems) say(formatProblem(p));
    reported = true;
  }
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (errors) say(`\nBuild stopped: ${errors} error(s) in the content. Fix them and build again; ${leftAsItWas()}.`);
  return errors === 0;
}
/** Stops the build when the check found errors in the content (contentIsClean has said them): no scratch folder left. */
async function stopOnContentErrors(): Promise<void> {
  if (await contentIsClean()) return;
  rmSync(scratch, { recursive: true, force: true });
  process.exit(1);
}
// Content errors stop the build as soon as they are known, even mid-way through Astro.
void checked.then((problems) => (problems.some((p) => p.severity === 'error') ? stopOnContentErrors() : undefined));

/**
 * What earlier builds left when they were killed: first, if one died between the two renames of
 * its swap (no dist/, its dist.old-<pid> still there), that previous site is the last good one and
 * goes back into place before anything is deleted; then scratch folders, previous sites and
 * half-deleted ones (.dist.deleting-<pid>) of builds no longer running are removed. Says what it
 * recovered; returns the folder recovered from.
 */
function recoverAndSweep(): string | undefined {
  const parent = dirname(out);
  const name = basename(out);
  const deadLeftovers = (prefix: string) =>
    (existsSync(parent) ? readdirSync(parent) : [])
      .filter((f) => f.startsWith(prefix) && /^\d+$/.test(f.slice(prefix.length)))
      .filter((f) => !processAlive(Number(f.slice(prefix.length))))
      .map((f) => join(parent, f));
  let recovered: string | undefined;
  const olds = deadLeftovers(`${name}.old-`).sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (!existsSync(out) && olds.length) {
    recovered = olds.shift()!;
    renameSync(recovered, out);
    say(`${name}/ was missing: a build was stopped while swapping. The last good site is back in place from ${basename(recovered)}.`);
  }
  for (const dir of [...olds, ...deadLeftovers(`.${name}.building-`), ...deadLeftovers(`.${name}.deleting-`)]) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // Still being removed by that build's background process: it will finish the job.
    }
  }
  return recovered;
}
const recovered = recoverAndSweep();
/** What became of dist/ when this build fails: always the truth. */
const leftAsItWas = () => (recovered ? `${basename(out)}/ holds the last good site (recovered from ${basename(recovered)})` : `${basename(out)}/ was left as it was`);
rmSync(scratch, { recursive: true, force: true });
// Ctrl+C or a kill: no scratch folder left behind (a SIGKILL's is swept by the next build; Astro's
// process ends with this one's, scripts/astro-build.ts).
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    rmSync(scratch, { recursive: true, force: true });
    say(`\nBuild stopped (${signal}); ${leftAsItWas()}.`);
    process.exit(130);
  });
}
process.env.JIEXUN_OUT = scratch;
preloadPdfPrinting();
// Astro in a process of its own (scripts/astro-build.ts), the bulletin PDFs after it has exited: the
// memory Astro holds to the end and Chromium's never add up (the peak of a 10,000-article build
// halves; docs/performance.md). JIEXUN_PDF_AFTER tells the PDF integration not to print them itself.
// Its allocator is jemalloc where Debian's libjemalloc2 is installed (src/io/jemalloc.ts).
const astro = spawn(process.execPath, [join(root, 'scripts/astro-build.ts'), root, scratch], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: withJemalloc({ ...process.env, JIEXUN_PDF_AFTER: '1' }) });
let astroFailure: string | undefined;
astro.on('message', (m: AstroFailure) => (astroFailure = m.failed));
const astroExit: number = await new Promise((done) => astro.on('exit', (code, signal) => done(code ?? (signal ? 128 : 1))));
/** Stops the build on a failure after the check: no scratch folder left, the reason said, dist/ as it was. */
function failed(reason: string): never {
  rmSync(scratch, { recursive: true, force: true });
  say(reason);
  say(`\nBuild failed; ${leftAsItWas()}.`);
  process.exit(1);
}
if (astroExit !== 0) {
  // Content errors are the cause: the check's problems say it.
  await stopOnContentErrors();
  failed(astroFailure ?? `Astro stopped (exit ${astroExit}) without saying why.`);
}
mark('astro:returned');
await stopOnContentErrors();
try {
  reportPdfs(await printBulletinPdfs(root, scratch, cacheDir(root)), { warn: say, info: (text) => console.log(text) });
} catch (e) {
  failed(visibleText((e as Error).message));
}
const old = `${out}.old-${process.pid}`;
if (existsSync(out)) renameSync(out, old);
renameSync(scratch, out);
mark('swapped');
// The previous site goes in the background: the new one is already in place, and deleting tens of
// thousands of files would hold the build up by seconds. It is renamed first, so that a dist.old-*
// folder is always a whole site (one to recover), never one half deleted. A later build sweeps up
// any leftovers.
if (existsSync(old)) {
  const trash = join(dirname(out), `.${basename(out)}.deleting-${process.pid}`);
  renameSync(old, trash);
  spawn(process.execPath, ['-e', `require('node:fs').rmSync(${JSON.stringify(trash)}, { recursive: true, force: true })`], { detached: true, stdio: 'ignore' }).unref();
}
console.log(`Built ${out} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
