// The local server (`npm run serve`, scripts/server/static-server.ts) run as its own process, probed
// the way an attacker or a flaky network would: an open-redirect path, 2,000 aborted downloads,
// a file it may not read, methods other than GET and HEAD, symbolic links out of the site.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SITE_HEADERS } from '../../scripts/server/static-server.ts';
import { ROOT } from '../helpers/build-site.ts';

let dir: string;
let dist: string;
let child: ChildProcess;
let base: string;
let port: number;
let output = '';

const BIG = 'big.pf_fragment';
const BIG_HTML = 'big/index.html';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jiexun-server-'));
  chmodSync(dir, 0o755);
  dist = join(dir, 'dist');
  const files: Record<string, string | Buffer> = {
    'index.html': '<!doctype html><title>街讯</title><p>首页</p>',
    '404.html': '<!doctype html><title>找不到页面</title>',
    'streets/index.html': '<!doctype html><title>街道</title>',
    'streets/lianhu/index.html': '<!doctype html><title>莲湖街道</title>',
    'style.css': 'body{line-height:1.8}',
    'locked.html': '<p>no one may read this</p>',
    [BIG]: Buffer.alloc(8 * 1024 * 1024, 7),
    [BIG_HTML]: `<!doctype html><title>长页</title>${'<p>豫剧进社区，居民享文化大餐。</p>'.repeat(200_000)}`,
  };
  for (const [f, body] of Object.entries(files)) {
    mkdirSync(join(dist, f, '..'), { recursive: true });
    writeFileSync(join(dist, f), body);
  }
  chmodSync(join(dist, 'locked.html'), 0o000);
  writeFileSync(join(dir, 'secret.txt'), 'outside the site');
  symlinkSync(join(dir, 'secret.txt'), join(dist, 'leak.txt'));
  symlinkSync(dir, join(dist, 'up'));
  // Run as nobody when the tests run as root, so the locked file really cannot be read.
  const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  child = spawn(process.execPath, [join(ROOT, 'scripts/serve.ts'), dist], { cwd: ROOT, env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'], ...asNobody });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  base = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the server exited (${code}):\n${output}`)));
    const look = () => {
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (m) resolve(m[1]);
      else setTimeout(look, 50);
    };
    look();
  });
  port = Number(new URL(base).port);
});
afterAll(() => {
  child?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

/** A raw request, so the path reaches the server exactly as written (fetch would normalise it). */
function raw(method: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const openFds = () => readdirSync(`/proc/${child.pid}/fd`).length;

/** Starts a download, reads its first bytes, and hangs up. */
function abortedDownload(path: string, gzip: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${gzip ? 'Accept-Encoding: gzip\r\n' : ''}\r\n`);
    });
    socket.once('data', () => {
      socket.destroy();
      resolve();
    });
    socket.once('error', reject);
  });
}

describe('npm run serve', () => {
  it('answers the open-redirect probe with a redirect to a path on this server', async () => {
    const r = await raw('GET', '//evil.com/%2e%2e%2fstreets');
    expect(r.status).toBe(301);
    expect(r.headers.location).toBe('/streets/');
    const slash = await raw('GET', '/%5Cevil.com/..%2fstreets/lianhu?x=1');
    expect(slash.headers.location).toBe('/streets/lianhu/?x=1');
    for (const probe of ['//evil.com/%2e%2e%2fstreets', '/\\evil.com/../streets', '///evil.com/..//streets']) {
      const location = String((await raw('GET', probe)).headers.location);
      expect(location, probe).toMatch(/^\/[^/\\]/);
    }
  });

  it('sends the headers of deploy/headers.json (as nginx does) on pages, files, errors and redirects', async () => {
    for (const path of ['/', '/style.css', '/nowhere/', '/streets', '/locked.html']) {
      const r = await raw('GET', path);
      for (const [name, value] of Object.entries(SITE_HEADERS.headers)) expect(r.headers[name.toLowerCase()], `${path} ${name}`).toBe(value);
      expect(r.headers['cache-control'], path).toBe('no-cache');
    }
  });

  it('refuses every method but GET and HEAD with 405 and an Allow header', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'TRACE', 'PATCH', 'OPTIONS']) {
      const r = await raw(method, '/');
      expect(r.status, method).toBe(405);
      expect(r.headers.allow, method).toBe('GET, HEAD');
    }
    const head = await raw('HEAD', '/style.css');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe('21');
    expect(head.body.length).toBe(0);
  });

  it('gzips text as nginx does, and leaves Pagefind files as they are', async () => {
    const page = await raw('GET', '/streets/lianhu/', { 'Accept-Encoding': 'gzip' });
    expect(page.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(page.body).toString()).toContain('莲湖街道');
    const bin = await raw('GET', `/${BIG}`, { 'Accept-Encoding': 'gzip' });
    expect(bin.headers['content-encoding']).toBeUndefined();
    expect(bin.body.length).toBe(8 * 1024 * 1024);
  });

  it('never serves a symbolic link, not even into its own folder', async () => {
    expect((await raw('GET', '/leak.txt')).status).toBe(404);
    expect((await raw('GET', '/up/secret.txt')).status).toBe(404);
    expect((await raw('GET', '/up/dist/index.html')).status).toBe(404);
  });

  it('answers a file it cannot read with 500, and goes on serving', async () => {
    const r = await raw('GET', '/locked.html');
    expect(r.status).toBe(500);
    expect((await raw('GET', '/')).status).toBe(200);
    expect(child.exitCode).toBeNull();
  });

  it('survives 2,000 aborted downloads without keeping their files open', async () => {
    const before = openFds();
    for (let batch = 0; batch < 40; batch++) {
      await Promise.all(Array.from({ length: 50 }, (_, i) => abortedDownload(i % 2 ? `/${BIG}` : `/${BIG_HTML.replace('index.html', '')}`, i % 4 === 0)));
    }
    // The server closes a file once it sees the reader gone: wait for that (bounded), then count.
    for (let i = 0; i < 100 && openFds() > before + 10; i++) await new Promise((r) => setTimeout(r, 100));
    expect(openFds()).toBeLessThanOrEqual(before + 10);
    const r = await raw('GET', '/');
    expect(r.status).toBe(200);
    expect(child.exitCode).toBeNull();
  });
});
