// The /admin/ page: Decap CMS (decap-cms-app from npm) and our widgets bundled by esbuild into one
// script, with Decap's lazily loaded chunks beside it — nothing is fetched from a CDN. Built only
// for `npm run edit` (or a build with JIEXUN_ADMIN=1), never as part of the normal build, and kept
// in node_modules/.cache by a digest of its inputs, so a second start reuses it.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { cmsUi } from '../../src/ui/strings.ts';

const require = createRequire(import.meta.url);

/** The page itself: the config link makes Decap load our generated /admin/config.yml. */
export function adminHtml(): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${cmsUi.siteTitle}</title>
<link href="/admin/config.yml" type="text/yaml" rel="cms-config-url">
</head>
<body>
<script src="/admin/cms.js"></script>
</body>
</html>
`;
}

/** Builds the admin bundle (or finds it built) and returns its folder. */
export async function buildAdmin(root: string): Promise<string> {
  const decapDist = dirname(require.resolve('decap-cms-app/dist/decap-cms-app.js'));
  const sources = readdirSync(join(root, 'src/admin')).sort().map((f) => readFileSync(join(root, 'src/admin', f)));
  const digest = createHash('sha256');
  for (const part of [readFileSync(join(root, 'package-lock.json')), readFileSync(new URL(import.meta.url)), readFileSync(join(root, 'src/ui/strings.ts')), ...sources]) digest.update(part);
  const key = digest.digest('hex').slice(0, 16);
  const out = resolve(root, 'node_modules/.cache/jiexun-admin', key);
  if (existsSync(join(out, 'cms.js'))) return out;

  const scratch = `${out}.building-${process.pid}`;
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  const { build } = await import('esbuild');
  await build({
    entryPoints: [join(root, 'src/admin/cms.ts')],
    outfile: join(scratch, 'cms.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'linked',
    define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
    logLevel: 'error',
  });
  // Decap's webpack chunks and wasm load from beside the script that holds Decap (webpack's "auto" public path).
  for (const f of readdirSync(decapDist)) {
    if (/\.decap-cms-app\.js$|\.wasm$/.test(f)) copyFileSync(join(decapDist, f), join(scratch, f));
  }
  writeFileSync(join(scratch, 'index.html'), adminHtml());
  rmSync(out, { recursive: true, force: true });
  renameSync(scratch, out);
  return out;
}
