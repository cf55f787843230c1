// The production build ships no /admin/ unless the site asks for it with JIEXUN_ADMIN=1 (for an
// intranet copy of the site where `npm run edit` answers at JIEXUN_ADMIN_API, default /api/v1).
// Then the editor page, its bundle and its generated config.yml are written after the build.
import { cpSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

export default function admin(): AstroIntegration {
  return {
    name: 'jiexun-admin',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (process.env.JIEXUN_ADMIN !== '1') return;
        const root = resolve(import.meta.dirname, '../..');
        // Loaded only when asked for: the normal build never pays for bundling Decap.
        const { buildAdmin } = await import('../../scripts/edit/admin-bundle.ts');
        const { configText } = await import('../../scripts/edit/edit-server.ts');
        const { contentDir } = await import('../io/content-dir.ts');
        const out = join(fileURLToPath(dir), 'admin');
        cpSync(await buildAdmin(root), out, { recursive: true });
        writeFileSync(join(out, 'config.yml'), configText(contentDir(root), process.env.JIEXUN_ADMIN_API ?? '/api/v1'));
        logger.info(`/admin/ written (JIEXUN_ADMIN=1), saving through ${process.env.JIEXUN_ADMIN_API ?? '/api/v1'}`);
      },
    },
  };
}
