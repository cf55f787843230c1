// A misspelt place fails the build with the file, the field, the bad value and the closest
// names — whether the content check or Astro's loader meets it first — and dist/ stays as it was.
import { describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, FIXTURE_CONTENT, ROOT } from '../helpers/build-site.ts';
import { scratchDir } from '../helpers/scratch.ts';

function badContent(): string {
  const dir = scratchDir('bad-content-');
  cpSync(FIXTURE_CONTENT, dir, { recursive: true });
  const file = join(dir, 'articles/2022/2022-09-08-lianhu-yuju.md');
  writeFileSync(file, readFileSync(file, 'utf8').replace('street: 莲湖街道', 'street: 莲胡街道').replace('star: 支部过硬星', 'star: 支部过应星'));
  return dir;
}

describe('a build with a bad article', () => {
  for (const skipCheck of [false, true]) {
    it(`fails with the editor's message and leaves dist/ untouched${skipCheck ? ' (loader only)' : ''}`, () => {
      const content = badContent();
      const out = join(content, 'dist');
      mkdirSync(out);
      writeFileSync(join(out, 'index.html'), 'previous build');
      const r = buildSite(content, out, skipCheck ? { JIEXUN_BUILD_FLAGS: '--skip-check' } : {});
      expect(r.status).toBe(1);
      const rel = `${content.slice(ROOT.length + 1)}/articles/2022/2022-09-08-lianhu-yuju.md`;
      expect(r.stderr).toContain(`${rel}:4:9  street: expected a place from content/places.yaml (name or alias), found 莲胡街道 (did you mean 莲湖街道?)`);
      expect(r.stderr).toContain(`${rel}:5:7  star: expected a star from content/stars.yaml, found 支部过应星 (did you mean 支部过硬星?)`);
      expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('previous build');
      expect(readdirSync(content).filter((f) => f.includes('.building-'))).toEqual([]);
      rmSync(content, { recursive: true, force: true });
    });
  }
});

describe('a build with no published article', () => {
  it('fails saying so, instead of publishing an empty search index', () => {
    const content = scratchDir('drafts-only-');
    cpSync(FIXTURE_CONTENT, content, { recursive: true });
    rmSync(join(content, 'bulletins'), { recursive: true });
    const articles = join(content, 'articles');
    for (const f of readdirSync(articles, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'))) {
      const file = join(articles, f);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^(bulletin|draft): .*\n/gm, '').replace(/^---\n/, '---\ndraft: true\n'));
    }
    const out = join(content, 'dist');
    const r = buildSite(content, out);
    expect(r.status).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/search index: .*search-articles\.json: expected at least one published article to index, found none/);
    expect(readdirSync(content)).not.toContain('dist');
    rmSync(content, { recursive: true, force: true });
  });
});
