// A small static file server for dist/: `npm start`, the browser tests and the benchmark. It
// behaves like deploy/nginx.conf: the same headers (both read deploy/headers.json), MIME types,
// directory indexes and the site's 404 page, gzip for text (so what the benchmark counts is what
// a reader downloads), GET and HEAD only, redirects to same-origin paths, no symbolic links
// served (nginx: disable_symlinks). Hand-written because sirv and serve-static gzip nothing on
// the fly and would need the headers and the 404 page added around them anyway.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFileSync, realpathSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { extname, join, posix, resolve } from 'node:path';
import { pipeline } from 'node:stream';
import { createGzip } from 'node:zlib';

export const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.xsl': 'application/xslt+xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

/** gzip on the fly, as nginx's gzip_types; Pagefind's own files are gzipped already. */
const COMPRESSED = new Set(['.html', '.css', '.js', '.mjs', '.json', '.xml', '.svg', '.wasm', '.webmanifest']);

interface HeaderFile {
  headers: Record<string, string>;
  cacheControl: { rules: { uri: string; value: string }[]; default: string };
}
/** The site's response headers, shared with deploy/nginx.conf (tests/unit/server-headers.test.ts). */
export const SITE_HEADERS: HeaderFile = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../deploy/headers.json'), 'utf8'));
const CACHE_RULES = SITE_HEADERS.cacheControl.rules.map((r) => ({ re: new RegExp(r.uri), value: r.value }));

/** Cache-Control for a (decoded, normalised) path, as nginx's `map $uri`. */
export function cacheControlFor(uri: string): string {
  return CACHE_RULES.find((r) => r.re.test(uri))?.value ?? SITE_HEADERS.cacheControl.default;
}

export const ALLOWED_METHODS = 'GET, HEAD';

/**
 * The request path decoded and normalised the way nginx does before it looks for a file: `..`
 * resolved, repeated slashes merged. Always starts with one `/`, so a redirect built from it is
 * a path on this server (never `//evil.com/…`). Undefined for what cannot be decoded or holds NUL.
 */
export function requestPath(url: string): string | undefined {
  const raw = url.split('?')[0].split('#')[0];
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const normal = posix.normalize(`/${decoded.replace(/\\/g, '/')}`).replace(/\/{2,}/g, '/');
  return normal.startsWith('/') ? normal : `/${normal}`;
}

const encodePath = (path: string) => path.split('/').map(encodeURIComponent).join('/');

type Found = { kind: 'file'; path: string } | { kind: 'dir' } | { kind: 'none' };

/**
 * The file for a path under `root`, refusing any symbolic link below it (nginx's
 * `disable_symlinks on from=$document_root`): the real path must be exactly root + path.
 */
async function find(root: string, path: string): Promise<Found> {
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    return { kind: 'none' };
  }
  const wanted = join(realRoot, path);
  let real: string;
  try {
    real = realpathSync(wanted);
  } catch {
    return { kind: 'none' };
  }
  if (real !== wanted.replace(/\/+$/, '') && real !== wanted) return { kind: 'none' };
  const st = await stat(real).catch(() => undefined);
  if (st?.isDirectory()) {
    const index = await find(root, posix.join(path, 'index.html'));
    return index.kind === 'file' ? (path.endsWith('/') ? index : { kind: 'dir' }) : { kind: 'none' };
  }
  return st?.isFile() ? { kind: 'file', path: real } : { kind: 'none' };
}

function plain(res: ServerResponse, status: number, text: string, headers: Record<string, string>): void {
  res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(Buffer.byteLength(text)) });
  res.end(text);
}

/** Sends a file; read errors answer 500 (or end the response if it had begun), never the process. */
async function send(req: IncomingMessage, res: ServerResponse, file: string, status: number, headers: Record<string, string>): Promise<void> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch {
    plain(res, 500, '500 the file could not be read', headers);
    return;
  }
  let size: number;
  try {
    size = (await handle.stat()).size;
  } catch {
    await handle.close();
    plain(res, 500, '500 the file could not be read', headers);
    return;
  }
  const ext = extname(file);
  const type = { 'Content-Type': MIME[ext] ?? 'application/octet-stream' };
  const gzip = COMPRESSED.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const head = gzip ? { ...headers, ...type, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : { ...headers, ...type, 'Content-Length': String(size) };
  if (req.method === 'HEAD') {
    await handle.close();
    res.writeHead(status, head);
    res.end();
    return;
  }
  const stream = handle.createReadStream();
  // pipeline destroys every stream (closing the file) when the reader goes away mid-download.
  const done = (err?: NodeJS.ErrnoException | null) => {
    if (!err) return;
    if (!res.headersSent) plain(res, 500, '500 the file could not be read', headers);
    else res.destroy();
  };
  res.statusCode = status;
  for (const [k, v] of Object.entries(head)) res.setHeader(k, v);
  if (gzip) pipeline(stream, createGzip(), res, done);
  else pipeline(stream, res, done);
}

async function handle(root: string, extra: Record<string, string>, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const base = { ...SITE_HEADERS.headers, ...extra };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    plain(res, 405, '405 only GET and HEAD', { ...base, Allow: ALLOWED_METHODS });
    return;
  }
  const url = req.url ?? '/';
  const path = requestPath(url);
  if (!path) {
    plain(res, 400, '400 bad request', base);
    return;
  }
  const headers = { ...base, 'Cache-Control': cacheControlFor(path) };
  const found = await find(root, path);
  if (found.kind === 'dir') {
    // Directory URLs without the trailing slash redirect to the same path on this server.
    const query = url.includes('?') ? url.slice(url.indexOf('?')) : '';
    res.writeHead(301, { ...headers, Location: `${encodePath(path)}/${query}`, 'Content-Length': '0' });
    res.end();
    return;
  }
  if (found.kind === 'file') {
    await send(req, res, found.path, 200, headers);
    return;
  }
  const notFound = await find(root, '/404.html');
  if (notFound.kind === 'file') await send(req, res, notFound.path, 404, { ...base, 'Cache-Control': cacheControlFor('/404.html') });
  else plain(res, 404, '404', headers);
}

export interface StaticServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/** Serves `root` on 127.0.0.1; port 0 picks a free port. `headers` override the site's headers (CSP tests). */
export function serveStatic(root: string, port = 0, headers: Record<string, string> = {}): Promise<StaticServer> {
  const dir = resolve(root);
  const server = createServer((req, res) => {
    handle(dir, headers, req, res).catch(() => {
      if (!res.headersSent) plain(res, 500, '500 internal error', SITE_HEADERS.headers);
      else res.destroy();
    });
  });
  return new Promise((resolvePromise, reject) => {
    // A busy port (EADDRINUSE) is the caller's to explain, not an uncaught error.
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      const addr = server.address();
      const p = typeof addr === 'object' && addr ? addr.port : port;
      resolvePromise({
        server,
        url: `http://127.0.0.1:${p}`,
        close: () => new Promise((r) => {
          server.close(() => r());
          server.closeAllConnections();
        }),
      });
    });
  });
}
