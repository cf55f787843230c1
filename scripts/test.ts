// npm test: make sure the Debian packages the browser tests use are there (install them when
// missing), then run the whole Vitest suite. Extra arguments go to Vitest.
//   chromium          the browser playwright-core drives
//   fonts-noto-cjk    so pages (and printed PDFs) show Chinese text, not empty boxes
//   poppler-utils     pdftotext, to read the printed bulletin back
//   libreoffice-writer-nogui  soffice, to open the bulletin's Word file as a department would
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const needed = [
  { pkg: 'chromium', present: existsSync(CHROMIUM) },
  { pkg: 'fonts-noto-cjk', present: existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc') },
  { pkg: 'poppler-utils', present: existsSync('/usr/bin/pdftotext') },
  { pkg: 'libreoffice-writer-nogui', present: existsSync('/usr/bin/soffice') },
].filter((n) => !n.present).map((n) => n.pkg);
if (needed.length) {
  console.log(`Installing Debian packages the browser tests need: ${needed.join(' ')} …`);
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const run = (args: string[]) => spawnSync(sudo[0] ?? args[0], sudo.length ? args : args.slice(1), { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  const update = run(['apt-get', 'update']);
  const install = update.status === 0 ? run(['apt-get', 'install', '-y', '--no-install-recommends', ...needed]) : update;
  if (install.status !== 0 || !existsSync(CHROMIUM)) {
    console.error(`Could not install ${needed.join(' ')} (apt-get exited ${install.status}). The browser tests need Debian's chromium at ${CHROMIUM}, fonts-noto-cjk and poppler-utils: install them with \`apt-get install -y chromium fonts-noto-cjk poppler-utils\` (as root), or set CHROMIUM_PATH to a Chromium binary.`);
    process.exit(1);
  }
}
const vitest = resolve(import.meta.dirname, '../node_modules/vitest/vitest.mjs');
const r = spawnSync(process.execPath, [vitest, 'run', ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
process.exit(r.status ?? 1);
