// A worker thread that renders article bodies with the site's Markdown pipeline, so the content
// load uses the machine's second core (the main thread reads, validates and stores meanwhile).
import { parentPort } from 'node:worker_threads';
import { unified } from '@astrojs/markdown-remark';
import { markdownOptions, MARKDOWN_SYNTAX_HIGHLIGHT } from '../markdown/options.ts';

export interface RenderRequest {
  id: number;
  body: string;
  fileURL: string;
}
export type RenderReply =
  | { id: number; html: string; metadata: Record<string, unknown> }
  | { id: number; error: string };

const port = parentPort!;
// Exactly what Astro does for a loader's renderMarkdown() (astro/dist/content/content-layer.js):
// the configured processor's renderer, with the body's (empty) frontmatter.
const renderer = await unified(markdownOptions).createRenderer({ syntaxHighlight: MARKDOWN_SYNTAX_HIGHLIGHT });

port.on('message', async ({ id, body, fileURL }: RenderRequest) => {
  try {
    const { code, metadata } = await renderer.render(body, { frontmatter: {}, fileURL: new URL(fileURL) });
    const m = metadata as { localImagePaths?: string[]; remoteImagePaths?: string[] };
    port.postMessage({ id, html: code, metadata: { ...metadata, imagePaths: (m.localImagePaths ?? []).concat(m.remoteImagePaths ?? []) } } satisfies RenderReply);
  } catch (e) {
    port.postMessage({ id, error: e instanceof Error ? e.message : String(e) } satisfies RenderReply);
  }
});
