// `npm run bulletin` numbering a series end to end, on a scratch copy of the fixture content: each
// new 简报 takes the next 期号 of its year and the masthead and 版记 of the issue before it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE_CONTENT, ROOT } from '../helpers/build-site.ts';

let content: string;
beforeEach(() => {
  content = join(mkdtempSync(join(tmpdir(), 'jiexun-series-')), 'content');
  cpSync(FIXTURE_CONTENT, content, { recursive: true });
});
afterEach(() => rmSync(join(content, '..'), { recursive: true, force: true }));

function bulletin(args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/bulletin.ts'), '--content', content, '--kind', '简报', '--district', '中原区', ...args], { cwd: join(content, '..'), encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
const head = (id: string) => readFileSync(join(content, 'bulletins', `${id}.md`), 'utf8').split('\narticles:')[0];
const tail = (id: string) => readFileSync(join(content, 'bulletins', `${id}.md`), 'utf8').split('\n---\n')[0].split('\n').filter((l) => /^(distribution|  [报送发]|copies):?/.test(l));

describe('npm run bulletin numbering a series', () => {
  it('numbers each new issue after the last of its year, carries the masthead and 版记 over, and starts again in a new year', () => {
    const first = bulletin(['--from', '2023-01-01', '--to', '2023-03-31', '--date', '2023-04-10', '--title', '二季度', '--id', 'q2',
      '--masthead', '中原区“五星”支部创建工作简报', '--department', '中共郑州市中原区委组织部', '--mark', '内部资料',
      '--report-to', '市委组织部', '--issue-to', '各街道党工委', '--issue-to', '区直各单位', '--copies', '60']);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    // The fixture's 2023 Q1 简报 has no masthead: a new series, numbered from 1.
    expect(head('q2')).toContain('masthead: 中原区“五星”支部创建工作简报\ndate: 2023-04-10\nissue: 1\ndepartment: 中共郑州市中原区委组织部\nmarks: 内部资料\n');

    const second = bulletin(['--from', '2023-01-01', '--to', '2023-03-31', '--date', '2023-07-10', '--title', '三季度', '--id', 'q3', '--masthead', '中原区“五星”支部创建工作简报']);
    expect(second.status).toBe(0);
    expect(head('q3')).toContain('date: 2023-07-10\nissue: 2\ndepartment: 中共郑州市中原区委组织部\nmarks: 内部资料\n');
    expect(tail('q3')).toEqual(['distribution:', '  报: [市委组织部]', '  发: [各街道党工委, 区直各单位]', 'copies: 60']);

    const supplement = bulletin(['--from', '2023-01-01', '--to', '2023-03-31', '--date', '2023-08-01', '--title', '增刊', '--id', 'zk', '--masthead', '中原区“五星”支部创建工作简报', '--supplement']);
    expect(supplement.status).toBe(0);
    expect(head('zk')).toContain('issue: 1\nsupplement: true\n');

    const nextYear = bulletin(['--from', '2023-01-01', '--to', '2023-03-31', '--date', '2024-01-10', '--title', '新年', '--id', 'y2024', '--masthead', '中原区“五星”支部创建工作简报']);
    expect(nextYear.status).toBe(0);
    expect(head('y2024')).toContain('issue: 1\n');

    // A number given by hand is refused when the series has used it that year.
    const taken = bulletin(['--from', '2023-01-01', '--to', '2023-03-31', '--date', '2023-12-31', '--title', '重号', '--id', 'dup', '--masthead', '中原区“五星”支部创建工作简报', '--issue', '第2期']);
    expect(taken.status).toBe(1);
    expect(taken.stderr).toBe('--issue: expected a number not yet used in 2023 by 中原区“五星”支部创建工作简报, found 2, which content/bulletins/q3.md has; the next free one is 3\n\nRun npm run bulletin -- --help for the options.\n');
  });

  it('refuses to draft while another bulletin is broken, naming its file and line', () => {
    writeFileSync(join(content, 'bulletins', 'broken.md'), '---\ntitle: 坏\nkind: 简报\ndate: 2023-05-01\ncopies: 很多\narticles: []\n---\n');
    const r = bulletin(['--from', '2023-01-01', '--to', '2023-03-31', '--title', '新一期', '--id', 'next']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('content/bulletins/broken.md:5:9  copies: expected the number of copies printed (共印N份), a whole number such as 60, found 很多');
    expect(r.stderr).toContain('fix them (npm run check) before drafting a bulletin, so that its 期号 follows the others.');
  });
});
