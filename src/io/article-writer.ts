// Writes imported articles: frontmatter through the shared writer, all-or-nothing. Every file is
// checked before any is written, an existing file is never replaced unless asked (--force),
// and each file is written to a temporary name and renamed, so no reader sees half a file.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { markdownFile } from '../lib/frontmatter-text.ts';

export type WriteStatus = 'new' | 'unchanged' | 'conflict' | 'replace';

export interface PlannedFile {
  /** Where the file goes. */
  path: string;
  content: string;
  status: WriteStatus;
}

/** The article file's text: YAML frontmatter, a blank line, then the Markdown body. */
export function renderArticle(data: Record<string, unknown>, body: string): string {
  return markdownFile(data, body);
}

/**
 * What writing would do to each file: create it, leave it (same bytes, or `same` says the two
 * texts mean the same), or replace it (only with force).
 */
export function planFiles(files: readonly { path: string; content: string }[], force: boolean, same: (onDisk: string, planned: string) => boolean = () => false): PlannedFile[] {
  return files.map(({ path, content }) => {
    if (!existsSync(path)) return { path, content, status: 'new' };
    const onDisk = readFileSync(path, 'utf8');
    if (onDisk === content || same(onDisk, content)) return { path, content, status: 'unchanged' };
    return { path, content, status: force ? 'replace' : 'conflict' };
  });
}

/** Writes every new or replaced file; refuses (writing nothing) if any file is in conflict. */
export function writePlanned(plan: readonly PlannedFile[]): void {
  const conflicts = plan.filter((f) => f.status === 'conflict');
  if (conflicts.length) throw new Error(`refusing to overwrite ${conflicts.map((f) => f.path).join(', ')}`);
  const todo = plan.filter((f) => f.status === 'new' || f.status === 'replace');
  const temps: { temp: string; path: string }[] = [];
  try {
    for (const f of todo) {
      mkdirSync(dirname(f.path), { recursive: true });
      const temp = `${f.path}.${process.pid}.tmp`;
      writeFileSync(temp, f.content, { encoding: 'utf8', flag: 'wx' });
      temps.push({ temp, path: f.path });
    }
  } catch (e) {
    for (const t of temps) rmSync(t.temp, { force: true });
    throw e;
  }
  for (const t of temps) renameSync(t.temp, t.path);
}
