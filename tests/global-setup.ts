// Builds the two sites the site tests read once, before any of them (the `site` project of
// vitest.config.ts; unit tests never wait for it): the small fixture site (tests/fixtures/site/content)
// and the real one (content/). Tests get their paths via inject().
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, FIXTURE_CONTENT, ROOT } from './helpers/build-site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    fixtureDist: string;
    siteDist: string;
  }
}

export default function setup(project: TestProject) {
  // JIEXUN_SKIP_SITES=1 skips both builds (site tests that read them then fail): for a quick run of a
  // site test that builds its own.
  if (process.env.JIEXUN_SKIP_SITES) return;
  const sites = { fixtureDist: [FIXTURE_CONTENT, join(ROOT, '.tmp/test-fixture-dist')], siteDist: [join(ROOT, 'content'), join(ROOT, '.tmp/test-site-dist')] } as const;
  for (const [key, [content, out]] of Object.entries(sites)) {
    // The committed content's index in small chunks (2 KB, not 64): the search-quality queries then
    // look words up across many chunks, the way a large archive's index is read. The fixture site's
    // articles are rendered on the Markdown worker pool (large archives use it; the fixture is small).
    const r = buildSite(content, out, key === 'siteDist' ? { JIEXUN_CHUNK_BYTES: '2048' } : { JIEXUN_POOL_FROM: '1' });
    if (r.status !== 0) throw new Error(`Building ${content} for the tests failed:\n${r.stdout}\n${r.stderr}`);
    project.provide(key as 'fixtureDist' | 'siteDist', out);
  }
}
