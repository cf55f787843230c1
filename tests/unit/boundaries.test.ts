// The layout's rules, read from the imports of every file under src/ (and scripts/):
// - src/search/client and src/search/shared run in the browser: they import no Node built-in
//   (node:*), not even through another module of src/;
// - src/lib is pure domain logic: it imports nothing from src/io (files) or src/ui (strings);
// - Pagefind's file format (cbor.ts, pagefind-file.ts) is used only inside src/search/build/pagefind.
// Imports are read with TypeScript's own pre-processor, not with regexes.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const BUILTIN = new Set(builtinModules);

/** file (relative to the root) → what it imports: other files of the repository, or package names. */
type Graph = Map<string, { files: string[]; packages: string[] }>;

function importGraph(folders: string[]): Graph {
  const graph: Graph = new Map();
  for (const folder of folders) {
    for (const f of readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })) {
      if (!/\.(ts|mjs|astro)$/.test(f)) continue;
      const file = join(folder, f).split('\\').join('/');
      let text = readFileSync(join(ROOT, file), 'utf8');
      // An .astro file's imports are in its frontmatter and its <script> tags.
      if (file.endsWith('.astro')) text = [...text.matchAll(/^---\n([\s\S]*?)\n---|<script\b[^>]*>([\s\S]*?)<\/script>/gm)].map((m) => m[1] ?? m[2]).join('\n');
      const specifiers = ts.preProcessFile(text, true, true).importedFiles.map((i) => i.fileName);
      const files: string[] = [];
      const packages: string[] = [];
      for (const s of specifiers) {
        if (s.startsWith('.')) files.push(relative(ROOT, resolve(ROOT, dirname(file), s)).split('\\').join('/'));
        else packages.push(s);
      }
      graph.set(file, { files, packages });
    }
  }
  return graph;
}

const isBuiltin = (p: string) => p.startsWith('node:') || BUILTIN.has(p.split('/')[0]);

/** Every chain of imports from a file under `from` to a Node built-in, through files of the graph. */
function builtinChains(graph: Graph, from: readonly string[]): string[] {
  const chains: string[] = [];
  const seen = new Set<string>();
  const walk = (file: string, path: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    const node = graph.get(file);
    if (!node) return;
    for (const p of node.packages.filter(isBuiltin)) chains.push([...path, file, p].join(' → '));
    for (const f of node.files) walk(f, [...path, file]);
  };
  for (const file of graph.keys()) if (from.some((d) => file.startsWith(d))) walk(file, []);
  return chains;
}

/** Imports by files under `from` of files under `forbidden` (unless the importer is under `except`). */
function importsInto(graph: Graph, from: readonly string[], forbidden: readonly string[], except: readonly string[] = []): string[] {
  const out: string[] = [];
  for (const [file, { files }] of graph) {
    if (!from.some((d) => file.startsWith(d)) || except.some((d) => file.startsWith(d))) continue;
    for (const f of files) if (forbidden.some((d) => f === d || f.startsWith(d))) out.push(`${file} → ${f}`);
  }
  return out;
}

const graph = importGraph(['src', 'scripts']);
const BROWSER = ['src/search/client/', 'src/search/shared/'];
const FORMAT = ['src/search/build/pagefind/cbor.ts', 'src/search/build/pagefind/pagefind-file.ts'];

describe('the layout', () => {
  it('reads the imports of every source file', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('src/search/client/main.ts')?.files).toEqual(expect.arrayContaining(['src/search/client/engine.ts']));
    expect(graph.get('src/search/build/pagefind/merge-bundles.ts')?.packages).toEqual(expect.arrayContaining(['node:fs']));
  });

  it('ships no Node built-in to the browser: src/search/client and src/search/shared, through every import', () => {
    expect(builtinChains(graph, BROWSER)).toEqual([]);
  });

  it('keeps src/lib pure: nothing from src/io or src/ui', () => {
    expect(importsInto(graph, ['src/lib/'], ['src/io/', 'src/ui/'])).toEqual([]);
  });

  it('keeps Pagefind\'s file format inside src/search/build/pagefind', () => {
    expect(importsInto(graph, ['src/', 'scripts/'], FORMAT, ['src/search/build/pagefind/'])).toEqual([]);
  });
});

describe('the rules catch', () => {
  const planted: Graph = new Map([
    ['src/search/client/a.ts', { files: ['src/search/shared/b.ts'], packages: [] }],
    ['src/search/shared/b.ts', { files: ['src/lib/c.ts'], packages: [] }],
    ['src/lib/c.ts', { files: ['src/ui/strings.ts', 'src/io/d.ts'], packages: ['fs'] }],
    ['src/search/build/x.ts', { files: ['src/search/build/pagefind/cbor.ts'], packages: ['node:fs'] }],
  ]);
  it('a built-in imported two modules away, a bare one too', () => {
    expect(builtinChains(planted, BROWSER)).toEqual(['src/search/client/a.ts → src/search/shared/b.ts → src/lib/c.ts → fs']);
  });
  it('src/lib reaching into io and ui, and the file format used outside its folder', () => {
    expect(importsInto(planted, ['src/lib/'], ['src/io/', 'src/ui/'])).toEqual(['src/lib/c.ts → src/ui/strings.ts', 'src/lib/c.ts → src/io/d.ts']);
    expect(importsInto(planted, ['src/'], FORMAT, ['src/search/build/pagefind/'])).toEqual(['src/search/build/x.ts → src/search/build/pagefind/cbor.ts']);
  });
});
