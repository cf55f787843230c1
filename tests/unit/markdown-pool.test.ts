// The worker-thread renderer large archives use (src/loaders/markdown-pool.ts) must give exactly
// what the loader context's renderMarkdown() gives: the configured processor's renderer.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { unified } from '@astrojs/markdown-remark';
import { listMarkdownFiles } from '../../src/io/articles.ts';
import { parseMarkdown } from '../../src/io/frontmatter.ts';
import { createMarkdownPool } from '../../src/loaders/markdown-pool.ts';
import { markdownOptions, MARKDOWN_SYNTAX_HIGHLIGHT } from '../../src/markdown/options.ts';

const files = ['tests/fixtures/site/content/articles', 'content/articles'].flatMap((d) => listMarkdownFiles(join(import.meta.dirname, '../..', d)));
const pool = createMarkdownPool(2);
afterAll(() => pool.close());

describe('Markdown rendered on worker threads', () => {
  it('matches the in-process renderer, HTML and metadata, for every fixture and committed article', async () => {
    expect(files.length).toBeGreaterThan(20);
    const local = await unified(markdownOptions).createRenderer({ syntaxHighlight: MARKDOWN_SYNTAX_HIGHLIGHT });
    const bodies = files.map((f) => parseMarkdown(f, readFileSync(f, 'utf8')).body);
    const pooled = await Promise.all(files.map((f, i) => pool.render(bodies[i], pathToFileURL(f))));
    for (const [i, f] of files.entries()) {
      const { code, metadata } = await local.render(bodies[i], { frontmatter: {}, fileURL: pathToFileURL(f) });
      expect(pooled[i].html, f).toBe(code);
      expect(pooled[i].metadata, f).toMatchObject(JSON.parse(JSON.stringify(metadata)));
    }
  });

  it('renders raw HTML through the sanitiser there too', async () => {
    const r = await pool.render('段落<script>alert(1)</script><img src="/x.png" alt="图" onerror="x()">', pathToFileURL('/tmp/x.md'));
    expect(r.html).toBe('<p>段落<img src="/x.png" alt="图"></p>');
  });
});
