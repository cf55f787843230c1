// Records when each build phase starts and ends, for `npm run bench -- --phases` and the build log.
// Writes JSON lines to JIEXUN_TIMINGS when set; does nothing otherwise.
import { appendFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';

export function mark(event: string): void {
  const file = process.env.JIEXUN_TIMINGS;
  if (file) appendFileSync(file, `${JSON.stringify({ event, t: Date.now(), rssMB: Math.round(process.memoryUsage().rss / 1048576) })}\n`);
}

export default function buildTimings(): AstroIntegration {
  return {
    name: 'jiexun:build-timings',
    hooks: {
      'astro:config:done': () => mark('config'),
      'astro:build:start': () => mark('build:start'),
      'astro:build:setup': () => mark('build:setup'),
      'astro:build:generated': () => mark('build:generated'),
      'astro:build:done': () => mark('build:done'),
    },
  };
}
