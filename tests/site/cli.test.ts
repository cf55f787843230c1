// Each command once as a real process, to prove its entry point: `node scripts/<name>.ts` runs
// main(argv, io) with the process's own arguments, folder, environment and streams, and exits with
// its code. Everything else about the commands is tested in-process (tests/unit/*-cli.test.ts,
// tests/unit/new.test.ts, tests/unit/check.test.ts); the build, bench and static server have
// their own site tests.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURE_CONTENT, ROOT } from '../helpers/build-site.ts';
import { scratchDir } from '../helpers/scratch.ts';

const work = scratchDir('cli-');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `node scripts/<script> args` in `cwd`, with JIEXUN_CONTENT unset unless given. */
function command(script: string, args: string[], cwd: string, env: Record<string, string> = {}) {
  const { JIEXUN_CONTENT: _, ...inherited } = process.env;
  return spawnSync(process.execPath, [join(ROOT, 'scripts', script), ...args], { cwd, encoding: 'utf8', input: '', env: { ...inherited, ...env } });
}

describe('the commands run as processes', () => {
  it('npm run check: reports on ./content of the folder it runs in, exit 1 on an error', () => {
    const dir = join(work, 'check');
    cpSync(FIXTURE_CONTENT, join(dir, 'content'), { recursive: true });
    const r = command('check.ts', [join(ROOT, 'tests/fixtures/bad/articles/several-problems.md')], dir);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('checked 1 article, 0 bulletins and 3 registry files: 4 errors');
    expect(r.status).toBe(1);
  });

  it('npm run new: writes the article into JIEXUN_CONTENT and prints its path, exit 0', () => {
    const dir = join(work, 'new');
    mkdirSync(join(dir, 'content'), { recursive: true });
    for (const f of ['places.yaml', 'stars.yaml']) copyFileSync(join(ROOT, 'content', f), join(dir, 'content', f));
    const r = command('new.ts', ['--street', '莲湖', '--reporter', '鲁燕', '--title', '文化大餐', '--date', '2022-09-08'], dir, { JIEXUN_CONTENT: 'content' });
    expect(r.stderr).toContain('已创建稿件');
    expect(r.stdout).toBe('content/articles/2022/2022-09-08-lianhu-wenhua-dacan.md\n');
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, r.stdout.trim()), 'utf8')).toMatch(/^---\ntitle: 文化大餐\n/);
  });

  it('npm run import: a wrong option is a usage error, exit 2', () => {
    const r = command('import.ts', ['--bogus', 'page.txt'], work);
    expect(r.stderr).toMatch(/^error: Unknown option '--bogus'/);
    expect(r.stderr).toContain('usage: npm run import');
    expect(r.status).toBe(2);
  });

  it('npm run build and npm run bench: a wrong option is a usage error, exit 2, never a stack trace', () => {
    for (const script of ['build', 'bench']) {
      const r = command(`${script}.ts`, ['--bogus'], work);
      expect(r.stderr).toBe(`npm run ${script}: Unknown option '--bogus'\n${r.stderr.split('\n').slice(1).join('\n')}`);
      expect(r.stderr).toContain(`usage: npm run ${script} --`);
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(r.status).toBe(2);
    }
  });

  it('npm run bulletin: drafts from --content relative to the folder it runs in, exit 0', () => {
    const dir = join(work, 'bulletin');
    cpSync(FIXTURE_CONTENT, join(dir, 'site'), { recursive: true });
    const r = command('bulletin.ts', ['--content', 'site', '--kind', '专版', '--to', '2022-12-31', '--street', '莲湖街道', '--title', '莲湖街道专版'], dir);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Wrote site\/bulletins\/2022-12-31-lianhu-zhuanban\.md: 专版 with 3 article\(s\)/);
    expect(r.status).toBe(0);
    expect(resolve(dir, 'site/bulletins/2022-12-31-lianhu-zhuanban.md')).toSatisfy((f: string) => readFileSync(f, 'utf8').startsWith('---\ntitle: 莲湖街道专版\n'));
  });
});
