// Where a loader finds the project, and what Astro resolves an entry's photos against. A build gives
// Astro a root of its own (src/io/astro-root.ts) with the project's src/ and public/, so the two
// differ there: the project (paths in editors' messages, the code stamp) is the folder above
// srcDir; an entry's filePath is relative to Astro's root, which is what Astro reads it against.
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

interface RootedConfig {
  root: URL;
  srcDir: URL;
}

export function projectRootOf(config: RootedConfig): string {
  return fileURLToPath(new URL('..', config.srcDir)).replace(/\/$/, '');
}

/** An entry's filePath, from its file: Astro resolves its image references against config.root. */
export function astroFilePaths(config: RootedConfig): (file: string) => string {
  const root = fileURLToPath(config.root);
  return (file) => relative(root, file);
}
