// The Debian packages the tests use, one line each: `npm test` (scripts/test.ts) installs the ones
// missing, and tests that need one call requireSystemFile() to fail with a clear message.
// To add one: a line with the package, a file it installs (how the runner sees it is there), and why.
import { existsSync } from 'node:fs';
import { jemallocLibrary } from '../src/io/jemalloc.ts';

export interface SystemPackage {
  name: string;
  file: string;
  why: string;
}

export const SYSTEM_PACKAGES: readonly SystemPackage[] = [
  { name: 'chromium-headless-shell', file: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium-headless-shell', why: 'the browser playwright-core drives (tests/helpers/browser.ts) and that prints the bulletin PDFs (src/io/pdf-chromium.ts): Chromium\'s engine without the browser around it, on about two thirds of the CPU for a print and half for the tests\' pages' },
  { name: 'fonts-noto-cjk', file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', why: 'pages and printed PDFs show Chinese text, not empty boxes' },
  { name: 'poppler-utils', file: '/usr/bin/pdftotext', why: 'pdftotext, pdfinfo, pdfimages and pdftoppm read the printed bulletins back (tests/site/print.test.ts, bulletin-*.test.ts, photos.test.ts)' },
  { name: 'libreoffice-writer-nogui', file: '/usr/lib/libreoffice/program/libswlo.so', why: 'Writer (soffice --convert-to) opens the bulletin\'s Word file as a department would (tests/site/bulletin-docx.test.ts)' },
  { name: 'libjemalloc2', file: jemallocLibrary() ?? `(no libjemalloc path known for ${process.arch})`, why: 'the allocator of every test build\'s Astro process, as on a newsroom\'s machine that has it (src/io/jemalloc.ts; tests/unit/jemalloc.test.ts)' },
  { name: 'nginx', file: '/usr/sbin/nginx', why: 'serves built sites with deploy/nginx.conf (tests/site/deploy.test.ts)' },
];

export function missingPackages(list: readonly SystemPackage[] = SYSTEM_PACKAGES): SystemPackage[] {
  return list.filter((p) => !existsSync(p.file));
}

/** The file a test needs from a package of the list, or an error saying how to get it. */
export function requireSystemFile(name: string, file?: string): string {
  const pkg = SYSTEM_PACKAGES.find((p) => p.name === name);
  if (!pkg) throw new Error(`${name}: expected a package listed in scripts/system-packages.ts, found none: add it there`);
  const path = file ?? pkg.file;
  if (!existsSync(path)) {
    throw new Error(`${path} not found: the tests need Debian's ${name} package (${pkg.why}). Run the tests with \`npm test\`, which installs the packages of scripts/system-packages.ts when missing, or install it: apt-get install -y ${name}`);
  }
  return path;
}
