// npm run new -- --street 莲湖街道 --title … [--star …] [--reporter …] [--correspondent …] [--date …]
// Writes content/articles/<yyyy>/<date>-<place-id>-<short>.md with valid frontmatter and a
// placeholder paragraph. Asks for missing fields in a terminal; never overwrites a file.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { Readable, Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { articleIdOf, listMarkdownFiles, readArticleSource } from '../src/io/articles.ts';
import { formatProblem } from '../src/io/problems.ts';
import { readRegistries } from '../src/io/registries.ts';
import { addPeople } from '../src/io/people-file.ts';
import { newPeople, withPeople } from '../src/lib/people.ts';
import { starsOutsideSets } from '../src/lib/check-rules.ts';
import { BODY_PLACEHOLDER, newArticle, todayInShanghai } from '../src/lib/new-article.ts';
import { photoUi } from '../src/ui/strings.ts';
import type { Place } from '../src/lib/places.ts';
import { isoDate, type Registries } from '../src/schema.ts';
import { guardCli } from '../src/io/cli-guard.ts';

export interface NewIO {
  cwd: string;
  env: Record<string, string | undefined>;
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable;
  stderr: Writable;
  now?: Date;
}

const USAGE = `usage: npm run new -- --street 莲湖街道 --title 标题 --reporter 记者 [--star 星] [--correspondent 通讯员] [--kicker 引题] [--subtitle 副题] [--date YYYY-MM-DD] [--content DIR]
  --star, --reporter and --correspondent may be given more than once, or as one list: --reporter "鲁燕、张三".
  The date defaults to today (Beijing time). In a terminal, missing fields are asked for.`;

/** "鲁燕、张三" or "鲁燕 张三" or repeated options: editors write lists every way. */
function names(values: readonly string[] | undefined): string[] {
  return (values ?? []).flatMap((v) => v.split(/[\s,，、;；]+/)).map((s) => s.trim()).filter(Boolean);
}

/** Every way the place is written (name, aliases, its parents' names), kept out of the file name. */
function spellings(registries: Registries, place: Place): string[] {
  return registries.places.lineage(place.id).flatMap((p) => [p.name, ...p.aliases]);
}

export async function runNew(argv: string[], io: NewIO): Promise<number> {
  const say = (w: Writable, s: string) => w.write(`${s}\n`);
  const fail = (s: string) => (say(io.stderr, `npm run new: ${s}`), 1);
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        street: { type: 'string' }, title: { type: 'string' }, kicker: { type: 'string' }, subtitle: { type: 'string' },
        star: { type: 'string', multiple: true }, reporter: { type: 'string', multiple: true },
        correspondent: { type: 'string', multiple: true }, date: { type: 'string' }, content: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    say(io.stderr, `npm run new: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const v = args.values;
  if (v.help) return (say(io.stdout, USAGE), 0);

  const contentDir = resolve(io.cwd, v.content ?? io.env.JIEXUN_CONTENT ?? 'content');
  const reg = readRegistries(contentDir);
  if (!reg.registries) {
    for (const p of reg.problems) say(io.stderr, formatProblem({ ...p, file: relative(io.cwd, p.file) || p.file }));
    return fail('fix the registry files first');
  }
  const registries = reg.registries;
  const show = (abs: string) => relative(io.cwd, abs) || abs;

  let title = v.title?.trim() ?? '';
  let street = v.street?.trim() ?? '';
  let reporters = names(v.reporter);
  const missing = [!title && '--title', !street && '--street', !reporters.length && '--reporter'].filter((x): x is string => !!x);
  const wanted: Record<string, string> = {
    '--title': 'the headline (标题)',
    '--street': 'the place, a street, township, district or city from content/places.yaml such as 莲湖街道',
    '--reporter': 'the reporter (记者), one name or several',
  };

  let place = street ? registries.places.resolve(street) : undefined;
  if (street && !place) return fail(`--street: ${registries.places.unknownMessage(street)}`);

  if (missing.length) {
    if (!io.stdin.isTTY) {
      for (const m of missing) say(io.stderr, `npm run new: ${m}: expected ${wanted[m]}, found nothing (pass ${m} …, or run npm run new in a terminal to be asked)`);
      return 1;
    }
    const rl = createInterface({ input: io.stdin, output: io.stdout });
    const lines = rl[Symbol.asyncIterator]();
    const ask = async (prompt: string): Promise<string | undefined> => {
      io.stdout.write(prompt);
      const next = await lines.next();
      return next.done ? undefined : String(next.value).trim();
    };
    try {
      // Keep asking until the answer is usable; the end of input gives up.
      while (!title) {
        const a = await ask('标题（title）：');
        if (a === undefined) return fail('--title: expected the headline (标题), found the end of input');
        title = a;
      }
      while (!place) {
        const a = await ask('街道或乡镇（street，如 莲湖街道）：');
        if (a === undefined) return fail('--street: expected a place such as 莲湖街道, found the end of input');
        if (!a) continue;
        place = registries.places.resolve(a);
        if (!place) say(io.stdout, `--street: ${registries.places.unknownMessage(a)}`);
        else street = a;
      }
      while (!reporters.length) {
        const a = await ask('记者（reporter，多人用空格或顿号分开）：');
        if (a === undefined) return fail('--reporter: expected the reporter (记者), found the end of input');
        reporters = names([a]);
      }
    } finally {
      rl.close();
    }
  }

  const stars: string[] = [];
  const starIds: string[] = [];
  for (const s of names(v.star)) {
    const star = registries.stars.resolve(s);
    if (!star) return fail(`--star: ${registries.stars.unknownMessage(s)}`);
    if (!stars.includes(star.name)) (stars.push(star.name), starIds.push(star.id));
  }
  // A star outside the place's sets is allowed (the place may lack its sets in places.yaml) but said.
  for (const w of starsOutsideSets(place!.id, starIds, registries.places, registries.stars)) say(io.stderr, `npm run new: warning: --star: ${w.message}`);
  const date = (v.date ?? todayInShanghai(io.now)).trim();
  const checkedDate = isoDate.safeParse(date);
  if (!checkedDate.success) return fail(`--date: ${checkedDate.error.issues[0].message}`);

  // Names the people registry does not know yet get their page id now, once and for good.
  const correspondents = names(v.correspondent);
  const added = newPeople(registries.people, [...reporters.map((name) => ({ name, role: 'reporter' as const })), ...correspondents.map((name) => ({ name, role: 'correspondent' as const }))]);
  const withAdded = { ...registries, people: withPeople(registries.people, added) };

  const article = newArticle({
    title, kicker: v.kicker?.trim(), subtitle: v.subtitle?.trim(), street: place!.name, placeId: place!.id,
    placeSpellings: spellings(registries, place!), stars, reporters, correspondents, date,
  });
  const target = join(contentDir, article.path);

  // The file must pass the same check the build runs; say what is wrong in terms of the options.
  const checked = readArticleSource(show(target), article.source, withAdded);
  const errors = checked.problems.filter((p) => p.severity === 'error');
  if (errors.length) {
    for (const p of errors) say(io.stderr, `npm run new: ${p.field ? `--${p.field}: ` : ''}${p.message}`);
    return 1;
  }

  const existing = listMarkdownFiles(join(contentDir, 'articles')).find((f) => articleIdOf(f) === article.id);
  const refuse = (file: string) => fail(`refusing to overwrite ${show(file)}: an article with the id ${article.id} already exists (edit that file, or choose a different --title or --date)`);
  if (existing) return refuse(existing);
  mkdirSync(dirname(target), { recursive: true });
  try {
    writeFileSync(target, article.source, { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return refuse(target);
    return fail(`could not write ${show(target)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  try {
    addPeople(contentDir, added);
  } catch (e) {
    rmSync(target, { force: true });
    return fail(`could not add ${added.map((p) => p.name).join('、')} to ${show(join(contentDir, 'people.yaml'))}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}; nothing written`);
  }
  say(io.stdout, show(target));
  for (const p of added) say(io.stderr, `已登记新人员：${p.name}，个人页 /reporters/${p.id}/（写入 ${show(join(contentDir, 'people.yaml'))}）`);
  say(io.stderr, `已创建稿件：请打开 ${show(target)}，把“${BODY_PLACEHOLDER}”换成正文，然后运行 npm run check。`);
  say(io.stderr, photoUi.whereToPutPhotos(show(dirname(target))));
  return 0;
}

if (import.meta.main) {
  guardCli('npm run new');
  process.exitCode = await runNew(process.argv.slice(2), { cwd: process.cwd(), env: process.env, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
}
