// The people registry (content/people.yaml): every reporter, correspondent and photographer with
// the id of their page, /reporters/<id>/. It is the one source of person ids — pages, bylines,
// search facets (?reporter=) and feeds all look names up here — and it only ever grows: `npm run
// new` and `npm run import` append newcomers, so no published address moves when content is
// added. Two names with the same pinyin (鲁燕, 路艳) get luyan, luyan-2 … in registry order. An id
// changes only through an explicit `formerIds` entry, which keeps a redirect at the old address.
import { Document, isMap, isSeq } from 'yaml';
import { pinyinId } from './pinyin.ts';
import { closest, didYouMean } from './suggest.ts';
import { RegistryError, type RegistryFault } from './registry-error.ts';

export { pinyinId };

export const PERSON_ROLES = ['reporter', 'correspondent', 'photographer'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/** The role a name has by the article field it is written in (correspondent, photo, else reporter). */
export function roleOfField(field: string | undefined): PersonRole {
  return field === 'correspondent' ? 'correspondent' : field === 'photo' ? 'photographer' : 'reporter';
}

export interface PersonInput {
  id: string;
  name: string;
  roles?: PersonRole[];
  /** Other spellings of the name that mean this person (a traditional form: 魯燕). */
  aliases?: string[];
  /** Ids this person's page had before: each keeps a redirect page to the current one. */
  formerIds?: string[];
}

export interface PersonEntry {
  id: string;
  name: string;
  roles: PersonRole[];
  aliases: string[];
  formerIds: string[];
}

export interface PeopleRegistry {
  readonly all: readonly PersonEntry[];
  byId(id: string): PersonEntry | undefined;
  /** The person a byline name means: the name or an alias. */
  resolve(name: string): PersonEntry | undefined;
  /** Old page ids and where they lead now. */
  readonly redirects: ReadonlyMap<string, PersonEntry>;
  suggest(name: string): string[];
  unknownMessage(name: string): string;
}

const ID_RE = /^[a-z][a-z0-9-]*$/;

/** Builds the registry; throws RegistryError listing every fault (an id, former id, name or alias used twice). */
export function createPeopleRegistry(input: readonly PersonInput[]): PeopleRegistry {
  const faults: RegistryFault[] = [];
  const byId = new Map<string, PersonEntry>();
  const byName = new Map<string, PersonEntry>();
  const redirects = new Map<string, PersonEntry>();
  const all: PersonEntry[] = [];
  input.forEach((p, index) => {
    const entry: PersonEntry = { id: p.id, name: p.name.trim(), roles: p.roles ?? [], aliases: p.aliases ?? [], formerIds: p.formerIds ?? [] };
    if (byId.has(entry.id) || redirects.has(entry.id)) faults.push({ index, message: `id ${entry.id}: expected a unique id, found it ${byId.has(entry.id) ? 'twice' : `already a former id of ${redirects.get(entry.id)!.id}`}` });
    byId.set(entry.id, entry);
    for (const s of [entry.name, ...entry.aliases]) {
      const other = byName.get(s);
      if (other && other !== entry) faults.push({ index, message: `${entry.id}: name or alias ${s} is already used by ${other.id} (two people with one name need different spellings, or one entry)` });
      else byName.set(s, entry);
    }
    all.push(entry);
  });
  for (const [index, entry] of all.entries()) {
    for (const old of entry.formerIds) {
      if (!ID_RE.test(old)) faults.push({ index, message: `${entry.id}: former id expected an ASCII id (a-z, 0-9, -), found ${old}` });
      else if (byId.has(old)) faults.push({ index, message: `${entry.id}: former id ${old} is the id of ${byId.get(old)!.name}: an address in use cannot redirect` });
      else if (redirects.has(old)) faults.push({ index, message: `${entry.id}: former id ${old} is already a former id of ${redirects.get(old)!.id}` });
      else redirects.set(old, entry);
    }
  }
  if (faults.length) throw new RegistryError(faults);
  let candidates: { name: string; spellings: string[] }[] | undefined;
  let byPinyin: Map<string, string[]> | undefined;
  const suggest = (name: string) => {
    candidates ??= all.map((p) => ({ name: p.name, spellings: [p.name, ...p.aliases] }));
    if (!byPinyin) {
      byPinyin = new Map();
      for (const p of all) {
        const key = pinyinId(p.name);
        byPinyin.set(key, [...(byPinyin.get(key) ?? []), p.name]);
      }
    }
    // Same sound first (魯燕 or 鲁艳 for 鲁燕), then close spellings.
    return [...new Set([...(byPinyin.get(pinyinId(name)) ?? []), ...closest(name, candidates)])].slice(0, 3);
  };
  return {
    all,
    byId: (id) => byId.get(id),
    resolve: (name) => byName.get(name.trim()),
    redirects,
    suggest,
    unknownMessage(name) {
      return `expected a person in content/people.yaml, found ${name}${didYouMean(suggest(name))}; a new name is added by npm run new, npm run import or npm run check -- --fix`;
    },
  };
}

/**
 * Entries for names the registry does not hold yet, in the order given, each with a fresh id:
 * the pinyin of the name, numbered (-2, -3 …) after every id and former id already taken.
 */
export function newPeople(registry: PeopleRegistry, wanted: readonly { name: string; role: PersonRole }[]): PersonInput[] {
  const taken = new Set<string>([...registry.all.map((p) => p.id), ...registry.redirects.keys()]);
  const added = new Map<string, PersonInput>();
  for (const { name, role } of wanted) {
    const n = name.trim();
    if (!n || registry.resolve(n)) continue;
    const known = added.get(n);
    if (known) {
      if (!known.roles!.includes(role)) known.roles!.push(role);
      continue;
    }
    const base = pinyinId(n);
    let id = base;
    for (let k = 2; taken.has(id); k++) id = `${base}-${k}`;
    taken.add(id);
    added.set(n, { id, name: n, roles: [role] });
  }
  return [...added.values()];
}

/** The registry with some entries added at the end (ids of those already there never change). */
export function withPeople(registry: PeopleRegistry, added: readonly PersonInput[]): PeopleRegistry {
  if (!added.length) return registry;
  return createPeopleRegistry([...registry.all, ...added]);
}

/**
 * people.yaml with entries appended: the file as it was (comments and order kept), then the
 * new entries written by the yaml package (it quotes what needs quoting).
 */
export function appendPeople(existing: string, added: readonly PersonInput[]): string {
  if (!added.length) return existing;
  const entries = added.map((p) => {
    const doc = new Document([{ id: p.id, name: p.name, ...(p.roles?.length ? { roles: p.roles } : {}) }]);
    if (isSeq(doc.contents)) for (const item of doc.contents.items) if (isMap(item)) for (const pair of item.items) if (isSeq(pair.value)) pair.value.flow = true;
    return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  });
  const head = existing === '' || existing.endsWith('\n') ? existing : `${existing}\n`;
  return head + entries.join('');
}
