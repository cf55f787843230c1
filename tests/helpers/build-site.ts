// Builds a site the way `npm run build` does (content check, Astro, search index) into `out`.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const FIXTURE_CONTENT = join(ROOT, 'tests/fixtures/site/content');

export function buildSite(contentDir: string, out: string, extraEnv: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  const flags = extraEnv.JIEXUN_BUILD_FLAGS ? extraEnv.JIEXUN_BUILD_FLAGS.split(' ') : [];
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build.ts'), '--out', out, ...flags], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, JIEXUN_CONTENT: contentDir, JIEXUN_CACHE: `${out}-cache`, ASTRO_TELEMETRY_DISABLED: '1', ...extraEnv },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
