// Runs checkContent on a worker thread so `npm run build` checks the content on one core while
// Astro starts on the other; posts back the problems.
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { checkContent } from './check.ts';

const { contentDir, root } = workerData as { contentDir: string; root: string };
parentPort!.postMessage(checkContent({ contentDir, root, publicDir: join(root, 'public') }).problems);
