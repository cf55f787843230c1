// Debian's jemalloc (package libjemalloc2), preloaded into the Astro process of a build when it is
// installed: sharp's image work fragments glibc's heap (sharp's maintainers advise jemalloc on glibc),
// and 2,000 photos peaked 0.1–0.6 GB higher than with jemalloc (docs/performance.md). Without the
// package the build runs the same on glibc's allocator. JIEXUN_JEMALLOC=0 turns it off.
import { existsSync } from 'node:fs';

const LIBRARY = { x64: '/usr/lib/x86_64-linux-gnu/libjemalloc.so.2', arm64: '/usr/lib/aarch64-linux-gnu/libjemalloc.so.2' } as const;

/** Where Debian's libjemalloc2 puts the library on a machine of this architecture (undefined: none for it). */
export function jemallocLibrary(arch: string = process.arch): string | undefined {
  return LIBRARY[arch as keyof typeof LIBRARY];
}

/** The environment for a child process, with jemalloc preloaded when it is installed (any LD_PRELOAD given is kept). */
export function withJemalloc(env: NodeJS.ProcessEnv, arch: string = process.arch): NodeJS.ProcessEnv {
  const library = jemallocLibrary(arch);
  if (env.JIEXUN_JEMALLOC === '0' || process.platform !== 'linux' || !library || !existsSync(library)) return env;
  if (env.LD_PRELOAD?.split(/[\s:]+/).includes(library)) return env;
  return { ...env, LD_PRELOAD: env.LD_PRELOAD ? `${library}:${env.LD_PRELOAD}` : library };
}
