// `npm run bench` keeps working: a 50-article run end to end (timings are not asserted here —
// they belong to the benchmark itself, see docs/performance.md).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../helpers/build-site.ts';

describe('npm run bench', () => {
  it('builds a 50-article synthetic archive (two with photos) and reports its figures as JSON on the last line', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/bench.ts'), '--articles', '50', '--photos', '2', '--edit'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 });
    expect(r.status, r.stderr).toBe(0);
    const last = r.stdout.trim().split('\n').at(-1)!;
    const figures = JSON.parse(last);
    expect(Object.keys(figures)).toEqual(expect.arrayContaining(['articles', 'pages', 'wallSeconds', 'peakRssMB', 'renderSeconds', 'indexSeconds', 'outputMB', 'indexMB']));
    expect(figures.articles).toBe(50);
    expect(figures.photos).toBe(2);
    expect(figures.cpuSeconds).toBeGreaterThan(0);
    // 50 article pages plus place, star, reporter, archive, bulletin, search and home pages.
    expect(figures.pages).toBeGreaterThan(150);
    expect(figures.peakRssMB).toBeGreaterThan(50);
    expect(figures.indexMB).toBeGreaterThan(0);
    expect(figures.editWallSeconds).toBeGreaterThan(0);
    expect(r.stdout).toMatch(/^pages\s+\d+$/m);
    // Two builds (cold, then the edit) with a dozen bulletin PDFs: minutes on a loaded 2-core machine.
  }, 600_000);

  it('refuses a missing or bad --articles with a clear message', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/bench.ts'), '--articles', 'lots'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--articles: expected a positive whole number, found lots');
  });
});
