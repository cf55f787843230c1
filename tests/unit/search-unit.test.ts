// The pure parts of search: token coding (and the exactness it guarantees), reading article HTML,
// records, catalog, facets, excerpts, URL state.
import { describe, expect, it } from 'vitest';
import { charCode, decodeTokens, encodeTokens, isCharCode, MAX_CODE_POINT, pairCode, SEPARATOR, wordTokens } from '../../src/search/shared/char-tokens.ts';
import { normalizeText, queryTerms } from '../../src/search/shared/normalize.ts';
import { decodeEntities, scanHtml } from '../../src/search/build/html-scan.ts';
import { ArticleHtmlError, readArticleHtml } from '../../src/search/build/article-html.ts';
import { buildSearchRecord, RecordError } from '../../src/search/build/record.ts';
import { indexCatalog, mergeCatalogs, parseCatalog, CatalogError, type Catalog } from '../../src/search/shared/catalog.ts';
import { countFacets } from '../../src/search/client/facet-counts.ts';
import { emptyFacetValues, type FacetValues } from '../../src/search/shared/facet-keys.ts';
import { buildExcerpt, occurrences } from '../../src/search/client/excerpt.ts';
import { paramsFromState, stateFromParams } from '../../src/search/client/url-state.ts';
import { planQuery } from '../../src/search/client/query-plan.ts';
import { createPlaceRegistry } from '../../src/lib/places.ts';
import { createStarRegistry } from '../../src/lib/stars.ts';
import { createPeopleRegistry } from '../../src/lib/people.ts';
import { NO_FOLDING } from '../../src/search/shared/fold-table.ts';
import { t2sTable } from '../../src/search/build/t2s-table.ts';

/**
 * Pagefind's two lookups, over one text's published index words (a pair for every character: with
 * the next character, or with the separator before a space or at the end; see pair-postings.ts):
 * a quoted phrase (consecutive exact words) and a prefix (a character's token is a prefix of its pairs).
 */
function simulate(text: string) {
  const at = new Map<string, number[]>();
  const tokens = encodeTokens(text);
  tokens.forEach((t, i) => {
    if (!isCharCode(t)) return;
    const pair = pairCode(t, isCharCode(tokens[i + 1] ?? '') ? tokens[i + 1] : SEPARATOR);
    at.set(pair, [...(at.get(pair) ?? []), i]);
  });
  return (word: string): boolean => {
    const tokens = wordTokens(word);
    const phrase = [...word].length > 1;
    if (!phrase) return [...at.keys()].some((k) => k.startsWith(tokens[0]));
    return (at.get(tokens[0]) ?? []).some((p) => tokens.every((t, k) => (at.get(t) ?? []).includes(p + k)));
  };
}

describe('character tokens', () => {
  it('codes every character in four lowercase letters, scrambled, and refuses what has no code', () => {
    expect(charCode('莲')).toMatch(/^[a-z]{4}$/);
    expect(charCode('𠀀')).toMatch(/^[a-z]{4}$/);
    // Neighbouring characters get unrelated codes (see char-tokens.ts: gzip's match chains).
    expect(charCode('莲').slice(0, 2)).not.toBe(charCode('莳').slice(0, 2));
    expect(SEPARATOR).toMatch(/^[a-z]{4}$/);
    expect(() => charCode(String.fromCodePoint(MAX_CODE_POINT + 1))).toThrow(/cannot be encoded/);
  });

  it('gives distinct characters distinct codes, none of them the separator', () => {
    const seen = new Set<string>([SEPARATOR]);
    for (let cp = 0; cp <= MAX_CODE_POINT; cp += 7) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const code = charCode(String.fromCodePoint(cp));
      expect(seen.has(code), `U+${cp.toString(16)}`).toBe(false);
      seen.add(code);
    }
  });

  it('writes one token per character, a separator for each space, and decodes back to the text', () => {
    const text = '莲湖街道 网格化，H2O 𠀀字 “五星”';
    const tokens = encodeTokens(text);
    expect(tokens).toHaveLength([...text].length);
    expect(tokens[0]).toBe(charCode('莲'));
    expect(tokens[4]).toBe(SEPARATOR);
    expect(decodeTokens(tokens)).toBe(text);
    expect(() => decodeTokens(['abc'])).toThrow(/expected a search token/);
  });

  it('asks for a chain of character pairs, one pair, or one character alone', () => {
    expect(wordTokens('网格化')).toEqual([charCode('网') + charCode('格'), charCode('格') + charCode('化')]);
    expect(wordTokens('网格')).toEqual([charCode('网') + charCode('格')]);
    expect(wordTokens('网')).toEqual([charCode('网')]);
  });

  it('finds a word exactly when the text contains it (all substrings and non-substrings of sample texts)', () => {
    const texts = ['鲁燕 记者 鲁燕燕 燕鲁之间', '网格化管理，网格员；格化 网格 化', '“五星”支部 H2O h2o 2022年9月3日', '哈哈哈哈 哈 哈哈'];
    for (const text of texts) {
      const has = simulate(text);
      const chars = [...text];
      for (let i = 0; i < chars.length; i++) {
        for (let n = 1; n <= 6 && i + n <= chars.length; n++) {
          const w = chars.slice(i, i + n).join('');
          if (w.includes(' ')) continue;
          expect(has(w), `${w} in ${text}`).toBe(true);
          const reversed = [...w].reverse().join('');
          expect(has(reversed), `${reversed} in ${text}`).toBe(text.includes(reversed));
        }
      }
      for (const absent of ['燕鲁燕', '网格化员', '五星支部', 'H2o', '哈哈 哈哈', '格网']) {
        if (!absent.includes(' ')) expect(has(absent), `${absent} in ${text}`).toBe(text.includes(absent));
      }
    }
  });

  it('matches random words against random texts exactly as String.includes does', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const letters = [...'莲湖街道网格化鲁燕，。a1'];
    const alphabet = [...letters, ' '];
    for (let round = 0; round < 300; round++) {
      const text = normalizeText(Array.from({ length: 40 }, () => alphabet[rnd(alphabet.length)]).join(''));
      const has = simulate(text);
      for (let k = 0; k < 20; k++) {
        const w = Array.from({ length: 1 + rnd(4) }, () => letters[rnd(letters.length)]).join('');
        expect(has(w), `${w} in ${text}`).toBe(text.includes(w));
      }
    }
  });
});

describe('normalizeText', () => {
  it('collapses whitespace (ideographic spaces and line breaks too) and drops zero-width characters', () => {
    expect(normalizeText('\u3000\u3000本报讯\n 莲湖\u200b街道  ')).toBe('本报讯 莲湖街道');
    expect(normalizeText('e\u0301')).toBe('é');
    expect(normalizeText(`字${String.fromCodePoint(0xe0101)}`)).toBe('字');
  });
  it('splits a query into distinct words', () => {
    expect(queryTerms(' 莲湖　网格化 莲湖 ', NO_FOLDING).map((t) => t.word)).toEqual(['莲湖', '网格化']);
  });
});

describe('planQuery', () => {
  it('tells empty, one-character and word queries apart', () => {
    expect(planQuery('  ', NO_FOLDING)).toEqual({ kind: 'none' });
    expect(planQuery('网', NO_FOLDING)).toEqual({ kind: 'short', text: '网' });
    expect(planQuery('网 格', NO_FOLDING)).toEqual({ kind: 'short', text: '网 格' });
    const plan = planQuery('莲湖 网', NO_FOLDING);
    expect(plan.kind).toBe('words');
    if (plan.kind !== 'words') return;
    expect(plan.words.map((w) => w.word)).toEqual(['莲湖', '网']);
    expect(plan.words[0].query).toBe(`"${charCode('莲')}${charCode('湖')}"`);
    expect(plan.words[1].query).toBe(charCode('网'));
  });
});

const page = (article: string, extra = '') => `<!doctype html><html lang="zh-CN"><head><title>t</title><script>var x = "<article data-pagefind-body>";</script></head>
<body><header class="masthead"><a href="/">街讯</a></header><main>${article}</main><footer>页脚</footer>${extra}</body></html>`;

const ARTICLE = `<article class="article" data-pagefind-body data-date="2022-09-08" data-place="lianhu" data-stars="zhibu-guoying" data-reporters="[[&quot;luyan&quot;,&quot;鲁燕&quot;]]">
<header class="headline"><p class="kicker">莲湖街道阳光花苑社区</p><h1>豫剧进社区 居民享&ldquo;文化大餐&rdquo;&lt;script&gt;</h1><p class="subtitle">——副题</p>
<div class="meta"><span class="byline">记者 <a href="/reporters/luyan/">鲁燕</a> 通讯员 <a>魏少杰</a></span><time datetime="2022-09-08">2022年9月8日</time>
<nav class="crumbs"><ol><li><a>郑州市</a></li><li><a>中原区</a></li><li><a>莲湖街道</a></li></ol></nav></div>
<ul class="badges"><li><a class="badge">支部过硬星</a></li></ul></header>
<div class="prose"><p>本报讯 社区推行<strong>网格</strong>化管理，H<sub>2</sub>O。<!-- 注释 --></p><p>第二段<br>换行<img src="x.png" alt="图">之后&#x3C;b&#x3E;</p><script>ignored()</script></div>
<footer class="article-foot" data-pagefind-ignore><p>来源：本报专版</p><section><h2>相关报道</h2><p>别的标题</p></section></footer>
</article>`;

describe('reading article HTML', () => {
  it('decodes character references', () => {
    expect(decodeEntities('&lt;a&gt; &amp;amp; &#x4E2D;&#25991; &nbsp;&unknown;')).toBe('<a> &amp; 中文 \u00a0&unknown;');
  });

  it('tokenizes tags, attributes and text, skipping comments and script contents', () => {
    const events = [...scanHtml('<p class="a" data-x=\'1>2\' hidden>t<!-- c --><br/><script>1<2</script>u</p>')];
    expect(events.map((e) => e.type)).toEqual(['start', 'text', 'start', 'start', 'end', 'text', 'end']);
    const first = events[0];
    expect(first.type === 'start' && [...first.attrs]).toEqual([['class', 'a'], ['data-x', '1>2'], ['hidden', '']]);
  });

  it('reads the headline fields and the body text, without the ignored footer', () => {
    const a = readArticleHtml(page(ARTICLE), 'x.html', t2sTable());
    expect(a.attrs.get('data-place')).toBe('lianhu');
    expect(a.attrs.get('data-reporters')).toBe('[["luyan","鲁燕"]]');
    expect(a.text).toBe(
      '莲湖街道阳光花苑社区\n豫剧进社区 居民享“文化大餐”<script>\n——副题\n记者\n鲁燕\n通讯员\n魏少杰\n2022年9月8日\n郑州市\n中原区\n莲湖街道\n支部过硬星\n' +
        '本报讯 社区推行网格化管理，H2O。\n第二段\n换行\n之后<b>',
    );
    // As matched: each line folded (no punctuation, spaces beside Chinese dropped), lines apart.
    expect(a.folded).toBe('莲湖街道阳光花苑社区 豫剧进社区居民享文化大餐script 副题 记者 鲁燕 通讯员 魏少杰 2022年9月8日 郑州市 中原区 莲湖街道 支部过硬星 本报讯社区推行网格化管理h2o 第二段 换行 之后b');
    expect(a.text.slice(a.title[0], a.title[1])).toBe('豫剧进社区 居民享“文化大餐”<script>');
    expect(a.text.slice(0, a.headEnd)).toMatch(/支部过硬星$/);
    expect(a.text).not.toContain('相关报道');
    expect(a.text).not.toContain('页脚');
  });

  it('says what is missing', () => {
    expect(() => readArticleHtml(page('<p>x</p>'), 'a/index.html', NO_FOLDING)).toThrow(ArticleHtmlError);
    expect(() => readArticleHtml(page('<p>x</p>'), 'a/index.html', NO_FOLDING)).toThrow('a/index.html: expected an element with data-pagefind-body (the article), found none');
    expect(() => readArticleHtml(page('<article data-pagefind-body><header><p>x</p></header></article>'), 'b.html', NO_FOLDING)).toThrow("b.html: expected an <h1> in the article's <header>");
    expect(() => readArticleHtml('<article data-pagefind-body><header><h1>t</h1></header>', 'c.html', NO_FOLDING)).toThrow('c.html: expected the data-pagefind-body element to be closed');
  });
});

const places = createPlaceRegistry([
  { id: 'henan', name: '河南省', level: 'province' },
  { id: 'zhengzhou', name: '郑州市', level: 'city', parent: 'henan' },
  { id: 'zhongyuan', name: '中原区', level: 'district', parent: 'zhengzhou' },
  { id: 'lianhu', name: '莲湖街道', level: 'street', parent: 'zhongyuan', aliases: ['莲湖', '老莲'] },
]);
const stars = createStarRegistry([{ id: 'zhibu-guoying', name: '支部过硬星', sets: ['community'], description: '', colour: '#000' }]);
const registries = { places, stars, people: createPeopleRegistry([]) };

describe('search records', () => {
  it('builds the Pagefind record and the catalog facts from the page', () => {
    const a = readArticleHtml(page(ARTICLE), 'x.html', t2sTable());
    const r = buildSearchRecord(a, '/articles/x/', 'x.html', registries, t2sTable());
    expect(r.record.language).toBe('und');
    // Facets and date order come from the catalog: Pagefind gets no filters or sorts to merge.
    expect(r.record.filters).toBeUndefined();
    expect(r.record.sort).toBeUndefined();
    expect(r.record.meta).toEqual({ title: `${a.title[0]},${a.title[1]}`, head: String(a.headEnd) });
    expect(Object.values(r.record.meta!).join('')).toMatch(/^[\d,]+$/);
    // 莲湖 is in the text already; the alias 老莲 is not, so it is appended to be findable.
    expect(decodeTokens(r.record.content.split(' '))).toBe(`${a.folded} 老莲`);
    expect(r.shown).toBe(a.text);
    expect(r.facts).toEqual({ url: '/articles/x/', date: '2022-09-08', place: 'lianhu', stars: ['zhibu-guoying'], people: [{ id: 'luyan', name: '鲁燕' }] });
    expect(r.lineage.map((p) => p.id)).toEqual(['zhengzhou', 'zhongyuan', 'lianhu']);
  });

  it('names the file, attribute, expectation and finding on bad attributes', () => {
    const bad = (from: string, to: string) => () => buildSearchRecord(readArticleHtml(page(ARTICLE.replace(from, to)), 'p.html', NO_FOLDING), '/p/', 'p.html', registries, NO_FOLDING);
    expect(bad('data-place="lianhu"', 'data-place="nowhere"')).toThrow('p.html: <article> attribute data-place: expected a place id from places.yaml, found "nowhere"');
    expect(bad('data-date="2022-09-08"', 'data-date="9月8日"')).toThrow('p.html: <article> attribute data-date: expected a date YYYY-MM-DD, found "9月8日"');
    expect(bad('data-stars="zhibu-guoying"', 'data-stars="xx"')).toThrow(/data-stars: expected star ids from stars.yaml, found "xx"/);
    expect(bad('data-reporters="[[&quot;luyan&quot;,&quot;鲁燕&quot;]]"', 'data-reporters="鲁燕"')).toThrow(/data-reporters: expected a JSON list of \[id, name\] pairs, found "鲁燕"/);
    expect(bad(' data-date="2022-09-08"', '')).toThrow(RecordError);
  });
});

const catalog: Catalog = {
  version: 2,
  places: [
    { id: 'zhengzhou', name: '郑州市', level: 'city', parent: 'henan' },
    { id: 'zhongyuan', name: '中原区', level: 'district', parent: 'zhengzhou' },
    { id: 'lianhu', name: '莲湖街道', level: 'street', parent: 'zhongyuan' },
    { id: 'liuhu', name: '柳湖街道', level: 'street', parent: 'zhongyuan' },
  ],
  stars: [{ id: 's1', name: '支部过硬星' }],
  people: [{ id: 'luyan', name: '鲁燕' }],
  pages: [
    ['und_a', '2022-09-08', 'lianhu', ['s1'], ['luyan']],
    ['und_b', '2023-01-10', 'zhongyuan', [], ['luyan']],
  ],
};

describe('search catalog', () => {
  it('gives each page its street, district, city, stars, people and year', () => {
    const c = indexCatalog(parseCatalog(JSON.parse(JSON.stringify(catalog)), 'c.json'));
    expect(c.facets(c.page('und_a')!)).toEqual({ street: ['lianhu'], district: ['zhongyuan'], city: ['zhengzhou'], star: ['s1'], reporter: ['luyan'], year: ['2022'] });
    expect(c.facets(c.page('und_b')!)).toEqual({ street: [], district: ['zhongyuan'], city: ['zhengzhou'], star: [], reporter: ['luyan'], year: ['2023'] });
    expect(c.name('place', 'lianhu')).toBe('莲湖街道');
    expect(c.name('reporter', 'nobody')).toBe('nobody');
  });
  it('merges shards', () => {
    const other: Catalog = { ...catalog, places: [catalog.places[0]], people: [{ id: 'luyan', name: '鲁燕' }, { id: 'x', name: 'X' }], pages: [['und_c', '2021-01-01', 'zhengzhou', [], ['x']]] };
    const m = mergeCatalogs([catalog, other]);
    expect(m.pages.map((p) => p[0])).toEqual(['und_a', 'und_b', 'und_c']);
    expect(m.people.map((p) => p.id)).toEqual(['luyan', 'x']);
    expect(m.places).toHaveLength(4);
  });
  it('rejects a malformed catalog, saying what it expected', () => {
    expect(() => parseCatalog({ ...catalog, version: 9 }, 'c.json')).toThrow(CatalogError);
    expect(() => parseCatalog({ ...catalog, version: 9 }, 'c.json')).toThrow('c.json: expected version 2, found 9');
    expect(() => parseCatalog({ ...catalog, pages: [['x', 'soon', 'p', [], []]] }, 'c.json')).toThrow(/expected pages of \[id, date, place, stars, people\]/);
  });
});

describe('facet counts', () => {
  const row = (id: string, v: Partial<FacetValues>) => ({ id, values: { ...emptyFacetValues(), ...v } });
  const rows = [
    row('a', { street: ['lianhu'], star: ['s1'], year: ['2022'] }),
    row('b', { street: ['lianhu'], star: ['s2'], year: ['2023'] }),
    row('c', { street: ['liuhu'], star: ['s1', 's2'], year: ['2023'] }),
    row('d', { street: [], star: [], year: ['2023'] }),
  ];
  it('counts everything when nothing is chosen', () => {
    const r = countFacets(rows, emptyFacetValues());
    expect(r.matches.map((m) => m.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(Object.fromEntries(r.counts.star)).toEqual({ s1: 2, s2: 2 });
    expect(Object.fromEntries(r.counts.year)).toEqual({ 2022: 1, 2023: 3 });
  });
  it('ORs values of one facet, ANDs facets, and counts each facet as if its own choice were open', () => {
    const r = countFacets(rows, { ...emptyFacetValues(), street: ['lianhu', 'liuhu'], star: ['s2'] });
    expect(r.matches.map((m) => m.id)).toEqual(['b', 'c']);
    expect(Object.fromEntries(r.counts.street)).toEqual({ lianhu: 1, liuhu: 1 });
    expect(Object.fromEntries(r.counts.star)).toEqual({ s1: 2, s2: 2 });
    expect(Object.fromEntries(r.counts.year)).toEqual({ 2023: 2 });
  });
});

describe('excerpts', () => {
  const text = '标题\n记者\n鲁燕\n莲湖街道\n正文开始，社区推行网格化管理，网格员走访。\n结尾还有网格化。';
  const body = text.indexOf('正文');
  const marked = (x: { text: string; marks: [number, number][] }) => x.marks.map(([s, e]) => x.text.slice(s, e));
  it('marks every occurrence of every word, merged', () => {
    expect(occurrences('网格化网格', ['网格', '格化'], NO_FOLDING)).toEqual([[0, 5]]);
  });
  it('centres on the first occurrence in the body, without reaching back into the headline', () => {
    const x = buildExcerpt(text, body, occurrences(text, ['网格化'], NO_FOLDING), 30);
    expect(x.text.startsWith('正文开始')).toBe(true);
    expect(marked(x)).toEqual(['网格化', '网格化']);
    expect(x.before).toBe(false);
    // Paragraphs read as one run of text.
    expect(x.text).toContain('走访。 结尾');
  });
  it('stays in the body when a word is only in the headline block', () => {
    const x = buildExcerpt(text, body, occurrences(text, ['鲁燕'], NO_FOLDING), 12);
    expect(x.text.startsWith('正文开始')).toBe(true);
    expect(x.marks).toEqual([]);
    expect(buildExcerpt(text, body, [], 4)).toEqual({ text: '正文开始', marks: [], before: false, after: true });
  });
  it('marks the original characters of a folded match, quotes and traditional forms included', () => {
    const t = '正文：创建“五星”支部，網格化管理。《五星支部条例》８月份';
    const x = buildExcerpt(t, 0, occurrences(t, ['五星支部', '网格化', '8月份'], t2sTable()));
    expect(marked(x)).toEqual(['“五星”支部', '網格化', '五星支部', '８月份']);
    expect(marked(buildExcerpt(t, 0, occurrences(t, ['五星支部条例8月'], t2sTable())))).toEqual(['《五星支部条例》８月']);
  });
  it('never matches across lines', () => {
    expect(occurrences('鲁\n燕', ['鲁燕'], NO_FOLDING)).toEqual([]);
  });
  it('never splits a surrogate pair', () => {
    const x = buildExcerpt('𠀀𠀀𠀀', 0, [], 3);
    expect(x.text).toBe('𠀀');
  });
});

describe('URL state', () => {
  it('round-trips query, filters, order and page, leaving defaults out', () => {
    const s = stateFromParams(new URLSearchParams('q=网格化&street=lianhu&street=liuhu&star=s1&sort=newest&page=2&year=2022&year=2022'));
    expect(s).toEqual({ q: '网格化', sort: 'newest', page: 2, filters: { ...emptyFacetValues(), street: ['lianhu', 'liuhu'], star: ['s1'], year: ['2022'] } });
    expect(paramsFromState(s).toString()).toBe('q=%E7%BD%91%E6%A0%BC%E5%8C%96&street=lianhu&street=liuhu&star=s1&year=2022&sort=newest&page=2');
    expect(paramsFromState(stateFromParams(new URLSearchParams('q=&page=0&sort=x'))).toString()).toBe('');
  });
});
