// `npm run import` as editors run it: --json's exact shape, --dry-run, writing into a content
// folder, refusing to overwrite, --force, re-importing (unchanged), and the errors.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readArticleSource } from '../../src/io/articles.ts';
import { loadRegistries } from '../../src/io/registries.ts';
import { runCliSync } from '../helpers/cli.ts';
import { runImport } from '../../scripts/import.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SEED_000 = resolve(ROOT, '../shared/seeds/000_51a244376aa11d1c.txt');
const SEED_003 = resolve(ROOT, '../shared/seeds/003_7a019c74ae60903b.txt');
const UNKNOWN = join(ROOT, 'tests/fixtures/import/unknown-place.txt');
const NO_BYLINE = join(ROOT, 'tests/fixtures/import/dehua-titles-first.txt');
const registries = loadRegistries(join(ROOT, 'content'));

let scratch: string;
let content: string;

beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'jiexun-import-'));
  content = join(scratch, 'content');
  mkdirSync(content);
  for (const f of ['places.yaml', 'stars.yaml']) copyFileSync(join(ROOT, 'content', f), join(content, f));
  // --bulletin must name a bulletin that exists.
  mkdirSync(join(content, 'bulletins'));
  copyFileSync(join(ROOT, 'content/bulletins/2022-09-08-ruanshili.md'), join(content, 'bulletins/2022-09-08-ruanshili.md'));
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

/** In-process; tests/site/cli.test.ts runs the command once as a process. */
function run(args: string[], env: Record<string, string> = {}) {
  const r = runCliSync(runImport, args, { cwd: ROOT, env: { JIEXUN_CONTENT: content, ...env } });
  return { status: r.code, stdout: r.stdout, stderr: r.stderr };
}

/** Every file under the content folder with its text, to see that nothing changed. */
function snapshot(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(content, { recursive: true, encoding: 'utf8' })) {
    const p = join(content, f);
    try {
      out[f] = readFileSync(p, 'utf8');
    } catch {
      // a folder
    }
  }
  return out;
}

const articleFiles = () => Object.keys(snapshot()).filter((f) => f.startsWith('articles/') && f.endsWith('.md')).sort();

describe('--json', () => {
  it('prints exactly the documented shape and writes nothing', () => {
    const before = snapshot();
    const r = run(['--json', SEED_000]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out.page).sort()).toEqual(['editorNote', 'title']);
    expect(out.page).toEqual({ title: '“五星”支部创建 提升基层治理“软实力”', editorNote: null });
    expect(out.articles).toHaveLength(6);
    for (const a of out.articles) {
      for (const k of ['title', 'kicker', 'subtitle', 'street']) expect(a[k] === null || typeof a[k] === 'string').toBe(true);
      for (const k of ['reporters', 'correspondents', 'stars', 'warnings']) {
        expect(Array.isArray(a[k])).toBe(true);
        for (const v of a[k]) expect(typeof v).toBe('string');
      }
      expect(typeof a.body).toBe('string');
      // Paragraphs separated by exactly one blank line.
      expect(a.body).not.toMatch(/\n{3,}|^\n|\n$/);
    }
    expect(out.articles[0]).toMatchObject({ title: '文化“大餐”让居民尝甜头得实惠', kicker: null, subtitle: null, street: '莲湖街道', reporters: ['鲁燕'], correspondents: ['魏少杰'], stars: ['幸福和谐星'], warnings: [] });
    expect(out.articles[0].body.split('\n\n')).toHaveLength(4);
    expect(snapshot()).toEqual(before);
  });

  it('prints a list of pages when given several files', () => {
    const out = JSON.parse(run(['--json', SEED_000, SEED_003]).stdout);
    expect(out.map((p: { articles: unknown[] }) => p.articles.length)).toEqual([6, 4]);
  });

  it('reports an unknown place as a warning with street null, not an error', () => {
    const r = run(['--json', UNKNOWN]);
    expect(r.status).toBe(0);
    const a = JSON.parse(r.stdout).articles[0];
    expect(a.street).toBeNull();
    expect(a.warnings.join('\n')).toMatch(/花园路街道 is not in content\/places.yaml/);
    // --json carries each warning's code beside its message, in the same order.
    expect(a.problems.map((p: { code: string }) => p.code)).toContain('import/unknown-place');
    expect(a.problems.map((p: { message: string }) => p.message)).toEqual(a.warnings);
  });
});

describe('writing', () => {
  it('--dry-run shows the review list and the files, and writes nothing', () => {
    const before = snapshot();
    const r = run(['--dry-run', '--date', '2022-09-08', SEED_000]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/6 stories/);
    expect(r.stdout).toMatch(/2022-09-08-lianhu-wenhua-dacan-rangjumin\.md +would be new/);
    expect(r.stdout).toMatch(/dry run: 6 new, 0 to replace, 0 unchanged; nothing written/);
    expect(snapshot()).toEqual(before);
  });

  it('writes valid articles under articles/<yyyy>/, then reports a second import unchanged', () => {
    const r = run(['--date', '2022-09-08', '--bulletin', '2022-09-08-ruanshili', '--source', '中原区“五星”支部创建专版', SEED_000]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/written: 6 new, 0 replaced, 0 unchanged/);
    const files = articleFiles();
    expect(files).toEqual([
      'articles/2022/2022-09-08-hanghaixilu-wuxing-zhibu-chuangjian.md',
      'articles/2022/2022-09-08-jianshelu-chuangxin-gongzuo-moshi.md',
      'articles/2022/2022-09-08-lianhu-wenhua-dacan-rangjumin.md',
      'articles/2022/2022-09-08-mianfanglu-weiquanli-chuangxing-zhaozhun.md',
      'articles/2022/2022-09-08-ruhelu-kaizhan-wuxing-chuangjian.md',
      'articles/2022/2022-09-08-xushui-yiliang-dianchuang-xing.md',
    ]);
    for (const f of files) {
      const checked = readArticleSource(f, readFileSync(join(content, f), 'utf8'), registries);
      expect(checked.problems).toEqual([]);
      expect(checked.article?.bulletin).toBe('2022-09-08-ruanshili');
    }
    expect(readFileSync(join(content, files[2]), 'utf8')).toBe(
      `---\ntitle: 文化“大餐”让居民尝甜头得实惠\nstreet: 莲湖街道\nstar: 幸福和谐星\ndate: 2022-09-08\nreporter: 鲁燕\ncorrespondent: 魏少杰\nbulletin: 2022-09-08-ruanshili\nsource: 中原区“五星”支部创建专版\nposition: 1\n---\n\n本报讯 9月3日，一场精彩纷呈的豫剧演出，`
        + readFileSync(join(content, files[2]), 'utf8').split('本报讯 9月3日，一场精彩纷呈的豫剧演出，')[1],
    );
    const after = snapshot();
    const again = run(['--date', '2022-09-08', '--bulletin', '2022-09-08-ruanshili', '--source', '中原区“五星”支部创建专版', SEED_000]);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/written: 0 new, 0 replaced, 6 unchanged/);
    expect(again.stdout.match(/\.md +unchanged$/gm)).toHaveLength(6);
    expect(snapshot()).toEqual(after);
  });

  it('refuses to overwrite an edited file, naming it, and writes nothing at all; --force replaces it', () => {
    run(['--date', '2022-09-08', SEED_000]);
    const edited = join(content, 'articles/2022/2022-09-08-lianhu-wenhua-dacan-rangjumin.md');
    writeFileSync(edited, readFileSync(edited, 'utf8').replace('文化“大餐”让居民尝甜头得实惠', '文化大餐'));
    rmSync(join(content, 'articles/2022/2022-09-08-xushui-yiliang-dianchuang-xing.md'));
    const before = snapshot();
    const r = run(['--date', '2022-09-08', SEED_000]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/2022-09-08-lianhu-wenhua-dacan-rangjumin\.md: refusing to overwrite an existing file that differs/);
    expect(r.stderr).toMatch(/--force/);
    expect(r.stderr).toMatch(/nothing written/);
    // Not even the missing file came back: nothing half-written.
    expect(snapshot()).toEqual(before);

    const forced = run(['--date', '2022-09-08', '--force', SEED_000]);
    expect(forced.status).toBe(0);
    expect(forced.stdout).toMatch(/written: 1 new, 1 replaced, 4 unchanged/);
    expect(readFileSync(edited, 'utf8')).toMatch(/^title: 文化“大餐”让居民尝甜头得实惠$/m);
  });

  it('compares with an article already there under another name instead of writing a copy', () => {
    run(['--date', '2022-09-08', SEED_000]);
    const old = join(content, 'articles/2022/2022-09-08-lianhu-wenhua-dacan-rangjumin.md');
    const renamed = join(content, 'articles/2022/2022-09-08-lianhu-wenhua.md');
    writeFileSync(renamed, readFileSync(old, 'utf8'));
    rmSync(old);
    const r = run(['--date', '2022-09-08', SEED_000]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/2022-09-08-lianhu-wenhua\.md +unchanged/);
    expect(existsSync(old)).toBe(false);
  });

  it('stops at an unknown place with the closest names and the entry to add, writing nothing', () => {
    const before = snapshot();
    const r = run(['--date', '2024-03-01', SEED_003, UNKNOWN]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/unknown-place\.txt, story 1 "“红色物业”暖民心" \(lines 4–9\): place 花园路街道 is not in content\/places\.yaml \(closest: [^)]+\)/);
    expect(r.stderr).toMatch(/add it to content\/places\.yaml:\n {2}- id: huayuanlu\n {4}name: 花园路街道\n {4}level: street\n {4}parent: jinshui/);
    expect(r.stderr).toMatch(/nothing written/);
    expect(snapshot()).toEqual(before);
  });

  it('stops at a story with no reporter or no single place, saying which and how to fix it', () => {
    const r = run(['--date', '2024-03-01', NO_BYLINE]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/story 2 "社区食堂暖人心" \(lines 19–27\): reporter: expected a byline naming the reporter \(记者 …\), found none/);
    expect(r.stderr).toMatch(/story 3 "两街道联手共建“红色驿站”" \(lines 31–39\): street: expected one place from content\/places\.yaml; ambiguous place/);
    expect(articleFiles()).toEqual([]);
  });

  it('takes the content folder from --content as well as JIEXUN_CONTENT', () => {
    const r = run(['--date', '2023-05-16', '--content', content, SEED_003], { JIEXUN_CONTENT: join(scratch, 'nowhere') });
    expect(r.status).toBe(0);
    expect(articleFiles()).toHaveLength(4);
  });
});

describe('usage errors', () => {
  it('asks for --date when writing, and checks it', () => {
    const r = run([SEED_000]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--date: expected the publication date \(YYYY-MM-DD\)/);
    const bad = run(['--date', '2022-02-30', SEED_000]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--date: expected a real calendar date \(YYYY-MM-DD\), found 2022-02-30/);
  });

  it('names a missing page file and a malformed bulletin id', () => {
    const r = run(['--json', join(scratch, 'missing.txt')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/missing\.txt: expected a readable page text file, found no such file/);
    const b = run(['--date', '2022-09-08', '--bulletin', '专版', SEED_000]);
    expect(b.status).toBe(2);
    expect(b.stderr).toMatch(/--bulletin: expected a bulletin id/);
  });
});
