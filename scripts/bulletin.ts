// npm run bulletin -- --kind 简报 --from 2022-07-01 --to 2022-09-30 --district 中原区 --title …
// Writes content/bulletins/<id>.md: the matching articles in date order for an editor to
// reorder or trim, and a placeholder editor's note. Never overwrites an existing bulletin.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Article } from '../src/lib/article.ts';
import { draftBulletin, DraftError } from '../src/lib/bulletin-draft.ts';
import { bulletinScope } from '../src/lib/bulletins.ts';
import { listMarkdownFiles, readArticleSource, articleIdOf } from '../src/io/articles.ts';
import { readText } from '../src/io/check.ts';
import { readBulletinSource } from '../src/io/bulletins.ts';
import { contentDir } from '../src/io/content-dir.ts';
import { formatProblem, ContentError, type Problem } from '../src/io/problems.ts';
import { loadRegistries } from '../src/io/registries.ts';
import { guardCli } from '../src/io/cli-guard.ts';

guardCli('npm run bulletin');

const USAGE = `Usage: npm run bulletin -- --kind 简报|专版 --title TITLE [--from YYYY-MM-DD] [--to YYYY-MM-DD]
         [--street NAME]… [--district NAME]… [--star NAME]… [--department NAME] [--issue 第N期]
         [--date YYYY-MM-DD] [--id ID] [--content DIR]
  --from/--to   the period covered and selected (both required for a 简报)
  --date        the bulletin's date (default: --to)
  --id          the file name (default: <date>-<place ids or quanbu>-jianbao|zhuanban)
  --content     the content folder (default: $JIEXUN_CONTENT or ./content)`;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let values;
try {
  ({ values } = parseArgs({
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
      issue: { type: 'string' },
      id: { type: 'string' },
      content: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: false,
  }));
} catch (e) {
  fail(`${(e as Error).message}\n\n${USAGE}`);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const cwd = process.cwd();
const root = values.content ? resolve(values.content) : contentDir(cwd);
const shown = (file: string) => relative(cwd, file) || file;

let registries;
try {
  registries = loadRegistries(root);
} catch (e) {
  if (e instanceof ContentError) fail(`${e.problems.map(formatProblem).join('\n')}\n\nFix the registries above first.`);
  fail(`npm run bulletin: ${(e as Error).message}`);
}

// Every article must read cleanly: a bulletin drafted from a partly broken folder would silently miss some.
const articles: Article[] = [];
const problems: Problem[] = [];
for (const file of listMarkdownFiles(join(root, 'articles'))) {
  const text = readText(file, shown(file));
  if ('problem' in text) {
    problems.push(text.problem);
    continue;
  }
  const r = readArticleSource(shown(file), text.source, registries);
  problems.push(...r.problems);
  if (r.article) articles.push(r.article);
}
const errors = problems.filter((p) => p.severity === 'error');
if (errors.length) fail(`${errors.map(formatProblem).join('\n')}\n\n${errors.length} error(s) in ${shown(join(root, 'articles'))}: fix them (npm run check) before drafting a bulletin.`);

let draft;
try {
  draft = draftBulletin(
    {
      kind: values.kind, title: values.title, from: values.from, to: values.to, date: values.date,
      streets: values.street, districts: values.district, stars: values.star,
      department: values.department, issue: values.issue, id: values.id,
    },
    articles,
    registries,
  );
} catch (e) {
  if (e instanceof DraftError) fail(`${e.problems.join('\n')}\n\nRun npm run bulletin -- --help for the options.`);
  fail(`npm run bulletin: ${(e as Error).message}`);
}

const dir = join(root, 'bulletins');
const file = join(dir, `${draft.id}.md`);
const clash = listMarkdownFiles(dir).find((f) => articleIdOf(f) === draft.id);
if (clash) fail(`${shown(clash)} already exists: refusing to overwrite it. Choose another --id, or delete that file first.`);

// What is written must read back as a valid bulletin, with every listed article found.
const check = readBulletinSource(shown(file), draft.markdown, registries, new Set(articles.map((a) => a.id)));
if (check.problems.length) {
  fail(`${check.problems.map(formatProblem).join('\n')}\n\nThe drafted bulletin would not pass npm run check (this is a fault in npm run bulletin; please report it with the command you ran); nothing written.`);
}

// A second 简报 for the same district and quarter is usually one drafted twice: say so, and write it anyway.
const placeOf = new Map(articles.map((a) => [a.id, a.place]));
const districtOf = (placeId: string) => registries.places.lineage(placeId).find((p) => p.level === 'district')?.id;
const scope = bulletinScope(check.bulletin!, (id) => placeOf.get(id), districtOf);
const same = listMarkdownFiles(dir).filter((f) => {
  let source: string;
  try {
    source = readFileSync(f, 'utf8');
  } catch {
    return false;
  }
  const b = readBulletinSource(shown(f), source, registries).read;
  return b && bulletinScope(b, (id) => placeOf.get(id), districtOf) === scope;
});
for (const f of same) console.error(`warning: ${shown(f)} is already a ${draft.kind} for the same place and period; writing a second one (delete one of them if it was drafted twice)`);

mkdirSync(dir, { recursive: true });
try {
  writeFileSync(file, draft.markdown, { flag: 'wx' }); // wx: never replace a file that appeared meanwhile
} catch (e) {
  if ((e as NodeJS.ErrnoException).code === 'EEXIST') fail(`${shown(file)} already exists: refusing to overwrite it. Choose another --id, or delete that file first.`);
  fail(`could not write ${shown(file)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
}
const first = draft.articles[0].date;
const last = draft.articles.at(-1)!.date;
console.log(`Wrote ${shown(file)}: ${draft.kind} with ${draft.articles.length} article(s), ${first} to ${last}.`);
console.log('Next: replace the editor\'s note marked 【待编辑】, reorder or remove articles if needed, then run npm run check.');
