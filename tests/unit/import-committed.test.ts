// Importing the three seed pages reproduces the articles committed under content/articles/
// (typed in by hand from the same pages): titles, places, bylines and body text.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listMarkdownFiles, readArticleFile } from '../../src/io/articles.ts';
import { loadRegistries } from '../../src/io/registries.ts';
import { importPage } from '../../src/lib/import/import-page.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const registries = loadRegistries(join(ROOT, 'content'));
const committed = listMarkdownFiles(join(ROOT, 'content/articles')).map((f) => readArticleFile(f, registries, ROOT));

/** The seed pages and the bulletin their committed articles belong to. */
const PAGES = [
  { seed: '000_51a244376aa11d1c.txt', bulletin: '2022-09-08-ruanshili' },
  { seed: '002_8f7c674a9f2266c7.txt', bulletin: '2022-07-20-dangjian-yinling' },
  { seed: '003_7a019c74ae60903b.txt', bulletin: '2023-05-16-zuhequan' },
];

const flat = (s: string) => s.replace(/\s+/gu, '');

describe.each(PAGES)('seed $seed', ({ seed, bulletin }) => {
  const page = importPage(readFileSync(resolve(ROOT, '../shared/seeds', seed), 'utf8'), registries);
  const theirs = committed.filter((c) => c.article?.bulletin === bulletin);

  it('gives the same stories as the committed articles of its bulletin', () => {
    for (const c of committed) expect(c.problems).toEqual([]);
    expect(page.articles.map((a) => a.title).sort()).toEqual(theirs.map((c) => c.article!.title).sort());
  });

  it('gives each story the committed place, bylines, photo credit, body text and paragraphs', () => {
    for (const a of page.articles) {
      const c = theirs.find((x) => x.article!.title === a.title)!;
      const art = c.article!;
      expect({ title: a.title, place: a.place, kicker: a.kicker, subtitle: a.subtitle, reporters: a.reporters, correspondents: a.correspondents, photo: a.photo }).toEqual({
        title: art.title, place: art.place, kicker: art.kicker ?? null, subtitle: art.subtitle ?? null, reporters: art.reporters, correspondents: art.correspondents, photo: art.photo ?? null,
      });
      expect(flat(a.body)).toBe(flat(c.body));
      expect(a.body.split('\n\n')).toHaveLength(c.body.trim().split(/\n\s*\n/).length);
      // Editors tag stars by judgement; every star the text itself names must be among them.
      for (const s of a.stars) expect(art.stars).toContain(registries.stars.resolve(s)!.id);
    }
  });
});
