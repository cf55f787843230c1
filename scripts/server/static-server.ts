// A small static file server for dist/: `npm start`, and the browser tests. Serves the MIME
// types Pagefind needs, directory indexes, and the site's 404 page, and compresses text the way
// deploy/nginx.conf does (so what the benchmark counts is what a reader downloads).
import { createServer, type Server } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
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
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
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
const COMPRESSED = new Set(['.html', '.css', '.js', '.mjs', '.json', '.xml', '.svg', '.wasm']);

function fileFor(root: string, urlPath: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return undefined;
  }
  const full = normalize(join(root, path));
  if (full !== root && !full.startsWith(root + sep)) return undefined;
  try {
    const st = statSync(full);
    if (st.isFile()) return full;
    if (st.isDirectory()) {
      const index = join(full, 'index.html');
      if (statSync(index).isFile()) return index;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

export interface StaticServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/** Serves `root` on 127.0.0.1; port 0 picks a free port. `headers` are added to every response (CSP tests). */
export function serveStatic(root: string, port = 0, headers: Record<string, string> = {}): Promise<StaticServer> {
  const base = normalize(root);
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    const pathOnly = url.split('?')[0];
    // Directory URLs without the trailing slash redirect, like a production host would.
    if (!pathOnly.endsWith('/') && !extname(pathOnly) && fileFor(base, `${pathOnly}/`)) {
      res.writeHead(301, { Location: `${pathOnly}/${url.slice(pathOnly.length)}`, ...headers });
      res.end();
      return;
    }
    const file = fileFor(base, url);
    const status = file ? 200 : 404;
    const target = file ?? fileFor(base, '/404.html');
    if (!target) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
      res.end('404');
      return;
    }
    const type = { 'Content-Type': MIME[extname(target)] ?? 'application/octet-stream' };
    if (COMPRESSED.has(extname(target)) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      res.writeHead(status, { ...type, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding', ...headers });
      createReadStream(target).pipe(createGzip()).pipe(res);
      return;
    }
    res.writeHead(status, { ...type, ...headers });
    createReadStream(target).pipe(res);
  });
  return new Promise((resolve, reject) => {
    // A busy port (EADDRINUSE) is the caller's to explain, not an uncaught error.
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      const addr = server.address();
      const p = typeof addr === 'object' && addr ? addr.port : port;
      resolve({ server, url: `http://127.0.0.1:${p}`, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}
