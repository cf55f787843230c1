// Publishing a file that already exists elsewhere (a cached search shard, a compressed index chunk):
// a hard link when both sit on one disk (instant, no space), else a copy — written under a
// temporary name and renamed, so a crash never leaves a half-copied file under the final name.
import { copyFileSync, linkSync, renameSync } from 'node:fs';

export function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch {
    const partial = `${to}.copying-${process.pid}`;
    copyFileSync(from, partial);
    renameSync(partial, to);
  }
}
