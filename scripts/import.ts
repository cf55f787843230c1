// npm run import -- [--date YYYY-MM-DD] [--bulletin ID] [--source TEXT] [--content DIR]
//                   [--dry-run] [--json] [--force] FILE...
// Imports newspaper pages (their text) into content/articles/, printing a review list.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseMarkdown } from '../src/io/frontmatter.ts';
import { loadRegistries } from '../src/io/registries.ts';
import { listMarkdownFiles, readArticleSource } from '../src/io/articles.ts';
import { ContentError, formatProblem, PROBLEM } from '../src/io/problems.ts';
import { planFiles, renderArticle, writePlanned, type PlannedFile } from '../src/io/article-writer.ts';
import { articleFrontmatter, articlePaths } from '../src/lib/import/article-file.ts';
import { importPage, type ImportedPage } from '../src/lib/import/import-page.ts';
import { reviewLines } from '../src/lib/import/review.ts';
import { importWarning, warningMessages, type ImportWarning } from '../src/lib/import/import-warning.ts';
import { unknownPlaceMessage } from '../src/lib/import/unknown-place.ts';
import { isoDate } from '../src/schema.ts';
import { articleIdOf } from '../src/io/articles.ts';
import { peopleFileWith } from '../src/io/people-file.ts';
import { newPeople, withPeople, type PersonInput } from '../src/lib/people.ts';
import { closest, didYouMean } from '../src/lib/suggest.ts';
import { starsOutsideSets } from '../src/lib/check-rules.ts';
import type { Registries } from '../src/schema.ts';
import { guardCli } from '../src/io/cli-guard.ts';
import { printers, processIO, type CliIO } from './cli-io.ts';

const USAGE = `usage: npm run import -- [--date YYYY-MM-DD] [--bulletin ID] [--source TEXT] [--content DIR] [--dry-run] [--json] [--force] FILE...

  FILE          the text of a newspaper page (raw column text or Markdown headings)
  --date        the publication date; required unless --json or --dry-run
  --bulletin    the bulletin id the articles belong to (content/bulletins/<id>.md)
  --source      the publication and page, e.g. "中原报 2022-09-08 第3版"
  --content     the content folder (default: $JIEXUN_CONTENT or ./content)
  --dry-run     show the review list and the files that would be written; write nothing
  --json        print what was read from the page as JSON (a list for several pages); write nothing
  --force       replace existing files that differ`;

class UsageError extends Error {}

interface Options {
  /** The folder paths are shown relative to. */
  cwd: string;
  help: boolean;
  date?: string;
  bulletin?: string;
  source?: string;
  content: string;
  dryRun: boolean;
  json: boolean;
  force: boolean;
  files: string[];
}

function readOptions(argv: string[], io: CliIO): Options {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        date: { type: 'string' },
        bulletin: { type: 'string' },
        source: { type: 'string' },
        content: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const v = parsed.values;
  if (v.help) return { cwd: io.cwd, help: true, content: '', dryRun: false, json: false, force: false, files: [] };
  if (!parsed.positionals.length) throw new UsageError('expected at least one page FILE, found none');
  if (v.date !== undefined) {
    const r = isoDate.safeParse(v.date);
    if (!r.success) throw new UsageError(`--date: ${r.error.issues[0].message}`);
  }
  if (v.bulletin !== undefined && !/^[a-z0-9][a-z0-9-]*$/.test(v.bulletin)) {
    throw new UsageError(`--bulletin: expected a bulletin id (ASCII, as in content/bulletins/<id>.md), found ${v.bulletin}`);
  }
  if (!v.date && !v.json && !v['dry-run']) {
    throw new UsageError('--date: expected the publication date (YYYY-MM-DD) to name the files, found nothing (only --json and --dry-run work without it)');
  }
  return {
    cwd: io.cwd,
    help: false,
    date: v.date,
    bulletin: v.bulletin,
    source: v.source,
    content: resolve(io.cwd, v.content ?? io.env.JIEXUN_CONTENT ?? 'content'),
    dryRun: v['dry-run'],
    json: v.json,
    force: v.force,
    files: parsed.positionals,
  };
}

function readPage(file: string, cwd: string): string {
  try {
    return readFileSync(resolve(cwd, file), 'utf8');
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message;
    throw new UsageError(`${file}: expected a readable page text file, found ${why}`);
  }
}

/** The page as the --json shape: the fields the issue fixes, then the extras. */
function pageJson(file: string, page: ImportedPage) {
  return {
    page: { title: page.title, editorNote: page.editorNote },
    articles: page.articles.map((a) => ({
      title: a.title,
      kicker: a.kicker,
      subtitle: a.subtitle,
      street: a.street,
      reporters: a.reporters,
      correspondents: a.correspondents,
      stars: a.stars,
      body: a.body,
      warnings: warningMessages(a.warnings),
      // The same warnings with their codes (import/…), for tools that act on them.
      problems: a.warnings,
      place: a.place,
      placeWritten: a.placeWritten,
      photo: a.photo,
      photographers: a.photographers,
      captions: a.captions,
      printed: a.printed,
      parts: a.parts,
      lines: a.lines,
    })),
    credits: page.credits,
    leftover: page.leftover,
    warnings: warningMessages(page.warnings),
    problems: page.warnings,
    file,
  };
}

/** The warnings that say why a story has no street; their message goes into the error. */
const NO_STREET = new Set<string>([PROBLEM.importAmbiguousPlace, PROBLEM.importNoPlace]);

interface Prepared {
  file: string;
  page: ImportedPage;
  targets: { path: string; content: string }[];
  errors: string[];
  notes: ImportWarning[][];
}

/** Builds every article file of a page and checks it with the content schema; writes nothing. */
function prepare(file: string, page: ImportedPage, opts: Options, registries: Registries, taken: Set<string>, existing: Map<string, string>): Prepared {
  const errors: string[] = [];
  const notes: ImportWarning[][] = page.articles.map(() => []);
  const date = opts.date as string;
  const paths = articlePaths(page.articles, date, registries.places, taken);
  paths.forEach((p) => taken.add(p));
  const neighbours = page.articles.map((a) => a.place).filter((p): p is string => !!p);
  const targets = page.articles.map((a, i) => {
    const story = `${file}, story ${i + 1}${a.title ? ` "${a.title}"` : ''} (lines ${a.lines[0]}–${a.lines[1]})`;
    if (a.placeWritten && !a.street) errors.push(`${story}: ${unknownPlaceMessage(a.placeWritten, registries.places, neighbours, a.placeParentHint)}`);
    else if (!a.street) {
      const why = a.warnings.find((w) => NO_STREET.has(w.code))?.message ?? 'no place found';
      errors.push(`${story}: street: expected one place from content/places.yaml; ${why}. Put the place on a line above the headline in the page text (e.g. 莲湖街道) and import again`);
    }
    if (!a.title) errors.push(`${story}: title: expected a headline, found none; add the headline to the page text and import again`);
    if (!a.reporters.length) errors.push(`${story}: reporter: expected a byline naming the reporter (记者 …), found ${a.printed.byline.length ? a.printed.byline.join(' / ') : 'none'}; add it to the page text and import again`);
    // An article already imported (perhaps renamed since) is the file to compare with, not a new one.
    const same = a.title ? existing.get(`${date}\u0000${a.title}`) : undefined;
    const path = same ?? join(opts.content, paths[i]);
    const content = renderArticle(articleFrontmatter(a, { date, bulletin: opts.bulletin, source: opts.source, position: i + 1 }), a.body);
    const display = relative(opts.cwd, path) || path;
    // Only the schema's word on fields the checks above have not already explained.
    if (a.title && a.street && a.reporters.length) {
      for (const p of readArticleSource(display, content, registries).problems) errors.push(`${story}: ${formatProblem(p)}`);
    }
    if (a.place) {
      const ids = a.stars.map((s) => registries.stars.resolve(s)?.id).filter((s): s is string => !!s);
      for (const w of starsOutsideSets(a.place, ids, registries.places, registries.stars)) notes[i].push(importWarning(PROBLEM.importStarOutsideSets, `star: ${w.message}`));
    }
    if (same && same !== join(opts.content, paths[i])) notes[i].push(importWarning(PROBLEM.importExistingArticle, `an article with this title and date already exists: ${relative(opts.cwd, same) || same}; compared with it instead of writing a second copy`));
    return { path, content };
  });
  return { file, page, targets, errors, notes };
}

/** Title and date of the articles already in the content folder, to point out duplicates. */
function existingArticles(contentDir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of listMarkdownFiles(join(contentDir, 'articles'))) {
    try {
      const { data } = parseMarkdown(f, readFileSync(f, 'utf8'));
      if (typeof data.title === 'string' && typeof data.date === 'string') out.set(`${data.date}\u0000${data.title.trim()}`, f);
    } catch {
      // An unreadable article is `npm run check`'s business, not the importer's.
    }
  }
  return out;
}

/** Where an existing file and the import part ways, for the refusal message: the first field that differs in value, else the body line. */
function firstDifference(onDisk: string, imported: string): string {
  const a = parseMarkdown('', onDisk);
  const b = parseMarkdown('', imported);
  const shown = (v: unknown) => (v === undefined ? 'nothing' : typeof v === 'string' ? v : JSON.stringify(v));
  for (const key of new Set([...Object.keys(a.data), ...Object.keys(b.data)])) {
    if (JSON.stringify(a.data[key]) !== JSON.stringify(b.data[key])) return `${key}: the file has ${shown(a.data[key])}, the import ${shown(b.data[key])}`;
  }
  const x = a.body.split('\n');
  const y = b.body.split('\n');
  const i = x.findIndex((line, k) => line !== y[k]);
  const at = i < 0 ? Math.min(x.length, y.length) : i;
  const cut = (s: string | undefined) => (s === undefined ? 'the end of the text' : JSON.stringify(s.length > 50 ? `${s.slice(0, 50)}…` : s));
  return `body line ${at + 1}: the file has ${cut(x[at])}, the import ${cut(y[at])}`;
}

/** The same article written differently (quotes, field order, spacing): not worth a "differs". */
function sameArticle(onDisk: string, imported: string): boolean {
  const a = parseMarkdown('', onDisk);
  const b = parseMarkdown('', imported);
  return !a.problems.length && !b.problems.length && a.body.trim() === b.body.trim() && JSON.stringify(sortedKeys(a.data)) === JSON.stringify(sortedKeys(b.data));
}
const sortedKeys = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).sort(([x], [y]) => (x < y ? -1 : 1)));

function main(argv: string[], io: CliIO): number {
  const { out, err } = printers(io);
  const opts = readOptions(argv, io);
  if (opts.help) {
    out(USAGE);
    return 0;
  }
  const registries = loadRegistries(opts.content);
  if (opts.bulletin) {
    const ids = listMarkdownFiles(join(opts.content, 'bulletins')).map(articleIdOf);
    if (!ids.includes(opts.bulletin)) {
      throw new UsageError(`--bulletin: expected the id of a bulletin in ${relative(opts.cwd, join(opts.content, 'bulletins')) || 'bulletins'}/, found ${opts.bulletin}${didYouMean(closest(opts.bulletin, ids.map((id) => ({ name: id, spellings: [id] }))))}; draft the bulletin first (npm run bulletin), or import without --bulletin`);
    }
  }
  const pages = opts.files.map((file) => ({ file, page: importPage(readPage(file, opts.cwd), registries) }));

  if (opts.json) {
    const json = pages.map((p) => pageJson(p.file, p.page));
    out(JSON.stringify(json.length === 1 ? json[0] : json, null, 2));
    return 0;
  }
  if (!opts.date) {
    for (const { file, page } of pages) out(reviewLines(file, page).join('\n'));
    out('\n(dry run without --date: give --date YYYY-MM-DD to see the file names and check the files)');
    return 0;
  }

  const taken = new Set<string>();
  const existing = existingArticles(opts.content);
  // People the registry does not know yet get their page ids now, in page order.
  const added: PersonInput[] = newPeople(registries.people, pages.flatMap(({ page }) => page.articles.flatMap((a) => [
    ...a.reporters.map((name) => ({ name, role: 'reporter' as const })),
    ...a.correspondents.map((name) => ({ name, role: 'correspondent' as const })),
    ...a.photographers.map((name) => ({ name, role: 'photographer' as const })),
  ])));
  const withAdded = { ...registries, people: withPeople(registries.people, added) };
  const prepared = pages.map(({ file, page }) => prepare(file, page, opts, withAdded, taken, existing));
  const plan: PlannedFile[] = planFiles(prepared.flatMap((p) => p.targets), opts.force, sameArticle);
  // Newcomers to the people registry are written with the articles, all or nothing.
  if (added.length) {
    const people = peopleFileWith(opts.content, added);
    plan.push({ ...people, status: existsSync(people.path) ? 'replace' : 'new' });
  }
  let k = 0;
  for (const p of prepared) {
    const files = p.targets.map(() => {
      const f = plan[k++];
      const status = { new: opts.dryRun ? 'would be new' : 'new', unchanged: 'unchanged', conflict: 'exists and differs: refused (--force replaces it)', replace: opts.dryRun ? 'would be replaced' : 'replaced' }[f.status];
      return { display: relative(opts.cwd, f.path) || f.path, status };
    });
    p.page.articles.forEach((a, i) => a.warnings.push(...p.notes[i]));
    out(reviewLines(p.file, p.page, files).join('\n'));
  }

  const errors = prepared.flatMap((p) => p.errors);
  const conflicts = plan.filter((f) => f.status === 'conflict');
  for (const f of conflicts) {
    errors.push(`${relative(opts.cwd, f.path) || f.path}: refusing to overwrite an existing file that differs from the import (${firstDifference(readFileSync(f.path, 'utf8'), f.content)}); edit it by hand, or run again with --force to replace it`);
  }
  if (errors.length) {
    const fix = `fix the ${errors.length === 1 ? 'error' : `${errors.length} errors`} above and import again`;
    err(`\n${errors.map((e) => `error: ${e}`).join('\n')}\n\n${opts.dryRun ? 'dry run: the import would write nothing; ' : 'nothing written: '}${fix}`);
    return 1;
  }
  for (const p of added) out(`new person: ${p.name} → /reporters/${p.id}/ (added to ${relative(opts.cwd, join(opts.content, 'people.yaml'))})`);
  const articlesPlan = plan.filter((f) => f.path.endsWith('.md'));
  const count = (s: PlannedFile['status']) => articlesPlan.filter((f) => f.status === s).length;
  if (opts.dryRun) {
    out(`\ndry run: ${count('new')} new, ${count('replace')} to replace, ${count('unchanged')} unchanged; nothing written`);
    return 0;
  }
  writePlanned(plan);
  out(`\nwritten: ${count('new')} new, ${count('replace')} replaced, ${count('unchanged')} unchanged`);
  return 0;
}

export function runImport(argv: string[], io: CliIO): number {
  try {
    return main(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`error: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (e instanceof ContentError) {
      io.stderr.write(`error: the registries in the content folder have problems:\n${e.message}\n`);
      return 1;
    }
    // Never a stack trace: say what failed (a file that cannot be written, say) and stop.
    io.stderr.write(`error: ${(e as NodeJS.ErrnoException).code ? `${(e as NodeJS.ErrnoException).code}: ` : ''}${(e as Error).message ?? String(e)}\n`);
    return 1;
  }
}

if (import.meta.main) {
  guardCli('npm run import');
  process.exitCode = runImport(process.argv.slice(2), processIO());
}
