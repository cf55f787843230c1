// Each cache folder's own Astro root (src/io/astro-root.ts), in a scratch project folder.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { astroRootFor, astroRootsDir, sweepAstroRoots } from '../../src/io/astro-root.ts';

const project = mkdtempSync(join(tmpdir(), 'jiexun-astro-root-'));
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('astroRootFor', () => {
  it('gives one root per cache folder, inside the project, and makes the cache folder', () => {
    const a = astroRootFor(project, join(project, 'cache-a'));
    const b = astroRootFor(project, join(project, 'cache-b'));
    expect(a).not.toBe(b);
    expect(astroRootFor(project, join(project, 'cache-a'))).toBe(a);
    for (const root of [a, b]) expect(root.startsWith(`${astroRootsDir(project)}/`)).toBe(true);
    expect(astroRootsDir(project)).toBe(join(project, 'node_modules/.astro/roots'));
    expect(existsSync(join(project, 'cache-b'))).toBe(true);
    expect(readFileSync(join(a, 'cache-path'), 'utf8')).toBe(join(project, 'cache-a'));
  });

  it('sweeps the roots of cache folders that are gone, and only those', () => {
    const kept = astroRootFor(project, join(project, 'kept'));
    const gone = astroRootFor(project, join(project, 'gone'));
    const making = join(astroRootsDir(project), 'being-made'); // no cache-path written yet
    mkdirSync(making);
    rmSync(join(project, 'gone'), { recursive: true });
    sweepAstroRoots(project);
    expect(existsSync(kept)).toBe(true);
    expect(existsSync(gone)).toBe(false);
    expect(existsSync(making)).toBe(true);
  });
});
