// `npm run bulletin`: drafts a bulletin from a selection on a scratch copy of the fixture content.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listMarkdownFiles, articleIdOf } from '../../src/io/articles.ts';
import { readBulletinFile } from '../../src/io/bulletins.ts';
import { loadRegistries } from '../../src/io/registries.ts';
import { FIXTURE_CONTENT, ROOT } from '../helpers/build-site.ts';
import { runCliSync } from '../helpers/cli.ts';
import { runBulletin } from '../../scripts/bulletin.ts';

let content: string;

beforeEach(() => {
  content = join(mkdtempSync(join(tmpdir(), 'jiexun-bulletin-')), 'content');
  cpSync(FIXTURE_CONTENT, content, { recursive: true });
});
afterEach(() => rmSync(join(content, '..'), { recursive: true, force: true }));

/** In-process; tests/site/cli.test.ts runs the command once as a process. */
function bulletin(args: string[], env: Record<string, string> = {}) {
  const r = runCliSync(runBulletin, args, { cwd: join(content, '..'), env: { JIEXUN_CONTENT: content, ...env } });
  return { status: r.code, stdout: r.stdout, stderr: r.stderr };
}
const bulletinFiles = () => readdirSync(join(content, 'bulletins')).sort();
const FIXTURE_BULLETINS = ['2022-09-30-fixture-zhuanban.md', '2023-q1-zhongyuan-jianbao.md'];
const articleIds = () => new Set(listMarkdownFiles(join(content, 'articles')).map(articleIdOf));

describe('npm run bulletin', () => {
  it('writes a 简报 listing the district\'s articles of the period in date order, without drafts', () => {
    const r = bulletin(['--kind', '简报', '--from', '2022-09-01', '--to', '2022-12-31', '--district', '中原区', '--department', '中共郑州市中原区委组织部', '--issue', '第2期', '--title', '中原区“五星”支部创建工作简报（2022年秋）']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      'Wrote content/bulletins/2022-12-31-zhongyuan-jianbao.md: 简报 with 4 article(s), 2022-09-08 to 2022-11-01.\n'
      + 'Next: replace the editor\'s note marked 【待编辑】, reorder or remove articles if needed, then run npm run check.\n',
    );
    const file = join(content, 'bulletins/2022-12-31-zhongyuan-jianbao.md');
    expect(readFileSync(file, 'utf8')).toBe(`---
title: 中原区“五星”支部创建工作简报（2022年秋）
kind: 简报
date: 2022-12-31
issue: 2
department: 中共郑州市中原区委组织部
period:
  from: 2022-09-01
  to: 2022-12-31
articles:
  # 按刊发日期和版面顺序排列：可调整顺序，或删去不收录的条目。
  - 2022-09-08-lianhu-yuju # 莲湖街道 豫剧进社区 居民享“文化大餐”
  - 2022-09-20-lianhu-yilao # 莲湖街道 莲湖街道开展敬老志愿服务
  - 2022-10-05-hanghaixilu-hongse-wuye # 航海西路街道 航海西路街道推进红色物业建设
  - 2022-11-01-lianhu-anquan # 莲湖街道 社区安全宣传<script>window.__xss='title'</script>进万家
---

【待编辑】请在此用一段话写编者按，概述本期简报（2022年9月1日至2022年12月31日，中原区，共 4 篇报道）的主要内容；写好后删除本段，包括开头的“【待编辑】”标记。
`);
    const read = readBulletinFile(file, loadRegistries(content), content, articleIds());
    expect(read.problems).toEqual([]);
    expect(read.bulletin).toMatchObject({ id: '2022-12-31-zhongyuan-jianbao', kind: '简报', date: '2022-12-31', issue: 2, period: { from: '2022-09-01', to: '2022-12-31' } });
  });

  it('narrows by street and star, names a 专版 by its date and place, and quotes YAML-unsafe titles', () => {
    const r = bulletin(['--kind', '专版', '--date', '2022-09-30', '--street', '莲湖', '--star', '支部过硬星', '--title', '莲湖: 支部过硬']);
    expect(r.status).toBe(0);
    const file = join(content, 'bulletins/2022-09-30-lianhu-zhuanban.md');
    expect(readFileSync(file, 'utf8')).toBe(`---
title: "莲湖: 支部过硬"
kind: 专版
date: 2022-09-30
articles:
  # 按刊发日期和版面顺序排列：可调整顺序，或删去不收录的条目。
  - 2022-09-08-lianhu-yuju # 莲湖街道 豫剧进社区 居民享“文化大餐”
---

【待编辑】请在此用一段话写编者按，概述本期专版（莲湖街道，支部过硬星，共 1 篇报道）的主要内容；写好后删除本段，包括开头的“【待编辑】”标记。
`);
    const read = readBulletinFile(file, loadRegistries(content), content, articleIds());
    expect(read.problems).toEqual([]);
    expect(read.bulletin!.title).toBe('莲湖: 支部过硬');
  });

  it('selects every place when none is given, names the file …-quanbu-…, and takes --content over JIEXUN_CONTENT', () => {
    const r = bulletin(['--content', content, '--kind', '简报', '--from', '2023-01-01', '--to', '2023-03-31', '--title', '一季度简报'], { JIEXUN_CONTENT: '/nonexistent' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const text = readFileSync(join(content, 'bulletins/2023-03-31-quanbu-jianbao.md'), 'utf8');
    expect([...text.matchAll(/^ {2}- (\S+)/gm)].map((m) => m[1])).toEqual(['2023-01-10-zhongyuan-quanqu-tuijin', '2023-03-02-heyang-chanye']);
  });

  it('uses --id for the file name', () => {
    expect(bulletin(['--kind', '简报', '--from', '2022-07-01', '--to', '2022-09-30', '--district', '中原区', '--title', '三季度', '--id', '2022-q3-zhongyuan-jianbao']).status).toBe(0);
    expect(bulletinFiles()).toEqual([...FIXTURE_BULLETINS, '2022-q3-zhongyuan-jianbao.md'].sort());
  });

  it('never overwrites: refuses, names the file and leaves it as it was', () => {
    const args = ['--kind', '简报', '--from', '2022-09-01', '--to', '2022-12-31', '--district', '中原区', '--title', '简报'];
    expect(bulletin(args).status).toBe(0);
    const file = join(content, 'bulletins/2022-12-31-zhongyuan-jianbao.md');
    writeFileSync(file, 'edited by the editor');
    const again = bulletin(args);
    expect(again.status).toBe(1);
    expect(again.stderr).toBe('content/bulletins/2022-12-31-zhongyuan-jianbao.md already exists: refusing to overwrite it. Choose another --id, or delete that file first.\n');
    expect(readFileSync(file, 'utf8')).toBe('edited by the editor');
    const clash = bulletin([...args, '--id', '2022-09-30-fixture-zhuanban']);
    expect(clash.status).toBe(1);
    expect(clash.stderr).toContain('content/bulletins/2022-09-30-fixture-zhuanban.md already exists: refusing to overwrite it.');
    expect(readFileSync(join(content, 'bulletins/2022-09-30-fixture-zhuanban.md'), 'utf8')).toBe(readFileSync(join(FIXTURE_CONTENT, 'bulletins/2022-09-30-fixture-zhuanban.md'), 'utf8'));
  });

  it('names unknown places and stars with the closest names, and writes nothing', () => {
    const r = bulletin(['--kind', '简报', '--from', '2022-07-01', '--to', '2022-09-30', '--street', '莲胡街道', '--star', '支部过应星', '--title', 't']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      '--street: expected a place from content/places.yaml (name or alias), found 莲胡街道 (did you mean 莲湖街道?)\n'
      + '--star: expected a star from content/stars.yaml, found 支部过应星 (did you mean 支部过硬星?)\n\n'
      + 'Run npm run bulletin -- --help for the options.\n',
    );
    expect(bulletinFiles()).toEqual(FIXTURE_BULLETINS);
  });

  it('says what was searched when nothing matches (drafts do not count)', () => {
    const r = bulletin(['--kind', '简报', '--from', '2023-04-01', '--to', '2023-04-30', '--district', '中原区', '--star', '支部过硬星', '--title', 't']);
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe('no published article matches from 2023-04-01 to 2023-04-30 in 中原区 (with its streets) on 支部过硬星: searched 7 articles; widen the dates or drop a --street, --district or --star');
    expect(bulletinFiles()).toEqual(FIXTURE_BULLETINS);
  });

  it('explains every other fault at once: kind, title, dates, place level, id', () => {
    const r = bulletin(['--kind', '周报', '--from', '2022-02-30', '--to', '2022-01-01', '--street', '中原区', '--district', '莲湖', '--id', '简报', '--title', ' ']);
    expect(r.status).toBe(1);
    expect(r.stderr.trimEnd().split('\n').slice(0, -2)).toEqual([
      '--kind: expected 专版 or 简报, found 周报',
      '--title: expected the bulletin\'s title, found an empty text',
      '--from: expected a real calendar date (YYYY-MM-DD), found 2022-02-30, which does not exist',
      '--street: expected a street or township (街道, 乡镇), found 中原区, which is a district (use --district 中原区)',
      '--district: expected a district (区, 县, 县级市), found 莲湖, which is a street (use --street 莲湖)',
      '--id: expected an ASCII id of a-z, 0-9 and - (it becomes the file name and the URL), found 简报',
    ]);
    const missing = bulletin(['--kind', '简报', '--title', 't']);
    expect(missing.stderr.split('\n').slice(0, 3)).toEqual([
      '--from: expected the first day the 简报 covers (YYYY-MM-DD), found nothing',
      '--to: expected the last day the 简报 covers (YYYY-MM-DD), found nothing',
      '--date: expected the bulletin\'s date (YYYY-MM-DD), or --to to use the last day covered, found nothing',
    ]);
    const order = bulletin(['--kind', '简报', '--from', '2022-09-30', '--to', '2022-07-01', '--title', 't']);
    expect(order.stderr.split('\n')[0]).toBe('--to: expected a date on or after --from 2022-09-30, found 2022-07-01');
    const unknown = bulletin(['--kind', '简报', '--form', '2022-07-01']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr.split('\n')[0]).toMatch(/^Unknown option '--form'/);
    expect(bulletinFiles()).toEqual(FIXTURE_BULLETINS);
  });

  it('refuses to draft from content with errors, naming the faulty file', () => {
    writeFileSync(join(content, 'articles/2022/2022-09-09-lianhu-broken.md'), '---\ntitle: 坏稿\nstreet: 莲胡街道\ndate: 2022-09-09\nreporter: 鲁燕\n---\n正文。\n');
    const r = bulletin(['--kind', '简报', '--from', '2022-07-01', '--to', '2022-09-30', '--title', 't']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('content/articles/2022/2022-09-09-lianhu-broken.md:3:9  street: expected a place from content/places.yaml (name or alias), found 莲胡街道 (did you mean 莲湖街道?)');
    expect(bulletinFiles()).toEqual(FIXTURE_BULLETINS);
  });
});

describe('the committed 2022 Q3 简报', () => {
  it('is what the command writes, with only the placeholder note replaced', () => {
    const real = join(ROOT, 'content');
    cpSync(join(real, 'places.yaml'), join(content, 'places.yaml'));
    cpSync(join(real, 'stars.yaml'), join(content, 'stars.yaml'));
    cpSync(join(real, 'people.yaml'), join(content, 'people.yaml'));
    rmSync(join(content, 'articles'), { recursive: true });
    cpSync(join(real, 'articles'), join(content, 'articles'), { recursive: true });
    const r = bulletin(['--kind', '简报', '--from', '2022-07-01', '--to', '2022-09-30', '--district', '中原区', '--department', '中共郑州市中原区委组织部', '--issue', '第1期', '--title', '中原区“五星”支部创建工作简报（2022年第三季度）', '--id', '2022-q3-zhongyuan-jianbao',
      '--masthead', '中原区“五星”支部创建工作简报', '--mark', '内部资料', '--report-to', '市委组织部', '--report-to', '区委、区政府领导', '--send-to', '区人大常委会、区政协领导',
      '--issue-to', '各街道党工委', '--issue-to', '区委各部委', '--issue-to', '区直各单位党组（党委）', '--copies', '80']);
    expect(r.stderr).toBe('');
    const written = readFileSync(join(content, 'bulletins/2022-q3-zhongyuan-jianbao.md'), 'utf8');
    const committed = readFileSync(join(real, 'bulletins/2022-q3-zhongyuan-jianbao.md'), 'utf8');
    const [writtenHead, writtenNote] = written.split('\n---\n');
    const [committedHead, committedNote] = committed.split('\n---\n');
    expect(committedHead).toBe(writtenHead);
    expect(writtenNote.trim().startsWith('【待编辑】')).toBe(true);
    expect(committedNote).not.toContain('【待编辑】');
    expect(committedNote.trim().split('\n')).toHaveLength(1); // one paragraph
    expect(existsSync(join(real, 'bulletins/2022-q3-zhongyuan-jianbao.md'))).toBe(true);
  });
});
