// Splits a Markdown file into frontmatter and body and parses the frontmatter with YAML 1.2's
// core schema, which keeps `date: 2022-13-45` as the text written instead of rolling it over to
// a Date, and remembers where every value sits for line:col messages. YAML's errors are said in
// an editor's terms (src/lib/yaml-mistakes.ts).
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { PROBLEM, type Problem } from './problems.ts';
import { alwaysWrong, yamlProblems } from '../lib/yaml-mistakes.ts';

export interface ParsedMarkdown {
  data: Record<string, unknown>;
  body: string;
  /** 1-based line of the first body line. */
  bodyLine: number;
  /** Position of a frontmatter value (or of its key, or the frontmatter start when absent). */
  locate(path: readonly (string | number)[]): { line: number; col: number };
  problems: Problem[];
  /** The file's lines (BOM and CR removed): line n is lines[n - 1]. */
  lines: string[];
}

const DASHES = /^---[ \t]*$/;

/** Normalised source lines: BOM and CRLF are common in files saved by Windows editors; neither is an error. */
export function sourceLines(source: string): string[] {
  return source.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
}

export function parseMarkdown(file: string, source: string): ParsedMarkdown {
  const problems: Problem[] = [];
  const lines = sourceLines(source);
  const at = (line: number, col: number, code: Problem['code'], message: string): Problem => ({ file, line, col, field: '', severity: 'error', code, message });
  if (!DASHES.test(lines[0] ?? '')) {
    const text = lines.join('\n');
    const found = text.trim() === '' ? 'an empty file' : `text starting with ${JSON.stringify(text.trim().split('\n')[0].slice(0, 30))}`;
    problems.push(at(1, 1, PROBLEM.noFrontmatter, `expected frontmatter between two --- lines at the top of the file, found ${found}`));
    return { data: {}, body: text, bodyLine: 1, locate: () => ({ line: 1, col: 1 }), problems, lines };
  }
  const close = lines.findIndex((l, i) => i > 0 && DASHES.test(l));
  if (close < 0) {
    // Without the closing ---, YAML would read the body as frontmatter: its complaints are noise.
    problems.push(at(1, 1, PROBLEM.noClosingDashes, 'expected a closing --- line after the frontmatter, found none'));
    return { data: {}, body: '', bodyLine: lines.length + 1, locate: () => ({ line: 1, col: 1 }), problems, lines };
  }
  const yamlText = lines.slice(1, close).join('\n');
  const bodyLine = close + 2;
  const body = lines.slice(close + 1).join('\n').replace(/^\n/, '');
  const lineCounter = new LineCounter();
  const doc: Document.Parsed = parseDocument(yamlText, { schema: 'core', lineCounter, prettyErrors: false, uniqueKeys: true });
  // Frontmatter text starts on line 2, after the opening ---.
  const pos = (offset: number) => {
    const lp = lineCounter.linePos(offset);
    return { line: lp.line + 1, col: lp.col };
  };
  const src = { lines, first: 2, last: close, frontmatter: true };
  const lint = alwaysWrong(src);
  problems.push(...lint.map((p) => ({ ...p, file })));
  if (!lint.length && doc.errors.length) {
    const errors = doc.errors.map((e) => ({ code: e.code, ...pos(e.pos[0]), text: e.message.split('\n')[0].replace(/ at line \d+, column \d+.*$/, '') }));
    problems.push(...yamlProblems(src, errors).map((p) => ({ ...p, file })));
  }
  let data: Record<string, unknown> = {};
  if (!problems.length) {
    const js = doc.toJS();
    if (js === null || js === undefined) data = {};
    else if (typeof js !== 'object' || Array.isArray(js)) {
      problems.push(at(2, 1, PROBLEM.frontmatterNotFields, `expected frontmatter fields (field: value), found ${JSON.stringify(js).slice(0, 40)}`));
    } else data = js as Record<string, unknown>;
  }
  const locate = (path: readonly (string | number)[]) => {
    if (path.length) {
      const node = doc.getIn(path, true);
      if (isNode(node) && node.range) return pos(node.range[0]);
      // Point at the key when the value is absent or empty.
      const parentPath = path.slice(0, -1);
      const parent = parentPath.length ? doc.getIn(parentPath, true) : doc.contents;
      if (parent && typeof parent === 'object' && 'items' in parent) {
        for (const item of (parent as { items: { key?: unknown }[] }).items) {
          const key = item.key as { value?: unknown; range?: [number, number, number] } | undefined;
          if (key && key.value === path[path.length - 1] && key.range) return pos(key.range[0]);
        }
      }
    }
    return { line: 1, col: 1 };
  };
  return { data, body, bodyLine, locate, problems, lines };
}
