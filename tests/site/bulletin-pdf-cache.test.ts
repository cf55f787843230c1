// Bulletin PDFs are printed once: a rebuild serves each unchanged bulletin's PDF and its contents'
// page numbers from <cacheDir>/bulletin-pdfs/, and reprints a bulletin that changed or whose cache
// entry is damaged. Which bulletins were printed is read from the build's timing marks
// (JIEXUN_TIMINGS: "bulletin-pdf:printed <id>" / "bulletin-pdf:reused <id>"), never from the clock.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite, ROOT, SITE_ENV, SITE_TIMINGS, warmCacheFrom } from '../helpers/build-site.ts';

const JIANBAO = '2022-q3-zhongyuan-jianbao';
const CHANGED = '2023-05-16-zuhequan';

let work: string;
const out = () => join(work, 'dist');
const cache = () => `${out()}-cache`;

/** Which bulletins a build printed and which it took from the cache, by its timing marks. */
function printedBy(timings: string): { printed: string[]; reused: string[] } {
  const events: string[] = readFileSync(timings, 'utf8').trim().split('\n').map((l) => JSON.parse(l).event);
  const of = (what: string) => events.filter((e) => e.startsWith(`bulletin-pdf:${what} `)).map((e) => e.split(' ')[1]!).sort();
  return { printed: of('printed'), reused: of('reused') };
}
/** A build of the copy, the way tests/global-setup.ts built the committed content. */
function build(label: string): { printed: string[]; reused: string[] } {
  const timings = join(work, `timings-${label}.jsonl`);
  const r = buildSite(join(work, 'content'), out(), { ...SITE_ENV, JIEXUN_TIMINGS: timings });
  expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
  return printedBy(timings);
}
function snapshot(): Map<string, Buffer> {
  const folder = join(out(), 'bulletins');
  const files = new Map<string, Buffer>();
  for (const d of readdirSync(folder, { withFileTypes: true })) {
    if (d.name.endsWith('.pdf')) files.set(d.name, readFileSync(join(folder, d.name)));
    else if (d.isDirectory() && d.name !== 'page') files.set(`${d.name}/index.html`, readFileSync(join(folder, d.name, 'index.html')));
  }
  return files;
}
const pdfText = (file: string) => spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');

// The cold build is the global setup's of the same content (siteDist, built from an empty cache):
// this file goes on from a copy of its site and cache, as the next build on that machine would.
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'jiexun-pdf-cache-'));
  cpSync(join(ROOT, 'content'), join(work, 'content'), { recursive: true });
  cpSync(inject('siteDist'), out(), { recursive: true });
  warmCacheFrom(inject('siteDist'), out());
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('bulletin PDFs across builds', () => {
  it('prints each bulletin once, serves unchanged ones from the cache and reprints a changed or damaged one', () => {
    const cold = printedBy(SITE_TIMINGS);
    const all = readdirSync(join(work, 'content/bulletins')).map((f) => f.replace(/\.md$/, '')).sort();
    expect(cold.printed).toEqual(all);
    expect(cold.reused).toEqual([]);
    const first = snapshot();
    // The long 简报 carries its contents' page numbers, filled in from the print.
    expect(first.get(`${JIANBAO}/index.html`)!.toString()).toMatch(/<span class="toc-page" data-for="[^"]+">\d+<\/span>/);

    const warm = build('warm');
    expect(warm.printed).toEqual([]);
    expect(warm.reused).toEqual(all);
    const second = snapshot();
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    for (const [name, bytes] of first) expect(second.get(name)!.equals(bytes), name).toBe(true);

    // One bulletin's text changes; the 简报's cache entry is cut short.
    appendFileSync(join(work, 'content/bulletins', `${CHANGED}.md`), '\n本版由缓存测试补记一句。\n');
    const entries = readdirSync(join(cache(), 'bulletin-pdfs'));
    expect(entries.filter((f) => f.endsWith('.pdf'))).toHaveLength(all.length);
    let damaged = 0;
    for (const f of entries.filter((e) => e.endsWith('.pdf'))) {
      const bytes = readFileSync(join(cache(), 'bulletin-pdfs', f));
      if (!bytes.equals(first.get(`${JIANBAO}.pdf`)!)) continue;
      writeFileSync(join(cache(), 'bulletin-pdfs', f), bytes.subarray(0, 100));
      damaged++;
    }
    expect(damaged).toBe(1);
    const edited = build('edited');
    expect(edited.printed).toEqual([JIANBAO, CHANGED].sort());
    expect(edited.reused).toEqual(all.filter((id) => id !== JIANBAO && id !== CHANGED));
    expect(pdfText(join(out(), 'bulletins', `${CHANGED}.pdf`))).toContain('本版由缓存测试补记一句。');
    const third = snapshot();
    // The edited 专版 went through the batch print alone: the other 专版 PDFs are the cached bytes.
    for (const id of all.filter((id) => id !== JIANBAO && id !== CHANGED)) expect(third.get(`${id}.pdf`)!.equals(first.get(`${id}.pdf`)!), id).toBe(true);
    expect(third.get(`${JIANBAO}.pdf`)!.length).toBeGreaterThan(1000);
    expect(third.get(`${JIANBAO}/index.html`)!.equals(first.get(`${JIANBAO}/index.html`)!)).toBe(true);
    // The rebuilt entry is whole again: the next build reprints nothing.
    expect(build('again').printed).toEqual([]);
  }, 900_000);
});
