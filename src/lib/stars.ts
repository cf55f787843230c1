// The 五星 stars: look-ups by name or id, and which stars belong to a set.
import { closest, didYouMean } from './suggest.ts';
import { RegistryError, type RegistryFault } from './registry-error.ts';
import type { StarSet } from './places.ts';

export interface Star {
  id: string;
  name: string;
  sets: StarSet[];
  description: string;
  colour: string;
}

export interface StarRegistry {
  readonly all: readonly Star[];
  byId(id: string): Star | undefined;
  resolve(written: string): Star | undefined;
  inSet(set: StarSet): Star[];
  suggest(written: string): string[];
  unknownMessage(written: string): string;
}

export function createStarRegistry(input: readonly Star[]): StarRegistry {
  const byId = new Map<string, Star>();
  const byName = new Map<string, Star>();
  const faults: RegistryFault[] = [];
  input.forEach((s, index) => {
    if (byId.has(s.id)) faults.push({ index, message: `star id ${s.id}: expected a unique id, found it twice` });
    if (byName.has(s.name)) faults.push({ index, message: `star name ${s.name}: expected a unique name, found it twice` });
    byId.set(s.id, s);
    byName.set(s.name, s);
  });
  if (faults.length) throw new RegistryError(faults);
  const candidates = input.map((s) => ({ name: s.name, spellings: [s.name, s.id, s.name.replace(/星$/, '')] }));
  return {
    all: input,
    byId: (id) => byId.get(id),
    // Editors write 支部过硬星, sometimes without the final 星, sometimes with quotes.
    resolve: (written) => {
      const w = written.trim().replace(/^[“"「]|[”"」]$/g, '');
      return byName.get(w) ?? byName.get(`${w}星`) ?? byId.get(w);
    },
    inSet: (set) => input.filter((s) => s.sets.includes(set)),
    suggest: (written) => closest(written, candidates),
    unknownMessage(written) {
      return `expected a star from content/stars.yaml, found ${written}${didYouMean(this.suggest(written))}`;
    },
  };
}
