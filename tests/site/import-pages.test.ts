// `npm run import` on fixture pages of the kinds it once failed on (tests/fixtures/import/pages):
// the files it writes pass the content schema, photos become placeholders with their captions
// and credits, stars stay within the place's sets, new photographers join the people registry, and
// the review list names the lines it took.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readArticleSource } from '../../src/io/articles.ts';
import { loadRegistries } from '../../src/io/registries.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const PAGES = join(ROOT, 'tests/fixtures/import/pages');
let content: string;

beforeAll(() => {
  content = join(mkdtempSync(join(tmpdir(), 'jiexun-import-pages-')), 'content');
  mkdirSync(content);
  for (const f of ['places.yaml', 'stars.yaml']) copyFileSync(join(ROOT, 'content', f), join(content, f));
});
afterAll(() => rmSync(resolve(content, '..'), { recursive: true, force: true }));

const run = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'scripts/import.ts'), ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, JIEXUN_CONTENT: content } });

describe('importing a column with captioned photos and a column photo credit', () => {
  it('writes articles the schema accepts, each photo a placeholder with its caption and credit', () => {
    const r = run(['--date', '2022-09-20', join(PAGES, 'photos.txt')]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/photo credit for the page \(line \d+\): 杜挺勇 摄/);
    expect(r.stdout).toMatch(/took: place l\.\d+ · headline l\.\d+ · byline l\.\d+ · caption l\.\d+/);
    const dir = join(content, 'articles/2022');
    const files = readdirSync(dir).sort();
    expect(files).toHaveLength(3);
    const wangchu = files.find((f) => f.includes('wangchu'))!;
    const text = readFileSync(join(dir, wangchu), 'utf8');
    // Against the people.yaml the import wrote: the photographer was registered with the articles.
    const after = loadRegistries(content);
    expect(after.people.resolve('杜挺勇')?.roles).toContain('photographer');
    expect(readArticleSource(`articles/2022/${wangchu}`, text, after).problems).toEqual([]);
    expect(text).toMatch(/^photo: 杜挺勇$/m);
    expect(text).toContain('![图为志愿者辅导孩子写作业。](./待补照片-1.jpg "摄影 杜挺勇")');
  });
});

describe('the review list of a feature and of a page with stars outside the place’s set', () => {
  it('names the kicker, headline, byline and subheads lines, and the untagged stars', () => {
    const feature = run(['--dry-run', join(PAGES, 'feature-top.txt')]);
    expect(feature.status).toBe(0);
    expect(feature.stdout).toMatch(/1\. \[强支部 兴产业 美乡村\] 一颗星带活一个村 一条路富了一方人/);
    expect(feature.stdout).toMatch(/took: kicker l\.1 · headline l\.2–3 · byline l\.\d+ · subheads l\.\d+, \d+, \d+/);
    const stars = run(['--json', join(PAGES, 'stars.md')]);
    const out = JSON.parse(stars.stdout);
    // 柳湖街道 works on both sets (content/places.yaml); 会昌街道 only on the village set.
    expect(out.articles.map((a: { stars: string[] }) => a.stars)).toEqual([['文明幸福星'], ['共建共享星', '生态宜居星']]);
    type Coded = { code: string; message: string };
    const untagged = (a: { problems: Coded[] }) => a.problems.filter((p) => p.code === 'import/star-outside-sets').map((p) => p.message);
    expect(untagged(out.articles[0]).join('\n')).toMatch(/^幸福和谐星 named in the text, not tagged: expected a star of 会昌街道's set/m);
    expect(untagged(out.articles[1])).toEqual([]);
  });
});

describe('photographers through the people registry', () => {
  it('appends a photographer the registry lacks with the photographer role, and leaves known people alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiexun-import-photographer-'));
    try {
      const own = join(dir, 'content');
      mkdirSync(own);
      for (const f of ['places.yaml', 'stars.yaml', 'people.yaml']) copyFileSync(join(ROOT, 'content', f), join(own, f));
      const before = readFileSync(join(own, 'people.yaml'), 'utf8');
      const page = join(dir, 'page.txt');
      writeFileSync(page, '焦南街道\n“小巷管家”守护大民生\n\n本报讯 清晨六点半，焦南街道的“小巷管家”已经走上街头，检查路灯、清理杂物、劝导文明停车。\n\n▲“小巷管家”在街巷巡查。 张新华 摄\n\n街道选聘“小巷管家”126名，辖区群众满意度明显提升。记者 鲁燕\n');
      const r = spawnSync(process.execPath, [join(ROOT, 'scripts/import.ts'), '--date', '2022-09-21', page], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, JIEXUN_CONTENT: own } });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('new person: 张新华 → /reporters/zhangxinhua/');
      expect(r.stdout).not.toContain('new person: 鲁燕');
      expect(readFileSync(join(own, 'people.yaml'), 'utf8')).toBe(`${before}- id: zhangxinhua\n  name: 张新华\n  roles: [photographer]\n`);
      const [file] = readdirSync(join(own, 'articles/2022'));
      const text = readFileSync(join(own, 'articles/2022', file), 'utf8');
      expect(text).toMatch(/^photo: 张新华$/m);
      expect(text).toContain('![“小巷管家”在街巷巡查。](./待补照片-1.jpg "摄影 张新华")');
      // The written story passes the schema against the registry the import wrote.
      expect(readArticleSource(`articles/2022/${file}`, text, loadRegistries(own)).problems).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
