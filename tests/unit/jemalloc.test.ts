// The build's Astro process allocates through Debian's jemalloc when it is installed (src/io/jemalloc.ts).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { withJemalloc } from '../../src/io/jemalloc.ts';
import { requireSystemFile } from '../../scripts/system-packages.ts';

describe('withJemalloc', () => {
  const library = requireSystemFile('libjemalloc2');

  it('preloads the installed library, keeping a preload already asked for, once', () => {
    expect(withJemalloc({ PATH: '/bin' }, 'x64')).toEqual({ PATH: '/bin', LD_PRELOAD: library });
    expect(withJemalloc({ LD_PRELOAD: '/opt/x.so' }, 'x64').LD_PRELOAD).toBe(`${library}:/opt/x.so`);
    expect(withJemalloc({ LD_PRELOAD: library }, 'x64').LD_PRELOAD).toBe(library);
  });

  it('leaves the environment alone when turned off or on a machine without the library', () => {
    expect(withJemalloc({ JIEXUN_JEMALLOC: '0' }, 'x64')).toEqual({ JIEXUN_JEMALLOC: '0' });
    expect(withJemalloc({}, 'arm64').LD_PRELOAD).toBeUndefined(); // no aarch64 library on this machine
    expect(withJemalloc({}, 'ia32').LD_PRELOAD).toBeUndefined();
  });

  it('runs Node with jemalloc as its allocator', () => {
    const r = spawnSync(process.execPath, ['-e', "process.stdout.write(String(require('fs').readFileSync('/proc/self/maps', 'utf8').includes('libjemalloc')))"], {
      env: withJemalloc({ PATH: process.env.PATH }),
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('true');
  });
});
