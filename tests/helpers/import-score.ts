// Field checks for imported pages: for every story a page holds (its .json beside the page text),
// six checks besides finding it — headline (with kicker and subtitle), place, reporters,
// correspondents, where the body starts and where it ends. A story the importer invents costs a
// check too. Run it to print the scores:
//   node tests/helpers/import-score.ts tests/fixtures/import/pages tests/fixtures/import/held-out
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { loadRegistries } from '../../src/io/registries.ts';
import { importPage, type ImportedArticle, type ImportedPage } from '../../src/lib/import/import-page.ts';
import type { Registries } from '../../src/schema.ts';

export interface ExpectedStory {
  title: string | null;
  kicker?: string | null;
  subtitle?: string | null;
  street: string;
  reporters: string[];
  correspondents: string[];
  /** The body's running text starts with this. */
  first: string;
  /** … and ends with this. */
  last: string;
  // Checked by the tests of each kind, not scored:
  photographers?: string[];
  subheads?: string[];
  captions?: string[];
  stars?: string[];
  /** Stars the text names outside the place's sets: warned about, not tagged. */
  starWarnings?: string[];
  paragraphs?: number;
  /** Pieces of the Markdown body, as written. */
  contains?: string[];
}

export interface ExpectedPage {
  about: string;
  title?: string | null;
  editorNote?: boolean;
  stories: ExpectedStory[];
}

export const FIELDS = ['found', 'headline', 'place', 'reporters', 'correspondents', 'start', 'end'] as const;
export type Field = (typeof FIELDS)[number];

export interface StoryScore {
  expected: ExpectedStory | null;
  article: ImportedArticle | null;
  failed: Field[];
}

export interface PageScore {
  file: string;
  checks: number;
  passed: number;
  stories: StoryScore[];
}

type MdNode = { type: string; value?: string; children?: MdNode[] };

/** The story's running text: its paragraphs, without subheads, photos or Markdown escapes. */
export function runningText(body: string): string {
  const tree = unified().use(remarkParse).parse(body) as MdNode;
  const text = (n: MdNode): string => (n.type === 'image' ? '' : (n.value ?? '') + (n.children ?? []).map(text).join(''));
  return (tree.children ?? []).filter((n) => n.type === 'paragraph').map(text).filter(Boolean).join('');
}

const han = (s: string) => [...s].filter((c) => /\p{Script=Han}/u.test(c)).join('');
const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The imported story that holds the expected one's opening words, if any. */
function findStory(e: ExpectedStory, articles: readonly ImportedArticle[], used: Set<ImportedArticle>): ImportedArticle | undefined {
  const opening = han(e.first).slice(0, 12);
  return articles.find((a) => !used.has(a) && han(runningText(a.body)).includes(opening));
}

export function scorePage(file: string, page: ImportedPage, expected: ExpectedPage): PageScore {
  const used = new Set<ImportedArticle>();
  const stories: StoryScore[] = expected.stories.map((e) => {
    const a = findStory(e, page.articles, used);
    if (!a) return { expected: e, article: null, failed: [...FIELDS] };
    used.add(a);
    const text = runningText(a.body);
    const failed: Field[] = [];
    if (a.title !== e.title || a.kicker !== (e.kicker ?? null) || a.subtitle !== (e.subtitle ?? null)) failed.push('headline');
    if (a.street !== e.street) failed.push('place');
    if (!same(a.reporters, e.reporters)) failed.push('reporters');
    if (!same(a.correspondents, e.correspondents)) failed.push('correspondents');
    if (!text.startsWith(e.first)) failed.push('start');
    if (!text.endsWith(e.last)) failed.push('end');
    return { expected: e, article: a, failed };
  });
  const invented = page.articles.filter((a) => !used.has(a)).map((a): StoryScore => ({ expected: null, article: a, failed: ['found'] }));
  const all = [...stories, ...invented];
  const checks = expected.stories.length * FIELDS.length + invented.length;
  const passed = checks - all.reduce((n, s) => n + s.failed.length, 0);
  return { file, checks, passed, stories: all };
}

/** The page files of a fixture folder: every .txt or .md with a .json of expectations beside it. */
export function fixturePages(dir: string): { file: string; expected: ExpectedPage }[] {
  return readdirSync(dir)
    .filter((f) => /\.(txt|md)$/.test(f) && existsSync(join(dir, f.replace(/\.(txt|md)$/, '.json'))))
    .sort()
    .map((f) => ({ file: join(dir, f), expected: JSON.parse(readFileSync(join(dir, f.replace(/\.(txt|md)$/, '.json')), 'utf8')) as ExpectedPage }));
}

export function scoreFolder(dir: string, registries: Registries): PageScore[] {
  return fixturePages(dir).map(({ file, expected }) => scorePage(file, importPage(readFileSync(file, 'utf8'), registries), expected));
}

export function percent(scores: readonly PageScore[]): string {
  const checks = scores.reduce((n, s) => n + s.checks, 0);
  const passed = scores.reduce((n, s) => n + s.passed, 0);
  return `${passed}/${checks} (${checks ? ((100 * passed) / checks).toFixed(1) : '0.0'}%)`;
}

// The importer writes full-width punctuation in Chinese text and Chinese quotes (i16): compare marks by kind, not width.
const WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '!': '！', '?': '？', '.': '。', '(': '（', ')': '）', '“': '"', '”': '"' };
const chars = (s: string) => [...s.replace(/\s+/gu, '').replace(/[,;:!?.()“”]/g, (c) => WIDTH[c])];

/** Every visible character of a Markdown body: paragraphs and subheads, photo captions (alt text) aside. */
function bodyText(body: string): string {
  const tree = unified().use(remarkParse).parse(body) as MdNode;
  const text = (n: MdNode): string => (n.type === 'image' ? '' : (n.value ?? '') + (n.children ?? []).map(text).join(''));
  return text(tree);
}

/**
 * The characters of a page that the import does not account for, and those it accounts for
 * twice: every non-blank character (heading marks and the 编者按 label aside) must be found
 * exactly once — in a story's body, its printed headline, byline or captions, the page title,
 * the editor's note, a column's photo credit, or the left-over lines.
 */
export function unaccounted(source: string, page: ImportedPage): { missing: string; extra: string } {
  const pageText = source
    .split('\n')
    .map((l) => l.replace(/^\s*#{1,6}\s+/, '').replace(/^\s*[【\[〔]?编者按[】\]〕]?[：:]?/u, ''))
    .join('');
  const found: string[] = [];
  if (page.title) found.push(page.title);
  if (page.editorNote) found.push(page.editorNote);
  for (const c of page.credits) found.push(c.text);
  for (const a of page.articles) found.push(bodyText(a.body), ...a.printed.headline, ...a.printed.byline, ...a.printed.captions);
  for (const l of page.leftover) found.push(l.text);
  const count = (list: string[]) => list.reduce((m, ch) => m.set(ch, (m.get(ch) ?? 0) + 1), new Map<string, number>());
  const want = count(chars(pageText));
  const got = count(chars(found.join('')));
  let missing = '';
  let extra = '';
  for (const [ch, n] of want) if ((got.get(ch) ?? 0) < n) missing += ch.repeat(n - (got.get(ch) ?? 0));
  for (const [ch, n] of got) if ((want.get(ch) ?? 0) < n) extra += ch.repeat(n - (want.get(ch) ?? 0));
  return { missing, extra };
}

if (import.meta.main) {
  const root = resolve(import.meta.dirname, '../..');
  const registries = loadRegistries(join(root, 'content'));
  const dirs = process.argv.slice(2);
  const all: PageScore[] = [];
  for (const dir of dirs.length ? dirs : [join(root, 'tests/fixtures/import/pages')]) {
    const scores = scoreFolder(dir, registries);
    all.push(...scores);
    for (const s of scores) {
      console.log(`${basename(s.file)}: ${percent([s])}`);
      for (const st of s.stories) {
        if (!st.failed.length) continue;
        const name = st.expected ? (st.expected.title ?? `(untitled) ${st.expected.first.slice(0, 16)}…`) : `invented: ${st.article?.title ?? runningText(st.article!.body).slice(0, 16)}`;
        console.log(`  ${name}: ${st.failed.join(', ')}`);
      }
    }
    console.log(`${dir}: ${percent(scores)}`);
  }
  if (dirs.length > 1) console.log(`all: ${percent(all)}`);
}
