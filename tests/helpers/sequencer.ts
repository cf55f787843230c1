// The order test files start in (sequence.sequencer of vitest.config.ts). Files that run Astro take
// one lock between them (tests/helpers/astro-lock.ts), so those builds form one chain, the longest
// path of the run: it is started at once and kept going, one lock file at a time on one worker, while
// the other worker takes the files that need no lock (Chromium, spawned commands, unit files). A
// second lock file started beside the first would only wait, with its core idle. Longest first within
// each kind; the last run's durations (Vitest's cache, less the time a file waited for the lock) say
// how long, the file size when there is none.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { LOCK_WAITS } from './lock-waits.ts';

/** A file that builds or runs Astro: it takes the lock, directly or through buildSite. */
const TAKES_LOCK = /\b(buildSite|lockAstro|withAstroLock)\(/;

const WORKERS = 2;

export default class LockAwareSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const cache = this.ctx.cache;
    // The last run's waits, read once: this run records its own.
    const waited = new Map<string, number>();
    if (existsSync(LOCK_WAITS)) {
      for (const [file, ms] of readFileSync(LOCK_WAITS, 'utf8').split('\n').filter(Boolean).map((l) => l.split('\t'))) waited.set(file, (waited.get(file) ?? 0) + Number(ms));
      rmSync(LOCK_WAITS);
    }
    const estimate = (spec: TestSpecification) => {
      const file = relative(this.ctx.config.root, spec.moduleId);
      const key = `${spec.project.name}:${file}`;
      const last = cache.getFileTestResults(key)?.duration;
      return last === undefined ? (cache.getFileStats(key)?.size ?? 0) : Math.max(0, last - (waited.get(file) ?? 0));
    };
    const byGroup = new Map<number, TestSpecification[]>();
    for (const spec of files) {
      const order = spec.project.config.sequence.groupOrder ?? 0;
      byGroup.set(order, [...(byGroup.get(order) ?? []), spec]);
    }
    const sorted: TestSpecification[] = [];
    for (const order of [...byGroup.keys()].sort((a, b) => a - b)) sorted.push(...schedule(byGroup.get(order)!, estimate));
    return sorted;
  }
}

/**
 * The order a pool of WORKERS, each taking the next file when it is free, runs as planned: a free
 * worker takes the longest lock file left when no lock file is running, else the longest other file.
 * Estimates only set the order; a wrong one costs time, never a result.
 */
function schedule(specs: TestSpecification[], estimate: (s: TestSpecification) => number): TestSpecification[] {
  const longestFirst = (list: TestSpecification[]) => list.map((spec) => ({ spec, time: estimate(spec) })).sort((a, b) => b.time - a.time);
  const takesLock = new Set(specs.filter((s) => TAKES_LOCK.test(readFileSync(s.moduleId, 'utf8'))));
  const locked = longestFirst(specs.filter((s) => takesLock.has(s)));
  const free = longestFirst(specs.filter((s) => !takesLock.has(s)));
  const workers = Array.from({ length: WORKERS }, () => ({ until: 0 }));
  let lockUntil = 0;
  const out: TestSpecification[] = [];
  while (locked.length || free.length) {
    const worker = workers.reduce((a, b) => (b.until < a.until ? b : a));
    if (locked.length && (lockUntil <= worker.until || !free.length)) {
      const next = locked.shift()!;
      worker.until = lockUntil = Math.max(worker.until, lockUntil) + next.time;
      out.push(next.spec);
    } else {
      const next = free.shift()!;
      worker.until += next.time;
      out.push(next.spec);
    }
  }
  return out;
}
