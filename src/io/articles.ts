// Reads article files: frontmatter parsed with positions, validated by the shared schema.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { summaryFromBody, type Article } from '../lib/article.ts';
import { findPhotos, type PhotoRef } from '../lib/photos.ts';
import { articleSchema, type Registries } from '../schema.ts';
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
  const r = schemaFor(registries).safeParse(parsed.data);
  if (!r.success) {
    problems.push(...issuesToProblems(display, r.error.issues, (p) => locate(p), (p) => String(FIELD_NAMES[String(p[0])] ?? p[0] ?? '')));
    return base;
  }
  if (!parsed.body.trim()) {
    problems.push({ file: display, line: parsed.bodyLine, col: 1, field: 'body', severity: 'error', code: PROBLEM.emptyBody, message: 'expected the article text below the frontmatter, found an empty body' });
  }
  const photos = findPhotos(parsed.body).map((p) => ({ ...p, line: p.line + bodyLine - 1 }));
  const article: Article = {
    ...r.data,
    id,
    summary: r.data.summary ?? summaryFromBody(parsed.body),
    photos: photos.map(({ src, alt, caption, credit }) => ({ src, alt, caption, credit })),
    lead: r.data.cover ?? photos[0]?.src,
  };
  return { ...base, article: problems.length ? undefined : article, photos };
}

export function readArticleFile(file: string, registries: Registries, root = process.cwd()): ArticleFile {
  return readArticleSource(relative(root, file) || file, readFileSync(file, 'utf8'), registries);
}

/** Every .md file under a folder, sorted so builds are deterministic. */
export function listMarkdownFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  return entries.filter((e) => e.toLowerCase().endsWith('.md')).map((e) => join(dir, e)).sort();
}
