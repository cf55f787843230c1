// Renders article bodies on a worker thread (markdown-worker.ts) instead of the main thread, for
// large archives: the content load is otherwise one core's work while the other idles. Output is
// the same as the loader context's renderMarkdown() (a test compares them).
import { Worker } from 'node:worker_threads';
import type { RenderReply, RenderRequest } from './markdown-worker.ts';

export interface RenderedMarkdown {
  html: string;
  metadata: Record<string, unknown>;
}

export interface MarkdownPool {
  render(body: string, fileURL: URL): Promise<RenderedMarkdown>;
  close(): Promise<void>;
}

export function createMarkdownPool(size: number): MarkdownPool {
  const pending = new Map<number, { resolve: (r: RenderedMarkdown) => void; reject: (e: Error) => void; file: string }>();
  let nextId = 0;
  const workers = Array.from({ length: size }, () => {
    const w = new Worker(new URL('./markdown-worker.ts', import.meta.url));
    w.on('message', (m: RenderReply) => {
      const job = pending.get(m.id);
      if (!job) return;
      pending.delete(m.id);
      if ('error' in m) job.reject(new Error(`${job.file}: the Markdown could not be rendered: ${m.error}`));
      else job.resolve({ html: m.html, metadata: m.metadata });
    });
    w.on('error', (e) => {
      for (const job of pending.values()) job.reject(e);
      pending.clear();
    });
    return w;
  });
  return {
    render(body, fileURL) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, file: fileURL.pathname });
        workers[id % workers.length].postMessage({ id, body, fileURL: fileURL.href } satisfies RenderRequest);
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
