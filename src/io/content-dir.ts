// Where the content lives: ./content, or JIEXUN_CONTENT (fixture sites in tests, the benchmark corpus).
import { resolve } from 'node:path';
import { projectDir } from './project-dir.ts';

export function contentDir(root = projectDir()): string {
  return resolve(root, process.env.JIEXUN_CONTENT ?? 'content');
}
