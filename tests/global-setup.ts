// Builds the two sites the site tests read, once, before the tests start (globalSetup of the `site`
// project in vitest.config.ts: a run of the unit project alone builds nothing): the small fixture site
// (tests/fixtures/site/content) and the real one (content/). Tests get their paths via inject().
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSiteAsync, FIXTURE_CONTENT, ROOT, SITE_ENV, SITE_TIMINGS } from './helpers/build-site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    fixtureDist: string;
    siteDist: string;
  }
}

export default async function setup(project: TestProject) {
  // JIEXUN_SKIP_SITES=1 skips both builds (site tests that read them then fail): for a quick run of a
  // site test that builds its own.
  if (process.env.JIEXUN_SKIP_SITES) return;
  const sites = {
    // The fixture site's articles are rendered on the Markdown worker pool (large archives use it;
    // the fixture is small).
    fixtureDist: { content: FIXTURE_CONTENT, out: join(ROOT, '.tmp/test-fixture-dist'), env: { JIEXUN_POOL_FROM: '1' } },
    // The committed content's index in small chunks (2 KB, not 64): the search-quality queries then
    // look words up across many chunks, the way a large archive's index is read. Its bulletin PDFs
    // are printed afresh every run, and its timing marks (SITE_TIMINGS) say so: the cold print that
    // bulletin-pdf-cache.test.ts goes on from.
    siteDist: { content: join(ROOT, 'content'), out: join(ROOT, '.tmp/test-site-dist'), env: { ...SITE_ENV, JIEXUN_TIMINGS: SITE_TIMINGS } },
  };
  rmSync(join(`${sites.siteDist.out}-cache`, 'bulletin-pdfs'), { recursive: true, force: true });
  rmSync(SITE_TIMINGS, { force: true });
  // Both at once: each build leaves a core idle much of the time.
  await Promise.all(
    Object.entries(sites).map(async ([key, { content, out, env }]) => {
      const r = await buildSiteAsync(content, out, env);
      if (r.status !== 0) throw new Error(`Building ${content} for the tests failed:\n${r.stdout}\n${r.stderr}`);
      project.provide(key as 'fixtureDist' | 'siteDist', out);
    }),
  );
}
