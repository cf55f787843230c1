// Builds a site the way `npm run build` does (content check, Astro, search index) into `out`.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const FIXTURE_CONTENT = join(ROOT, 'tests/fixtures/site/content');

/**
 * Extra env for a build whose test asserts nothing of the bulletin PDFs (no PDF file, link or text):
 * printing them in Chromium is over a quarter of a small cold build's CPU. Tests of the PDFs (and the two
 * sites of tests/global-setup.ts, whose PDFs other tests read) keep them.
 */
export const NO_PDF = { JIEXUN_PDF: '0' } as const;

/** How tests/global-setup.ts builds the committed content (siteDist), and where its timing marks go. */
export const SITE_ENV = { JIEXUN_CHUNK_BYTES: '2048' } as const;
export const SITE_TIMINGS = join(ROOT, '.tmp/test-site-dist.timings.jsonl');

export interface BuildResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

function buildCommand(contentDir: string, out: string, extraEnv: Record<string, string>) {
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  const flags = extraEnv.JIEXUN_BUILD_FLAGS ? extraEnv.JIEXUN_BUILD_FLAGS.split(' ') : [];
  return {
    args: [join(ROOT, 'scripts/build.ts'), '--out', out, ...flags],
    options: { cwd: ROOT, env: { ...process.env, JIEXUN_CONTENT: contentDir, JIEXUN_CACHE: `${out}-cache`, ASTRO_TELEMETRY_DISABLED: '1', ...extraEnv } },
  };
}

export function buildSite(contentDir: string, out: string, extraEnv: Record<string, string> = {}): BuildResult {
  const { args, options } = buildCommand(contentDir, out, extraEnv);
  const r = spawnSync(process.execPath, args, { ...options, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same build without blocking: tests/global-setup.ts builds its two sites at once. */
export function buildSiteAsync(contentDir: string, out: string, extraEnv: Record<string, string> = {}): Promise<BuildResult> {
  const { args, options } = buildCommand(contentDir, out, extraEnv);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/**
 * Starts the build cache of `out` as a copy of `dist`'s (a site of tests/global-setup.ts): a build of
 * a copy of that content then reuses what did not change (rendered articles, search shards, bulletin
 * PDFs), as a second build on an editor's machine does.
 */
export function warmCacheFrom(dist: string, out: string): void {
  cpSync(`${dist}-cache`, `${out}-cache`, { recursive: true });
}
