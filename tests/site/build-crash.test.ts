// A build killed at any point leaves the last good dist/, and the next build leaves no scratch
// folders. A kill can leave three states — a half-written scratch folder beside an intact dist/;
// no dist/ at all between the two renames of the swap (dist.old-<pid> is then the last good site);
// a previous site half deleted after the swap — each made here exactly as a dead build leaves it,
// plus one real SIGKILL in the middle of a build.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildSite, FIXTURE_CONTENT, NO_PDF, ROOT, warmCacheFrom } from '../helpers/build-site.ts';

let work: string;
let content: string;
let out: string;

/** A process id no process has now: what a killed build's folders are named after. */
function deadPid(): number {
  for (let pid = 32_000; pid > 1000; pid--) {
    try {
      process.kill(pid, 0);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ESRCH') return pid;
    }
  }
  throw new Error('no free process id');
}

const leftovers = () => readdirSync(work).filter((f) => f !== 'content' && f !== 'dist' && !f.endsWith('-cache')).sort();
const marker = () => readFileSync(join(out, 'marker.txt'), 'utf8');

/** Content with one misspelt place: the build stops at the check, after its start-up sweep. */
function breakContent(broken: boolean): void {
  const file = join(content, 'articles/2022/2022-09-08-lianhu-yuju.md');
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, broken ? text.replace('street: 莲湖街道', 'street: 莲胡街道') : text.replace('street: 莲胡街道', 'street: 莲湖街道'));
}

beforeAll(() => {
  work = mkdtempSync(join(ROOT, '.tmp/build-crash-'));
  content = join(work, 'content');
  out = join(work, 'dist');
  cpSync(FIXTURE_CONTENT, content, { recursive: true });
  // The last good site: the fixture's own build of this content (tests/global-setup.ts), and its cache.
  warmCacheFrom(inject('fixtureDist'), out);
  cpSync(inject('fixtureDist'), out, { recursive: true });
  writeFileSync(join(out, 'marker.txt'), 'last good site');
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('after a build killed', () => {
  it('half-way through writing: the next build removes its scratch folder, dist/ untouched', () => {
    const scratch = join(work, `.dist.building-${deadPid()}`);
    mkdirSync(join(scratch, 'articles'), { recursive: true });
    writeFileSync(join(scratch, 'articles/half.html'), '<p>half');
    breakContent(true);
    const r = buildSite(content, out, NO_PDF);
    breakContent(false);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('dist/ was left as it was');
    expect(marker()).toBe('last good site');
    expect(leftovers()).toEqual([]);
  });

  it('between the two renames of the swap: the last good site goes back in place, and the message says so', () => {
    const pid = deadPid();
    renameSync(out, join(work, `dist.old-${pid}`));
    mkdirSync(join(work, `.dist.building-${pid}`));
    writeFileSync(join(work, `.dist.building-${pid}`, 'index.html'), 'the new site, never swapped in');
    breakContent(true);
    const r = buildSite(content, out, NO_PDF);
    breakContent(false);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`dist/ was missing: a build was stopped while swapping. The last good site is back in place from dist.old-${pid}.`);
    expect(r.stderr).toContain(`dist/ holds the last good site (recovered from dist.old-${pid})`);
    expect(r.stderr).not.toContain('was left as it was');
    expect(marker()).toBe('last good site');
    expect(leftovers()).toEqual([]);
  });

  it('after the swap, with the previous site whole or half deleted: the next build finishes the removal', () => {
    const pid = deadPid();
    mkdirSync(join(work, `dist.old-${pid}`, 'articles'), { recursive: true });
    mkdirSync(join(work, `.dist.deleting-${pid}`, 'articles'), { recursive: true });
    breakContent(true);
    const r = buildSite(content, out, NO_PDF);
    breakContent(false);
    expect(r.status).toBe(1);
    expect(marker()).toBe('last good site');
    expect(leftovers()).toEqual([]);
  });

  it('by SIGKILL while Astro writes pages: dist/ is the last good site, and the next build leaves nothing behind', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts/build.ts'), '--out', out], {
      cwd: ROOT,
      env: { ...process.env, JIEXUN_CONTENT: content, JIEXUN_CACHE: `${out}-cache`, ASTRO_TELEMETRY_DISABLED: '1', ...NO_PDF },
      stdio: 'ignore',
    });
    const scratch = join(work, `.dist.building-${child.pid}`);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // Wait (bounded) for pages in the scratch folder, then kill the build outright.
    for (let i = 0; i < 1200 && !existsSync(join(scratch, 'articles')) && child.exitCode === null; i++) await new Promise((r) => setTimeout(r, 50));
    expect(existsSync(join(scratch, 'articles'))).toBe(true);
    child.kill('SIGKILL');
    await exited;
    expect(marker()).toBe('last good site');
    expect(leftovers()).toEqual([`.dist.building-${child.pid}`]);
    const r = buildSite(content, out, NO_PDF);
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(out, 'marker.txt'))).toBe(false); // the new site
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    // The previous site is removed in the background after the swap: wait for it (bounded).
    for (let i = 0; i < 600 && leftovers().length; i++) await new Promise((r) => setTimeout(r, 50));
    expect(leftovers()).toEqual([]);
  });
});
