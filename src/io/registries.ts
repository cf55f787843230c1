// Loads content/places.yaml, content/stars.yaml and content/people.yaml into registries, once per
// process. Every problem at once: an entry the schema refuses is still checked against the others
// (its parent, its aliases) with the refused fields left out.
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createPeopleRegistry, type PersonInput } from '../lib/people.ts';
import { createPlaceRegistry, PLACE_LEVELS, type PlaceInput } from '../lib/places.ts';
import { RegistryError } from '../lib/registry-error.ts';
import { createStarRegistry, type Star } from '../lib/stars.ts';
import { peopleFileSchema, personEntrySchema, placeEntrySchema, placesFileSchema, starEntrySchema, starsFileSchema, type Registries } from '../schema.ts';
import { ContentError, PROBLEM, type Problem } from './problems.ts';
import { readTextFile } from './content-files.ts';
import { fieldTextProblems } from './field-text.ts';
import { parseYamlFile } from './yaml-file.ts';
import { issuesToProblems, type Issue } from './zod-problems.ts';
import { projectDir } from './project-dir.ts';

const cache = new Map<string, { stamp: string; registries: Registries }>();

/** When and how big each registry file is: a file the tools rewrote (people.yaml) is read again. */
function stampOf(contentDir: string): string {
  return REGISTRY_FILES.map((f) => {
    try {
      const st = statSync(join(contentDir, f));
      return `${st.mtimeMs}:${st.size}`;
    } catch {
      return '-';
    }
  }).join('|');
}

export const REGISTRY_FILES = ['places.yaml', 'stars.yaml', 'people.yaml'] as const;

type Parse = { safeParse(v: unknown): { success: boolean; data?: unknown; error?: { issues: Issue[] } } };
type Locate = (path: readonly (string | number)[]) => { line: number; col: number };

/**
 * Reads one registry file: its problems, and its entries — the valid ones, plus for each refused
 * entry what `lenient` makes of it without the refused fields (undefined: leave it out).
 */
function readRegistryFile<T>(file: string, fileSchema: Parse, entrySchema: Parse, lenient: (raw: Record<string, unknown>) => T | undefined, problems: Problem[], optional = false): { entries: T[]; locate: Locate; ok: boolean } | undefined {
  if (optional && !existsSync(file)) return { entries: [], locate: () => ({ line: 1, col: 1 }), ok: true };
  if (!existsSync(file)) {
    problems.push({ file, line: 1, col: 1, field: '', severity: 'error', code: PROBLEM.missingRegistry, message: `expected the registry file ${basename(file)} in the content folder, found no such file` });
    return undefined;
  }
  // Within the size limit, UTF-8, and never through a link out of the content folder or the project.
  const text = readTextFile(file, file, undefined, [dirname(file), projectDir()]);
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
  const fieldOf = (p: (string | number)[]) => p.filter((k) => typeof k === 'string').join('.') || 'entry';
  const data = parsed.data ?? [];
  if (!Array.isArray(data)) {
    const r = fileSchema.safeParse(data);
    problems.push(...issuesToProblems(file, r.error?.issues ?? [], parsed.locate, fieldOf));
    return undefined;
  }
  let ok = true;
  const entries: T[] = [];
  data.forEach((raw, index) => {
    const r = entrySchema.safeParse(raw);
    if (r.success) return entries.push(r.data as T);
    ok = false;
    const issues = r.error!.issues.map((i) => ({ ...i, path: [index, ...i.path] }));
    problems.push(...issuesToProblems(file, issues, parsed.locate, fieldOf));
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return;
    const refused = new Set(r.error!.issues.map((i) => String(i.path[0])));
    const kept = Object.fromEntries(Object.entries(raw).filter(([k]) => !refused.has(k)));
    const entry = typeof kept.id === 'string' && typeof kept.name === 'string' ? lenient(kept) : undefined;
    if (entry) entries.push(entry);
  });
  return { entries, locate: parsed.locate, ok };
}

/** Problems in the registry files, and the registries when there are none. */
export function readRegistries(contentDir: string): { registries?: Registries; problems: Problem[] } {
  const problems: Problem[] = [];
  const [placesFile, starsFile, peopleFile] = REGISTRY_FILES.map((f) => join(contentDir, f));
  const places = readRegistryFile<PlaceInput>(placesFile, placesFileSchema, placeEntrySchema, (raw) => ({
    ...(raw as unknown as PlaceInput),
    // A refused level: guess one that raises no fault of its own (a parent means a street).
    level: PLACE_LEVELS.includes(raw.level as never) ? (raw.level as PlaceInput['level']) : raw.parent ? 'street' : 'city',
  }), problems);
  const stars = readRegistryFile<Star>(starsFile, starsFileSchema, starEntrySchema, (raw) => ({ sets: ['village', 'community'], description: '', colour: '#000000', ...raw }) as Star, problems);
  const people = readRegistryFile<PersonInput>(peopleFile, peopleFileSchema, personEntrySchema, (raw) => raw as unknown as PersonInput, problems, true);
  // Faults come tied to their entry, so each message points at the entry's line.
  const build = <T>(file: string, read: { locate: Locate } | undefined, make: () => T): T | undefined => {
    if (!read) return undefined;
    try {
      return make();
    } catch (e) {
      if (!(e instanceof RegistryError)) throw e;
      for (const f of e.faults) problems.push({ file, ...read.locate([f.index]), field: 'registry', severity: 'error', code: PROBLEM.registryFault, message: f.message });
      return undefined;
    }
  };
  const placeRegistry = build(placesFile, places, () => createPlaceRegistry(places!.entries));
  const starRegistry = build(starsFile, stars, () => createStarRegistry(stars!.entries));
  const peopleRegistry = build(peopleFile, people, () => createPeopleRegistry(people!.entries));
  if (!placeRegistry || !starRegistry || !peopleRegistry || !places!.ok || !stars!.ok || !people!.ok) return { problems };
  return { registries: { places: placeRegistry, stars: starRegistry, people: peopleRegistry }, problems };
}

/** The registries, memoised per content folder while its files are unchanged; throws ContentError listing every registry fault. */
export function loadRegistries(contentDir: string): Registries {
  const stamp = stampOf(contentDir);
  const hit = cache.get(contentDir);
  if (hit?.stamp === stamp) return hit.registries;
  const { registries, problems } = readRegistries(contentDir);
  if (!registries) throw new ContentError(problems);
  cache.set(contentDir, { stamp, registries });
  return registries;
}
