// `npm run check`: the malformed-input corpus (tests/fixtures/bad, exact messages in
// expected.json), the clean fixture, cross-file checks, paths, the CLI and scale.
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent, checkSummary } from '../../src/io/check.ts';
import { formatProblem } from '../../src/io/problems.ts';
import { todayInShanghai } from '../../src/lib/new-article.ts';
import { writeManyArticles } from '../helpers/many-articles.ts';
import { runCli } from '../helpers/cli.ts';
import { runCheck } from '../../scripts/check.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const BAD = 'tests/fixtures/bad';
const expected: { today: string; cases: Record<string, string[]> } = JSON.parse(readFileSync(join(ROOT, BAD, 'expected.json'), 'utf8'));
const today = expected.today;

let scratch: string;
/** The real registries plus the clean fixture's articles and bulletins: what each bad file is checked against. */
let content: string;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'jiexun-check-'));
  content = join(scratch, 'content');
  mkdirSync(content);
  for (const f of ['places.yaml', 'stars.yaml']) copyFileSync(join(ROOT, 'content', f), join(content, f));
  cpSync(join(ROOT, 'tests/fixtures/check-ok'), content, { recursive: true });
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function lines(contentDir: string, paths?: string[], day = today): string[] {
  return checkContent({ contentDir, root: ROOT, paths, today: day }).problems.map(formatProblem);
}

/** A case is a file or folder under tests/fixtures/bad; registry-* folders are content folders of their own. */
function runCase(name: string): string[] {
  return name.startsWith('registry-') ? lines(join(BAD, name)) : lines(content, [join(BAD, name)]);
}

function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(join(ROOT, dir), join(e.parentPath, e.name)));
}

describe('the malformed-input corpus', () => {
  it('has at least 40 files, every one of them covered by a case in expected.json', () => {
    const files = filesUnder(BAD).filter((f) => f !== 'expected.json');
    expect(files.length).toBeGreaterThanOrEqual(40);
    const cases = Object.keys(expected.cases);
    const uncovered = files.filter((f) => !cases.some((c) => f === c || f.startsWith(`${c}/`)));
    expect(uncovered).toEqual([]);
  });

  it.each(Object.entries(expected.cases))('%s', (name, want) => {
    expect(runCase(name)).toEqual(want);
  });
});

describe('files that look odd but are right', () => {
  const titleOf = (file: string) => checkContent({ contentDir: content, root: ROOT, paths: [join(BAD, 'articles', file)], today }).articles[0]?.title;

  it('keeps Chinese quotes in a value as part of the text (“…” is no YAML quote)', () => {
    expect(titleOf('chinese-quotes.md')).toBe('“五星”支部创建见成效');
    expect(titleOf('quoted-with-chinese-quotes.md')).toBe('“五星”支部创建见成效');
  });

  it('reads files with a BOM, CRLF line ends and tabs like any other', () => {
    for (const f of ['bom.md', 'crlf.md', 'crlf-bom-tabs.md', 'tab-in-body.md', 'tab-after-colon.md']) expect(titleOf(f), f).toBe('文化大餐送到家门口');
  });

  it('copes with a large file (just under the 1 MB limit), valid or not', () => {
    const dir = join(scratch, 'huge');
    mkdirSync(dir, { recursive: true });
    const body = '本报讯 阳光花苑社区举办豫剧演出，居民品味到一场文化“大餐”。\n\n'.repeat(10_000); // about 0.9 MB
    writeFileSync(join(dir, 'huge.md'), `---\ntitle: 文化大餐送到家门口\nstreet: 莲湖街道\ndate: 2022-09-08\nreporter: 鲁燕\n---\n\n${body}`);
    writeFileSync(join(dir, 'huge-bad.md'), `---\ntitle: 文化大餐送到家门口\nstreet: 莲胡街道\ndate: 2022-09-08\nreporter: 鲁燕\n---\n\n${body}`);
    const r = checkContent({ contentDir: content, root: dir, paths: [dir], today });
    expect(r.problems.map(formatProblem)).toEqual(['huge-bad.md:3:9  street: expected a place from content/places.yaml (name or alias), found 莲胡街道 (did you mean 莲湖街道?)']);
    expect(r.articles.map((a) => a.id)).toEqual(['huge']);
  });
});

describe('checkContent', () => {
  it('finds nothing wrong in the clean fixture, drafts and bulletins included', () => {
    const r = checkContent({ contentDir: content, root: ROOT, today });
    expect(r.problems).toEqual([]);
    expect(r.articles.map((a) => a.id).sort()).toEqual(['2022-09-08-lianhu-wenhua-dacan', '2022-09-08-xushui-liangdian-chuangxing', '2023-05-16-liuhu-caogao']);
    expect(r.bulletins.map((b) => b.id).sort()).toEqual(['2022-09-08-ruanshili', '2023-05-16-zuhequan']);
    expect(checkSummary(r)).toBe('checked 3 articles, 2 bulletins and 3 registry files: no problems');
  });

  it('finds nothing wrong in the committed content', () => {
    const r = checkContent({ contentDir: join(ROOT, 'content'), root: ROOT });
    expect(r.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
  });

  it('reports every problem of every file at once, sorted by file and line', () => {
    const names = ['street-typo.md', 'several-problems.md', 'date-rollover.md', 'empty.md'];
    const got = lines(content, names.map((n) => join(BAD, 'articles', n)));
    const want = names.flatMap((n) => expected.cases[`articles/${n}`]).sort((a, b) => {
      const [fa, la, ca] = a.split('  ')[0].split(':');
      const [fb, lb, cb] = b.split('  ')[0].split(':');
      return fa < fb ? -1 : fa > fb ? 1 : Number(la) - Number(lb) || Number(ca) - Number(cb);
    });
    expect(got).toEqual(want);
    expect(got).toHaveLength(7);
  });

  it('checks a folder named on the command line, and says when a path is wrong', () => {
    expect(lines(content, [join(BAD, 'duplicate-id')])).toEqual(expected.cases['duplicate-id']);
    expect(lines(content, ['tests/fixtures/bad/nowhere.md', 'package.json'])).toEqual([
      `package.json:1:1  expected a .md article or bulletin, a folder, or the registry files of ${relative(ROOT, content)}, found package.json`,
      'tests/fixtures/bad/nowhere.md:1:1  expected a Markdown file or a folder to check, found nothing at this path',
    ]);
  });

  it('reports only the files asked for, but reads the rest for cross-references', () => {
    // The draft exists only in the content folder, yet the bulletin naming it is caught.
    expect(lines(content, [join(BAD, 'bulletins/draft-article.md')])).toEqual(expected.cases['bulletins/draft-article.md']);
    expect(lines(content, [join(content, 'articles/2023')])).toEqual([]);
  });

  it('warns about a future date against today in Beijing time by default', () => {
    const r = checkContent({ contentDir: content, root: ROOT, paths: [join(BAD, 'articles/date-future.md')] });
    expect(r.problems.map(formatProblem)).toEqual([
      `tests/fixtures/bad/articles/date-future.md:4:7  warning: date: expected a date no later than today (${todayInShanghai()}), found 2099-01-01`,
    ]);
    expect(r.articles).toHaveLength(1); // a warning does not stop the article
  });

  it('says that nothing else was checked when a registry file is broken', () => {
    const r = checkContent({ contentDir: join(BAD, 'registry-duplicate-id'), root: ROOT, today });
    expect(checkSummary(r)).toBe('checked 2 registry files: 1 error; articles and bulletins are checked once the registry files are fixed');
  });

  it('stays silent on 1,000 valid articles', () => {
    const dir = writeManyArticles(join(scratch, 'many'), 1000);
    const r = checkContent({ contentDir: dir, root: scratch, today });
    expect(r.problems).toEqual([]);
    expect(r.articles).toHaveLength(1000);
  });
});

describe('npm run check', () => {
  // In-process; tests/site/cli.test.ts runs the command once as a process.
  const run = async (args: string[], env: Record<string, string> = {}) => {
    const r = await runCli(runCheck, args, { cwd: ROOT, env });
    return { code: r.code, out: r.stdout.trimEnd().split('\n'), err: r.stderr };
  };

  it('exits 0 on clean content, from --content or JIEXUN_CONTENT', async () => {
    expect(await run(['--content', content])).toEqual({ code: 0, out: ['checked 3 articles, 2 bulletins and 3 registry files: no problems'], err: '' });
    expect((await run([], { JIEXUN_CONTENT: content })).out).toEqual(['checked 3 articles, 2 bulletins and 3 registry files: no problems']);
  });

  it('prints every problem and a summary, and exits 1 on an error', async () => {
    const r = await run(['--content', content, join(BAD, 'articles/several-problems.md')]);
    expect(r.code).toBe(1);
    expect(r.out).toEqual([...expected.cases['articles/several-problems.md'], 'checked 1 article, 0 bulletins and 3 registry files: 4 errors']);
  });

  it('exits 0 when there are only warnings', async () => {
    const r = await run(['--content', content, join(BAD, 'articles/placeholder-body.md')]);
    expect(r.code).toBe(0);
    expect(r.out).toEqual([...expected.cases['articles/placeholder-body.md'], 'checked 1 article, 0 bulletins and 3 registry files: 1 warning']);
  });

  it('exits 1 on a broken registry and 2 on a wrong option', async () => {
    expect((await run(['--content', join(BAD, 'registry-missing-parent')])).code).toBe(1);
    const r = await run(['--contents', content]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^npm run check: Unknown option '--contents'/);
  });
});

describe('a bulletin drafted by npm run bulletin', () => {
  it('warns while the placeholder editor\'s note is still there', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiexun-note-'));
    cpSync(join(ROOT, 'tests/fixtures/site/content'), dir, { recursive: true });
    const file = join(dir, 'bulletins/2022-09-30-fixture-zhuanban.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('本版刊发莲湖、航海西路两个街道的报道。', '【待编辑】在此写编者按。'));
    const out = checkContent({ contentDir: dir, root: dir, today }).problems.map(formatProblem);
    expect(out).toContain("bulletins/2022-09-30-fixture-zhuanban.md:9:1  warning: body: expected the editor's note (编者按), found the placeholder 【待编辑】 that npm run bulletin wrote");
    rmSync(dir, { recursive: true, force: true });
  });
});
