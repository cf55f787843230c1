// Every CLI over the malformed-input corpus (tests/fixtures/bad): each answers bad input with a
// message naming the problem and a non-zero exit, never a stack trace. Also: a bulletin whose
// story headline holds "：", the redirect left at a person's old address, and `check --fix` on a
// copy of the committed stories (no half-width punctuation left, and the build passes). The commands
// run in-process (each is spawned once as a program in tests/site/cli.test.ts); builds and serve are spawned.
import { spawn } from 'node:child_process';
import { Readable } from 'node:stream';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { HtmlValidate } from 'html-validate';
import { page } from '../helpers/html.ts';
import { buildSite, FIXTURE_CONTENT, NO_PDF, ROOT } from '../helpers/build-site.ts';
import { runCli } from '../helpers/cli.ts';
import { runCheck } from '../../scripts/check.ts';
import { runNew } from '../../scripts/new.ts';
import { runImport } from '../../scripts/import.ts';
import { runBulletin } from '../../scripts/bulletin.ts';
import type { CliIO } from '../../scripts/cli-io.ts';

const BAD = join(ROOT, 'tests/fixtures/bad');
const expected: { cases: Record<string, string[]> } = JSON.parse(readFileSync(join(BAD, 'expected.json'), 'utf8'));
/** A line of a stack trace: "    at fn (file.ts:12:34)". */
const STACK = /^\s+at .*:\d+(:\d+)?\)?$/m;

let scratch: string;
beforeAll(() => {
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  scratch = mkdtempSync(join(ROOT, '.tmp/editors-cli-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const COMMANDS: Record<string, (argv: string[], io: CliIO) => number | Promise<number>> = {
  'check.ts': runCheck,
  // Not a terminal: nothing is asked for.
  'new.ts': (argv, io) => runNew(argv, { ...io, stdin: Readable.from([]) }),
  'import.ts': runImport,
  'bulletin.ts': runBulletin,
};

/** The command of scripts/<script> run in the repository with `env`; its output, stdout then stderr. */
async function run(script: string, args: string[], env: Record<string, string> = {}) {
  const r = await runCli(COMMANDS[script], args, { cwd: ROOT, env });
  return { status: r.code, out: `${r.stdout}${r.stderr}` };
}

/** The check fixture's content (real registries, clean articles) plus every malformed article and bulletin. */
function badContent(): string {
  const dir = join(scratch, `bad-${Math.random().toString(36).slice(2)}`);
  mkdirSync(dir);
  for (const f of ['places.yaml', 'stars.yaml']) copyFileSync(join(ROOT, 'content', f), join(dir, f));
  cpSync(join(ROOT, 'tests/fixtures/check-ok'), dir, { recursive: true });
  for (const f of readdirSync(join(BAD, 'articles'))) copyFileSync(join(BAD, 'articles', f), join(dir, 'articles/2022', f));
  for (const f of readdirSync(join(BAD, 'bulletins'))) copyFileSync(join(BAD, 'bulletins', f), join(dir, 'bulletins', f));
  return dir;
}

const registryCases = readdirSync(BAD).filter((d) => d.startsWith('registry-'));
const errorLines = (name: string) => expected.cases[name].filter((l) => !/^\S+:\d+:\d+ {2}warning: /.test(l));

describe('npm run check over the corpus', () => {
  it('prints every expected message for all the malformed articles and bulletins in one run, exit 1', async () => {
    const names = Object.keys(expected.cases).filter((n) => n.startsWith('articles/') || n.startsWith('bulletins/'));
    const content = join(scratch, 'check-content');
    mkdirSync(content, { recursive: true });
    for (const f of ['places.yaml', 'stars.yaml']) copyFileSync(join(ROOT, 'content', f), join(content, f));
    cpSync(join(ROOT, 'tests/fixtures/check-ok'), content, { recursive: true });
    const r = await run('check.ts', ['--content', content, ...names.map((n) => join('tests/fixtures/bad', n))]);
    expect(r.status).toBe(1);
    for (const n of names) for (const line of expected.cases[n].filter((l) => !l.includes('future') && !l.includes('today'))) expect(r.out, n).toContain(line);
    expect(r.out).not.toMatch(STACK);
  });

  it.each(registryCases)('%s: the registry problems, exit 1', async (name) => {
    const r = await run('check.ts', ['--content', join('tests/fixtures/bad', name)]);
    expect(r.status).toBe(1);
    for (const line of errorLines(name)) expect(r.out).toContain(line);
    expect(r.out).not.toMatch(STACK);
  });
});

describe('the other CLIs over the corpus', () => {
  // A YAML fault, a schema fault with structural faults beside it, and a missing file: one of each kind.
  it.each(['registry-bad-yaml', 'registry-every-problem', 'registry-missing-stars-file', 'registry-people'])('%s: new, import and bulletin stop with the registry message', async (name) => {
    const content = join('tests/fixtures/bad', name);
    const first = errorLines(name)[0].split('  ')[1];
    const page = join(ROOT, 'tests/fixtures/import/unknown-place.txt');
    for (const [script, args] of [
      ['new.ts', ['--content', content, '--street', '莲湖街道', '--title', '标题', '--reporter', '鲁燕', '--date', '2022-09-08']],
      ['import.ts', ['--content', content, '--date', '2022-09-08', '--dry-run', page]],
      ['bulletin.ts', ['--content', content, '--kind', '简报', '--from', '2022-07-01', '--to', '2022-09-30', '--title', '简报']],
    ] as const) {
      const r = await run(script, [...args]);
      expect(r.status, `${script} ${name}`).not.toBe(0);
      expect(r.out, `${script} ${name}`).toContain(first);
      expect(r.out, script).not.toMatch(STACK);
    }
  });

  it('bulletin refuses to draft from the malformed articles, naming them, without a stack trace', async () => {
    const content = badContent();
    const r = await run('bulletin.ts', ['--kind', '简报', '--from', '2022-07-01', '--to', '2022-09-30', '--title', '简报'], { JIEXUN_CONTENT: content });
    expect(r.status).toBe(1);
    expect(r.out).toContain('articles/2022/gbk.md:2:8  expected a file saved as UTF-8, found another encoding');
    expect(r.out).toContain('articles/2022/colon-no-space.md:3:8  street: expected a space after the colon');
    expect(r.out).not.toMatch(STACK);
  });

  it('import says what is wrong with its options and pages', async () => {
    const content = join(scratch, 'import-content');
    mkdirSync(join(content, 'bulletins'), { recursive: true });
    for (const f of ['places.yaml', 'stars.yaml', 'people.yaml']) copyFileSync(join(ROOT, 'content', f), join(content, f));
    const page = join(ROOT, 'tests/fixtures/import/unknown-place.txt');
    for (const [args, message] of [
      [['--date', '2022-09-08', '--bulletin', '2022-09-08-ruanshil', page], '--bulletin: expected the id of a bulletin'],
      [['--date', '2022-13-45', page], '--date: expected a real calendar date'],
      [['--date', '2022-09-08', join(BAD, 'nowhere.txt')], 'expected a readable page text file, found no such file'],
    ] as const) {
      const r = await run('import.ts', ['--content', content, ...args]);
      expect(r.status, message).not.toBe(0);
      expect(r.out).toContain(message);
      expect(r.out).not.toMatch(STACK);
    }
  });

  it('build stops at the malformed content with the check\'s messages, and a broken registry alike', () => {
    const content = badContent();
    const r = buildSite(content, join(scratch, 'dist-bad'));
    expect(r.status).toBe(1);
    const out = r.stdout + r.stderr;
    expect(out).toContain('articles/2022/unclosed-quote.md:2:8  title: expected the closing " of the value on the same line');
    expect(out).toContain('bulletins/missing-and-draft.md:8:5  articles: expected the id of a published article');
    expect(out).not.toMatch(STACK);
    const reg = buildSite(join(BAD, 'registry-every-problem'), join(scratch, 'dist-reg'));
    expect(reg.status).toBe(1);
    for (const line of errorLines('registry-every-problem')) expect(reg.stdout + reg.stderr).toContain(line.split('  ')[1]);
    expect(reg.stdout + reg.stderr).not.toMatch(STACK);
  });

  it('serve on a busy port says so and exits 1', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    mkdirSync(join(scratch, 'dist-empty'), { recursive: true });
    const child = spawn(process.execPath, [join(ROOT, 'scripts/serve.ts'), join(scratch, 'dist-empty')], { cwd: ROOT, env: { ...process.env, PORT: String(port) } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    blocker.close();
    expect(status).toBe(1);
    expect(out).toContain(`Port ${port} is already in use`);
    expect(out).not.toMatch(STACK);
  });
});

describe('bulletins with a full-width colon in a headline', () => {
  it('npm run bulletin writes the draft, and check accepts it', async () => {
    const content = join(scratch, 'colon');
    cpSync(FIXTURE_CONTENT, content, { recursive: true });
    const file = join(content, 'articles/2022/2022-09-08-lianhu-yuju.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: 长篇通讯：豫剧进社区 居民享“文化大餐”'));
    const r = await run('bulletin.ts', ['--kind', '简报', '--from', '2022-09-01', '--to', '2022-09-30', '--street', '莲湖街道', '--title', '莲湖简报', '--id', 'colon-jianbao'], { JIEXUN_CONTENT: content });
    expect(r.out).not.toMatch(STACK);
    expect(r.status).toBe(0);
    const draft = readFileSync(join(content, 'bulletins/colon-jianbao.md'), 'utf8');
    expect(draft).toContain('  - 2022-09-08-lianhu-yuju # 莲湖街道 长篇通讯：豫剧进社区 居民享“文化大餐”');
    const c = await run('check.ts', ['--content', content, join(content, 'bulletins/colon-jianbao.md')]);
    expect(c.out).not.toContain('full-width colon');
    expect(c.status).toBe(0);
  });
});

describe('a person\'s old address', () => {
  const dist = inject('fixtureDist');
  it('redirects to the page\'s current address (people.yaml formerIds), a valid page without script', async () => {
    const html = page(dist, '/reporters/wangyt/');
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/reporters/wangyongtao/">');
    expect(html).toMatch(/<link rel="canonical" href="[^"]*\/reporters\/wangyongtao\/">/);
    expect(html).toContain('<a href="/reporters/wangyongtao/">');
    expect(html).not.toContain('<script');
    expect(page(dist, '/reporters/wangyongtao/')).toContain('王永涛');
    const validator = new HtmlValidate(JSON.parse(readFileSync(join(ROOT, '.htmlvalidate.json'), 'utf8')));
    const report = await validator.validateString(html, 'wangyt.html');
    expect(report.results.flatMap((x) => x.messages.map((m) => `${m.ruleId} ${m.message}`))).toEqual([]);
  });
});

describe('check --fix on a copy of the committed stories', () => {
  it('leaves no half-width punctuation in Chinese text, and the copy builds', async () => {
    const content = join(scratch, 'committed');
    cpSync(join(ROOT, 'content'), content, { recursive: true });
    // The stories as they were typed in before they were fixed: half-width marks in Chinese text.
    const half: Record<string, string> = { '，': ',', '；': ';', '（': '(', '）': ')' };
    const articles = join(content, 'articles');
    for (const f of readdirSync(articles, { recursive: true, encoding: 'utf8' }).filter((x) => x.endsWith('.md'))) {
      const text = readFileSync(join(articles, f), 'utf8');
      const [head, body] = [text.slice(0, text.indexOf('\n---\n') + 5), text.slice(text.indexOf('\n---\n') + 5)];
      writeFileSync(join(articles, f), head.replace(/^title: (.*)$/m, (_, t: string) => `title: '${t.replace(/^"|"$/g, '').replace(/[“”]/g, '"')}'`) + body.replace(/[，；（）]/g, (c) => half[c]));
    }
    const before = await run('check.ts', ['--content', content]);
    expect(before.out).toMatch(/half-width punctuation|full-width punctuation/);
    const fixed = await run('check.ts', ['--content', content, '--fix']);
    expect(fixed.status).toBe(0);
    expect(fixed.out).toMatch(/checked 15 articles, 4 bulletins and 3 registry files: no problems$/m);
    for (const f of readdirSync(articles, { recursive: true, encoding: 'utf8' }).filter((x) => x.endsWith('.md'))) {
      const text = readFileSync(join(articles, f), 'utf8');
      expect(text, f).not.toMatch(/\p{Script=Han}[,;()]|[,;()]\p{Script=Han}/u);
      expect(text.match(/^title: .*$/m)![0], f).not.toContain('"');
    }
    const built = buildSite(content, join(scratch, 'dist-fixed'), NO_PDF);
    expect(built.stderr).not.toMatch(STACK);
    expect(built.status).toBe(0);
    expect(existsSync(join(scratch, 'dist-fixed/index.html'))).toBe(true);
  });
});

describe('re-importing a seed page over the committed stories', () => {
  it('finds them unchanged however their titles are quoted; a story an editor tagged differs by that field', async () => {
    const seed = join(ROOT, '../shared/seeds/000_51a244376aa11d1c.txt');
    const content = join(scratch, 'reimport');
    cpSync(join(ROOT, 'content'), content, { recursive: true });
    const r = await run('import.ts', ['--content', content, '--date', '2022-09-08', '--bulletin', '2022-09-08-ruanshili', '--source', '中原区“五星”支部创建专版', '--dry-run', seed]);
    expect(r.out).not.toMatch(STACK);
    expect(r.out.match(/ unchanged$/gm)).toHaveLength(5);
    // The editor tagged 须水's story 生态宜居星 by judgement; the page text names no star.
    expect(r.out).toContain('2022-09-08-xushui-liangdian-chuangxing.md: refusing to overwrite an existing file that differs from the import (star: the file has 生态宜居星, the import nothing)');
  });
});
