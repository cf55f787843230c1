// npm run edit: the editor in the browser. Starts the site's dev server (astro dev) and Decap's local
// backend (decap-server) on 127.0.0.1, puts our edit server in front of both on PORT (default 4321),
// and prints the address of /admin/. Ctrl+C stops all of it. JIEXUN_CONTENT chooses the content folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { contentDir as contentDirOf } from '../src/io/content-dir.ts';
import { buildAdmin } from './edit/admin-bundle.ts';
import { createEditServer } from './edit/edit-server.ts';

const root = resolve(import.meta.dirname, '..');
const say = (line: string) => process.stderr.write(`${line}\n`);
const fail = (line: string): never => {
  say(`npm run edit: ${line}`);
  process.exit(1);
};

const port = Number(process.env.PORT ?? 4321);
if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`PORT: expected a port number from 1 to 65535, found ${process.env.PORT}`);
const contentDir = contentDirOf(root);
if (!existsSync(contentDir)) fail(`JIEXUN_CONTENT: expected a content folder, found no folder at ${contentDir}`);

/** Listens on 127.0.0.1 only: the editor writes files, so no other machine may reach it. */
function listen(server: Server, p: number): Promise<number> {
  return new Promise((ok, no) => {
    server.once('error', no);
    server.listen(p, '127.0.0.1', () => {
      server.off('error', no);
      ok((server.address() as { port: number }).port);
    });
  });
}
async function freePort(): Promise<number> {
  const s = createServer();
  const p = await listen(s, 0);
  await new Promise((ok) => s.close(ok));
  return p;
}

const children: ChildProcess[] = [];
let stopping = false;
function stop(code: number) {
  if (stopping) return;
  stopping = true;
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  process.exit(code);
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
// However the editor ends (a failed start included), its children end with it.
process.on('exit', () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
});

// Take the port first, so a busy port is said plainly before anything else starts.
let editServer: ReturnType<typeof createEditServer> | undefined;
const front = createServer((req, res) => {
  if (editServer) void editServer.handle(req, res);
  else {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '2' });
    res.end('the editor is starting; reload in a moment\n');
  }
});
front.on('upgrade', (req, socket, head) => (editServer ? editServer.upgrade(req, socket, head) : socket.destroy()));
try {
  await listen(front, port);
} catch (e) {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') fail(`port ${port} is already in use (another npm run edit or npm run dev?). Stop that program, or choose another port: PORT=4322 npm run edit`);
  if (code === 'EACCES') fail(`port ${port} needs administrator rights; choose a port above 1024: PORT=4321 npm run edit`);
  fail(`cannot listen on port ${port}: ${(e as Error).message}`);
}

const [astroPort, backendPort] = [await freePort(), await freePort()];
const require = createRequire(import.meta.url);
/** A package's command-line script, from its package.json (neither package exports the file itself). */
const binOf = (pkg: string, name: string) => {
  const manifest = require.resolve(`${pkg}/package.json`);
  const { bin } = require(manifest) as { bin: string | Record<string, string> };
  return resolve(manifest, '..', typeof bin === 'string' ? bin : bin[name]);
};
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', JIEXUN_CONTENT: contentDir };
const child = (name: string, args: string[], extra: Record<string, string>) => {
  const c = spawn(process.execPath, args, { cwd: root, env: { ...env, ...extra }, stdio: ['ignore', 'pipe', 'pipe'] });
  const relay = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line.trim()) say(`[${name}] ${line}`);
  };
  c.stdout!.on('data', relay);
  c.stderr!.on('data', relay);
  c.on('exit', (code, signal) => {
    if (!stopping) {
      say(`npm run edit: ${name} stopped (${signal ?? `exit code ${code}`}); stopping the editor`);
      stop(1);
    }
  });
  children.push(c);
  return c;
};

// decap-server's local file-system mode: it reads and writes the content folder, nothing else.
child('decap-server', [binOf('decap-server', 'decap-server')], {
  PORT: String(backendPort), BIND_HOST: '127.0.0.1', MODE: 'fs', GIT_REPO_DIRECTORY: contentDir, LOG_LEVEL: 'warn',
});
child('astro', [binOf('astro', 'astro'), 'dev', '--host', '127.0.0.1', '--port', String(astroPort)], {});

const adminDir = await buildAdmin(root).catch((e: Error) => fail(`cannot build the editor page: ${e.message}`));
editServer = createEditServer({ contentDir, adminDir, astroPort, backendPort, log: say });
editServer.runCheck();
say('');
say(`编辑部已启动：http://127.0.0.1:${port}/admin/`);
say(`  网站预览：http://127.0.0.1:${port}/   内容文件夹：${contentDir}`);
say('  按 Ctrl+C 停止。');
// The address alone on stdout, for scripts and tests.
process.stdout.write(`http://127.0.0.1:${port}/admin/\n`);
