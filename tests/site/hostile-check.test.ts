// `npm run check` and the build against content no corpus file can hold (made here, in a scratch
// folder): two symbolic links looping on their folder, a 20 MB article, a folder name that is not
// UTF-8, a .md link to /etc/passwd, a public/ link out of the project — each reported with its
// file:line within 10 s, nothing echoed raw to the terminal, nothing published.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, ROOT } from '../helpers/build-site.ts';

const ARTICLE = (extra = '', body = '本报讯 阳光花苑社区举办豫剧演出，居民品味到一场文化“大餐”。\n') =>
  `---\ntitle: 文化大餐送到家门口\nstreet: 莲湖街道\ndate: 2022-09-08\nreporter: 鲁燕\n${extra}---\n\n${body}`;

let work: string;
let content: string;
let rel: string;

beforeAll(() => {
  work = mkdtempSync(join(ROOT, '.tmp/hostile-check-'));
  content = join(work, 'content');
  rel = content.slice(ROOT.length + 1);
  mkdirSync(join(content, 'articles/2022'), { recursive: true });
  mkdirSync(join(content, 'bulletins'));
  for (const f of ['places.yaml', 'stars.yaml', 'people.yaml', 'site.yaml']) if (existsSync(join(ROOT, 'content', f))) cpSync(join(ROOT, 'content', f), join(content, f));
  const articles = join(content, 'articles');
  writeFileSync(join(articles, '2022/2022-09-08-lianhu-wenhua.md'), ARTICLE());
  symlinkSync('.', join(articles, 'a'));
  symlinkSync('.', join(articles, 'b'));
  symlinkSync('/etc/passwd', join(articles, '2022/2022-09-08-passwd.md'));
  writeFileSync(join(articles, '2022/2022-09-09-huge.md'), ARTICLE('', '本报讯 阳光花苑社区举办豫剧演出。\n\n'.repeat(400_000)));
  writeFileSync(join(articles, '2022/2022-09-10-long-name.md'), ARTICLE().replace('reporter: 鲁燕', `reporter: ${'Lu'.repeat(150)}`));
  writeFileSync(join(articles, '2022/2022-09-11-gbk.md'), Buffer.concat([Buffer.from(ARTICLE('', '')), Buffer.from([0xb1, 0xbe, 0xb1, 0xa8, 0xd1, 0xb6, 0x0a])]));
  writeFileSync(join(articles, '2022/2022-09-12-ansi.md'), ARTICLE().replace('title: 文化大餐送到家门口', 'title: "文化\\e[2J\\e[H大餐"'));
  writeFileSync(join(articles, '2022/2022-09-13-bidi.md'), ARTICLE().replace('title: 文化大餐送到家门口', 'title: 文化\u202e餐大'));
  const gbkFolder = Buffer.concat([Buffer.from(`${articles}/2022/`), Buffer.from([0xbb, 0xb5])]);
  mkdirSync(gbkFolder);
  writeFileSync(Buffer.concat([gbkFolder, Buffer.from('/2022-09-14-hidden.md')]), ARTICLE());
  writeFileSync(Buffer.concat([Buffer.from(`${articles}/2022/`), Buffer.from([0xc3, 0xfb]), Buffer.from('.md')]), ARTICLE());
  writeFileSync(Buffer.concat([Buffer.from(`${articles}/2022/`), Buffer.from([0xcd, 0xbc]), Buffer.from('.jpg')]), 'not an article: not reported');
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run check on hostile content', () => {
  it('reports the loop, the 20 MB article, the long name, the non-UTF-8 file and folder, the control characters and the link out — within 10 s', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/check.ts'), '--content', rel], { cwd: ROOT, encoding: 'utf8', timeout: 10_000 });
    expect(r.error, 'npm run check did not finish within 10 s').toBeUndefined();
    expect(r.status).toBe(1);
    const a = `${rel}/articles`;
    expect(r.stdout.trimEnd().split('\n')).toEqual([
      `${a}/2022/2022-09-08-passwd.md:1:1  expected an article file inside ${rel}, found a symbolic link to a file outside it (not read)`,
      `${a}/2022/2022-09-09-huge.md:1:1  expected a file of at most 1 MB, found 19.5 MB: split it into several articles (or raise the limit with JIEXUN_MAX_FILE_MB)`,
      `${a}/2022/2022-09-10-long-name.md:5:11  reporter: expected a name of at most 40 characters, found 300 characters: LuLuLuLuLuLuLuLuLuLuLuLuLuLuLuLuLuLuLuLu…`,
      `${a}/2022/2022-09-11-gbk.md:8:1  expected a file saved as UTF-8, found another encoding (bytes 0xB1 0xBE 0xB1 0xA8; it reads as GBK: 本报讯): save it as UTF-8 (in Notepad: 另存为 → 编码 UTF-8) and check again`,
      `${a}/2022/2022-09-12-ansi.md:2:8  title: expected text without control characters, found U+001B (escape) in 文化\\u{1B}[2J\\u{1B}[H大餐`,
      `${a}/2022/2022-09-13-bidi.md:2:8  title: expected text without bidirectional controls (they turn text around on screen), found U+202E (right-to-left override) in 文化\\u{202E}餐大`,
      `${a}/2022/\\xBB\\xB5:1:1  expected a file or folder name in UTF-8, found a name in another encoding (saved on a GBK system?): rename it, or what it holds is left out`,
      `${a}/2022/\\xC3\\xFB.md:1:1  expected a file or folder name in UTF-8, found a name in another encoding (saved on a GBK system?): rename it, or what it holds is left out`,
      `${a}/a:1:1  expected a folder, found a symbolic link to a folder (links are not followed: they can loop); move the files here instead`,
      `${a}/b:1:1  expected a folder, found a symbolic link to a folder (links are not followed: they can loop); move the files here instead`,
      'checked 6 articles, 0 bulletins and 3 registry files: 10 errors',
    ]);
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F\u202E\uFFFD]/);
    expect(r.stdout).not.toContain('root:x:0:0');
  });

  it('does not read a link to /etc/passwd named on the command line either', () => {
    const link = `${rel}/articles/2022/2022-09-08-passwd.md`;
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/check.ts'), '--content', rel, link], { cwd: ROOT, encoding: 'utf8', timeout: 10_000 });
    expect(r.stdout.trimEnd().split('\n')).toEqual([
      `${link}:1:1  expected a file inside the project or the content folder, found a symbolic link to a file outside them (not read)`,
      'checked 1 article, 0 bulletins and 3 registry files: 1 error',
    ]);
  });

  it('does not read a registry file that links out of the project', () => {
    const dir = join(work, 'linked-registry');
    mkdirSync(dir);
    for (const f of ['stars.yaml', 'site.yaml']) cpSync(join(ROOT, 'content', f), join(dir, f));
    symlinkSync('/etc/passwd', join(dir, 'places.yaml'));
    const shown = dir.slice(ROOT.length + 1);
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/check.ts'), '--content', shown], { cwd: ROOT, encoding: 'utf8', timeout: 10_000 });
    expect(r.stdout.trimEnd().split('\n')).toEqual([
      `${shown}/places.yaml:1:1  expected a file inside the project or the content folder, found a symbolic link to a file outside them (not read)`,
      'checked 2 registry files: 1 error; articles and bulletins are checked once the registry files are fixed',
    ]);
  });

  it('stops the build on the same problems, publishing nothing, and on a public/ link out of the project', () => {
    // The build checks public/ of the project it builds: link a file out of it, for this build only.
    const leak = join(ROOT, 'public/leak-hostile-check.txt');
    symlinkSync('/etc/hostname', leak);
    try {
      const out = join(work, 'dist');
      const r = buildSite(content, out);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('public/leak-hostile-check.txt:1:1  expected a file inside the project to publish, found a symbolic link to a file outside it (it would be copied into the site)');
      expect(r.stderr).toContain(`${rel}/articles/2022/2022-09-10-long-name.md:5:11  reporter: expected a name of at most 40 characters`);
      expect(r.stderr).not.toContain('ENAMETOOLONG');
      expect(r.stderr).not.toMatch(/[\u001B\u202E\uFFFD]/);
      expect(existsSync(out)).toBe(false);
    } finally {
      rmSync(leak, { force: true });
    }
  });

  it('builds the same content once its problems are gone', () => {
    for (const f of ['2022/2022-09-08-passwd.md', '2022/2022-09-09-huge.md', '2022/2022-09-10-long-name.md', '2022/2022-09-11-gbk.md', '2022/2022-09-12-ansi.md', '2022/2022-09-13-bidi.md', 'a', 'b']) rmSync(join(content, 'articles', f), { recursive: true, force: true });
    for (const name of [[0xbb, 0xb5], [0xc3, 0xfb, 0x2e, 0x6d, 0x64]]) rmSync(Buffer.concat([Buffer.from(`${content}/articles/2022/`), Buffer.from(name)]), { recursive: true, force: true });
    const out = join(work, 'dist');
    const r = buildSite(content, out);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(out, 'articles/2022-09-08-lianhu-wenhua/index.html'), 'utf8')).toContain('文化大餐送到家门口');
    expect(readFileSync(join(out, 'articles/2022-09-08-lianhu-wenhua/index.html'), 'utf8')).not.toContain('\uFFFD');
  });
});
