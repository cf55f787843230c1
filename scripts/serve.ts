// npm run serve: serves dist/ on http://127.0.0.1:4321 (PORT to change).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { serveStatic } from './server/static-server.ts';

const dist = resolve(process.argv[2] ?? 'dist');
if (!existsSync(dist)) {
  console.error(`${dist} does not exist: run npm run build first (or npm start, which builds and serves).`);
  process.exit(1);
}
const { url } = await serveStatic(dist, Number(process.env.PORT ?? 4321));
console.log(`街讯 is served from ${dist} at ${url}/ — Ctrl+C to stop.`);
