// Reads a YAML registry file (places, stars, people) with positions for every entry, YAML 1.2
// core schema; YAML's errors said in an editor's terms (src/lib/yaml-mistakes.ts).
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, isNode } from 'yaml';
import type { Problem } from './problems.ts';
import { sourceLines } from './frontmatter.ts';
import { alwaysWrong, yamlProblems } from '../lib/yaml-mistakes.ts';

export interface ParsedYaml {
  data: unknown;
  locate(path: readonly (string | number)[]): { line: number; col: number };
  problems: Problem[];
}

export function parseYamlFile(file: string, source = readFileSync(file, 'utf8')): ParsedYaml {
  const lineCounter = new LineCounter();
  const text = source.replace(/^\uFEFF/, '');
  const doc = parseDocument(text, { schema: 'core', lineCounter, uniqueKeys: true, prettyErrors: false });
  const lines = sourceLines(text);
  const src = { lines, first: 1, last: lines.length, frontmatter: false };
  let found = alwaysWrong(src);
  if (!found.length && doc.errors.length) {
    found = yamlProblems(src, doc.errors.map((e) => ({ code: e.code, ...lineCounter.linePos(e.pos[0]), text: e.message.split('\n')[0] })));
  }
  const problems: Problem[] = found.map((p) => ({ ...p, file }));
  const locate = (path: readonly (string | number)[]) => {
    for (let p = [...path]; p.length; p.pop()) {
      const node = doc.getIn(p, true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]);
    }
    return { line: 1, col: 1 };
  };
  return { data: problems.length ? undefined : doc.toJS(), locate, problems };
}
