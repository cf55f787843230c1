// Article ids never take the page's: the list of page ids is complete (every literal id in the
// layouts, pages and components), and the Markdown pipeline prefixes what would collide.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { markdownOptions } from '../../src/markdown/options.ts';
import { isPageId, PAGE_IDS } from '../../src/markdown/page-ids.ts';

const SRC = resolve(import.meta.dirname, '../../src');

describe('page ids', () => {
  it('lists every literal id the .astro files give their elements', () => {
    const astro = (readdirSync(SRC, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => f.endsWith('.astro'));
    const literal = new Set(astro.flatMap((f) => [...readFileSync(join(SRC, f), 'utf8').matchAll(/\sid="([^"{}]+)"/g)].map((m) => m[1])));
    expect(literal.size).toBeGreaterThan(5);
    expect([...literal].filter((id) => !PAGE_IDS.has(id))).toEqual([]);
  });

  it('covers the ids made from data: years, places on a star page, articles in a bulletin', () => {
    for (const id of ['y2022', 'p-lianhu', 'a-2022-09-08-lianhu-yuju', 'main', 'toc']) expect(isPageId(id), id).toBe(true);
    for (const id of ['议事会凝聚合力', 'main-1', 'yi-shi-hui']) expect(isPageId(id), id).toBe(false);
  });
});

describe('ids in articles', () => {
  const render = async (md: string) => (await (await createMarkdownProcessor({ syntaxHighlight: false, ...markdownOptions })).render(md)).code;

  it('prefix raw-HTML ids and names, and point in-article links at them', async () => {
    const html = await render('<h2 id="main">甲</h2>\n\n<p id="toc" name="site-q">乙</p>\n\n[看](#toc)\n');
    expect(html).toContain('<h2 id="user-content-main">甲</h2>');
    expect(html).toContain('id="user-content-toc"');
    expect(html).toContain('<a href="#user-content-toc">看</a>');
    expect(html).not.toMatch(/\sid="(main|toc)"/);
    const named = await render('<a name="sec"></a>甲\n\n[回](#sec)\n');
    expect(named).toContain('name="user-content-sec"');
    expect(named).toContain('<a href="#user-content-sec">回</a>');
  });

  it('give Markdown headings their usual slugs, prefixed only where a page id or a taken id would collide', async () => {
    const html = await render('## 议事会凝聚合力\n\n## main\n\n## y2023\n\n## 议事会凝聚合力\n');
    expect([...html.matchAll(/id="([^"]+)"/g)].map((m) => m[1])).toEqual(['议事会凝聚合力', 'user-content-main', 'user-content-y2023', '议事会凝聚合力-1']);
  });

  it('keep footnotes working: one prefix on their ids, links that match', async () => {
    const html = await render('正文[^1]\n\n[^1]: 注释\n');
    expect(html).toContain('href="#user-content-fn-1"');
    expect(html).toContain('id="user-content-fn-1"');
    expect(html).not.toContain('user-content-user-content');
  });
});
