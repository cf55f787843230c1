// `npm run new`: file names, frontmatter that passes the check, prompts, refusals.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runNew, type NewIO } from '../../scripts/new.ts';
import { readArticleSource } from '../../src/io/articles.ts';
import { checkContent } from '../../src/io/check.ts';
import { formatProblem } from '../../src/io/problems.ts';
import { loadRegistries } from '../../src/io/registries.ts';
import { BODY_PLACEHOLDER, headlineSlug, newArticle, todayInShanghai } from '../../src/lib/new-article.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const registries = loadRegistries(join(ROOT, 'content'));

describe('headlineSlug', () => {
  it('takes the first three words of the headline in pinyin, a lone one-character word joined to the next', () => {
    expect(headlineSlug('文化“大餐”让居民尝甜头得实惠')).toBe('wenhua-dacan-rangjumin');
    expect(headlineSlug('平安法治星创建见成效')).toBe('pingan-fazhi-xingchuangjian');
    expect(headlineSlug('微更新')).toBe('weigengxin');
    expect(headlineSlug('会客厅里解心结')).toBe('huiketing-lijie-xinjie');
  });

  it('leaves out the place, which the file name already carries', () => {
    expect(headlineSlug('莲湖街道：文化大餐送到家门口', ['莲湖街道', '莲湖', '中原区'])).toBe('wenhua-dacan-songdao');
    expect(headlineSlug('莲湖', ['莲湖街道', '莲湖'])).toBe('lianhu'); // nothing else left: keep it
  });

  it('reads polyphones in context and keeps Latin letters and digits', () => {
    expect(headlineSlug('银行网点进社区')).toBe('yinhang-wangdian-jinshequ');
    expect(headlineSlug('AI 赋能 2023 年')).toBe('ai-funeng-2023');
    expect(headlineSlug('绿色出行')).toBe('lvse-chuxing');
  });

  it('falls back to a fixed word when the headline has nothing to spell', () => {
    expect(headlineSlug('！！？')).toBe('wenzhang');
  });
});

describe('todayInShanghai', () => {
  it('is the date in Beijing time, not UTC', () => {
    expect(todayInShanghai(new Date('2024-12-31T15:59:59Z'))).toBe('2024-12-31');
    expect(todayInShanghai(new Date('2024-12-31T16:00:00Z'))).toBe('2025-01-01');
  });
});

describe('newArticle', () => {
  const base = { street: '莲湖街道', placeId: 'lianhu', placeSpellings: ['河南省', '河南', '郑州市', '郑州', '中原区', '莲湖街道', '莲湖'], reporters: ['鲁燕'], date: '2022-09-08' };

  it('names the file <date>-<place-id>-<short> in its year folder and writes plain frontmatter', () => {
    const a = newArticle({ ...base, title: '文化“大餐”让居民尝甜头得实惠', stars: ['幸福和谐星', '支部过硬星'], reporters: ['鲁燕', '张三'], correspondents: ['魏少杰'] });
    expect(a.id).toBe('2022-09-08-lianhu-wenhua-dacan-rangjumin');
    expect(a.path).toBe('articles/2022/2022-09-08-lianhu-wenhua-dacan-rangjumin.md');
    expect(a.source).toBe(
      [
        '---',
        'title: 文化“大餐”让居民尝甜头得实惠',
        'street: 莲湖街道',
        'star: [幸福和谐星, 支部过硬星]',
        'date: 2022-09-08',
        'reporter: [鲁燕, 张三]',
        'correspondent: 魏少杰',
        '---',
        '',
        BODY_PLACEHOLDER,
        '',
      ].join('\n'),
    );
  });

  it.each(['"五星"支部', '时间: 9月3日', '2022', 'true', '- 一', '#话题', '[特稿]', "居民's 家", '2022-09-08', '  前后空格  '.trim(), 'null'])(
    'quotes the headline %s so that it reads back exactly',
    (title) => {
      const a = newArticle({ ...base, title, kicker: '引题：社区', subtitle: '副题: 说明' });
      const r = readArticleSource(`content/${a.path}`, a.source, registries);
      expect(r.problems.map(formatProblem)).toEqual([]);
      expect(r.article).toMatchObject({ title, kicker: '引题：社区', subtitle: '副题: 说明', place: 'lianhu', reporters: ['鲁燕'], date: '2022-09-08' });
    },
  );
});

describe('npm run new', () => {
  let scratch: string;
  let content: string;
  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), 'jiexun-new-'));
    content = join(scratch, 'content');
    mkdirSync(content);
    for (const f of ['places.yaml', 'stars.yaml', 'site.yaml']) copyFileSync(join(ROOT, 'content', f), join(content, f));
  });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  /** Runs the command in-process; `answers` are typed into a terminal when given. */
  async function run(args: string[], answers?: string) {
    const stdin = Object.assign(new PassThrough(), { isTTY: answers !== undefined });
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = '';
    let err = '';
    stdout.on('data', (d) => (out += d));
    stderr.on('data', (d) => (err += d));
    if (answers !== undefined) stdin.end(answers);
    const io: NewIO = { cwd: scratch, env: {}, stdin, stdout, stderr, now: new Date('2024-03-05T20:00:00Z') };
    const code = await runNew(['--content', content, ...args], io);
    return { code, out, err };
  }
  const written = () => (existsSync(join(content, 'articles')) ? readdirSync(join(content, 'articles'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')) : []);

  it('writes a valid article, prints its path, and the check finds only the placeholder', async () => {
    const r = await run(['--street', '莲湖', '--title', '文化“大餐”让居民尝甜头得实惠', '--star', '幸福和谐星', '--star', '支部过硬', '--reporter', '鲁燕、张三', '--correspondent', '魏少杰', '--date', '2022-09-08']);
    expect(r).toMatchObject({ code: 0, out: 'content/articles/2022/2022-09-08-lianhu-wenhua-dacan-rangjumin.md\n' });
    expect(r.err).toContain(BODY_PLACEHOLDER);
    const source = readFileSync(join(content, 'articles/2022/2022-09-08-lianhu-wenhua-dacan-rangjumin.md'), 'utf8');
    expect(source).toContain('star: [幸福和谐星, 支部过硬星]\n');
    const check = checkContent({ contentDir: content, root: scratch, today: '2024-03-06' });
    expect(check.problems.map(formatProblem)).toEqual([
      `content/articles/2022/2022-09-08-lianhu-wenhua-dacan-rangjumin.md:10:1  warning: body: expected the article text, found the placeholder ${BODY_PLACEHOLDER} that npm run new wrote`,
    ]);
  });

  it('dates the article today in Beijing time when --date is not given', async () => {
    const r = await run(['--street', '须水街道', '--title', '亮点纷呈', '--reporter', '鲁燕']);
    expect(r.out).toBe('content/articles/2024/2024-03-06-xushui-liangdian-fencheng.md\n');
  });

  it('never overwrites: the same id refuses, names the file and leaves it alone', async () => {
    const args = ['--street', '莲湖街道', '--title', '文化大餐', '--reporter', '鲁燕', '--date', '2022-09-08'];
    expect((await run(args)).code).toBe(0);
    const file = join(content, 'articles/2022/2022-09-08-lianhu-wenhua-dacan.md');
    writeFileSync(file, 'edited by the editor');
    const again = await run(args);
    expect(again.code).toBe(1);
    expect(again.out).toBe('');
    expect(again.err).toBe('npm run new: refusing to overwrite content/articles/2022/2022-09-08-lianhu-wenhua-dacan.md: an article with the id 2022-09-08-lianhu-wenhua-dacan already exists (edit that file, or choose a different --title or --date)\n');
    expect(readFileSync(file, 'utf8')).toBe('edited by the editor');
  });

  it('refuses an id already used in another year folder', async () => {
    mkdirSync(join(content, 'articles/2023'), { recursive: true });
    writeFileSync(join(content, 'articles/2023/2022-09-08-lianhu-wenhua-dacan.md'), 'misfiled');
    const r = await run(['--street', '莲湖街道', '--title', '文化大餐', '--reporter', '鲁燕', '--date', '2022-09-08']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^npm run new: refusing to overwrite content\/articles\/2023\/2022-09-08-lianhu-wenhua-dacan\.md/);
    expect(written()).toEqual(['2023/2022-09-08-lianhu-wenhua-dacan.md']);
  });

  it('says what is wrong with an unknown street or star, a bad date, and writes nothing', async () => {
    const cases: [string[], string][] = [
      [['--street', '莲胡街道'], 'npm run new: --street: expected a place from content/places.yaml (name or alias), found 莲胡街道 (did you mean 莲湖街道?)\n'],
      [['--street', '莲湖', '--star', '平安法冶星'], 'npm run new: --star: expected a star from content/stars.yaml, found 平安法冶星 (did you mean 平安法治星?)\n'],
      [['--street', '莲湖', '--date', '2022-13-45'], 'npm run new: --date: expected a real calendar date (YYYY-MM-DD), found 2022-13-45, which does not exist\n'],
      [['--street', '莲湖', '--date', '2022/09/08'], 'npm run new: --date: expected a date written YYYY-MM-DD, found 2022/09/08\n'],
    ];
    for (const [args, err] of cases) {
      const r = await run(['--title', '文化大餐', '--reporter', '鲁燕', ...args]);
      expect(r, args.join(' ')).toEqual({ code: 1, out: '', err });
    }
    expect(written()).toEqual([]);
  });

  it('outside a terminal, names every missing field and writes nothing', async () => {
    const r = await run(['--street', '莲湖']);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      'npm run new: --title: expected the headline (标题), found nothing (pass --title …, or run npm run new in a terminal to be asked)\n' +
        'npm run new: --reporter: expected the reporter (记者), one name or several, found nothing (pass --reporter …, or run npm run new in a terminal to be asked)\n',
    );
    expect(written()).toEqual([]);
  });

  it('in a terminal, asks for the missing fields until the answers are usable', async () => {
    const r = await run(['--date', '2022-09-08'], '文化大餐\n莲胡街道\n莲湖\n鲁燕 张三\n');
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      '标题（title）：街道或乡镇（street，如 莲湖街道）：' +
        '--street: expected a place from content/places.yaml (name or alias), found 莲胡街道 (did you mean 莲湖街道?)\n' +
        '街道或乡镇（street，如 莲湖街道）：记者（reporter，多人用空格或顿号分开）：' +
        'content/articles/2022/2022-09-08-lianhu-wenhua-dacan.md\n',
    );
    expect(readFileSync(join(content, 'articles/2022/2022-09-08-lianhu-wenhua-dacan.md'), 'utf8')).toBe(
      `---\ntitle: 文化大餐\nstreet: 莲湖街道\ndate: 2022-09-08\nreporter: [鲁燕, 张三]\n---\n\n${BODY_PLACEHOLDER}\n`,
    );
  });

  it('in a terminal, gives up cleanly when the input ends', async () => {
    const r = await run(['--street', '莲湖'], '文化大餐\n');
    expect(r.code).toBe(1);
    expect(r.err).toBe('npm run new: --reporter: expected the reporter (记者), found the end of input\n');
    expect(written()).toEqual([]);
  });

  it('as a command: usage errors exit 2, a missing field outside a terminal exits 1', async () => {
    // Not a terminal, input already ended: as `npm run new … < /dev/null` (tests/site/cli.test.ts runs the command as a process).
    const cli = async (args: string[]) => {
      const stdin = new PassThrough();
      stdin.end();
      const stdout = new PassThrough();
      const stderr = new PassThrough();
      let out = '';
      let err = '';
      stdout.on('data', (d) => (out += d));
      stderr.on('data', (d) => (err += d));
      const status = await runNew(['--content', content, ...args], { cwd: ROOT, env: {}, stdin, stdout, stderr });
      await new Promise((r) => setImmediate(r));
      return { status, stdout: out, stderr: err };
    };
    const bad = await cli(['--bogus']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^npm run new: Unknown option '--bogus'/);
    const missing = await cli(['--street', '莲湖', '--reporter', '鲁燕']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^npm run new: --title: expected the headline/);
    const ok = await cli(['--street', '莲湖', '--reporter', '鲁燕', '--title', '文化大餐', '--date', '2022-09-08']);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toBe(`${relative(ROOT, join(content, 'articles/2022/2022-09-08-lianhu-wenhua-dacan.md'))}\n`);
  });
});
