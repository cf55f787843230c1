// Reads article files: frontmatter parsed with positions, validated by the shared schema.
import { basename, relative } from 'node:path';
import { summaryFromBody, type Article } from '../lib/article.ts';
import { findPhotos, isStaffCredit, type PhotoRef } from '../lib/photos.ts';
import { articleSchema, type Registries } from '../schema.ts';
import { listMarkdown, readTextFile } from './content-files.ts';
import { fieldTextProblems } from './field-text.ts';
import { parseMarkdown } from './frontmatter.ts';
import { PROBLEM, type Problem } from './problems.ts';
import { issuesToProblems } from './zod-problems.ts';

export interface ArticleFile {
  article?: Article;
  body: string;
  /** 1-based line of the body's first line in the file. */
  bodyLine: number;
  /** The body's photos, with positions in the file (not just the body). */
  photos: PhotoRef[];
  file: string;
  problems: Problem[];
  /** Where a frontmatter value is written (for messages about it). */
  locate(path: readonly (string | number)[]): { line: number; col: number };
}

/** Field names as editors write them, for messages (the schema renames street → place etc.). */
const FIELD_NAMES: Record<string, string> = { place: 'street', stars: 'star', reporters: 'reporter', correspondents: 'correspondent' };
/** Fields holding people's names: they become URLs and folder names, so they are kept short. */
const NAME_FIELDS = ['reporter', 'correspondent', 'photo'];

const schemas = new WeakMap<Registries, ReturnType<typeof articleSchema>>();
function schemaFor(registries: Registries) {
  let s = schemas.get(registries);
  if (!s) schemas.set(registries, (s = articleSchema(registries)));
  return s;
}

export function articleIdOf(file: string): string {
  return basename(file).replace(/\.md$/i, '');
}

export { duplicateIdProblem } from '../lib/check-rules.ts';

/** Parses and validates one article; `display` is the path shown in messages. */
export function readArticleSource(display: string, source: string, registries: Registries): ArticleFile {
  const parsed = parseMarkdown(display, source);
  const problems = [...parsed.problems];
  const id = articleIdOf(display);
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) {
    problems.push({ file: display, line: 1, col: 1, field: 'file name', severity: 'error', code: PROBLEM.badFileName, message: `expected an ASCII file name like 2022-09-08-lianhu-wenhua.md (it becomes the URL), found ${basename(display)}` });
  }
  const { locate, bodyLine } = parsed;
  const base = { file: display, body: parsed.body, bodyLine, photos: [] as PhotoRef[], problems, locate };
  if (parsed.problems.length) return base;
  const unsafe = fieldTextProblems(display, parsed.data, { nameFields: NAME_FIELDS, locate, fieldOf: (p) => String(p[0] ?? '') });
  problems.push(...unsafe);
  // A field with unsafe text is reported once, for that: not again as a value the schema refused.
  const said = new Set(unsafe.map((p) => p.field));
  const r = schemaFor(registries).safeParse(parsed.data);
  if (!r.success) {
    problems.push(...issuesToProblems(display, r.error.issues, (p) => locate(p), (p) => String(FIELD_NAMES[String(p[0])] ?? p[0] ?? '')).filter((p) => !said.has(p.field)));
    return base;
  }
  if (!parsed.body.trim()) {
    problems.push({ file: display, line: parsed.bodyLine, col: 1, field: 'body', severity: 'error', code: PROBLEM.emptyBody, message: 'expected the article text below the frontmatter, found an empty body' });
  }
  const photos = findPhotos(parsed.body).map((p) => ({ ...p, line: p.line + bodyLine - 1 }));
  // Photographers need not be in people.yaml (anyone may take a photo), but a name that is not
  // gets a person page whose address is only assigned for now: say so, and check --fix registers it.
  const unregistered = (name: string) => `${registries.people.unknownMessage(name)}; until then the photographer's page address may change`;
  if (Array.isArray(r.data.photo)) {
    r.data.photo.forEach((name, i) => {
      if (!registries.people.resolve(name)) problems.push({ file: display, ...locate(['photo', i]), field: 'photo', value: name, severity: 'warning', code: PROBLEM.unknownPerson, message: unregistered(name) });
    });
  }
  for (const p of photos) {
    for (const name of p.credit) {
      if (!isStaffCredit(name) && !registries.people.resolve(name)) problems.push({ file: display, line: p.line, col: p.col, field: 'photo', value: name, severity: 'warning', code: PROBLEM.unknownPerson, message: `${p.src}: ${unregistered(name)}` });
    }
  }
  const article: Article = {
    ...r.data,
    id,
    summary: r.data.summary ?? summaryFromBody(parsed.body),
    photos: photos.map(({ src, alt, caption, credit }) => ({ src, alt, caption, credit })),
    lead: r.data.cover ?? photos[0]?.src,
  };
  return { ...base, article: problems.some((p) => p.severity === 'error') ? undefined : article, photos };
}

export function readArticleFile(file: string, registries: Registries, root = process.cwd()): ArticleFile {
  const display = relative(root, file) || file;
  const read = readTextFile(file, display);
  if ('problem' in read) return { file: display, body: '', bodyLine: 1, photos: [], problems: [read.problem], locate: () => ({ line: 1, col: 1 }) };
  return readArticleSource(display, read.source, registries);
}

/**
 * Every .md file under a folder, sorted so builds are deterministic; what cannot be read safely
 * (symbolic links to folders or out of the folder, names that are not UTF-8) is left out. Use
 * listMarkdown (src/io/content-files.ts) where those must be reported.
 */
export function listMarkdownFiles(dir: string): string[] {
  return listMarkdown(dir).files;
}
