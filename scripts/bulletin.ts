// npm run bulletin -- --kind 简报 --from 2022-07-01 --to 2022-09-30 --district 中原区 --title …
// Writes content/bulletins/<id>.md: the matching articles in date order for an editor to
// reorder or trim, and a placeholder editor's note. Never overwrites an existing bulletin.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Article } from '../src/lib/article.ts';
import type { Bulletin } from '../src/lib/bulletins.ts';
import { draftBulletin, DraftError } from '../src/lib/bulletin-draft.ts';
import { listMarkdownFiles, readArticleSource, articleIdOf } from '../src/io/articles.ts';
import { readTextFile } from '../src/io/content-files.ts';
import { guardCli } from '../src/io/cli-guard.ts';
import { bulletinScope } from '../src/lib/bulletins.ts';
import { readBulletinSource } from '../src/io/bulletins.ts';
import { formatProblem, ContentError, type Problem } from '../src/io/problems.ts';
import { loadRegistries } from '../src/io/registries.ts';
import { bulletinDraftUi } from '../src/ui/strings.ts';
import { printers, processIO, type CliIO } from './cli-io.ts';

const USAGE = `Usage: npm run bulletin -- --kind 简报|专版 --title TITLE [--from YYYY-MM-DD] [--to YYYY-MM-DD]
         [--street NAME]… [--district NAME]… [--star NAME]… [--department NAME] [--masthead NAME]
         [--issue N] [--supplement] [--mark TEXT]… [--classification 秘密★1年]
         [--report-to UNIT]… [--send-to UNIT]… [--issue-to UNIT]… [--copies N]
         [--date YYYY-MM-DD] [--id ID] [--content DIR]
  --from/--to   the period covered and selected (both required for a 简报)
  --masthead    the name printed in red at the top (报头); default: that of the last issue of the
                same kind (from the same --department, when given), as are --department, the marks,
                the 报/送/发 lines (--report-to, --send-to, --issue-to) and --copies
  --issue       the 期号; default for a 简报: the next number of its series in the bulletin's year
                (one past the highest used, never reused); --supplement numbers a 增刊 apart
  --date        the bulletin's date (default: --to)
  --id          the file name (default: <date>-<place ids or quanbu>-jianbao|zhuanban)
  --content     the content folder (default: $JIEXUN_CONTENT or ./content)`;

export function runBulletin(argv: string[], io: CliIO): number {
  const { out, err } = printers(io);
  const fail = (message: string) => (err(message), 1);
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        kind: { type: 'string' },
        title: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        date: { type: 'string' },
        street: { type: 'string', multiple: true },
        district: { type: 'string', multiple: true },
        star: { type: 'string', multiple: true },
        department: { type: 'string' },
        masthead: { type: 'string' },
        issue: { type: 'string' },
        supplement: { type: 'boolean' },
        mark: { type: 'string', multiple: true },
        classification: { type: 'string' },
        'report-to': { type: 'string', multiple: true },
        'send-to': { type: 'string', multiple: true },
        'issue-to': { type: 'string', multiple: true },
        copies: { type: 'string' },
        id: { type: 'string' },
        content: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: false,
    }));
  } catch (e) {
    return fail(`${(e as Error).message}\n\n${USAGE}`);
  }
  if (values.help) {
    out(USAGE);
    return 0;
  }

  const cwd = io.cwd;
  const root = resolve(cwd, values.content ?? io.env.JIEXUN_CONTENT ?? 'content');
  const shown = (file: string) => relative(cwd, file) || file;

  let registries;
  try {
    registries = loadRegistries(root);
  } catch (e) {
    if (e instanceof ContentError) return fail(`${e.problems.map(formatProblem).join('\n')}\n\nFix the registries above first.`);
    return fail(`npm run bulletin: ${(e as Error).message}`);
  }

  // Every article must read cleanly: a bulletin drafted from a partly broken folder would silently miss some.
  const articles: Article[] = [];
  const problems: Problem[] = [];
  for (const file of listMarkdownFiles(join(root, 'articles'))) {
    const text = readTextFile(file, shown(file));
    if ('problem' in text) {
      problems.push(text.problem);
      continue;
    }
    const r = readArticleSource(shown(file), text.source, registries);
    problems.push(...r.problems);
    if (r.article) articles.push(r.article);
  }
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length) return fail(`${errors.map(formatProblem).join('\n')}\n\n${errors.length} error(s) in ${shown(join(root, 'articles'))}: fix them (npm run check) before drafting a bulletin.`);

  // Every bulletin too: the next 期号 and the masthead carried over come from the series' earlier issues.
  const dir = join(root, 'bulletins');
  const existing: Bulletin[] = [];
  const bulletinErrors: Problem[] = [];
  for (const file of listMarkdownFiles(dir)) {
    const text = readTextFile(file, shown(file));
    if ('problem' in text) {
      bulletinErrors.push(text.problem);
      continue;
    }
    const r = readBulletinSource(shown(file), text.source, registries);
    bulletinErrors.push(...r.problems.filter((p) => p.severity === 'error'));
    if (r.bulletin) existing.push(r.bulletin);
  }

  let draft;
  try {
    draft = draftBulletin(
      {
        kind: values.kind, title: values.title, from: values.from, to: values.to, date: values.date,
        streets: values.street, districts: values.district, stars: values.star,
        department: values.department, masthead: values.masthead, issue: values.issue, supplement: values.supplement,
        marks: values.mark, classification: values.classification,
        reportTo: values['report-to'], sendTo: values['send-to'], issueTo: values['issue-to'], copies: values.copies, id: values.id,
      },
      articles,
      registries,
      existing,
      bulletinDraftUi,
    );
  } catch (e) {
    if (e instanceof DraftError) return fail(`${e.problems.join('\n')}\n\nRun npm run bulletin -- --help for the options.`);
    return fail(`npm run bulletin: ${(e as Error).message}`);
  }

  const file = join(dir, `${draft.id}.md`);
  const clash = listMarkdownFiles(dir).find((f) => articleIdOf(f) === draft.id);
  if (clash) return fail(`${shown(clash)} already exists: refusing to overwrite it. Choose another --id, or delete that file first.`);
  // Checked after the clash, which is the plainer message when the broken file is the one in the way.
  if (bulletinErrors.length) return fail(`${bulletinErrors.map(formatProblem).join('\n')}\n\n${bulletinErrors.length} error(s) in ${shown(dir)}: fix them (npm run check) before drafting a bulletin, so that its 期号 follows the others.`);

  // What is written must read back as a valid bulletin, with every listed article found.
  const check = readBulletinSource(shown(file), draft.markdown, registries, new Set(articles.map((a) => a.id)));
  if (check.problems.length) {
    return fail(`${check.problems.map(formatProblem).join('\n')}\n\nThe drafted bulletin would not pass npm run check (a fault in npm run bulletin; please report it with the command you ran); nothing written.`);
  }

  // A second 简报 for the same district and period is usually one drafted twice: say so, and write it anyway.
  const placeOf = new Map(articles.map((a) => [a.id, a.place]));
  const districtOf = (placeId: string) => registries.places.lineage(placeId).find((p) => p.level === 'district')?.id;
  const scope = bulletinScope(check.bulletin!, (id) => placeOf.get(id), districtOf);
  for (const b of scope ? existing.filter((x) => bulletinScope(x, (id) => placeOf.get(id), districtOf) === scope) : []) {
    err(`warning: ${b.file} is already a ${draft.kind} for the same place and period; writing a second one (delete one of them if it was drafted twice)`);
  }

  mkdirSync(dir, { recursive: true });
  try {
    writeFileSync(file, draft.markdown, { flag: 'wx' }); // wx: never replace a file that appeared meanwhile
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return fail(`${shown(file)} already exists: refusing to overwrite it. Choose another --id, or delete that file first.`);
    return fail(`could not write ${shown(file)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const first = draft.articles[0].date;
  const last = draft.articles.at(-1)!.date;
  out(`Wrote ${shown(file)}: ${draft.kind} with ${draft.articles.length} article(s), ${first} to ${last}.`);
  out('Next: replace the editor\'s note marked 【待编辑】, reorder or remove articles if needed, then run npm run check.');
  return 0;
}

if (import.meta.main) {
  guardCli('npm run bulletin');
  process.exitCode = runBulletin(process.argv.slice(2), processIO());
}
