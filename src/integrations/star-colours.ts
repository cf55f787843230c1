// The star badge colours (content/stars.yaml) as a virtual stylesheet that BaseLayout imports, so
// they ship inside the site's one bundled stylesheet instead of a separate render-blocking file.
import type { Plugin } from 'vite';
import { contentDir } from '../io/content-dir.ts';
import { readRegistries } from '../io/registries.ts';
import { starColoursCss } from '../lib/star-colours.ts';

const ID = 'virtual:star-colours.css';
const RESOLVED = `\0${ID}`;

export function starColours(): Plugin {
  return {
    name: 'jiexun:star-colours',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      const dir = contentDir();
      this.addWatchFile(`${dir}/stars.yaml`);
      // A broken registry is reported by the content check, which stops the build; no colours meanwhile.
      const { registries } = readRegistries(dir);
      return registries ? starColoursCss(registries.stars.all) : '';
    },
  };
}
