// Loads content/places.yaml and content/stars.yaml into registries, once per process.
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createPlaceRegistry, type PlaceInput } from '../lib/places.ts';
import { RegistryError } from '../lib/registry-error.ts';
import { createStarRegistry, type Star } from '../lib/stars.ts';
import { placesFileSchema, starsFileSchema, type Registries } from '../schema.ts';
import { ContentError, type Problem } from './problems.ts';
import { readTextFile } from './content-files.ts';
import { fieldTextProblems } from './field-text.ts';
import { parseYamlFile } from './yaml-file.ts';
import { issuesToProblems } from './zod-problems.ts';

const cache = new Map<string, Registries>();

/** Problems in the registry files, and the registries when there are none. */
export function readRegistries(contentDir: string): { registries?: Registries; problems: Problem[] } {
  const problems: Problem[] = [];
  const placesFile = join(contentDir, 'places.yaml');
  const starsFile = join(contentDir, 'stars.yaml');
  const read = <T>(file: string, schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }) => {
    if (!existsSync(file)) {
      problems.push({ file, line: 1, col: 1, field: '', severity: 'error', code: 'missing-registry', message: `expected the registry file ${basename(file)} in the content folder, found no such file` });
      return undefined;
    }
    const text = readTextFile(file, file, undefined, [contentDir, process.cwd()]);
    if ('problem' in text) {
      problems.push(text.problem);
      return undefined;
    }
    const parsed = parseYamlFile(file, text.source);
    problems.push(...parsed.problems);
    if (parsed.problems.length) return undefined;
    // Ids become folder names (/streets/<id>/); names and aliases are short by nature.
    const unsafe = fieldTextProblems(file, parsed.data, { locate: parsed.locate, nameFields: ['id', 'name', 'aliases'] });
    problems.push(...unsafe);
    if (unsafe.length) return undefined;
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
  // Faults come tied to their entry, so each message points at the entry's line.
  const build = <T>(file: string, parsed: { locate(path: (string | number)[]): { line: number; col: number } }, make: () => T): T | undefined => {
    try {
      return make();
    } catch (e) {
      if (!(e instanceof RegistryError)) throw e;
      for (const f of e.faults) problems.push({ file, ...parsed.locate([f.index]), field: 'registry', severity: 'error', message: f.message });
      return undefined;
    }
  };
  const placeRegistry = build(placesFile, places, () => createPlaceRegistry(places.data));
  const starRegistry = build(starsFile, stars, () => createStarRegistry(stars.data));
  if (!placeRegistry || !starRegistry) return { problems };
  return { registries: { places: placeRegistry, stars: starRegistry }, problems };
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
