// One Astro run (build or dev server) at a time in this checkout, across the test files that run side
// by side: every run shares <root>/.astro/, where Astro rewrites content-assets.mjs (the photos to
// import) for the content it was given — a build beside another could import the other's photos or
// lose its own. Held by the process (a Vitest worker), re-entrant within it; a holder that died is
// passed over. tests/global-setup.ts clears it before any test file runs. Each wait is written down
// (tests/helpers/lock-waits.ts) for the sequencer.
import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { expect } from 'vitest';
import { processAlive } from '../../src/io/process-alive.ts';
import { LOCK_WAITS } from './lock-waits.ts';

export const ASTRO_LOCK = resolve(import.meta.dirname, '../../.tmp/astro.lock');
const OWNER = join(ASTRO_LOCK, 'pid');
let depth = 0;

/** Blocks (the builds it guards are synchronous spawns too) until this process holds the lock. */
export function lockAstro(): void {
  if (depth++ > 0) return;
  mkdirSync(join(ASTRO_LOCK, '..'), { recursive: true });
  const pause = new Int32Array(new SharedArrayBuffer(4));
  const asked = Date.now();
  for (;;) {
    try {
      mkdirSync(ASTRO_LOCK);
      writeFileSync(OWNER, String(process.pid));
      const file = expect.getState().testPath;
      if (file && Date.now() > asked) appendFileSync(LOCK_WAITS, `${relative(resolve(import.meta.dirname, '../..'), file)}\t${Date.now() - asked}\n`);
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let owner = 0;
    try {
      owner = Number(readFileSync(OWNER, 'utf8'));
    } catch {
      // Taken a moment ago: its owner is still writing its pid.
    }
    if (owner && !processAlive(owner)) rmSync(ASTRO_LOCK, { recursive: true, force: true });
    else Atomics.wait(pause, 0, 0, 100);
  }
}

export function unlockAstro(): void {
  if (depth === 0 || --depth > 0) return;
  rmSync(ASTRO_LOCK, { recursive: true, force: true });
}

/** Runs `fn` holding the lock. */
export function withAstroLock<T>(fn: () => T): T {
  lockAstro();
  try {
    return fn();
  } finally {
    unlockAstro();
  }
}
