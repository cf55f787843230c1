// `npm run bench -- --weight` keeps measuring what a reader waits for and downloads on a first
// search: a 50-article run end to end. The figures themselves belong to the benchmark
// (docs/performance.md); no timing is asserted here, only that each was measured.
import { expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../helpers/build-site.ts';

it('reports, per first query, the bytes fetched and the time to results after Enter and from a link', () => {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/bench.ts'), '--articles', '50', '--weight'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 });
  expect(r.status, r.stderr).toBe(0);
  const figures = JSON.parse(r.stdout.trim().split('\n').at(-1)!);
  const queries = Object.keys(figures.firstQueryKBByQuery);
  expect(queries).toContain('网格化');
  expect(Object.keys(figures.firstResultsMsByQuery)).toEqual(queries);
  for (const q of queries) {
    expect(figures.firstQueryKBByQuery[q], q).toBeGreaterThan(0);
    expect(figures.firstResultsMsByQuery[q].enterMs, q).toBeGreaterThan(0);
    expect(figures.firstResultsMsByQuery[q].linkMs, q).toBeGreaterThan(0);
  }
  expect(figures.firstResultsMs).toBe(figures.firstResultsMsByQuery['网格化'].enterMs);
  expect(r.stdout).toMatch(/^first results\s+\d+ ms after Enter/m);
});
