// Feeds carry the newest articles only, however long the archive: a 120-article synthetic site.
import { describe, expect, it } from 'vitest';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { generateCorpus } from '../../scripts/bench/corpus.ts';
import { FEED_SIZE } from '../../src/lib/feeds.ts';
import { buildSite, ROOT } from '../helpers/build-site.ts';
import { scratchDir } from '../helpers/scratch.ts';

describe('feed size', () => {
  it(`holds the newest ${FEED_SIZE} articles of a place with more`, () => {
    const work = scratchDir('feed-size-');
    generateCorpus({ articles: 120, from: join(ROOT, 'content'), to: join(work, 'content') });
    const r = buildSite(join(work, 'content'), join(work, 'dist'));
    expect(r.status, r.stderr).toBe(0);
    for (const feed of ['rss.xml', 'streets/henan/rss.xml']) {
      const xml = readFileSync(join(work, 'dist', feed), 'utf8');
      const dates = [...xml.matchAll(/<pubDate>([^<]+)<\/pubDate>/g)].map((m) => Date.parse(m[1]));
      expect(dates, feed).toHaveLength(FEED_SIZE);
      expect([...dates].sort((a, b) => b - a), feed).toEqual(dates);
    }
    rmSync(work, { recursive: true, force: true });
  });
});
