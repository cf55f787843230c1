// Loads content/places.yaml and content/stars.yaml into registries, once per process.
import { join } from 'node:path';
import { createPlaceRegistry, RegistryError, type PlaceInput } from '../lib/places.ts';
import { createStarRegistry, type Star } from '../lib/stars.ts';
import { placesFileSchema, starsFileSchema, type Registries } from '../schema.ts';
import { ContentError, type Problem } from './problems.ts';
import { parseYamlFile } from './yaml-file.ts';
import { issuesToProblems } from './zod-problems.ts';

const cache = new Map<string, Registries>();

/** Problems in the registry files, and the registries when there are none. */
export function readRegistries(contentDir: string): { registries?: Registries; problems: Problem[] } {
  const problems: Problem[] = [];
  const placesFile = join(contentDir, 'places.yaml');
  const starsFile = join(contentDir, 'stars.yaml');
  const read = <T>(file: string, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }) => {
    let parsed;
    try {
      parsed = parseYamlFile(file);
    } catch (e) {
      problems.push({ file, line: 1, col: 1, field: '', severity: 'error', message: `expected a readable registry file, found ${(e as Error).message}` });
      return undefined;
    }
    problems.push(...parsed.problems);
    if (parsed.problems.length) return undefined;
    const r = schema.safeParse(parsed.data);
    if (!r.success) {
      problems.push(...issuesToProblems(file, r.error.issues, parsed.locate, (p) => p.filter((k) => typeof k === 'string').join('.') || 'entry'));
      return undefined;
    }
    return { data: r.data, locate: parsed.locate };
  };
  const places = read<PlaceInput[]>(placesFile, placesFileSchema as never);
  const stars = read<Star[]>(starsFile, starsFileSchema as never);
  if (!places || !stars) return { problems };
  try {
    const placeRegistry = createPlaceRegistry(places.data);
    const starRegistry = createStarRegistry(stars.data);
    return { registries: { places: placeRegistry, stars: starRegistry }, problems };
  } catch (e) {
    const isPlace = e instanceof RegistryError;
    const file = isPlace ? placesFile : starsFile;
    const data: { id: string }[] = isPlace ? places.data : stars.data;
    for (const line of (e as Error).message.split('\n')) {
      // Point at the entry named first in the fault ("lianhu: parent …" or "id lianhu: …").
      const id = /^(?:id |star id |star name )?([^\s:]+)/.exec(line)?.[1];
      const index = data.findIndex((p) => p.id === id || (p as { name?: string }).name === id);
      const at = index >= 0 ? (isPlace ? places : stars).locate([index]) : { line: 1, col: 1 };
      problems.push({ file, line: at.line, col: at.col, field: 'registry', severity: 'error', message: line });
    }
    return { problems };
  }
}

/** The registries, memoised per content folder; throws ContentError listing every registry fault. */
export function loadRegistries(contentDir: string): Registries {
  const hit = cache.get(contentDir);
  if (hit) return hit;
  const { registries, problems } = readRegistries(contentDir);
  if (!registries) throw new ContentError(problems);
  cache.set(contentDir, registries);
  return registries;
}
