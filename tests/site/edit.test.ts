// npm run edit end to end, against a scratch copy of the fixture content (never the committed
// content): the editor page and its generated configuration, a busy port, and Chromium filling the
// new-article form (title, street from the list, two stars, reporter, date, body, a photo upload)
// — then the saved file passes `npm run check` and the built site shows the article with its photo.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { parse } from 'yaml';
import sharp from 'sharp';
import type { Browser, BrowserContext } from 'playwright-core';
import { buildSite, FIXTURE_CONTENT, NO_PDF, ROOT, warmCacheFrom } from '../helpers/build-site.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { runCli } from '../helpers/cli.ts';
import { runCheck } from '../../scripts/check.ts';
import { loadRegistries } from '../../src/io/registries.ts';
import { articleFileId } from '../../src/lib/cms-entry.ts';
import { todayInShanghai } from '../../src/lib/new-article.ts';

const WORK = join(ROOT, '.tmp/edit-site');
const CONTENT = join(WORK, 'content');
const DIST = join(WORK, 'dist');
const PHOTO = join(WORK, 'yuju.jpg');

function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

/** Starts `npm run edit` and resolves with the /admin/ address it prints. */
function startEdit(port: number): Promise<{ child: ChildProcess; admin: string; stderr: () => string }> {
  const child = spawn(process.execPath, [join(ROOT, 'scripts/edit.ts')], {
    cwd: ROOT, env: { ...process.env, PORT: String(port), JIEXUN_CONTENT: CONTENT }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  return new Promise((ok, no) => {
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /^(http:\/\/\S+\/admin\/)$/m.exec(out);
      if (m) ok({ child, admin: m[1], stderr: () => err });
    });
    child.once('exit', (code) => no(new Error(`npm run edit exited (${code}):\n${err}`)));
  });
}

let edit: Awaited<ReturnType<typeof startEdit>>;
let port: number;
let browser: Browser;
/**
 * One context for every editor session, as one browser: Decap's script comes from its cache. Each
 * page starts signed out, as a fresh browser would (Decap keeps the signed-in user in localStorage).
 */
let context: BrowserContext;

beforeAll(async () => {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  cpSync(FIXTURE_CONTENT, CONTENT, { recursive: true });
  await sharp({ create: { width: 1600, height: 1000, channels: 3, background: { r: 170, g: 60, b: 40 } } }).jpeg().toFile(PHOTO);
  port = await freePort();
  edit = await startEdit(port);
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1280, height: 1600 } });
  await context.addInitScript(() => localStorage.removeItem('decap-cms-user'));
});

afterAll(async () => {
  await browser?.close();
  if (edit?.child.exitCode === null) {
    const exited = new Promise((ok) => edit.child.once('exit', ok));
    edit.child.kill('SIGINT');
    await exited;
  }
});

describe('npm run edit', () => {
  it('serves /admin/ with the generated configuration, bundled from npm', async () => {
    const page = await fetch(edit.admin);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<link href="/admin/config.yml" type="text/yaml" rel="cms-config-url">');
    expect(html).toMatch(/<script src="\/admin\/cms\.js"><\/script>/);
    expect(html).not.toMatch(/unpkg|jsdelivr|cdnjs/);
    const script = await fetch(new URL('/admin/cms.js', edit.admin));
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    // Bundled from node_modules: no CDN address anywhere in the script Decap runs from.
    expect(await script.text()).not.toMatch(/unpkg\.com|jsdelivr\.net|cdnjs\.cloudflare/);
    // Kept by the browser, which asks only whether it changed: the next opening of the editor
    // reuses the 6 MB script (and its compiled code) instead of loading it again.
    const etag = script.headers.get('etag');
    expect(script.headers.get('cache-control')).toBe('no-cache');
    expect(etag).toMatch(/^"[0-9a-f]+-cms\.js"$/);
    const again = await fetch(new URL('/admin/cms.js', edit.admin), { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('offers every place of places.yaml as a street and every star of stars.yaml as a star', async () => {
    const res = await fetch(new URL('/admin/config.yml', edit.admin));
    expect(res.status).toBe(200);
    const config = parse(await res.text());
    const articles = config.collections.find((c: { name: string }) => c.name === 'articles');
    const field = (name: string) => articles.fields.find((f: { name: string }) => f.name === name);
    const places = parse(readFileSync(join(CONTENT, 'places.yaml'), 'utf8')) as { name: string; aliases?: string[] }[];
    const stars = parse(readFileSync(join(CONTENT, 'stars.yaml'), 'utf8')) as { name: string }[];
    const options = field('street').options as { label: string; value: string }[];
    expect(options.map((o) => o.value).sort()).toEqual(places.map((p) => p.name).sort());
    // Aliases are in the label, so typing one finds the place.
    for (const p of places) for (const a of p.aliases ?? []) expect(options.find((o) => o.value === p.name)!.label).toContain(a);
    expect((field('star').stars as { name: string }[]).map((s) => s.name).sort()).toEqual(stars.map((s) => s.name).sort());
    // Required fields and the date default come from the schema and Beijing's calendar.
    expect(field('title').required).toBe(true);
    expect(field('street').required).toBe(true);
    expect(field('reporter').required).toBe(true);
    expect(field('kicker').required).toBe(false);
    expect(field('date')).toMatchObject({ required: true, default: todayInShanghai(), format: 'YYYY-MM-DD' });
    // Byline names are offered from the people registry (people.yaml), every entry.
    const people = parse(readFileSync(join(CONTENT, 'people.yaml'), 'utf8')) as { name: string }[];
    for (const f of ['reporter', 'correspondent', 'photo']) expect([...field(f).names].sort()).toEqual(people.map((p) => p.name).sort());
    expect(articles.media_folder).toBe('');
    expect(config.collections.map((c: { name: string }) => c.name)).toEqual(['articles', 'bulletins', 'registries']);
  });

  it('says plainly when the port is busy', async () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/edit.ts')], { cwd: ROOT, env: { ...process.env, PORT: String(port), JIEXUN_CONTENT: CONTENT }, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`port ${port} is already in use`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('saves a new article from the form that passes npm run check and builds with its photo', async () => {
    const page = await context.newPage();
    const origins = new Set<string>();
    page.on('request', (r) => origins.add(new URL(r.url()).origin));
    await page.goto(edit.admin);
    await page.getByRole('button', { name: '登录' }).click();
    await page.goto(`${edit.admin}#/collections/articles/new`);

    const title = '莲湖街道举办豫剧进社区演出';
    await page.getByLabel('标题').fill(title);
    // The street from the list: typing an alias finds it.
    await page.locator('input[id^="street-field"]').fill('莲湖');
    await page.getByRole('option', { name: /莲湖街道/ }).click();
    // Only the stars of the place's set (莲湖街道 is a city community) are offered.
    await expect.poll(() => page.getByRole('checkbox', { name: '产业兴旺星' }).count()).toBe(0);
    await page.getByRole('checkbox', { name: '支部过硬星' }).check();
    await page.getByRole('checkbox', { name: '平安法治星' }).check();
    // One reporter from the registry, one new name typed in: registered in people.yaml on save.
    await page.getByLabel('记者', { exact: true }).fill('鲁燕、宋晓梅');
    await page.getByRole('checkbox', { name: /文\/图/ }).check();
    await page.locator('input[type="date"]').fill('2022-09-15');

    // The body, then a photo through the toolbar's photo block: uploaded, it lands beside the article.
    await page.locator('[contenteditable="true"]').last().click();
    await page.keyboard.insertText('本报讯 9月14日晚，莲湖街道在社区广场举办豫剧进社区演出，居民五百余人观看。');
    await page.keyboard.press('Enter');
    await page.locator('button[title="添加组件"]').click();
    await page.getByText('照片', { exact: true }).click();
    await page.getByRole('button', { name: '选择图片' }).last().click();
    await page.locator('input[type="file"]').setInputFiles(PHOTO);
    await page.getByRole('button', { name: '选用已选中项目' }).click();
    await page.getByLabel('图片说明').fill('居民观看豫剧演出');
    await page.getByLabel(/^摄影者/).fill('王梦梦 摄');

    await page.getByRole('button', { name: '发布' }).click();
    await page.getByText('立即发布').click();

    const registries = loadRegistries(CONTENT);
    const id = articleFileId(registries, { title, street: '莲湖街道', date: '2022-09-15' })!;
    const file = join(CONTENT, 'articles/2022', `${id}.md`);
    await expect.poll(() => existsSync(file), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => existsSync(join(CONTENT, 'articles/2022/yuju.jpg'))).toBe(true);
    await page.close();

    // The frontmatter `npm run new` would write: field order, one reporter as a scalar, stars as a flow list.
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^---\ntitle: 莲湖街道举办豫剧进社区演出\nstreet: 莲湖街道\nstar: \[支部过硬星, 平安法治星\]\ndate: 2022-09-15\nreporter: \[鲁燕, 宋晓梅\]\nphoto: true\n---\n\n本报讯 9月14日晚，/);
    expect(text).toContain('![居民观看豫剧演出](./yuju.jpg "王梦梦 摄")');
    expect(text).not.toMatch(/draft|file:|: ""/);
    // The new names, registered as npm run new registers them: the reporter, and the photo's photographer.
    const people = readFileSync(join(CONTENT, 'people.yaml'), 'utf8');
    expect(people.startsWith(readFileSync(join(FIXTURE_CONTENT, 'people.yaml'), 'utf8'))).toBe(true);
    expect(people).toContain('- id: songxiaomei\n  name: 宋晓梅\n  roles: [reporter]\n');
    expect(people).toContain('- id: wangmengmeng\n  name: 王梦梦\n  roles: [photographer]\n');
    // Logged once the full check has passed on the saved file, which runs after the file is written.
    await expect.poll(() => edit.stderr(), { timeout: 60_000 }).toContain('已登记新人员：宋晓梅，个人页 /reporters/songxiaomei/');
    // Nothing was fetched from anywhere but the editor itself.
    expect([...origins]).toEqual([new URL(edit.admin).origin]);

    const check = await runCli(runCheck, [], { cwd: ROOT, env: { JIEXUN_CONTENT: CONTENT } });
    expect(check.stderr + check.stdout).not.toMatch(/error/i);
    expect(check.code).toBe(0);

    warmCacheFrom(inject('fixtureDist'), DIST);
    const built = buildSite(CONTENT, DIST, NO_PDF);
    expect(built.status, built.stderr).toBe(0);
    const html = readFileSync(join(DIST, 'articles', id, 'index.html'), 'utf8');
    expect(html).toContain(title);
    expect(html).toMatch(/<figure[^>]*>[\s\S]*<img[^>]+alt="居民观看豫剧演出"/);
    const img = /<img[^>]+src="([^"]+)"[^>]+alt="居民观看豫剧演出"|<img[^>]+alt="居民观看豫剧演出"[^>]+src="([^"]+)"/.exec(html)!;
    expect(existsSync(join(DIST, decodeURI(img[1] ?? img[2]).split('?')[0]))).toBe(true);
    expect(html).toContain('href="/reporters/songxiaomei/"');
    expect(readFileSync(join(DIST, 'reporters/songxiaomei/index.html'), 'utf8')).toContain(title);
  });

  it('edits an existing article: only the edited field changes, the body is kept as written', async () => {
    const file = join(CONTENT, 'articles/2022/2022-10-05-hanghaixilu-hongse-wuye.md');
    const before = readFileSync(file, 'utf8');
    const page = await context.newPage();
    await page.goto(edit.admin);
    await page.getByRole('button', { name: '登录' }).click();
    await page.goto(`${edit.admin}#/collections/articles/entries/2022/2022-10-05-hanghaixilu-hongse-wuye`);
    const title = page.getByLabel('标题');
    await expect.poll(() => title.inputValue()).toBe('航海西路街道推进红色物业建设');
    await title.fill('航海西路街道全面推进红色物业建设');
    await page.getByRole('button', { name: '发布' }).click();
    await page.getByText('立即发布').click();
    await expect.poll(() => readFileSync(file, 'utf8'), { timeout: 30_000 }).not.toBe(before);
    await page.close();
    const after = readFileSync(file, 'utf8');
    const body = (text: string) => text.replace(/^---\n[\s\S]*?\n---\n/, '').trim();
    expect(body(after)).toBe(body(before));
    expect(after.replace('全面推进', '推进').replace(/\n---\n\n/, '\n---\n')).toBe(before.replace(/\n---\n\n?/, '\n---\n'));
  });

  it('edits a bulletin: articles picked from a searchable list, saved as ids one per line', async () => {
    const file = join(CONTENT, 'bulletins/2022-09-30-fixture-zhuanban.md');
    const page = await context.newPage();
    await page.goto(edit.admin);
    await page.getByRole('button', { name: '登录' }).click();
    await page.goto(`${edit.admin}#/collections/bulletins/entries/2022-09-30-fixture-zhuanban`);
    // The articles it lists are shown by date and headline.
    await expect.poll(() => page.getByText(/2022-09-08 豫剧进社区/).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await page.locator('input[id^="articles-field"]').fill('敬老');
    await page.getByRole('option', { name: /莲湖街道开展敬老志愿服务/ }).click();
    await page.getByLabel('报头').fill('莲湖街道“五星”支部创建专版');
    await page.getByRole('button', { name: '发布' }).click();
    await page.getByText('立即发布').click();
    await expect.poll(() => readFileSync(file, 'utf8'), { timeout: 30_000 }).toContain('2022-09-20-lianhu-yilao');
    await page.close();
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/\narticles:\n {2}- 2022-09-08-lianhu-yuju\n {2}- 2022-10-05-hanghaixilu-hongse-wuye\n {2}- 2022-09-20-lianhu-yilao\n/);
    expect(text).toContain('masthead: 莲湖街道“五星”支部创建专版');
    const check = await runCli(runCheck, [], { cwd: ROOT, env: { JIEXUN_CONTENT: CONTENT } });
    expect(check.code, check.stdout).toBe(0);
  });

  it('refuses a save the check rejects, says why in the editor and leaves no file behind', async () => {
    const page = await context.newPage();
    await page.goto(edit.admin);
    await page.getByRole('button', { name: '登录' }).click();
    await page.goto(`${edit.admin}#/collections/articles/new`);
    await page.getByLabel('标题').fill('汝河路街道开展平安巡逻');
    await page.locator('input[id^="street-field"]').fill('汝河路');
    await page.getByRole('option', { name: /汝河路街道/ }).click();
    // A new name in a save the check refuses is not registered either.
    const peopleBefore = readFileSync(join(CONTENT, 'people.yaml'), 'utf8');
    await page.getByLabel('记者', { exact: true }).fill('林一帆');
    await page.locator('input[type="date"]').fill('2022-09-16');
    await page.getByText('Markdown', { exact: true }).locator('xpath=preceding-sibling::*[1]').click();
    await page.locator('[contenteditable="true"]').last().click();
    await page.keyboard.insertText('![巡逻现场](./meiyou.jpg)');
    await page.getByRole('button', { name: '发布' }).click();
    await page.getByText('立即发布').click();
    // The check's own message, naming the missing photo, shown in the editor.
    await expect.poll(() => page.locator('body').innerText(), { timeout: 30_000 }).toMatch(/未保存：检查发现问题[\s\S]*meiyou\.jpg/);
    await page.close();
    expect(edit.stderr()).toMatch(/未保存：检查发现问题[\s\S]*meiyou\.jpg/);
    expect(readdirSync(join(CONTENT, 'articles/2022')).filter((f) => f.includes('ruhelu') && f.startsWith('2022-09-16'))).toEqual([]);
    expect(readFileSync(join(CONTENT, 'people.yaml'), 'utf8')).toBe(peopleBefore);
  });

  it('ships no /admin/ in the production build', () => {
    expect(existsSync(join(DIST, 'index.html'))).toBe(true);
    expect(existsSync(join(DIST, 'admin'))).toBe(false);
    expect(readdirSync(DIST).some((f) => /config\.yml|decap/.test(f))).toBe(false);
  });

  it('ships /admin/ when the site asks for it (JIEXUN_ADMIN=1)', () => {
    const out = join(WORK, 'dist-admin');
    // With the first build's cache: only /admin/ is new.
    const built = buildSite(CONTENT, out, { JIEXUN_ADMIN: '1', JIEXUN_CACHE: `${DIST}-cache`, ...NO_PDF });
    expect(built.status, built.stderr).toBe(0);
    expect(readFileSync(join(out, 'admin/index.html'), 'utf8')).toContain('rel="cms-config-url"');
    expect(existsSync(join(out, 'admin/cms.js'))).toBe(true);
    const config = parse(readFileSync(join(out, 'admin/config.yml'), 'utf8'));
    expect(config.backend).toEqual({ name: 'proxy', proxy_url: '/api/v1' });
  });
});
