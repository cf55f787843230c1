// npm run serve: serves dist/ on http://127.0.0.1:4321 (PORT to change).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { serveStatic } from './server/static-server.ts';
import { guardCli } from '../src/io/cli-guard.ts';

guardCli('npm run serve');

const dist = resolve(process.argv[2] ?? 'dist');
if (!existsSync(dist)) {
  console.error(`${dist} does not exist: run npm run build first (or npm start, which builds and serves).`);
  process.exit(1);
}
const port = Number(process.env.PORT ?? 4321);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT: expected a port number (0–65535), found ${process.env.PORT}`);
  process.exit(1);
}
let url: string;
try {
  ({ url } = await serveStatic(dist, port));
} catch (e) {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') console.error(`Port ${port} is already in use (another npm run serve or npm start?): stop that one, or serve on another port, e.g. PORT=${port + 1} npm run serve`);
  else if (code === 'EACCES') console.error(`Port ${port} needs more rights than this user has: choose a port above 1023, e.g. PORT=4321 npm run serve`);
  else console.error(`Could not serve ${dist} on port ${port}: ${code ?? (e as Error).message}`);
  process.exit(1);
}
console.log(`街讯 is served from ${dist} at ${url}/ — Ctrl+C to stop.`);
