// Appends newcomers to content/people.yaml (the tools keep the registry): the file as it was,
// then the new entries; written to a temporary name and renamed, so no reader sees half a file.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appendPeople, type PersonInput } from '../lib/people.ts';

const HEADER = '# The people registry: reporters, correspondents and photographers; see npm run check -- --help.\n';

/** people.yaml's path and its text with `added` appended (the file is not touched). */
export function peopleFileWith(contentDir: string, added: readonly PersonInput[]): { path: string; content: string } {
  const path = join(contentDir, 'people.yaml');
  const existing = existsSync(path) ? readFileSync(path, 'utf8') : HEADER;
  return { path, content: appendPeople(existing, added) };
}

export function addPeople(contentDir: string, added: readonly PersonInput[]): void {
  if (!added.length) return;
  const { path, content } = peopleFileWith(contentDir, added);
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, content, { encoding: 'utf8', flag: 'wx' });
  renameSync(temp, path);
}
