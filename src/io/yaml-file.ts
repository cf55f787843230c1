// Reads a YAML registry file (places, stars) with positions for every entry, YAML 1.2 core schema.
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, isNode } from 'yaml';
import type { Problem } from './problems.ts';

export interface ParsedYaml {
  data: unknown;
  locate(path: readonly (string | number)[]): { line: number; col: number };
  problems: Problem[];
}

export function parseYamlFile(file: string, source = readFileSync(file, 'utf8')): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source.replace(/^\uFEFF/, ''), { schema: 'core', lineCounter, uniqueKeys: true, prettyErrors: false });
  const problems: Problem[] = doc.errors.map((e) => {
    const { line, col } = lineCounter.linePos(e.pos[0]);
    return { file, line, col, field: '', severity: 'error' as const, message: `expected valid YAML, found ${e.message.split('\n')[0]}` };
  });
  const locate = (path: readonly (string | number)[]) => {
    for (let p = [...path]; p.length; p.pop()) {
      const node = doc.getIn(p, true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]);
    }
    return { line: 1, col: 1 };
  };
  return { data: problems.length ? undefined : doc.toJS(), locate, problems };
}
