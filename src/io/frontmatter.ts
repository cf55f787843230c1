// Splits a Markdown file into frontmatter and body (gray-matter) and parses the frontmatter
// with YAML 1.2's core schema, which keeps `date: 2022-13-45` as the text written instead of
// rolling it over to a Date, and remembers where every value sits for line:col messages.
import matter from 'gray-matter';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import type { Problem } from './problems.ts';

export interface ParsedMarkdown {
  data: Record<string, unknown>;
  body: string;
  /** 1-based line of the first body line. */
  bodyLine: number;
  /** Position of a frontmatter value (or of its key, or the frontmatter start when absent). */
  locate(path: readonly (string | number)[]): { line: number; col: number };
  problems: Problem[];
}

const FULLWIDTH_COLON_KEY = /^(\s*)([^\s:：#][^:：]*?)：/;

export function parseMarkdown(file: string, source: string): ParsedMarkdown {
  const problems: Problem[] = [];
  // BOM and CRLF are common in files saved by Windows editors; neither is an error.
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const hasFrontmatter = /^---[ \t]*\n/.test(text);
  if (!hasFrontmatter) {
    const found = text.trim() === '' ? 'an empty file' : `text starting with ${JSON.stringify(text.trim().split('\n')[0].slice(0, 30))}`;
    problems.push({ file, line: 1, col: 1, field: '', severity: 'error', message: `expected frontmatter between two --- lines at the top of the file, found ${found}` });
    return { data: {}, body: text, bodyLine: 1, locate: () => ({ line: 1, col: 1 }), problems };
  }
  let doc: Document.Parsed | undefined;
  const lineCounter = new LineCounter();
  const parsed = matter(text, {
    engines: {
      yaml: (raw: string) => {
        doc = parseDocument(raw, { schema: 'core', lineCounter, prettyErrors: false, uniqueKeys: true });
        return {};
      },
    },
  });
  if (!/\n---[ \t]*(\n|$)/.test(text.slice(3))) {
    problems.push({ file, line: 1, col: 1, field: '', severity: 'error', message: 'expected a closing --- line after the frontmatter, found none' });
  }
  // Frontmatter text starts on line 2, after the opening ---; gray-matter may keep that line's newline.
  const offset = parsed.matter.startsWith('\n') ? 0 : 1;
  const pos = (at: number) => {
    const lp = lineCounter.linePos(at);
    return { line: lp.line + offset, col: lp.col };
  };
  const fmLineCount = parsed.matter.replace(/^\n/, '').split('\n').length;
  const bodyLine = fmLineCount + 3;
  let data: Record<string, unknown> = {};
  // Mistakes editors make that YAML reports cryptically or not at all: say them in their terms.
  const fmLines = parsed.matter.replace(/^\n/, '').split('\n');
  const lint: Problem[] = [];
  fmLines.forEach((l, i) => {
    const line = i + 2;
    const key = FULLWIDTH_COLON_KEY.exec(l);
    if (key && !/^\s*[^:：]+:\s/.test(l)) {
      lint.push({ file, line, col: key[1].length + key[2].length + 1, field: key[2].trim(), severity: 'error', message: 'expected a colon ":" after the field name, found a full-width colon "："' });
    } else if (/^ *\t/.test(l)) {
      lint.push({ file, line, col: l.indexOf('\t') + 1, field: '', severity: 'error', message: 'expected spaces for indentation, found a tab' });
    }
  });
  problems.push(...lint);
  if (doc && !lint.length) {
    for (const err of doc.errors) {
      const { line, col } = pos(err.pos[0]);
      const message = `expected valid YAML (field: value), found ${err.message.split('\n')[0].replace(/ at line \d+, column \d+.*$/, '')}`;
      problems.push({ file, line, col, field: '', severity: 'error', message });
    }
  }
  if (doc && !problems.length) {
    {
      const js = doc.toJS();
      if (js === null || js === undefined) data = {};
      else if (typeof js !== 'object' || Array.isArray(js)) {
        problems.push({ file, line: 2, col: 1, field: '', severity: 'error', message: `expected frontmatter fields (field: value), found ${JSON.stringify(js).slice(0, 40)}` });
      } else data = js as Record<string, unknown>;
    }
  }
  const locate = (path: readonly (string | number)[]) => {
    if (doc && path.length) {
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
  return { data, body: parsed.content.replace(/^\n/, ''), bodyLine, locate, problems };
}
