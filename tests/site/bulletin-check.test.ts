// `npm run check` on the 简报 fields: a bad distribution, copies, 密级 or 期号 fails with the
// file, line and column, and a 期号 used twice in one series and year is refused.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/build-site.ts';

let scratch: string;
let content: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'jiexun-bulletin-check-'));
  content = join(scratch, 'content');
  mkdirSync(content);
  for (const f of ['places.yaml', 'stars.yaml']) copyFileSync(join(ROOT, 'content', f), join(content, f));
  cpSync(join(ROOT, 'tests/fixtures/check-ok'), content, { recursive: true });
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Writes a 简报 with the given extra frontmatter lines (from line 5 on) and runs npm run check on it. */
function check(name: string, extra: string, issue = '') {
  const file = join(content, 'bulletins', `${name}.md`);
  writeFileSync(file, `---\ntitle: 测试简报\nkind: 简报\ndate: 2023-06-30\n${extra}\n${issue}articles:\n  - 2022-09-08-lianhu-wenhua-dacan\n---\n\n本期按语。\n`);
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/check.ts'), '--content', content, file], { cwd: ROOT, encoding: 'utf8' });
  rmSync(file);
  return { code: r.status, out: r.stdout.trimEnd().split('\n'), err: r.stderr, shown: relative(ROOT, file) };
}

describe('npm run check on a 简报\'s masthead, distribution and 期号', () => {
  it('accepts the whole form', () => {
    const r = check('good', 'masthead: 中原区“五星”支部创建工作简报\nissue: 2\nsupplement: true\nmarks: [内部资料, 注意保存]\nclassification: 秘密★1年\ndistribution:\n  报: 市委组织部\n  送: [区人大常委会, 区政协]\n  发: [各街道党工委]\ncopies: 60');
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toEqual(['checked 0 articles, 1 bulletin and 3 registry files: no problems']);
  });

  it('fails a distribution that is not 报/送/发 lines, naming file, line and column', () => {
    const text = check('plain', 'distribution: 各街道党工委');
    expect(text.code).toBe(1);
    expect(text.out[0]).toBe(`${text.shown}:5:15  distribution: expected the distribution as lines 报:, 送: and 发: (each a unit or a list of units), found 各街道党工委`);
    const key = check('key', 'distribution:\n  报: 市委组织部\n  抄送: [区委办公室]');
    expect(key.code).toBe(1);
    expect(key.out[0]).toBe(`${key.shown}:7:7  distribution.抄送: expected only the lines 报, 送, 发 under distribution, found an unknown field 抄送`);
    const unit = check('unit', 'distribution:\n  发: [各街道党工委, 12]');
    expect(unit.code).toBe(1);
    expect(unit.out[0]).toMatch(new RegExp(`^${unit.shown}:6:\\d+  distribution\\.发: expected the units under 发: \\(a unit or a list of units, such as \\[区委办公室, 各街道党工委\\]\\), found 12$`));
    expect(text.out.at(-1)).toMatch(/: 1 error$/);
  });

  it('fails copies, 密级 and 期号 written wrongly', () => {
    expect(check('copies', 'copies: 八十份').out[0]).toMatch(/:5:9  copies: expected the number of copies printed \(共印N份\), a whole number such as 60, found 八十份$/);
    expect(check('secret', 'classification: 内部').out[0]).toMatch(/:5:17  classification: expected the 密级 秘密, 机密 or 绝密 \(with the term after ★, as in 秘密★1年\), found 内部$/);
    expect(check('issue', 'issue: 第一期').out[0]).toMatch(/:5:8  issue: expected the issue number \(期号\) counted from 1 in each year, written 3 or 第3期, found 第一期$/);
  });

  it('refuses a 期号 its series already used that year', () => {
    const first = join(content, 'bulletins', '2023-q2-first.md');
    writeFileSync(first, '---\ntitle: 第一份\nkind: 简报\nmasthead: 测试工作简报\ndate: 2023-04-01\nissue: 1\narticles:\n  - 2022-09-08-lianhu-wenhua-dacan\n---\n\n按语。\n');
    try {
      const r = check('again', 'masthead: 测试工作简报', 'issue: 第1期\n');
      expect(r.code).toBe(1);
      expect(r.out[0]).toBe(`${r.shown}:6:8  issue: expected a 期号 not yet used in 2023 by 测试工作简报, found 1, which ${relative(ROOT, first)} already has (npm run bulletin numbers new issues)`);
      // A 增刊 is numbered apart, and another series has numbers of its own.
      expect(check('supplement', 'masthead: 测试工作简报\nsupplement: true', 'issue: 1\n').code).toBe(0);
      expect(check('other', 'masthead: 另一份简报', 'issue: 1\n').code).toBe(0);
    } finally {
      rmSync(first);
    }
  });
});
