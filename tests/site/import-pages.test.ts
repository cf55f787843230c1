// `npm run import` on fixture pages of the kinds it once failed on (tests/fixtures/import/pages):
// the files it writes pass the content schema, photos become placeholders with their captions
// and credits, stars stay within the place's set, and the review list names the lines it took.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readArticleSource } from '../../src/io/articles.ts';
import { loadRegistries } from '../../src/io/registries.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const PAGES = join(ROOT, 'tests/fixtures/import/pages');
const registries = loadRegistries(join(ROOT, 'content'));
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
    expect(readArticleSource(`articles/2022/${wangchu}`, text, registries).problems).toEqual([]);
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
    expect(out.articles.map((a: { stars: string[] }) => a.stars)).toEqual([['文明幸福星'], ['共建共享星']]);
    expect(out.articles[1].warnings.join('\n')).toMatch(/生态宜居星, which is not in the star set of 柳湖街道/);
  });
});
