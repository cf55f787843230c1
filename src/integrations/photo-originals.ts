// Keeps the original photos out of the bundler's memory. Astro emits every imported image's bytes as
// a bundle asset (its image pipeline later reads the original from the build output), and the
// bundler holds all of them at once: 2,000 camera photos would be gigabytes. Here a photo referenced
// from content data is emitted through the same Astro helpers (emitImageMetadata, emitClientAsset),
// with a small stand-in source named by the file's content hash; once the bundle is written the
// real file takes the stand-in's place (a hard link, a copy across file systems), so Astro's pipeline
// finds the original where it expects it — a link costs nothing where 2,000 copies took 1.6 s of the
// main thread; Astro only reads the file and deletes it once its renditions are made.
// Only the source bytes change hands differently: metadata, URLs and the image proxy are Astro's own.
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { emitClientAsset } from 'astro/assets/utils';
import { emitImageMetadata } from 'astro/assets/utils/node';
import { PHOTO_EXTENSIONS } from '../lib/photos.ts';
import { linkOrCopy } from '../io/link-or-copy.ts';

/** Astro's query flag on images imported from content data (astro/dist/content/consts.js CONTENT_IMAGE_FLAG). */
const CONTENT_IMAGE_FLAG = 'astroContentImageFlag';
const PHOTO_FILE = new RegExp(`\\.(${PHOTO_EXTENSIONS.join('|')})$`, 'i');

/**
 * The module Astro's asset plugin returns for an image on the server (astro/dist/assets/utils/proxy.js):
 * reading a property marks the original as used (so Astro keeps it in dist/); clone and fsPath do not.
 */
function imageModule(meta: object, fsPath: string): string {
  const path = JSON.stringify(fsPath);
  return `export default new Proxy(${JSON.stringify(meta)}, {
  get(target, name) {
    if (name === 'clone') return structuredClone(target);
    if (name === 'fsPath') return ${path};
    if (target[name] !== undefined && globalThis.astroAsset) {
      globalThis.astroAsset.referencedImages?.add(${path});
      globalThis.astroAsset.recordReferencedImage?.(${path});
    }
    return target[name];
  },
});`;
}

export default function photoOriginals(): AstroIntegration {
  return {
    name: 'jiexun:photo-originals',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command !== 'build') return;
        /** Emitted stand-ins per build environment: asset handle → the original file to copy over it. */
        const originals = new Map<string, Map<string, string>>();
        const of = (env: string | undefined) => {
          let m = originals.get(env ?? '');
          if (!m) originals.set(env ?? '', (m = new Map()));
          return m;
        };
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'jiexun:photo-originals',
                enforce: 'pre',
                load: {
                  // Before Astro's own asset plugin, which would otherwise load (and emit) the file first.
                  order: 'pre',
                  filter: { id: new RegExp(CONTENT_IMAGE_FLAG) },
                  async handler(id) {
                    const file = id.split('?')[0];
                    if (!PHOTO_FILE.test(file)) return null;
                    const digest = createHash('sha256').update(await readFile(file)).digest('hex');
                    const meta = await emitImageMetadata(file, (opts) => {
                      const handle = emitClientAsset(this, { ...opts, source: `photo ${digest}` } as typeof opts);
                      of(this.environment?.name).set(handle, file);
                      return handle;
                    });
                    if (!meta) return null; // missing: Astro's own plugin reports it
                    return imageModule(meta, file);
                  },
                },
                writeBundle(options) {
                  for (const [handle, file] of of(this.environment?.name)) {
                    const target = join(options.dir!, this.getFileName(handle));
                    rmSync(target, { force: true }); // the stand-in
                    linkOrCopy(file, target);
                  }
                },
              },
            ],
          },
        });
      },
    },
  };
}
