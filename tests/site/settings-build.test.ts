// A build with broken site settings stops with the check's message (file:line, field, expected,
// found) and no stack trace, and leaves the previous output alone.
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, FIXTURE_CONTENT } from '../helpers/build-site.ts';
import { scratchDir } from '../helpers/scratch.ts';

const work = scratchDir('settings-build-');
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run build with a broken content/site.yaml', () => {
  it('stops with the problem named and no stack trace', () => {
    const content = join(work, 'content');
    cpSync(FIXTURE_CONTENT, content, { recursive: true });
    const file = join(content, 'site.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^icp: .*$/m, 'icp: 备案中'));
    const r = buildSite(content, join(work, 'dist'));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/site\.yaml:12:6 {2}icp: expected the ICP record number such as 豫ICP备12345678号-1 \(ICP备案号\), found 备案中/);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(join(work, 'dist'))).toBe(false);
  });
});
