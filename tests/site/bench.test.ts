// `npm run bench` keeps working: one 50-article run end to end, with every option the figures in
// docs/performance.md come from (two photos, the edit-one rebuild, the reader's first search and
// page weights). Timings are not asserted here — they belong to the benchmark itself — only that
// each was measured.
import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { join } from 'node:path';
import { NO_PDF, ROOT } from '../helpers/build-site.ts';

describe('npm run bench', () => {
  let run: SpawnSyncReturns<string>;
  let figures: Record<string, any>;
  beforeAll(() => {
    // No bulletin PDFs: no figure asserted here comes from them (their printing is tested in
    // tests/site/bulletin-pdf-*.test.ts).
    const env = { ...process.env, ...NO_PDF };
    run = spawnSync(process.execPath, [join(ROOT, 'scripts/bench.ts'), '--articles', '50', '--photos', '2', '--edit', '--weight', '--queries', '网格化,鲁燕'], { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 });
    expect(run.status, run.stderr).toBe(0);
    figures = JSON.parse(run.stdout.trim().split('\n').at(-1)!);
    // Two builds (cold, then the edit), then Chromium: minutes on a loaded 2-core machine.
  }, 600_000);

  it('builds a 50-article synthetic archive (two with photos) and reports its figures as JSON on the last line', () => {
    expect(Object.keys(figures)).toEqual(expect.arrayContaining(['articles', 'pages', 'wallSeconds', 'peakRssMB', 'renderSeconds', 'indexSeconds', 'outputMB', 'indexMB']));
    expect(figures.articles).toBe(50);
    expect(figures.photos).toBe(2);
    expect(figures.cpuSeconds).toBeGreaterThan(0);
    // 50 article pages plus place, star, reporter, archive, bulletin, search and home pages.
    expect(figures.pages).toBeGreaterThan(150);
    expect(figures.peakRssMB).toBeGreaterThan(50);
    expect(figures.indexMB).toBeGreaterThan(0);
    expect(figures.editWallSeconds).toBeGreaterThan(0);
    expect(run.stdout).toMatch(/^pages\s+\d+$/m);
  });

  it('reports, per first query asked for (--queries), the bytes fetched and the time to results after Enter and from a link', () => {
    const queries = Object.keys(figures.firstQueryKBByQuery);
    expect(queries).toEqual(['网格化', '鲁燕']);
    expect(Object.keys(figures.firstResultsMsByQuery)).toEqual(queries);
    for (const q of queries) {
      expect(figures.firstQueryKBByQuery[q], q).toBeGreaterThan(0);
      expect(figures.firstResultsMsByQuery[q].enterMs, q).toBeGreaterThan(0);
      expect(figures.firstResultsMsByQuery[q].linkMs, q).toBeGreaterThan(0);
    }
    expect(figures.firstResultsMs).toBe(figures.firstResultsMsByQuery['网格化'].enterMs);
    expect(run.stdout).toMatch(/^first results\s+\d+ ms after Enter/m);
  });

  it('reports the weight of an article page, and of one with a photo on a phone with the rendition it picked', () => {
    expect(figures.articlePageKB).toBeGreaterThan(0);
    expect(figures.photoPageKB).toBeGreaterThan(figures.articlePageKB);
    expect(figures.photoPageRendition).toMatch(/\.(webp|avif|jpg)$/);
    expect(run.stdout).toMatch(/^article page with a photo, 375 px phone \(2×\): \d+ KB transferred/m);
  });

  it('refuses a missing or bad --articles or --queries with a clear message', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/bench.ts'), '--articles', 'lots'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--articles: expected a positive whole number, found lots');
    const q = spawnSync(process.execPath, [join(ROOT, 'scripts/bench.ts'), '--articles', '5', '--queries', '网格化,,'], { cwd: ROOT, encoding: 'utf8' });
    expect(q.status).toBe(2);
    expect(q.stderr).toContain('--queries: expected search queries separated by commas, found "网格化,,"');
  });
});
