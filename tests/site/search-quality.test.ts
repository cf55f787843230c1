// Search quality over the committed content: for each query, the articles the real search page
// lists (in Chromium, against the real index) must be exactly the articles whose normalised text
// contains every normalised word of the query — the text computed here from the Markdown and the
// registries, not from the built pages, and normalised by the one normaliser both sides use
// (src/search/shared/normalize.ts: punctuation dropped, full-width and traditional forms folded).
// Precision and recall must both be 100%.
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import type { Root, RootContent } from 'mdast';
import * as OpenCC from 'opencc-js';
import { beforeAll, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ROOT } from '../helpers/build-site.ts';
import { servedSite } from '../helpers/served-site.ts';
import { loadRegistries } from '../../src/io/registries.ts';
import { listMarkdownFiles, readArticleFile, articleIdOf } from '../../src/io/articles.ts';
import { joinCjkLines } from '../../src/markdown/remark-cjk-linebreak.ts';
import { allIds, openSearch, searchFor } from '../fixtures/search/search-page.ts';
import { foldText, foldWord, normalizeText, queryTerms } from '../../src/search/shared/normalize.ts';
import { t2sTable } from '../../src/search/build/t2s-table.ts';
import { bylineParts, photoCredit } from '../../src/lib/byline.ts';

const CONTENT = join(ROOT, 'content');
const registries = loadRegistries(CONTENT);
const table = t2sTable();

// Block-level Markdown nodes, line breaks and images separate runs of text; inline ones join up; a
// soft line break between CJK characters vanishes (remark-cjk-linebreak), any other one is a space.
function markdownRuns(body: string): string[] {
  const tree = unified().use(remarkParse).parse(body) as Root;
  joinCjkLines(tree);
  const INLINE = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference']);
  const runs: string[] = [];
  let run = '';
  const cut = () => {
    runs.push(run);
    run = '';
  };
  const walk = (node: RootContent | Root) => {
    if (node.type === 'text' || node.type === 'inlineCode') run += node.value.replace(/\n/g, ' ');
    else if (node.type === 'break' || node.type === 'image' || node.type === 'html') cut();
    if (!('children' in node)) return;
    const block = !INLINE.has(node.type);
    if (block) cut();
    for (const child of node.children as RootContent[]) walk(child);
    if (block) cut();
  };
  walk(tree);
  cut();
  return runs;
}

/** Runs of text normalised one by one and kept apart: a word never spans two fields or paragraphs. */
const matched = (runs: readonly string[]) => runs.map((r) => foldText(normalizeText(r), table).text).filter(Boolean).join(' ');

/** The article as read: the headline block's fields (each on its own, as the page prints them), then the body. */
const articles = listMarkdownFiles(join(CONTENT, 'articles')).flatMap((file) => {
  const { article: a, body } = readArticleFile(file, registries, ROOT);
  if (!a || a.draft) return [];
  const [y, m, d] = a.date.split('-').map(Number);
  const lineage = registries.places.lineage(a.place).filter((p) => p.level !== 'province');
  const fields = [
    a.kicker ?? '',
    a.title,
    a.subtitle ? `——${a.subtitle}` : '',
    ...bylineParts(a).flatMap((p) => [p.role, ...p.names]),
    photoCredit(a),
    `${y}年${m}月${d}日`,
    ...lineage.map((p) => p.name),
    ...a.stars.map((s) => registries.stars.byId(s)!.name),
  ];
  const runs = markdownRuns(body);
  const text = matched([...fields, ...runs]);
  const aliases = lineage.flatMap((p) => p.aliases.map((x) => foldWord(x, table))).filter((x) => !text.includes(x));
  return [{ id: articleIdOf(file), text: [text, ...aliases].join(' '), runs }];
});

/** What the page lists: every folded word in the text; nothing for a query of one-character words (the page asks for more). */
const expected = (q: string) => {
  const words = queryTerms(q, table).map((t) => t.word);
  if (words.every((w) => [...w].length === 1)) return [];
  return articles.filter((a) => words.every((w) => a.text.includes(w))).map((a) => a.id).sort();
};

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const FULL_WIDTH = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

// Names, places, stars, phrases of 2–6 characters, absent strings, several-word queries …
const FIXED = [
  '鲁燕', '燕鲁', '魏少杰', '王永涛', '崔永捷', '孙向群', '李博艺', '张倩倩', '刘小钰', '宋炬攀', '李春节', '吴孝刚', '刘凯',
  '莲湖', '莲湖街道', '中原区', '郑州市', '绿东村', '汝河路街道', '航海西路', '建设路', '三官庙', '须水', '柳湖', '桐柏路', '棉纺路', '中原西路', '阳光花苑',
  '支部过硬星', '幸福和谐星', '宜业兴业星', '生态宜居星', '产业兴旺星', '共建共享星', '平安法治星', '文明幸福星',
  '网格化', '网格', '红色物业', '党建引领', '基层治理', '创建工作', '“五星”支部', '五星', '议事会', '豫剧', '本报讯', '文/图', '2022年', '9月3日', '创星',
  '金水区', '北京市', '鲁燕莲湖', '格化网', '治理网格化', '星支部过硬', '街道莲湖',
  '莲湖 网格', '鲁燕 柳湖', '党建 网格化 治理', '五星 汝河路', '莲湖 不存在的词',
  // One-character words narrow a longer word's search (found through the pairs they start).
  '莲湖 网', '网格 化', '汝河路 湖', '鲁燕 燕', '支部 星', '网格化 鑫',
  // As readers type: without the quotes, in traditional characters, full-width, with stray punctuation.
  '五星支部', '網格化', '８月份', '議事會', '黨建引領', '蓮湖街道', '魯燕', '基層治理', '紅色物業', '創建工作',
  '网格化，', '《五星支部》', '“一事一议”', '一事一议', '、莲湖', '莲湖。', '五星支部！', '五星-支部', '网格化?', '“五星”支部 莲湖',
  '２０２２年', '９月３日', '8月份', 'Ｈ２Ｏ', '文图', '，', '“”',
];

// … and phrases cut from each article's body at fixed places, plus the same phrases reversed, typed
// without their punctuation, in traditional characters, in full-width forms.
function cuts(): string[] {
  let seed = 20240516;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
  const out: string[] = [];
  for (const a of articles) {
    const chars = [...a.runs.join('').replace(/\s+/g, '')];
    for (let k = 0; k < 3; k++) {
      const len = 2 + rnd(6);
      const at = rnd(Math.max(1, chars.length - len));
      const phrase = chars.slice(at, at + len).join('');
      out.push(phrase, [...phrase].reverse().join(''), phrase.replace(/[\p{P}\p{S}]/gu, ''));
      if (k === 0) out.push(toTraditional(phrase), FULL_WIDTH(phrase));
    }
  }
  return out;
}

const QUERIES = [...new Set([...FIXED, ...cuts()])];
const site = servedSite(inject('siteDist'));
let page: Page;

beforeAll(async () => {
  page = await site.browser.newPage();
});

it('covers the committed articles with at least 50 queries, some of them absent', () => {
  expect(articles.length).toBeGreaterThanOrEqual(15);
  // The queries of issue 14, typed as readers type, each finds articles …
  for (const q of ['五星支部', '網格化', '８月份', '議事會', '网格化，', '《五星支部》']) expect(expected(q).length, q).toBeGreaterThan(0);
  // … the same as the plain query does, and the reversed name still finds nothing.
  expect(expected('網格化')).toEqual(expected('网格化'));
  expect(expected('８月份')).toEqual(expected('8月份'));
  expect(expected('五星支部')).toEqual(expected('“五星”支部'));
  expect(expected('燕鲁')).toEqual([]);
  expect(QUERIES.length).toBeGreaterThanOrEqual(50);
  expect(QUERIES.filter((q) => expected(q).length === 0).length).toBeGreaterThanOrEqual(5);
  expect(QUERIES.filter((q) => expected(q).length > 1).length).toBeGreaterThanOrEqual(10);
});

it('finds exactly the articles containing each query: precision and recall 100%', async () => {
  await openSearch(page, site.url);
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  const wrong: string[] = [];
  for (const q of QUERIES) {
    await searchFor(page, q);
    const found = (await allIds(page)).sort();
    const want = expected(q);
    const tp = found.filter((id) => want.includes(id)).length;
    truePositives += tp;
    falsePositives += found.length - tp;
    falseNegatives += want.length - tp;
    if (JSON.stringify(found) !== JSON.stringify(want)) wrong.push(`${q}: found ${found.join(',') || '—'}; expected ${want.join(',') || '—'}`);
  }
  const precision = truePositives / (truePositives + falsePositives || 1);
  const recall = truePositives / (truePositives + falseNegatives || 1);
  console.log(`search quality: ${QUERIES.length} queries, ${truePositives} expected hits found, ${falsePositives} false positives, ${falseNegatives} missed; precision ${(precision * 100).toFixed(1)}%, recall ${(recall * 100).toFixed(1)}%`);
  expect(wrong).toEqual([]);
  expect(precision).toBe(1);
  expect(recall).toBe(1);
});
