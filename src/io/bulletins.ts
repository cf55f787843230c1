// Reads bulletin files (专版, 简报): frontmatter parsed with positions, validated by the shared
// schema; when the article ids are known, every listed id is checked at the line it is written on.
import { relative } from 'node:path';
import { unknownArticleMessage, type Bulletin } from '../lib/bulletins.ts';
import { findHtmlImages, findPhotos } from '../lib/photos.ts';
import { bulletinSchema, DISTRIBUTION_KEYS, type Registries } from '../schema.ts';
import { articleIdOf } from './articles.ts';
import { readTextFile } from './content-files.ts';
import { fieldTextProblems } from './field-text.ts';
import { parseMarkdown } from './frontmatter.ts';
import { PROBLEM, type Problem } from './problems.ts';
import { issuesToProblems, type Issue as ZodIssue } from './zod-problems.ts';

export interface BulletinFile {
  bulletin?: Bulletin;
  /** The editor's note (编者按). */
  body: string;
  file: string;
  problems: Problem[];
  /** The bulletin as the schema read it, even when its list names missing articles (for further checks). */
  read?: Bulletin;
  locate(path: readonly (string | number)[]): { line: number; col: number };
}

interface Issue extends ZodIssue {
  errors?: Issue[][];
  keys?: string[];
}

const SELECT_FIELDS = 'from, to, places, stars';

/**
 * zod's issues said in an editor's terms: a failed "one name or a list" union reports the
 * branch that failed on content (莲胡 is no place) rather than "Invalid input", and an unknown
 * key inside select names the fields that are allowed.
 */
function editorIssues(issues: readonly Issue[]): Issue[] {
  return issues.flatMap((iss): Issue[] => {
    if (iss.code === 'invalid_union' && iss.errors) {
      const branch = iss.errors.find((b) => b.length && b.every((i) => i.code === 'custom'));
      if (branch) return editorIssues(branch.map((i) => ({ ...i, path: [...iss.path, ...i.path] })));
    }
    if (iss.code === 'unrecognized_keys' && iss.keys) {
      const under = iss.path.at(-1);
      const allowed = under === 'select' ? `expected only the fields ${SELECT_FIELDS} under select, found`
        : under === 'distribution' ? `expected only the lines ${DISTRIBUTION_KEYS.join(', ')} under distribution, found`
        : 'expected no other fields here, found';
      return iss.keys.map((k) => ({ path: [...iss.path, k], message: `${allowed} an unknown field ${k}`, params: { code: PROBLEM.unknownField } }));
    }
    return [iss];
  });
}

const schemas = new WeakMap<Registries, ReturnType<typeof bulletinSchema>>();
function schemaFor(registries: Registries) {
  let s = schemas.get(registries);
  if (!s) schemas.set(registries, (s = bulletinSchema(registries)));
  return s;
}

/**
 * Parses and validates one bulletin; `display` is the path shown in messages. Pass `articleIds`
 * (every article id in the content folder) to have the `articles:` list checked against them.
 */
export function readBulletinSource(display: string, source: string, registries: Registries, articleIds?: ReadonlySet<string>): BulletinFile {
  const parsed = parseMarkdown(display, source);
  const problems = [...parsed.problems];
  const id = articleIdOf(display);
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) {
    problems.push({ file: display, line: 1, col: 1, field: 'file name', severity: 'error', code: PROBLEM.badFileName, message: `expected an ASCII file name like 2022-09-08-ruanshili.md (it becomes the URL), found ${id}.md` });
  }
  const { locate } = parsed;
  if (parsed.problems.length) return { file: display, body: parsed.body, problems, locate };
  const unsafe = fieldTextProblems(display, parsed.data, { locate: parsed.locate });
  problems.push(...unsafe);
  // A field with unsafe text is reported once, for that: not again as a value the schema refused.
  const said = new Set(unsafe.map((p) => p.field));
  const r = schemaFor(registries).safeParse(parsed.data);
  if (!r.success) {
    const fieldOf = (p: (string | number)[]) => p.filter((k) => typeof k === 'string').join('.');
    problems.push(...issuesToProblems(display, editorIssues(r.error.issues as readonly Issue[]), (p) => parsed.locate(p), fieldOf).filter((p) => !said.has(p.field)));
    return { file: display, body: parsed.body, problems, locate };
  }
  if (articleIds && r.data.articles) {
    let candidates: { name: string; spellings: string[] }[] | undefined;
    r.data.articles.forEach((articleId, i) => {
      if (articleIds.has(articleId)) return;
      candidates ??= [...articleIds].map((a) => ({ name: a, spellings: [a] }));
      const { line, col } = parsed.locate(['articles', i]);
      problems.push({
        file: display, line, col, field: 'articles', severity: 'error', code: PROBLEM.unknownArticle,
        message: unknownArticleMessage(articleId, candidates),
      });
    });
  }
  // The note is printed and exported to Word as text: a photo there would be a broken image.
  for (const img of [...findPhotos(parsed.body), ...findHtmlImages(parsed.body)]) {
    problems.push({
      file: display, line: img.line + parsed.bodyLine - 1, col: img.col, field: 'body', value: img.src, severity: 'error', code: PROBLEM.photoInBulletinNote,
      message: `expected the note (按语) as text, found the image ${img.src}: put photos in the articles the bulletin gathers, where they print and go into the Word file`,
    });
  }
  const bulletin: Bulletin = { ...r.data, id, file: display };
  return { bulletin: problems.length ? undefined : bulletin, read: bulletin, body: parsed.body, file: display, problems, locate };
}

export function readBulletinFile(file: string, registries: Registries, root = process.cwd(), articleIds?: ReadonlySet<string>): BulletinFile {
  const display = relative(root, file) || file;
  const read = readTextFile(file, display);
  if ('problem' in read) return { file: display, body: '', problems: [read.problem], locate: () => ({ line: 1, col: 1 }) };
  return readBulletinSource(display, read.source, registries, articleIds);
}
