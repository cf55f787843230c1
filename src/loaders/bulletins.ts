// Loads content/bulletins/*.md (专版 and 简报): frontmatter validated by the shared schema,
// the editor's note (the body) rendered once. Which articles they hold is resolved with the
// article index at page-build time (src/lib/bulletins.ts), where unknown ids are reported.
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Loader } from 'astro/loaders';
import { listMarkdown, readTextFileAsync } from '../io/content-files.ts';
import { readBulletinSource } from '../io/bulletins.ts';
import { loadRegistries } from '../io/registries.ts';
import { ContentError, type Problem } from '../io/problems.ts';
import { registriesStamp } from './articles.ts';
import { astroFilePaths, projectRootOf } from './project-root.ts';

export function bulletinsLoader(contentDir: string): Loader {
  return {
    name: 'jiexun-bulletins',
    load: async ({ store, renderMarkdown, generateDigest, config }) => {
      const root = projectRootOf(config);
      const astroFilePath = astroFilePaths(config);
      const registries = loadRegistries(contentDir);
      const stamp = generateDigest(registriesStamp(contentDir, root));
      const listing = listMarkdown(join(contentDir, 'bulletins'), (abs) => relative(root, abs), contentDir);
      const problems: Problem[] = [...listing.problems];
      const untouched = new Set(store.keys());
      for (const file of listing.files) {
        const rel = relative(root, file);
        const read = await readTextFileAsync(file, rel);
        if ('problem' in read) {
          problems.push(read.problem);
          continue;
        }
        const source = read.source;
        const parsed = readBulletinSource(rel, source, registries);
        problems.push(...parsed.problems);
        const bulletin = parsed.bulletin;
        if (!bulletin || bulletin.draft) continue;
        untouched.delete(bulletin.id);
        const digest = generateDigest(`${stamp}\u0000${source}`);
        if (store.get(bulletin.id)?.digest === digest) continue;
        const rendered = await renderMarkdown(parsed.body, { fileURL: pathToFileURL(file) });
        store.set({ id: bulletin.id, data: { ...bulletin, file: rel }, body: parsed.body, filePath: astroFilePath(file), digest, rendered });
      }
      const errors = problems.filter((p) => p.severity === 'error');
      if (errors.length) throw new ContentError(errors);
      for (const id of untouched) store.delete(id);
    },
  };
}
