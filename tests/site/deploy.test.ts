// deploy/nginx.conf against built sites: every file type the site ships has a MIME type, the
// security headers are all there, hashed assets (and only they) are cached for a year — read
// from the config, then seen on the wire from a real nginx serving the folder.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, relative, resolve } from 'node:path';
import * as pagefind from 'pagefind';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { requireSystemFile } from '../../scripts/system-packages.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const CONFIG_FILE = join(ROOT, 'deploy/nginx.conf');
const CONFIG = readFileSync(CONFIG_FILE, 'utf8');

/** The built site the config is checked against: the fixture site tests/global-setup.ts builds. */
function builtDist(): string {
  const dist = inject('fixtureDist');
  if (!dist) throw new Error('The fixture site was not built: tests/global-setup.ts builds it before the tests unless JIEXUN_SKIP_SITES is set.');
  return dist;
}

// ------------------------------------------------------------------ reading the config

const config = CONFIG.replace(/#[^\n]*/g, ''); // no `#` inside any value of ours

function block(name: RegExp): string {
  const m = name.exec(config);
  if (!m) throw new Error(`deploy/nginx.conf: expected a ${name.source} block, found none`);
  let depth = 0;
  for (let i = m.index + m[0].length - 1; i < config.length; i++) {
    if (config[i] === '{') depth++;
    if (config[i] === '}' && --depth === 0) return config.slice(m.index + m[0].length, i);
  }
  throw new Error(`deploy/nginx.conf: the ${name.source} block is not closed`);
}

/** extension → MIME type, from the `types { }` block. */
const TYPES = new Map<string, string>();
for (const entry of block(/\btypes\s*\{/).split(';')) {
  const [type, ...exts] = entry.trim().split(/\s+/);
  for (const ext of exts) TYPES.set(ext, type);
}

const server = block(/\bserver\s*\{/);
const LOCATION = /(?<=^|\s)location\s[^{]*\{([^}]*)\}/g;
const serverLevel = server.replace(LOCATION, '');
/** Headers added for every response of the server (`add_header … always`). */
const HEADERS = new Map<string, string>();
for (const m of serverLevel.matchAll(/add_header\s+(\S+)\s+("([^"]*)"|(\S+))\s+always\s*;/g)) HEADERS.set(m[1].toLowerCase(), m[3] ?? m[4]);

/** The `map $uri $var { }` that sets Cache-Control, evaluated the way nginx does: regexes in order, else default. */
const cacheVar = /add_header\s+Cache-Control\s+\$(\w+)/.exec(serverLevel)?.[1];
const cacheMap = (() => {
  const body = block(new RegExp(`map\\s+\\$uri\\s+\\$${cacheVar}\\s*\\{`));
  const rules: { re: RegExp; value: string }[] = [];
  let fallback = '';
  for (const m of body.matchAll(/^\s*(\S+)\s+"([^"]*)"\s*;/gm)) {
    if (m[1] === 'default') fallback = m[2];
    else rules.push({ re: new RegExp(m[1].replace(/^~\*?/, '')), value: m[2] });
  }
  return (uri: string) => rules.find((r) => r.re.test(uri))?.value ?? fallback;
})();

function cspDirectives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name, ...values] = d.split(/\s+/);
    return [name, values];
  }));
}

// ------------------------------------------------------------------ what the site needs

/** The MIME types a static host must send; Pagefind's compressed files must stay opaque bytes. */
const REQUIRED_TYPES: Record<string, RegExp> = {
  html: /^text\/html$/,
  css: /^text\/css$/,
  js: /^(text|application)\/javascript$/,
  json: /^application\/json$/,
  xml: /^(application|text)\/(rss\+)?xml$/,
  svg: /^image\/svg\+xml$/,
  wasm: /^application\/wasm$/,
  pagefind: /^application\/octet-stream$/,
  pf_meta: /^application\/octet-stream$/,
  pf_index: /^application\/octet-stream$/,
  pf_fragment: /^application\/octet-stream$/,
  pf_filter: /^application\/octet-stream$/,
};

const REQUIRED_CSP: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"], // Pagefind runs WebAssembly; nothing inline, no eval
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'frame-ancestors': ["'none'"],
};

const YEAR = /(^|,\s*)max-age=31536000(,|$)/;
/** A content hash in a file name (BaseLayout.CqyJXz4b.css, zh-cn_2637672041458.pf_fragment). */
const HASHED = /[._-][A-Za-z0-9_-]{7,}\.[a-z_]+$/;

function filesOf(dist: string): string[] {
  return readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dist, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}
const extOf = (file: string) => extname(file).slice(1).toLowerCase();

/**
 * Astro's and Pagefind's long-lived files: content-hashed names under these folders. Fragments are
 * not among them: the build names them by page number (src/search/build/pagefind/merge-bundles.ts).
 */
function isHashedAsset(file: string): boolean {
  return /^_astro\//.test(file) || /^pagefind\/index\//.test(file) || /^pagefind\/[^/]+\.pf_meta$/.test(file);
}

// ------------------------------------------------------------------ a dist folder like the build makes

/** A small site shaped like `npm run build` output, with a real Pagefind index. */
async function makeDist(dir: string): Promise<string> {
  const page = (title: string, body: string) =>
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title><link rel="stylesheet" href="/_astro/BaseLayout.CqyJXz4b.css"></head><body><main data-pagefind-body><h1>${title}</h1><p>${body}</p></main></body></html>`;
  const files: Record<string, string> = {
    'index.html': page('街讯', '最新稿件'),
    '404.html': page('找不到页面', '页面不存在'),
    'articles/2022-09-08-lianhu-wenhua-dacan/index.html': page('文化“大餐”让居民尝甜头得实惠', '莲湖街道阳光花苑社区举办豫剧演出。'),
    'streets/lianhu/index.html': page('莲湖街道', '莲湖街道的稿件'),
    '_astro/BaseLayout.CqyJXz4b.css': 'body{line-height:1.8}',
    '_astro/search.B2x9kQ1a.js': 'export{};',
    'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    'sitemap-index.xml': '<?xml version="1.0" encoding="UTF-8"?><sitemapindex/>',
    'rss.xml': '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"/>',
    'robots.txt': 'User-agent: *\n',
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  const { index } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
  if (!index) throw new Error('Pagefind could not create an index');
  await index.addDirectory({ path: dir });
  await index.writeFiles({ outputPath: join(dir, 'pagefind') });
  await pagefind.close();
  return dir;
}

// ------------------------------------------------------------------ nginx

/** Debian's nginx (npm test installs it, scripts/system-packages.ts), or $NGINX. */
function findNginx(): string {
  return process.env.NGINX || requireSystemFile('nginx');
}

/**
 * The example config with only what a test run must change: port and root, and every path nginx
 * writes — logs, pid, request temp folders — under `dir`, the test's scratch folder.
 */
function configFor(dist: string, port: number, dir: string): string {
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `    ${t}_temp_path ${join(dir, `${t}-temp`)};`).join('\n');
  const text = CONFIG
    .replace(/^(\s*)listen\s+80;/m, `$1listen 127.0.0.1:${port};`)
    .replace(/^(\s*)root\s+[^;]+;/m, `$1root ${dist};`)
    .replace(/^(\s*)error_log\s+[^;\s]+/m, `$1error_log ${join(dir, 'error.log')}`)
    .replace(/^(\s*)access_log\s+[^;\s]+/m, `$1access_log ${join(dir, 'access.log')}`)
    .replace(/^http\s*\{\n/m, (m) => `${m}${temp}\n`);
  return `pid ${join(dir, 'nginx.pid')};\n${process.getuid?.() === 0 ? 'user root;\n' : ''}${text}`;
}

/** nginx's command line for a config in `dir`: -e keeps even the log written before the config is read there. */
function nginxArgs(dir: string, ...rest: string[]): string[] {
  return ['-p', `${dir}/`, '-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf'), ...rest];
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
    s.on('error', fail);
  });
}

async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}:\n${log()}`);
    const up = await new Promise<boolean>((ok) => {
      const c = connect(port, '127.0.0.1', () => (c.end(), ok(true)));
      c.on('error', () => ok(false));
    });
    if (up) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nginx did not listen on port ${port}:\n${log()}`);
}

// ------------------------------------------------------------------ the tests

let scratch: string;
let nginx: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'jiexun-deploy-'));
  chmodSync(scratch, 0o755); // nginx's workers may run as another user
  nginx = findNginx();
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('deploy/nginx.conf', () => {
  it('sends the strict Content-Security-Policy and the other security headers on every response', () => {
    const csp = cspDirectives(HEADERS.get('content-security-policy') ?? '');
    for (const [name, values] of Object.entries(REQUIRED_CSP)) expect(csp.get(name), name).toEqual(values);
    for (const values of csp.values()) expect(values).not.toContain("'unsafe-inline'");
    expect(HEADERS.get('x-content-type-options')).toBe('nosniff');
    expect(HEADERS.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(HEADERS.get('permissions-policy')).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
  });

  it('adds no header inside a location, which in nginx would drop the server-wide ones there', () => {
    const locations = [...server.matchAll(LOCATION)].map((m) => m[1]);
    expect(locations.length).toBeGreaterThan(0);
    for (const body of locations) expect(body).not.toMatch(/add_header/);
  });

  it('types every file Pagefind and Astro write the way the browser needs', () => {
    for (const [ext, type] of Object.entries(REQUIRED_TYPES)) expect(TYPES.get(ext), `.${ext}`).toMatch(type);
    expect(config).toMatch(/^\s*charset\s+utf-8;/m);
  });

  it('passes nginx -t', () => {
    const dir = join(scratch, 'syntax');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'nginx.conf'), configFor(join(scratch, 'nowhere'), 8080, dir));
    const r = spawnSync(nginx, nginxArgs(dir, '-t'), { encoding: 'utf8' });
    expect(r.stderr).toMatch(/syntax is ok/);
    expect(r.status, r.stderr).toBe(0);
    // What nginx made, it made in the scratch folder: no path of the package's own (/var/lib/nginx …).
    expect(readdirSync(dir).sort()).toEqual(['access.log', 'client_body-temp', 'error.log', 'fastcgi-temp', 'nginx.conf', 'nginx.pid', 'proxy-temp', 'scgi-temp', 'uwsgi-temp']);
  });
});

describe.each([
  ['a dist folder shaped like the build output, with a real Pagefind index', () => makeDist(join(scratch, 'made-dist'))],
  ['the fixture site built by tests/global-setup.ts', async () => builtDist()],
])('serving %s', (_name, distOf) => {
  let dist: string;
  let files: string[];
  let base: string;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    dist = await distOf();
    files = filesOf(dist);
    const dir = mkdtempSync(join(scratch, 'nginx-'));
    const port = await freePort();
    writeFileSync(join(dir, 'nginx.conf'), configFor(dist, port, dir));
    let log = '';
    child = spawn(nginx, nginxArgs(dir, '-g', 'daemon off;'), { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (d) => (log += d));
    child.stderr!.on('data', (d) => (log += d));
    await waitForPort(port, child, () => `${log}${existsSync(join(dir, 'error.log')) ? readFileSync(join(dir, 'error.log'), 'utf8') : ''}`);
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(() => {
    child?.kill('SIGTERM');
  });

  it('has a MIME type in the config for every file extension present', () => {
    expect(files.length).toBeGreaterThan(0);
    const untyped = [...new Set(files.map(extOf))].filter((ext) => !TYPES.has(ext));
    expect(untyped, 'extensions with no entry in the types block of deploy/nginx.conf').toEqual([]);
  });

  it('caches hashed assets for a year and revalidates everything else', () => {
    for (const f of files) {
      const cc = cacheMap(`/${f}`);
      if (isHashedAsset(f)) {
        expect(cc, f).toMatch(YEAR);
        expect(cc, f).toMatch(/immutable/);
        expect(f, `${f} is cached for a year, so its name must change with its content`).toMatch(HASHED);
      } else {
        expect(cc, f).not.toMatch(/immutable/);
      }
      if (f.endsWith('.html')) expect(cc, f).toBe('no-cache');
    }
  });

  it('serves one file of every type with its MIME type, cache rule and security headers', async () => {
    const byExt = new Map(files.map((f) => [extOf(f), f]));
    for (const [ext, file] of byExt) {
      const res = await fetch(`${base}/${file}`);
      expect(res.status, file).toBe(200);
      expect(res.headers.get('content-type')?.split(';')[0], file).toBe(TYPES.get(ext));
      expect(res.headers.get('cache-control'), file).toBe(cacheMap(`/${file}`));
      expect(res.headers.get('content-security-policy'), file).toBe(HEADERS.get('content-security-policy'));
      expect(res.headers.get('x-content-type-options'), file).toBe('nosniff');
      if (ext.startsWith('pf_') || ext === 'pagefind') expect(res.headers.get('content-encoding'), `${file} is compressed already`).toBeNull();
      await res.arrayBuffer();
    }
  });

  it('serves pages by their directory URL, with UTF-8, and the 404 page with the headers too', async () => {
    const page = files.find((f) => /^articles\/[^/]+\/index\.html$/.test(f)) ?? files.find((f) => /\/index\.html$/.test(f))!;
    const url = `/${page.replace(/index\.html$/, '')}`;
    const ok = await fetch(`${base}${url}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(ok.headers.get('cache-control')).toBe('no-cache');
    await ok.text();
    const bare = await fetch(`${base}${url.replace(/\/$/, '')}`, { redirect: 'manual' });
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe(url);
    const missing = await fetch(`${base}/articles/no-such-article/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe(readFileSync(join(dist, '404.html'), 'utf8'));
    expect(missing.headers.get('content-security-policy')).toBe(HEADERS.get('content-security-policy'));
  });
});
