// npm test: installs the Debian packages the tests use when missing (the list is
// scripts/system-packages.ts), then runs Vitest: the `unit` and `site` projects of vitest.config.ts.
// Extra arguments go to Vitest (`npm test -- --project unit`, `npm test -- tests/unit/x.test.ts`).
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { missingPackages } from './system-packages.ts';

const missing = missingPackages();
if (missing.length) {
  const names = missing.map((p) => p.name);
  console.log(`Installing the Debian packages the tests use: ${names.join(' ')} …`);
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const run = (args: string[]) => spawnSync([...sudo, ...args][0], [...sudo, ...args].slice(1), { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  const update = run(['apt-get', 'update']);
  const install = update.status === 0 ? run(['apt-get', 'install', '-y', '--no-install-recommends', '-o', 'DPkg::Lock::Timeout=300', ...names]) : update;
  const still = missingPackages(missing);
  if (install.status !== 0 || still.length) {
    console.error(
      `Could not install ${names.join(' ')} (apt-get exited ${install.status}). The tests need:\n` +
        missing.map((p) => `  ${p.name}: ${p.why} (${p.file})`).join('\n') +
        `\nInstall them as root: apt-get install -y ${names.join(' ')}` +
        (still.some((p) => p.name === 'chromium-headless-shell') ? ' (or set CHROMIUM_PATH to a Chromium binary)' : ''),
    );
    process.exit(1);
  }
}
const vitest = resolve(import.meta.dirname, '../node_modules/vitest/vitest.mjs');
// The tests start Node hundreds of times (builds, their Astro processes, every CLI): V8's compiled code
// of Astro, Vite and the project, kept on disk after the first, saves about a fifth of each start.
const compileCache = resolve(import.meta.dirname, '../node_modules/.cache/node-compile');
const r = spawnSync(process.execPath, [vitest, 'run', ...process.argv.slice(2)], { stdio: 'inherit', env: { NODE_COMPILE_CACHE: compileCache, ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
process.exit(r.status ?? 1);
