// Two builds of other content at once in one checkout, each with its own cache folder: one with a
// photo, writing inside the project, one without, writing to /tmp. Each has its own Astro root
// (src/io/astro-root.ts), so neither imports the other's photos nor loses its own, and neither
// writes Astro's server chunks where the other does.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePhoto } from '../../scripts/bench/photos.ts';
import { buildSiteAsync, FIXTURE_CONTENT, NO_PDF, ROOT, type BuildResult } from '../helpers/build-site.ts';

const ARTICLE = 'articles/2022-09-08-lianhu-yuju/index.html';
const MD = 'articles/2022/2022-09-08-lianhu-yuju.md';
let withPhoto: string;
let without: string;
let builds: BuildResult[];
const webp = (dist: string) => readdirSync(join(dist, '_astro')).filter((f) => f.endsWith('.webp'));

beforeAll(async () => {
  withPhoto = mkdtempSync(join(ROOT, '.tmp/side-photo-'));
  without = mkdtempSync(join(tmpdir(), 'jiexun-side-plain-'));
  for (const work of [withPhoto, without]) cpSync(FIXTURE_CONTENT, join(work, 'content'), { recursive: true });
  await makePhoto(join(withPhoto, 'content/articles/2022/yuju.jpg'), { width: 1200, height: 800, seed: 3 });
  const md = join(withPhoto, 'content', MD);
  writeFileSync(md, `${readFileSync(md, 'utf8').trimEnd()}\n\n![居民观看豫剧演出](./yuju.jpg)\n`);
  builds = await Promise.all([withPhoto, without].map((work) => buildSiteAsync(join(work, 'content'), join(work, 'dist'), NO_PDF)));
}, 300_000);
afterAll(() => {
  // Each build's cache (<dist>-cache) is inside its folder.
  for (const work of [withPhoto, without]) if (work) rmSync(work, { recursive: true, force: true });
});

describe('two builds at once', () => {
  it('both succeed', () => {
    for (const b of builds) expect(b.status, `${b.stdout}\n${b.stderr}`).toBe(0);
  });

  it('the one with the photo shows it, from files of its own output', () => {
    const html = readFileSync(join(withPhoto, 'dist', ARTICLE), 'utf8');
    const src = /<figure class="photo">[\s\S]*?<img[^>]*\ssrc="([^"]+)"/.exec(html)?.[1];
    expect(src).toMatch(/^\/_astro\/.+\.jpg$/);
    expect(existsSync(join(withPhoto, 'dist', decodeURI(src!)))).toBe(true);
    expect(webp(join(withPhoto, 'dist')).length).toBeGreaterThan(0);
  });

  it('the one without has no photo and no rendition of the other\'s', () => {
    const html = readFileSync(join(without, 'dist', ARTICLE), 'utf8');
    expect(html).not.toContain('<figure class="photo">');
    expect(webp(join(without, 'dist'))).toEqual([]);
  });

  it('leaves no server chunks in the project\'s own .astro/', () => {
    expect(existsSync(join(ROOT, '.astro/.prerender'))).toBe(false);
  });
});
