// "Problems carry codes; no code matches message text." Read with TypeScript's parser from every
// source file under src/ and scripts/: the messages problems are made with, and every place that
// decides something by matching text, which must not match a message. Then the importer's codes
// themselves: each one used, each warning coded, the editor's wording unchanged.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { loadRegistries } from '../../src/io/registries.ts';
import { importPage } from '../../src/lib/import/import-page.ts';
import { reviewLines } from '../../src/lib/import/review.ts';
import { PROBLEM } from '../../src/lib/problem.ts';

const ROOT = resolve(import.meta.dirname, '../..');

function sources(folders: readonly string[]): Map<string, ts.SourceFile> {
  const out = new Map<string, ts.SourceFile>();
  for (const folder of folders) {
    for (const f of readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })) {
      if (!f.endsWith('.ts')) continue;
      const file = join(folder, f).split('\\').join('/');
      out.set(file, ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true));
    }
  }
  return out;
}

function walk(node: ts.Node, visit: (n: ts.Node) => void): void {
  visit(node);
  node.forEachChild((c) => walk(c, visit));
}

/** The literal pieces of a message expression: a string's text, a template's head and middles. */
function literalPieces(e: ts.Expression): string[] {
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [e.text];
  if (ts.isTemplateExpression(e)) return [e.head.text, ...e.templateSpans.map((s) => s.literal.text)];
  return [];
}

const isProblemCode = (e: ts.Expression | undefined) => !!e && ts.isPropertyAccessExpression(e) && e.expression.getText() === 'PROBLEM';

/**
 * The wording problems are made with: the second argument of a call whose first is a PROBLEM code
 * (importWarning(PROBLEM.x, `…`)), and the `message` of an object literal with a PROBLEM `code`.
 */
function messagePieces(files: Map<string, ts.SourceFile>): string[] {
  const pieces: string[] = [];
  for (const sf of files.values()) {
    walk(sf, (n) => {
      if (ts.isCallExpression(n) && isProblemCode(n.arguments[0]) && n.arguments[1]) pieces.push(...literalPieces(n.arguments[1]));
      if (ts.isObjectLiteralExpression(n)) {
        const prop = (name: string) => n.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === name);
        const message = prop('message');
        if (isProblemCode(prop('code')?.initializer) && message) pieces.push(...literalPieces(message.initializer));
      }
    });
  }
  // Pieces too short to say anything (", ", ": check") would match any text.
  return pieces.map((p) => p.trim()).filter((p) => p.length >= 8);
}

const TEXT_TESTS = new Set(['test', 'match', 'matchAll', 'startsWith', 'endsWith', 'includes', 'indexOf', 'search']);

/** A regex's plain-text alternatives: /^ambiguous place|^no place found/ → ambiguous place, no place found. */
function regexWords(pattern: string): string[] {
  return pattern.split('|').map((alt) => alt.replace(/^\^|\$$/g, '').replace(/\\(.)/g, '$1')).filter((alt) => !/[[\]()*+?{}.^$]/.test(alt));
}

/** Every place a file decides by text that a problem's message is made of, or by a message itself. */
function matchesOnMessages(files: Map<string, ts.SourceFile>, pieces: readonly string[]): string[] {
  const found: string[] = [];
  // A phrase (words with a space between), not a one-word value like 'reporter' or 'subhead': those are codes and kinds.
  const inMessage = (text: string) => /\S \S/.test(text.trim()) && text.trim().length >= 6 && pieces.some((p) => p.includes(text.trim()));
  for (const [file, sf] of files) {
    const at = (n: ts.Node) => `${file}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}  ${n.getText().slice(0, 80)}`;
    walk(sf, (n) => {
      if (ts.isRegularExpressionLiteral(n)) {
        const pattern = n.text.slice(1, n.text.lastIndexOf('/'));
        if (regexWords(pattern).some(inMessage)) found.push(at(n));
      }
      if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && TEXT_TESTS.has(n.expression.name.text)) {
        const receiver = n.expression.expression;
        const args = n.arguments;
        const reads = (e: ts.Expression) => ts.isPropertyAccessExpression(e) && e.name.text === 'message' && !/^\(?(e|err|error)\b/.test(e.expression.getText());
        // A problem's message tested at all (p.message.startsWith(…), /…/.test(w.message)).
        if (reads(receiver) || args.some(reads)) found.push(at(n));
        // A string searched for that a message is made of (w.includes('no place found')).
        else if (args.some((a) => literalPieces(a).some(inMessage))) found.push(at(n));
      }
      if (ts.isBinaryExpression(n) && [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(n.operatorToken.kind)) {
        if ([n.left, n.right].some((e) => literalPieces(e).some(inMessage))) found.push(at(n));
      }
    });
  }
  return found;
}

const files = sources(['src', 'scripts']);
const pieces = messagePieces(files);

describe('no code matches message text', () => {
  it('reads the messages problems are made with, the importer\'s and the checks\'', () => {
    expect(pieces).toEqual(expect.arrayContaining(['ambiguous place: the text names', 'no place found in the headline or the text; set street by hand', 'named in the text, not tagged:']));
    expect(pieces.some((p) => p.startsWith('expected each article once'))).toBe(true);
    expect(pieces.length).toBeGreaterThan(40);
  });

  it('finds no decision by a message\'s text anywhere under src/ or scripts/', () => {
    expect(matchesOnMessages(files, pieces)).toEqual([]);
  });

  it('would catch a regex, a string search or a comparison on message text', () => {
    const planted = new Map([[
      'scripts/planted.ts',
      ts.createSourceFile('scripts/planted.ts', [
        "const why = a.warnings.find((w) => /^ambiguous place|^no place found/.test(w)) ?? 'none';",
        "if (w.includes('set street by hand')) skip();",
        "if (p.message.startsWith('x')) skip();",
        "if (w === 'no place found in the headline or the text; set street by hand') skip();",
        "if (w.code === PROBLEM.importNoPlace) fine(); if (/[区县市]$/.test(name)) fine();",
      ].join('\n'), ts.ScriptTarget.Latest, true),
    ]]);
    expect(matchesOnMessages(planted, pieces).map((f) => f.split('  ')[0])).toEqual(['scripts/planted.ts:1', 'scripts/planted.ts:2', 'scripts/planted.ts:3', 'scripts/planted.ts:4']);
  });
});

describe('the importer\'s codes', () => {
  const IMPORT_CODES = Object.entries(PROBLEM).filter(([, code]) => code.startsWith('import/'));
  const used = new Set<string>();
  for (const sf of files.values()) {
    if (sf.fileName === 'src/lib/problem.ts') continue;
    walk(sf, (n) => {
      if (ts.isPropertyAccessExpression(n) && n.expression.getText() === 'PROBLEM') used.add(n.name.text);
    });
  }

  it('are each made somewhere, and each means one thing', () => {
    expect(IMPORT_CODES.length).toBeGreaterThan(20);
    expect(IMPORT_CODES.filter(([key]) => !used.has(key)).map(([, code]) => code)).toEqual([]);
    expect(new Set(Object.values(PROBLEM)).size).toBe(Object.values(PROBLEM).length);
  });

  it('code every warning of a page, and the review list keeps the editor\'s wording', () => {
    const registries = loadRegistries(join(ROOT, 'content'));
    const page = importPage(readFileSync(join(ROOT, 'tests/fixtures/import/dehua-titles-first.txt'), 'utf8'), registries);
    const all = [...page.warnings, ...page.articles.flatMap((a) => a.warnings)];
    expect(all.length).toBeGreaterThan(0);
    for (const w of all) expect(Object.values(PROBLEM)).toContain(w.code);
    expect(page.articles.map((a) => a.warnings.map((w) => w.code))).toEqual([
      [],
      [PROBLEM.importPlaceFromText, PROBLEM.importNoByline],
      [PROBLEM.importAmbiguousPlace],
    ]);
    const review = reviewLines('dehua-titles-first.txt', page);
    const ambiguous = page.articles[2].warnings[0].message;
    expect(ambiguous).toMatch(/^ambiguous place: the text names 五里堡街道 and 德化街街道 equally often/);
    expect(review).toContain(`     ! ${ambiguous}`);
    expect(review.at(-1)).toBe('  review: 3 warnings in 2 stories, 1 left-over line');
  });
});
