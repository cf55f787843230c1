// The one address `npm run edit` prints. It serves the editor (/admin/, its generated
// /admin/config.yml), stands in front of Decap's local backend (decap-server) to rewrite every
// saved file the way the CLIs write it and to run the check on save, and passes everything else —
// the site itself, with Astro's live reload — through to `astro dev`.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, copyFileSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, extname, join, normalize, relative, resolve, sep } from 'node:path';
import { stringify } from 'yaml';
import { checkContent, checkSummary } from '../../src/io/check.ts';
import { readArticleSource } from '../../src/io/articles.ts';
import { formatProblem, PROBLEM, type Problem } from '../../src/io/problems.ts';
import { addPeople } from '../../src/io/people-file.ts';
import { readRegistries } from '../../src/io/registries.ts';
import { cmsConfig, REGISTRY_FILES } from '../../src/lib/cms-config.ts';
import { articleFileId, bulletinFileId, bulletinForCms, canonicalArticle, canonicalBulletin, unwrapRegistry, wrapRegistry } from '../../src/lib/cms-entry.ts';
import { todayInShanghai } from '../../src/lib/new-article.ts';
import { newPeople, roleOfField, withPeople, type PersonInput } from '../../src/lib/people.ts';
import { photographersOf } from '../../src/lib/photo-figure.ts';
import type { Registries } from '../../src/schema.ts';
import { cmsUi } from '../../src/ui/strings.ts';

export interface EditServerOptions {
  /** The content folder Decap's local backend works in (its "repository"). */
  contentDir: string;
  /** The bundled admin page (scripts/edit/admin-bundle.ts). */
  adminDir: string;
  /** Where astro dev and decap-server listen (127.0.0.1 only). */
  astroPort: number;
  backendPort: number;
  /** A line for the terminal. */
  log(line: string): void;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8', '.yml': 'text/yaml; charset=utf-8',
};

const API = '/api/v1';
const FILE_ID_API = '/api/jiexun/file-id';

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer) {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}
const json = (res: ServerResponse, status: number, value: unknown) => send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));

/** /admin/config.yml for the content folder, with today's date as the default of new entries; names from the people registry. */
export function configText(contentDir: string, apiUrl = API): string {
  const reg = readRegistries(contentDir);
  if (!reg.registries) throw new Error(reg.problems.map(formatProblem).join('\n'));
  const peopleFile = existsSync(join(contentDir, 'people.yaml'));
  return stringify(cmsConfig({ wording: cmsUi, registries: reg.registries, peopleFile, today: todayInShanghai(), apiUrl, articleIdUrl: FILE_ID_API }), { lineWidth: 0 });
}

/**
 * Names an article saved from the editor uses that the people registry does not hold: reporters
 * and correspondents the schema refuses as unknown, then its photographers (`photo:` and the
 * credits under its photos), each with the role it has here — what `npm run new` and
 * `npm run import` register.
 */
function newcomers(path: string, text: string, registries: Registries): PersonInput[] {
  const unknown = readArticleSource(path, text, registries).problems.filter((p) => p.code === PROBLEM.unknownPerson && p.value);
  const bylines = newPeople(registries.people, unknown.map((p) => ({ name: p.value!, role: roleOfField(p.field) })));
  const withBylines = withPeople(registries.people, bylines);
  const article = readArticleSource(path, text, { ...registries, people: withBylines }).article;
  const photographers = article ? newPeople(withBylines, photographersOf(article).map((name) => ({ name, role: 'photographer' as const }))) : [];
  return [...bylines, ...photographers];
}

export function createEditServer(options: EditServerOptions) {
  const { contentDir, adminDir, log } = options;

  /** The full check of the content; its problems go to the terminal. Returns the errors in the named files. */
  function runCheck(paths?: string[]): Problem[] {
    const result = checkContent({ contentDir, root: contentDir, paths });
    for (const p of result.problems) log(formatProblem(p));
    log(`npm run check: ${checkSummary(result)}`);
    return result.problems.filter((p) => p.severity === 'error');
  }

  const config = () => configText(contentDir);

  /** Content-relative path of a file Decap names, refused when it leaves the content folder. */
  function inside(path: string): string | undefined {
    const abs = resolve(contentDir, path);
    return abs.startsWith(resolve(contentDir) + sep) ? relative(contentDir, abs).split(sep).join('/') : undefined;
  }

  /** Registry files saved through the CMS: checked together with the other registry files before anything is written. */
  function registryProblems(file: string, text: string): Problem[] {
    const scratch = mkdtempSync(join(tmpdir(), 'jiexun-registries-'));
    try {
      for (const f of Object.keys(REGISTRY_FILES)) if (existsSync(join(contentDir, f))) copyFileSync(join(contentDir, f), join(scratch, f));
      writeFileSync(join(scratch, file), text);
      return readRegistries(scratch).problems.map((p) => ({ ...p, file }));
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }

  type DataFile = { path: string; raw: string; newPath?: string };
  /**
   * Rewrites what Decap is about to write. Returns the refusal when a file would not pass the
   * check, else the names new to the people registry (as `npm run new` adds them: fresh ids, the
   * registry only grows), which the saved article is checked with.
   */
  function normalise(files: DataFile[]): { refused?: string; added: PersonInput[] } {
    const reg = readRegistries(contentDir);
    const refusals: string[] = [];
    const added: PersonInput[] = [];
    let registries = reg.registries;
    for (const f of files) {
      const path = inside(f.newPath ?? f.path);
      if (!path) {
        refusals.push(`${f.path}: expected a file inside the content folder`);
        continue;
      }
      if (path.startsWith('articles/') && path.endsWith('.md')) {
        // A new article's name comes from the edit server (title, place, date); without them Decap names it itself.
        if (!existsSync(join(contentDir, path)) && !/^articles\/\d{4}\/\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.md$/.test(path)) {
          refusals.push(`${path}: ${cmsUi.patternFile}`);
          continue;
        }
        const text = canonicalArticle(f.raw);
        if (text === undefined) {
          refusals.push(`${path}: expected --- frontmatter --- at the top of the file`);
          continue;
        }
        f.raw = text;
        if (registries) {
          const fresh = newcomers(path, text, registries);
          registries = { ...registries, people: withPeople(registries.people, fresh) };
          added.push(...fresh);
          const errors = readArticleSource(path, text, registries).problems.filter((p) => p.severity === 'error');
          refusals.push(...errors.map(formatProblem));
        }
      } else if (path.startsWith('bulletins/') && path.endsWith('.md')) {
        if (!existsSync(join(contentDir, path)) && !/^bulletins\/[a-z0-9][a-z0-9-]*\.md$/.test(path)) {
          refusals.push(`${path}: ${cmsUi.patternFile}`);
          continue;
        }
        f.raw = canonicalBulletin(f.raw) ?? f.raw;
      } else if (path in REGISTRY_FILES) {
        const key = REGISTRY_FILES[path as keyof typeof REGISTRY_FILES];
        const previous = existsSync(join(contentDir, path)) ? readFileSync(join(contentDir, path), 'utf8') : '';
        f.raw = unwrapRegistry(key, f.raw, previous);
        refusals.push(...registryProblems(path, f.raw).filter((p) => p.severity === 'error').map(formatProblem));
      }
    }
    return refusals.length ? { refused: refusals.join('\n'), added: [] } : { added };
  }

  /** Forwards one local-backend call to decap-server. */
  async function backend(body: unknown): Promise<{ status: number; value: unknown }> {
    const res = await fetch(`http://127.0.0.1:${options.backendPort}${API}`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
    });
    return { status: res.status, value: await res.json() };
  }

  /**
   * Files as the editor needs them: a registry file (a top-level list; Decap edits maps only) wrapped
   * under one key, a bulletin's article ids with their year folder (see bulletinForCms).
   */
  function wrapRead(entry: { data?: unknown; file?: { path?: string } }) {
    const path = entry?.file?.path;
    if (!path || typeof entry.data !== 'string') return entry;
    if (path in REGISTRY_FILES) entry.data = wrapRegistry(REGISTRY_FILES[path as keyof typeof REGISTRY_FILES], entry.data);
    else if (path.startsWith('bulletins/') && path.endsWith('.md')) entry.data = bulletinForCms(entry.data);
    return entry;
  }

  async function api(req: IncomingMessage, res: ServerResponse) {
    let body: { action?: string; params?: Record<string, unknown> };
    try {
      body = JSON.parse((await readBody(req)).toString('utf8'));
    } catch {
      return json(res, 400, { error: 'expected a JSON request' });
    }
    if (body.action === 'persistEntry') {
      const params = body.params as { entry?: DataFile; dataFiles?: DataFile[]; assets?: { path: string }[] };
      const files = params.dataFiles ?? (params.entry ? [params.entry] : []);
      const { refused, added } = normalise(files);
      if (refused) {
        log(cmsUi.saveRefused(refused));
        return json(res, 422, { error: cmsUi.saveRefused(refused) });
      }
      // What the files were before (people.yaml too), so a save the full check refuses leaves the content as it was.
      const peopleFile = join(contentDir, 'people.yaml');
      const before = new Map([...files.map((f) => join(contentDir, inside(f.path)!)), ...(added.length ? [peopleFile] : [])].map((abs) => [abs, existsSync(abs) ? readFileSync(abs) : undefined] as const));
      const restore = () => {
        for (const [abs, previous] of before) {
          if (previous === undefined) rmSync(abs, { force: true });
          else writeFileSync(abs, previous);
        }
      };
      // Newcomers are registered first: the check after the save reads people.yaml from disk.
      addPeople(contentDir, added);
      const saved = await backend(body);
      if (saved.status !== 200) {
        restore();
        return json(res, saved.status, saved.value);
      }
      const written = files.map((f) => inside(f.newPath ?? f.path)!).filter((p) => p.endsWith('.md') || p in REGISTRY_FILES);
      log(`saved ${[...written, ...(params.assets ?? []).map((a) => a.path)].join(', ')}`);
      const own = runCheck().filter((p) => written.includes(p.file) || (added.length && p.file === 'people.yaml'));
      if (own.length) {
        restore();
        const message = cmsUi.saveRefused(own.map(formatProblem).join('\n'));
        log(message);
        return json(res, 422, { error: message });
      }
      for (const p of added) log(cmsUi.personRegistered(p.name, p.id));
      return json(res, 200, saved.value);
    }
    const answer = await backend(body);
    if (answer.status === 200 && body.action === 'getEntry') wrapRead(answer.value as never);
    if (answer.status === 200 && (body.action === 'entriesByFiles' || body.action === 'entriesByFolder') && Array.isArray(answer.value)) answer.value.forEach((e) => wrapRead(e as never));
    return json(res, answer.status, answer.value);
  }

  function fileId(url: URL, res: ServerResponse) {
    const q = Object.fromEntries(url.searchParams);
    if (q.kind === 'bulletin') return json(res, 200, { id: bulletinFileId(q) ?? '' });
    const reg = readRegistries(contentDir);
    return json(res, 200, { id: reg.registries ? articleFileId(reg.registries, q) ?? '' : '' });
  }

  function admin(path: string, req: IncomingMessage, res: ServerResponse) {
    if (path === '/admin/config.yml') {
      try {
        return send(res, 200, TYPES['.yml'], config());
      } catch (e) {
        return send(res, 500, TYPES['.txt'], `fix the registry files first:\n${(e as Error).message}\n`);
      }
    }
    const name = path === '/admin/' ? 'index.html' : normalize(path.slice('/admin/'.length));
    const file = join(adminDir, name);
    if (name.startsWith('..') || !existsSync(file) || !statSync(file).isFile()) return send(res, 404, TYPES['.txt'], 'not found\n');
    // The bundle's folder is named by the digest of its inputs (admin-bundle.ts), so that digest and
    // the file's name identify the file: the browser keeps Decap's 6 MB script and, with it, its
    // compiled code, asking only whether it changed (a 304) each time the editor is opened.
    const etag = `"${basename(adminDir)}-${name.split(sep).join('/')}"`;
    const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache', etag };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      return res.end();
    }
    res.writeHead(200, headers);
    res.end(readFileSync(file));
  }

  /** Everything else is the site: passed through to astro dev. */
  function site(req: IncomingMessage, res: ServerResponse) {
    const upstream = httpRequest({ host: '127.0.0.1', port: options.astroPort, method: req.method, path: req.url, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => send(res, 502, TYPES['.txt'], 'the site is still starting; reload in a moment\n'));
    req.pipe(upstream);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (url.pathname === '/admin') {
        res.writeHead(301, { location: '/admin/' });
        return res.end();
      }
      if (url.pathname.startsWith('/admin/')) return admin(url.pathname, req, res);
      if (url.pathname === API && req.method === 'POST') return await api(req, res);
      if (url.pathname === FILE_ID_API) return fileId(url, res);
      return site(req, res);
    } catch (e) {
      log(`npm run edit: ${(e as Error).message}`);
      if (!res.headersSent) json(res, 500, { error: (e as Error).message });
    }
  }

  /** Live reload (Vite's web socket) goes through as a plain byte stream. */
  function upgrade(req: IncomingMessage, socket: import('node:stream').Duplex, head: Buffer) {
    const up = connect(options.astroPort, '127.0.0.1', () => {
      const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`, ...Object.entries(req.headers).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${k}: ${x}`))];
      up.write(`${lines.join('\r\n')}\r\n\r\n`);
      if (head.length) up.write(head);
      socket.pipe(up).pipe(socket);
    });
    up.on('error', () => socket.destroy());
    socket.on('error', () => up.destroy());
  }

  return { handle, upgrade, runCheck };
}
