// `npm run check` and the build's first step: every article, bulletin and registry file
// validated without Astro, plus what no single file can tell (duplicate ids, a headline
// used twice on one day, bulletins naming missing articles), all problems at once.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { Article } from '../lib/article.ts';
import { bulletinScope, type Bulletin } from '../lib/bulletins.ts';
import { byPosition } from '../lib/problem.ts';
import { BODY_PLACEHOLDER, todayInShanghai } from '../lib/new-article.ts';
import * as rules from '../lib/check-rules.ts';
import { articleIdOf, readArticleSource } from './articles.ts';
import { listMarkdown, publicFolderProblems, readTextFile } from './content-files.ts';
import { readBulletinSource } from './bulletins.ts';
import { sourceLines } from './frontmatter.ts';
import { bulletinUi } from '../ui/strings.ts';
import { PROBLEM, type Problem } from './problems.ts';
import { readRegistries, REGISTRY_FILES } from './registries.ts';
import { checkPhotoFiles, htmlImageWarnings, photoSourcesOf } from './photos.ts';
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
  /** The project's public/ folder, checked for links out of the project (the CLI and the build pass it). */
  publicDir?: string;
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

export function checkContent(options: CheckOptions): CheckResult {
  const root = options.root ?? process.cwd();
  const contentDir = resolve(root, options.contentDir);
  const today = options.today ?? todayInShanghai();
  const show = (abs: string) => relative(root, abs) || abs;
  const problems: Problem[] = [];
  const none = { articles: [], bulletins: [] };

  const reg = readRegistries(contentDir);
  // people.yaml may be absent (a folder without bylines yet); places.yaml and stars.yaml are counted even when missing.
  const registryCount = REGISTRY_FILES.filter((f) => f !== 'people.yaml' || existsSync(join(contentDir, f))).length;
  problems.push(...reg.problems.map((p) => ({ ...p, file: show(resolve(root, p.file)) })));
  // content/site.yaml (name, address, 主办单位, record numbers): checked with the registries, counted apart from them.
  problems.push(...readSiteSettings(contentDir).problems.map((p) => ({ ...p, file: show(resolve(root, p.file)) })));
  if (!reg.registries) return { problems: problems.sort(byPosition), ...none, checked: { articles: 0, bulletins: 0, registries: registryCount }, registriesFailed: true };
  const registries = reg.registries;

  // What to report on: everything, or the files named (folders expanded).
  const bulletinsDir = join(contentDir, 'bulletins');
  const articlesDir = join(contentDir, 'articles');
  // Bulletins live in <content>/bulletins; a file named on the command line counts as one when its folder is called bulletins.
  const isBulletin = (abs: string) => abs.startsWith(bulletinsDir + sep) || (basename(dirname(abs)) === 'bulletins' && !abs.startsWith(articlesDir + sep));
  const at = (abs: string, code: Problem['code'], message: string): Problem => ({ file: show(abs), line: 1, col: 1, field: '', severity: 'error', code, message });
  let selected: Set<string> | undefined;
  if (options.paths?.length) {
    selected = new Set();
    for (const p of options.paths) {
      const abs = resolve(root, p);
      let isDir: boolean;
      try {
        isDir = statSync(abs).isDirectory();
      } catch {
        problems.push(at(abs, PROBLEM.badPath, 'expected a Markdown file or a folder to check, found nothing at this path'));
        continue;
      }
      if (isDir) {
        const listing = listMarkdown(abs, show, contentDir);
        problems.push(...listing.problems);
        for (const f of listing.files) selected.add(f);
      }
      else if (abs.toLowerCase().endsWith('.md')) selected.add(abs);
      else if (![...REGISTRY_FILES, SITE_SETTINGS_FILE].map((f) => join(contentDir, f)).includes(abs)) {
        problems.push(at(abs, PROBLEM.badPath, `expected a .md article or bulletin, a folder, or the registry files of ${show(contentDir)}, found ${basename(abs)}`));
      }
    }
  }
  const extra = [...(selected ?? [])];
  const listed = [listMarkdown(articlesDir, show, contentDir), listMarkdown(bulletinsDir, show, contentDir)];
  if (!selected) problems.push(...listed.flatMap((l) => l.problems));
  const articleFiles = [...new Set([...listed[0].files, ...extra.filter((f) => !isBulletin(f))])];
  const bulletinFiles = [...new Set([...listed[1].files, ...extra.filter(isBulletin)])];
  if (options.publicDir) problems.push(...publicFolderProblems(resolve(root, options.publicDir), root, show));
  const reported = (abs: string) => !selected || selected.has(abs);
  const fileProblems: Problem[] = [];

  const read = (abs: string) => readTextFile(abs, show(abs), undefined, [contentDir, root]);

  const articles: (rules.ReadArticle & { abs: string })[] = [];
  for (const abs of articleFiles) {
    const r = read(abs);
    if ('problem' in r) {
      if (reported(abs)) problems.push(r.problem);
      continue;
    }
    const result = readArticleSource(show(abs), r.source, registries);
    fileProblems.push(...result.problems, ...checkPhotoFiles(abs, result.file, photoSourcesOf(result), contentDir).problems, ...htmlImageWarnings(result));
    articles.push({ abs, id: articleIdOf(abs), file: result.file, lines: sourceLines(r.source), article: result.article, locate: result.locate });
  }
  const bulletinIds = new Set(bulletinFiles.map(articleIdOf));
  fileProblems.push(
    ...articles.flatMap((a) => [...rules.futureDate(a, today), ...rules.placeholderBody(a, BODY_PLACEHOLDER), ...rules.starSetWarnings(a, registries.places, registries.stars), ...rules.chineseTextWarnings(a)]),
    ...rules.duplicateIds(articles),
    ...rules.repeatedHeadlines(articles),
    ...rules.unknownBulletins(articles, bulletinIds),
  );

  const ids = new Set(articles.map((a) => a.id));
  const drafts = new Set(articles.filter((a) => a.article?.draft).map((a) => a.id));
  const bulletins: (rules.ReadBulletin & { abs: string; valid?: Bulletin })[] = [];
  for (const abs of bulletinFiles) {
    const r = read(abs);
    if ('problem' in r) {
      if (reported(abs)) problems.push(r.problem);
      continue;
    }
    const result = readBulletinSource(show(abs), r.source, registries, ids);
    const b = { abs, id: articleIdOf(abs), file: result.file, lines: sourceLines(r.source), bulletin: result.read, valid: result.bulletin, locate: result.locate };
    bulletins.push(b);
    fileProblems.push(...result.problems, ...rules.draftReferences(b, drafts), ...rules.repeatedArticles(b), ...rules.uneditedNote(b, bulletinUi.draftNoteMarker));
  }
  const placeOf = new Map(articles.filter((a) => a.article).map((a) => [a.id, a.article!.place]));
  const districtOf = (placeId: string) => registries.places.lineage(placeId).find((p) => p.level === 'district')?.id;
  fileProblems.push(...rules.secondBulletins(bulletins, (b) => bulletinScope(b, (id) => placeOf.get(id), districtOf)), ...rules.reusedIssueNumbers(bulletins));

  const shownSelected = new Set([...articleFiles, ...bulletinFiles].filter(reported).map(show));
  problems.push(...fileProblems.filter((p) => shownSelected.has(p.file)));
  const failed = new Set(problems.filter((p) => p.severity === 'error').map((p) => p.file));
  return {
    problems: problems.sort(byPosition),
    articles: articles.filter((a) => reported(a.abs) && a.article && !failed.has(a.file)).map((a) => a.article!),
    bulletins: bulletins.filter((b) => reported(b.abs) && b.valid && !failed.has(b.file)).map((b) => b.valid!),
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
