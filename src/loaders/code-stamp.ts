// A digest of the code that turns a source file into a stored entry (schema, readers, domain logic,
// Markdown pipeline, loaders) and of the locked dependencies. It is part of every entry's digest, so
// an upgrade that adds or reshapes a field re-reads every file instead of serving entries cached by
// an older version (a bulletin cached before `marks` existed broke the build).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SOURCES = ['src/schema.ts', 'src/io', 'src/lib', 'src/markdown', 'src/loaders', 'package-lock.json'];

const stamps = new Map<string, string>();

/** `sources`: files and folders (their .ts files) under root; the bulletin PDFs pass the printing step's. */
export function codeStamp(root: string, sources: readonly string[] = SOURCES): string {
  const id = `${root}\u0000${sources.join('\u0000')}`;
  let stamp = stamps.get(id);
  if (stamp) return stamp;
  const hash = createHash('sha256');
  for (const source of sources) {
    const path = join(root, source);
    const files = source.includes('.')
      ? [path]
      : readdirSync(path, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).sort().map((f) => join(path, f));
    for (const file of files) hash.update(file.slice(root.length)).update('\u0000').update(readFileSync(file)).update('\u0000');
  }
  stamp = hash.digest('hex');
  stamps.set(id, stamp);
  return stamp;
}
