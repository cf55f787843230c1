// A fresh scratch folder under the repository's .tmp/ (created when missing, so a test runs alone on a
// fresh clone). Under the repository rather than the system temp folder: builds and messages
// show paths relative to it.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';

const TMP = resolve(import.meta.dirname, '../../.tmp');

export function scratchDir(prefix: string): string {
  mkdirSync(TMP, { recursive: true });
  return mkdtempSync(join(TMP, prefix));
}
