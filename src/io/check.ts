// `npm run check` and the build's first step: every article, bulletin and registry file
// validated without Astro, plus what no single file can tell (duplicate ids, a headline
// used twice on one day, bulletins naming missing articles), all problems at once.
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { Article } from '../lib/article.ts';
import type { Bulletin } from '../lib/bulletins.ts';
import { BODY_PLACEHOLDER, todayInShanghai } from '../lib/new-article.ts';
import { closest, didYouMean } from '../lib/suggest.ts';
import { reusedIssues, seriesName } from '../lib/bulletin-series.ts';
import { articleIdOf, duplicateIdProblem, listMarkdownFiles, readArticleSource, type ArticleFile } from './articles.ts';
import { readBulletinSource, type BulletinFile } from './bulletins.ts';
import { bulletinUi } from '../ui/strings.ts';
import { ARTICLE_FIELDS, BULLETIN_FIELDS } from '../schema.ts';
import type { Problem } from './problems.ts';
import { readRegistries } from './registries.ts';
import { readSiteSettings, SITE_SETTINGS_FILE } from './site-settings.ts';

export interface CheckOptions {
  /** The content folder (holds places.yaml, stars.yaml, articles/, bulletins/). */
  contentDir: string;
  /** Paths in messages are relative to this folder; default the working directory. */
  root?: string;
  /** Check only these files or folders (the rest of the content is still read for cross-references). */
  paths?: readonly string[];
  /** YYYY-MM-DD; default today in Beijing time. Later dates get a warning. */
  today?: string;
}

export interface CheckResult {
  /** Sorted by file, line and column. */
  problems: Problem[];
  /** The valid articles (drafts included) and bulletins among those checked. */
  articles: Article[];
  bulletins: Bulletin[];
  checked: { articles: number; bulletins: number; registries: number };
  /** True when a registry file is broken, so no article or bulletin could be checked. */
  registriesFailed: boolean;
}

interface ReadArticle {
  abs: string;
  lines: string[];
  result: ArticleFile;
}

/** Normalised source lines: line n of the file is lines[n - 1]. */
function sourceLines(source: string): string[] {
  return source.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
}

// `key: value` at any depth, in a list item or not: groups are indent, key, value.
const KEY_VALUE = /^(\s*(?:-\s+)?)([^\s#:'"[{-][^:]*?):[ \t]+(.*)$/;

/**
 * YAML's own error messages, said in an editor's terms where we recognise the mistake.
 * `frontmatter` says line 1 is the opening --- (an article or bulletin), not a registry entry.
 */
function explainYaml(p: Problem, lines: readonly string[], frontmatter: boolean): Problem {
  if (p.field || !/^expected valid YAML/.test(p.message)) return p;
  const text = lines[p.line - 1] ?? '';
  const kv = KEY_VALUE.exec(text);
  const here = (field: string, message: string, col = p.col) => ({ ...p, field, col, message });
  if (frontmatter) {
    // A field pushed right by a space or two reads to YAML as more of the previous value;
    // YAML complains at that value or at the indented line.
    const indented = (l: string | undefined) => l !== undefined && /^ +\S/.test(l) && !/^\s*-\s/.test(l) && KEY_VALUE.test(l);
    const plainValue = (l: string | undefined) => {
      const m = l === undefined ? null : KEY_VALUE.exec(l);
      return !!m && !m[1] && m[3].trim() !== '';
    };
    const next = lines.findIndex((l, i) => i >= p.line && l.trim() !== '');
    const prev = lines.slice(1, p.line - 1).reverse().find((l) => l.trim() !== '');
    const at = indented(text) && plainValue(prev) ? p.line - 1 : plainValue(text) && next > 0 && indented(lines[next]) ? next : -1;
    if (at >= 0) {
      const l = lines[at];
      return { ...p, line: at + 1, col: 1, field: KEY_VALUE.exec(l)![2], message: `expected the field at the start of the line, found it indented by ${l.length - l.trimStart().length} space(s)` };
    }
  }
  if (/Map keys must be unique/.test(p.message) && kv) {
    const first = lines.findIndex((l) => KEY_VALUE.exec(l)?.[2] === kv[2] && KEY_VALUE.exec(l)?.[1] === kv[1]);
    return here(kv[2], `expected each field once, found ${kv[2]} a second time (first on line ${first + 1})`, kv[1].length + 1);
  }
  if (/Nested mappings are not allowed/.test(p.message) && kv) {
    return here(kv[2], `expected the value in quotes when it contains ": ", as in ${kv[2]}: "${kv[3]}", found ${kv[3]}`, text.length - kv[3].length + 1);
  }
  const quoted = kv && /^(["'])(.*?)\1(.+)$/.exec(kv[3]);
  if (/Unexpected scalar/.test(p.message) && kv && quoted) {
    return here(kv[2], `expected the whole value inside the quotes or no quotes at all, found text after the closing quote: ${kv[3]} (Chinese quotes need none: ${kv[2]}: “${quoted[2]}”${quoted[3]})`, text.length - kv[3].length + 1);
  }
  if (frontmatter && /Implicit keys need to be on a single line|Implicit map keys need to be followed/.test(p.message) && text.trim() && !text.includes(':')) {
    return here('', `expected field: value, found a line without a colon: ${text.trim()}`, 1);
  }
  if (/Flow sequence|flow collection|Missing , or :/.test(p.message)) {
    // An unclosed [ list: YAML notices only further down, so point at the line that opened it.
    const open = lines.findIndex((l, i) => i < p.line && (l.match(/\[/g)?.length ?? 0) > (l.match(/\]/g)?.length ?? 0));
    if (open >= 0) {
      const okv = KEY_VALUE.exec(lines[open]);
      const key = okv?.[2] ?? '';
      return { ...p, line: open + 1, col: lines[open].indexOf('[') + 1, field: key, message: `expected a list closed with ] on the same line, as in ${key || 'field'}: [鲁燕, 张三], found ${(okv?.[3] ?? lines[open]).trim()}` };
    }
  }
  return p;
}

/** Registry problems in an editor's terms: a missing file said plainly, YAML errors explained. */
function explainRegistry(p: Problem, linesOf: (file: string) => readonly string[]): Problem {
  if (/^expected a readable registry file, found ENOENT/.test(p.message)) {
    return { ...p, message: `expected the registry file ${basename(p.file)} in the content folder, found no such file` };
  }
  const lines = linesOf(p.file);
  return explainYaml(p, lines, false);
}

/** "found an unknown field titel" gains "(did you mean title?)". */
function suggestField(p: Problem, fields: readonly string[]): Problem {
  const m = /found an unknown field (\S+)$/.exec(p.message);
  if (!m) return p;
  return { ...p, message: p.message + didYouMean(closest(m[1], fields.map((f) => ({ name: f, spellings: [f] })))) };
}


/** Checks an article's own file beyond the schema: wording of YAML errors, yes/no photo credits, the placeholder, future dates. */
function checkArticleFile(a: ReadArticle, today: string): Problem[] {
  const { result, lines } = a;
  let problems = result.problems;
  // Without the closing ---, YAML reads the body as frontmatter: its complaints are noise.
  if (problems.some((p) => /closing --- line/.test(p.message))) problems = problems.filter((p) => !p.message.startsWith('expected valid YAML'));
  problems = problems.map((p) => suggestField(explainYaml(p, lines, true), ARTICLE_FIELDS));
  const article = result.article;
  if (article) {
    const at = (field: string) => result.locate([field]);
    if (!article.draft && article.date > today) {
      problems.push({ file: result.file, ...at('date'), field: 'date', severity: 'warning', message: `expected a date no later than today (${today}), found ${article.date}` });
    }
    const placeholder = lines.findIndex((l) => l.includes(BODY_PLACEHOLDER));
    if (placeholder >= 0) {
      problems.push({ file: result.file, line: placeholder + 1, col: lines[placeholder].indexOf(BODY_PLACEHOLDER) + 1, field: 'body', severity: 'warning', message: `expected the article text, found the placeholder ${BODY_PLACEHOLDER} that npm run new wrote` });
    }
  }
  return problems;
}

/** A bulletin drafted by `npm run bulletin` still carrying its placeholder editor's note. */
function uneditedNote(result: BulletinFile, lines: readonly string[]): Problem[] {
  const marker = bulletinUi.draftNoteMarker;
  const at = lines.findIndex((l) => l.includes(marker));
  if (at < 0) return [];
  return [{ file: result.file, line: at + 1, col: lines[at].indexOf(marker) + 1, field: 'body', severity: 'warning', message: `expected the editor's note (编者按), found the placeholder ${marker} that npm run bulletin wrote` }];
}

/** Every file whose id another file has too. */
function duplicateIds(files: readonly ReadArticle[]): Problem[] {
  const byId = new Map<string, ReadArticle[]>();
  for (const f of files) byId.set(articleIdOf(f.abs), [...(byId.get(articleIdOf(f.abs)) ?? []), f]);
  const problems: Problem[] = [];
  for (const [id, group] of byId) {
    if (group.length < 2) continue;
    for (const f of group) {
      problems.push(duplicateIdProblem(f.result.file, id, group.filter((g) => g !== f).map((g) => g.result.file)));
    }
  }
  return problems;
}

/** The same headline twice on one day is usually one story saved twice. */
function repeatedHeadlines(files: readonly ReadArticle[]): Problem[] {
  const byKey = new Map<string, ReadArticle[]>();
  for (const f of files) {
    const a = f.result.article;
    if (!a) continue;
    const key = `${a.date}\u0000${a.title.trim()}`;
    byKey.set(key, [...(byKey.get(key) ?? []), f]);
  }
  const problems: Problem[] = [];
  for (const group of byKey.values()) {
    if (group.length < 2) continue;
    for (const f of group) {
      const a = f.result.article!;
      const others = group.filter((g) => g !== f).map((g) => g.result.file).join(' and ');
      problems.push({ file: f.result.file, ...f.result.locate(['title']), field: 'title', severity: 'warning', message: `expected a headline no other article uses on ${a.date}, found ${a.title.trim()}, also in ${others}` });
    }
  }
  return problems;
}

/** An article's `bulletin:` naming no bulletin file: its link to the bulletin would lead nowhere. */
function unknownBulletins(files: readonly ReadArticle[], bulletinIds: ReadonlySet<string>): Problem[] {
  const candidates = [...bulletinIds].map((id) => ({ name: id, spellings: [id] }));
  return files.flatMap((f) => {
    const b = f.result.article?.bulletin;
    if (!b || bulletinIds.has(b)) return [];
    return [{ file: f.result.file, ...f.result.locate(['bulletin']), field: 'bulletin', severity: 'warning' as const, message: `expected the id of a bulletin in content/bulletins/, found ${b}${didYouMean(closest(b, candidates))}` }];
  });
}

/** Bulletins list articles by id: a draft is in the content folder but not on the site. */
function draftReferences(file: BulletinFile, lines: readonly string[], drafts: ReadonlySet<string>): Problem[] {
  const listed = file.bulletin?.articles ?? [];
  return listed.filter((id) => drafts.has(id)).map((id) => {
    const whole = new RegExp(`(?<![\\w-])${id}(?![\\w-])`);
    const line = lines.findIndex((l) => whole.test(l));
    const col = line >= 0 ? lines[line].search(whole) + 1 : 1;
    return { file: file.file, line: line + 1 || 1, col, field: 'articles', severity: 'error' as const, message: `expected the id of a published article, found ${id}, which is a draft (draft: true)` };
  });
}

/** A 期号 another bulletin of the same series already has in that year (增刊 counted apart). */
function reusedIssueProblems(file: BulletinFile, all: readonly BulletinFile[], lines: readonly string[]): Problem[] {
  const b = file.bulletin;
  if (!b) return [];
  const reused = reusedIssues(all.flatMap((f) => (f.bulletin ? [f.bulletin] : []))).find((r) => r.bulletin === b);
  if (!reused) return [];
  const line = lines.findIndex((l) => /^issue\s*:/.test(l));
  const series = seriesName(b) || b.kind;
  return [{ file: file.file, line: line + 1 || 1, col: 1, field: 'issue', severity: 'error', message: `expected a 期号 not yet used in ${b.date.slice(0, 4)} by ${series}, found ${b.issue}, which ${reused.first.file} already has (npm run bulletin numbers new issues)` }];
}

function byPosition(a: Problem, b: Problem): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.col - b.col;
}

export function checkContent(options: CheckOptions): CheckResult {
  const root = options.root ?? process.cwd();
  const contentDir = resolve(root, options.contentDir);
  const today = options.today ?? todayInShanghai();
  const show = (abs: string) => relative(root, abs) || abs;
  const problems: Problem[] = [];
  const none = { articles: [], bulletins: [] };

  const reg = readRegistries(contentDir);
  const registryLines = (file: string) => {
    try {
      return sourceLines(readFileSync(resolve(root, file), 'utf8'));
    } catch {
      return [];
    }
  };
  problems.push(...reg.problems.map((p) => explainRegistry({ ...p, file: show(resolve(root, p.file)) }, registryLines)));
  // The site settings (site.yaml) count among the registry files: the build needs all three.
  problems.push(...readSiteSettings(contentDir).problems.map((p) => explainRegistry({ ...p, file: show(resolve(root, p.file)) }, registryLines)));
  const registryCount = 3;
  if (!reg.registries) return { problems: problems.sort(byPosition), ...none, checked: { articles: 0, bulletins: 0, registries: registryCount }, registriesFailed: true };
  const registries = reg.registries;

  // What to report on: everything, or the files named (folders expanded).
  const bulletinsDir = join(contentDir, 'bulletins');
  const articlesDir = join(contentDir, 'articles');
  // Bulletins live in <content>/bulletins; a file named on the command line counts as one when its folder is called bulletins.
  const isBulletin = (abs: string) => abs.startsWith(bulletinsDir + sep) || (basename(dirname(abs)) === 'bulletins' && !abs.startsWith(articlesDir + sep));
  let selected: Set<string> | undefined;
  if (options.paths?.length) {
    selected = new Set();
    for (const p of options.paths) {
      const abs = resolve(root, p);
      let isDir: boolean;
      try {
        isDir = statSync(abs).isDirectory();
      } catch {
        problems.push({ file: show(abs), line: 1, col: 1, field: '', severity: 'error', message: 'expected a Markdown file or a folder to check, found nothing at this path' });
        continue;
      }
      if (isDir) for (const f of listMarkdownFiles(abs)) selected.add(f);
      else if (abs.toLowerCase().endsWith('.md')) selected.add(abs);
      else if (![join(contentDir, 'places.yaml'), join(contentDir, 'stars.yaml'), join(contentDir, SITE_SETTINGS_FILE)].includes(abs)) {
        problems.push({ file: show(abs), line: 1, col: 1, field: '', severity: 'error', message: `expected a .md article or bulletin, a folder, or the registry files of ${show(contentDir)}, found ${basename(abs)}` });
      }
    }
  }
  const extra = [...(selected ?? [])];
  const articleFiles = [...new Set([...listMarkdownFiles(articlesDir), ...extra.filter((f) => !isBulletin(f))])];
  const bulletinFiles = [...new Set([...listMarkdownFiles(bulletinsDir), ...extra.filter(isBulletin)])];
  const reported = (abs: string) => !selected || selected.has(abs);

  const read = (abs: string): { source: string } | { problem: Problem } => {
    try {
      return { source: readFileSync(abs, 'utf8') };
    } catch (e) {
      return { problem: { file: show(abs), line: 1, col: 1, field: '', severity: 'error', message: `expected a readable file, found ${(e as Error).message}` } };
    }
  };

  const articles: ReadArticle[] = [];
  for (const abs of articleFiles) {
    const r = read(abs);
    if ('problem' in r) {
      if (reported(abs)) problems.push(r.problem);
      continue;
    }
    articles.push({ abs, lines: sourceLines(r.source), result: readArticleSource(show(abs), r.source, registries) });
  }
  const bulletinIds = new Set(bulletinFiles.map(articleIdOf));
  const articleProblems = [
    ...articles.flatMap((a) => checkArticleFile(a, today)),
    ...duplicateIds(articles),
    ...repeatedHeadlines(articles),
    ...unknownBulletins(articles, bulletinIds),
  ];

  const ids = new Set(articles.map((a) => articleIdOf(a.abs)));
  const drafts = new Set(articles.filter((a) => a.result.article?.draft).map((a) => articleIdOf(a.abs)));
  const bulletins: { abs: string; result: BulletinFile; problems: Problem[] }[] = [];
  const bulletinLines = new Map<string, string[]>();
  const sourceLinesOf = (abs: string) => bulletinLines.get(abs) ?? [];
  for (const abs of bulletinFiles) {
    const r = read(abs);
    if ('problem' in r) {
      if (reported(abs)) problems.push(r.problem);
      continue;
    }
    const lines = sourceLines(r.source);
    bulletinLines.set(abs, lines);
    const result = readBulletinSource(show(abs), r.source, registries, ids);
    bulletins.push({ abs, result, problems: [...result.problems.map((p) => suggestField(explainYaml(p, lines, true), BULLETIN_FIELDS)), ...draftReferences(result, lines, drafts), ...uneditedNote(result, lines)] });
  }

  bulletins.forEach((b) => b.problems.push(...reusedIssueProblems(b.result, bulletins.map((x) => x.result), sourceLinesOf(b.abs))));

  const shownSelected = new Set([...articleFiles, ...bulletinFiles].filter(reported).map(show));
  const all = [...articleProblems, ...bulletins.flatMap((b) => b.problems)].filter((p) => shownSelected.has(p.file));
  problems.push(...all);
  const failed = new Set(problems.filter((p) => p.severity === 'error').map((p) => p.file));
  // The same fault can reach us twice (YAML reports some mistakes at one spot in two ways).
  const seen = new Set<string>();
  const unique = problems.filter((p) => {
    const key = `${p.file}:${p.line}:${p.col}:${p.field}:${p.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  return {
    problems: unique.sort(byPosition),
    articles: articles.filter((a) => reported(a.abs) && a.result.article && !failed.has(a.result.file)).map((a) => a.result.article!),
    bulletins: bulletins.filter((b) => reported(b.abs) && b.result.bulletin && !failed.has(b.result.file)).map((b) => b.result.bulletin!),
    checked: { articles: articleFiles.filter(reported).length, bulletins: bulletinFiles.filter(reported).length, registries: registryCount },
    registriesFailed: false,
  };
}

/** The closing line: what was checked and how it went. */
export function checkSummary(result: Pick<CheckResult, 'problems' | 'checked' | 'registriesFailed'>): string {
  const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
  const { articles, bulletins, registries } = result.checked;
  const what = `checked ${n(articles, 'article')}, ${n(bulletins, 'bulletin')} and ${n(registries, 'registry file')}`;
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  const warnings = result.problems.length - errors;
  if (!result.problems.length) return `${what}: no problems`;
  const tally = [errors ? n(errors, 'error') : '', warnings ? n(warnings, 'warning') : ''].filter(Boolean).join(', ');
  if (result.registriesFailed) return `checked ${n(registries, 'registry file')}: ${tally}; articles and bulletins are checked once the registry files are fixed`;
  return `${what}: ${tally}`;
}
