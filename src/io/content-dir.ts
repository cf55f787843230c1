// Where the content lives: ./content, or JIEXUN_CONTENT (fixture sites in tests, the benchmark corpus).
import { resolve } from 'node:path';

export function contentDir(root = process.cwd()): string {
  return resolve(root, process.env.JIEXUN_CONTENT ?? 'content');
}
