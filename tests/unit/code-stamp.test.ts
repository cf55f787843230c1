import { describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync, appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { codeStamp } from '../../src/loaders/code-stamp.ts';
import { ROOT } from '../helpers/build-site.ts';

describe('the code stamp in every stored entry digest', () => {
  it('changes when the schema or a reader changes, so entries cached by older code are read again', () => {
    const copy = (name: string) => {
      const root = mkdtempSync(join(tmpdir(), `jiexun-stamp-${name}-`));
      for (const p of ['src/schema.ts', 'src/io', 'src/lib', 'src/markdown', 'src/loaders', 'package-lock.json']) cpSync(join(ROOT, p), join(root, p), { recursive: true });
      return root;
    };
    const a = copy('a');
    const b = copy('b');
    expect(codeStamp(b)).toBe(codeStamp(a));
    const c = copy('c');
    appendFileSync(join(c, 'src/schema.ts'), '\n// a new field\n');
    expect(codeStamp(c)).not.toBe(codeStamp(a));
    const d = copy('d');
    mkdirSync(join(d, 'src/io/more'), { recursive: true });
    writeFileSync(join(d, 'src/io/more/reader.ts'), 'export {};\n');
    expect(codeStamp(d)).not.toBe(codeStamp(a));
  });
});
