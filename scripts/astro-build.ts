// The Astro part of `npm run build`, in a process of its own (started by scripts/build.ts): when it
// exits, the memory Astro holds to the end (its content store and module graph: ~1.6 GB at 10,000
// articles, more with photos) is the system's again before Chromium prints the bulletin PDFs.
// A failure's message goes to scripts/build.ts, which says it (or the content check's problems, its
// cause) and exits 1; this stops if the build that started it goes away.
// Astro's root is the build's own (src/io/astro-root.ts), with the project's config, src/ and public/.
import { join, relative, resolve, sep } from 'node:path';
import { build } from 'astro';
import { cacheDir } from '../src/io/cache-dir.ts';
import { astroRootFor, sweepAstroRoots } from '../src/io/astro-root.ts';
import { projectDir } from '../src/io/project-dir.ts';
import { visibleText } from '../src/io/problems.ts';
import { guardCli } from '../src/io/cli-guard.ts';

/** What this process tells scripts/build.ts when Astro fails. */
export interface AstroFailure {
  failed: string;
}

guardCli('npm run build');
// Started with an IPC channel: it closes when scripts/build.ts ends, however it ends.
process.on('disconnect', () => process.exit(130));
const [root, outDir] = process.argv.slice(2) as [string, string];
try {
  sweepAstroRoots(root);
  const astroRoot = astroRootFor(root, cacheDir(root));
  // Astro writes a static build's server-side chunks into the output folder when that is inside its
  // working folder, else into <working folder>/.astro/.prerender: one folder for every such build (a
  // benchmark's, a copy's in /tmp), and it must be in the project, for the chunks import packages. So
  // Astro works from the project when the output is in it, else from the build's own root; the
  // folder the build was started in stays the project (src/io/project-dir.ts) and relative paths
  // given in the environment are made whole first.
  process.env.JIEXUN_PROJECT = projectDir();
  for (const name of ['JIEXUN_TIMINGS', 'CHROMIUM_PATH'] as const) if (process.env[name]) process.env[name] = resolve(process.env[name]);
  const away = relative(root, outDir);
  process.chdir(away === '..' || away.startsWith(`..${sep}`) ? astroRoot : root);
  await build({
    root: astroRoot,
    configFile: relative(astroRoot, join(root, 'astro.config.mjs')), // Astro reads it against root
    srcDir: join(root, 'src'),
    publicDir: join(root, 'public'),
    outDir,
    logLevel: (process.env.JIEXUN_LOG ?? 'warn') as 'warn',
  });
} catch (e) {
  const failure: AstroFailure = { failed: visibleText(e instanceof Error ? e.message : String(e)) };
  process.send!(failure, () => process.exit(1));
  await new Promise(() => {}); // exits once the message is sent
}
process.exit(0);
