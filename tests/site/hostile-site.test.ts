// The hostile-article fixture (tests/fixtures/hostile/content) built for real: every feed item's
// description, once XML-decoded, is HTML a feed reader renders — parsed here with parse5 (the
// parser browsers follow) it holds no script, no event handler and no javascript: URL; og and meta
// descriptions carry the same plain text; raw-HTML ids never take one of the page's own ids.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { parse, parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, ROOT } from '../helpers/build-site.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const CONTENT = join(ROOT, 'tests/fixtures/hostile/content');
const OUT = join(ROOT, '.tmp/test-hostile-dist');

beforeAll(() => {
  const r = buildSite(CONTENT, OUT);
  if (r.status !== 0) throw new Error(`building the hostile fixture failed:\n${r.stdout}\n${r.stderr}`);
});
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

function elements(node: Node, out: Element[] = []): Element[] {
  if ('tagName' in node) out.push(node);
  const kids = 'content' in node && node.content ? node.content.childNodes : 'childNodes' in node ? node.childNodes : [];
  for (const k of kids) elements(k, out);
  return out;
}

function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}

/** What would run if this HTML were rendered: script elements, on* handlers, javascript: URLs. */
function executable(html: string): string[] {
  const found: string[] = [];
  for (const e of elements(parseFragment(html))) {
    if (['script', 'iframe', 'object', 'embed'].includes(e.tagName)) found.push(`<${e.tagName}>`);
    for (const a of e.attrs) {
      if (/^on/i.test(a.name)) found.push(`${e.tagName}[${a.name}]`);
      if (/^\s*(javascript|vbscript|data):/i.test(a.value.replace(/[\u0000-\u0020]/g, ''))) found.push(`${e.tagName}[${a.name}=${a.value}]`);
    }
  }
  return found;
}

const xml = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => name === 'item' });

function feedFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => f.endsWith('.xml') && !f.startsWith('sitemap'));
}

interface Item { title: string; link: string; description?: string }

function items(file: string): Item[] {
  const doc = xml.parse(readFileSync(join(OUT, file), 'utf8')) as { rss: { channel: { item?: Item[] } } };
  return doc.rss.channel.item ?? [];
}

const PAYLOAD_TEXT = '本报讯阳光花苑社区举办豫剧演出，居民品味到一场文化“大餐”。<b>';

describe('feeds of the hostile fixture', () => {
  it('hold no executable HTML in any item once decoded, in every feed (site, streets, stars, bulletins)', () => {
    const files = feedFiles(OUT);
    expect(files).toEqual(expect.arrayContaining(['rss.xml', 'bulletins/rss.xml', 'streets/lianhu/rss.xml', 'stars/zhibu-guoying/rss.xml']));
    let described = 0;
    for (const f of files) {
      for (const item of items(f)) {
        if (item.description === undefined) continue;
        described++;
        expect(executable(item.description), `${f}: ${item.link}`).toEqual([]);
      }
    }
    expect(described).toBeGreaterThanOrEqual(8);
  });

  it('describe items with the text a reader sees: a first paragraph sanitised, a summary field as written', () => {
    const byLink = new Map(items('rss.xml').map((i) => [i.link.replace(/^.*\/articles\/|\/$/g, ''), i]));
    const text = (id: string) => textOf(parseFragment(byLink.get(id)!.description!));
    expect(text('2022-09-08-lianhu-payload')).toBe(PAYLOAD_TEXT);
    expect(text('2022-09-09-lianhu-summary')).toBe("安全宣传</description><script>window.__xss='summary'</script><img src=x onerror=alert(1)><a href='javascript:alert(2)'>看</a>");
    expect(text('2022-09-10-lianhu-entities')).toBe('本报讯 <img src=x onerror=alert(1)> 与 <script>alert(3)</script> 只是文字。');
    const note = items('bulletins/rss.xml')[0].description!;
    expect(textOf(parseFragment(note))).toBe('编者按：本版刊发莲湖街道的报道，详见各篇。');
  });
});

function meta(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of elements(parse(html))) {
    if (e.tagName !== 'meta') continue;
    const key = e.attrs.find((a) => a.name === 'name' || a.name === 'property')?.value;
    const content = e.attrs.find((a) => a.name === 'content')?.value;
    if (key && content !== undefined) out[key] = content;
  }
  return out;
}

describe('pages of the hostile fixture', () => {
  const html = (path: string) => readFileSync(join(OUT, path, 'index.html'), 'utf8');

  it('give og and meta descriptions the same plain text as the feeds', () => {
    const m = meta(html('articles/2022-09-08-lianhu-payload'));
    expect(m.description).toBe(PAYLOAD_TEXT);
    expect(m['og:description']).toBe(PAYLOAD_TEXT);
    expect(meta(html('bulletins/2022-09-30-hostile-zhuanban')).description).toBe('编者按：本版刊发莲湖街道的报道，详见各篇。');
  });

  it('prefix ids written in raw HTML, so no article takes an id of the page', () => {
    const ids = (path: string) => elements(parse(html(path))).flatMap((e) => e.attrs.filter((a) => a.name === 'id').map((a) => [a.value, e.tagName]));
    const article = ids('articles/2022-09-08-lianhu-payload');
    expect(article.filter(([id]) => id === 'main')).toEqual([['main', 'main']]);
    expect(article.filter(([id]) => id === 'site-q')).toEqual([['site-q', 'input']]);
    expect(article).toEqual(expect.arrayContaining([['user-content-main', 'h2'], ['user-content-site-q', 'p']]));
    // The Markdown heading "## main" takes neither the page's id nor the raw heading's.
    expect(article.filter(([, tag]) => tag === 'h2').map(([id]) => id)).toEqual(['user-content-main', 'main-1']);
    for (const path of ['articles/2022-09-08-lianhu-payload', 'bulletins/2022-09-30-hostile-zhuanban', '']) {
      const all = ids(path).map(([id]) => id);
      expect(all.filter((id, i) => all.indexOf(id) !== i), path).toEqual([]);
    }
  });
});
