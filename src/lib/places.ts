// The places registry as a queryable tree: look-ups by name, alias or id, ancestors, descendants.
import { closest, didYouMean } from './suggest.ts';
import { RegistryError, type RegistryFault } from './registry-error.ts';

export const PLACE_LEVELS = ['province', 'city', 'district', 'street', 'township'] as const;
export type PlaceLevel = (typeof PLACE_LEVELS)[number];
export const STAR_SETS = ['community', 'village'] as const;
export type StarSet = (typeof STAR_SETS)[number];

export interface PlaceInput {
  id: string;
  name: string;
  level: PlaceLevel;
  parent?: string;
  aliases?: string[];
  /** The star sets its branches work on: a 街道 with both 社区 and 村 has both. */
  stars?: StarSet | StarSet[];
}

export interface Place {
  id: string;
  name: string;
  level: PlaceLevel;
  parent?: string;
  aliases: string[];
  /**
   * The star sets this place's branches work on: its own `stars:`, else its parent's (a street
   * inherits its district's), a township (乡镇) the village set; both when it has 社区 and 村.
   */
  starSets: StarSet[];
}

export interface PlaceRegistry {
  readonly all: readonly Place[];
  byId(id: string): Place | undefined;
  /** Resolve what an editor wrote: the Chinese name, an alias or the id. */
  resolve(written: string): Place | undefined;
  /** Root first, the place itself last: 河南省 › 郑州市 › 中原区 › 莲湖街道. */
  lineage(id: string): Place[];
  children(id: string): Place[];
  /** The place and every place below it. */
  subtree(id: string): Place[];
  suggest(written: string): string[];
  /** "expected a place from content/places.yaml, found X (did you mean Y?)" */
  unknownMessage(written: string): string;
}

export { RegistryError };

/** Builds the registry; throws RegistryError listing every fault found (duplicate ids or spellings, missing parents, cycles). */
export function createPlaceRegistry(input: readonly PlaceInput[]): PlaceRegistry {
  const faults: RegistryFault[] = [];
  const byId = new Map<string, Place>();
  /** Where each id is written (its last entry, the one that counts). */
  const indexOf = new Map<string, number>();
  const bySpelling = new Map<string, Place>();
  const kids = new Map<string, Place[]>();

  input.forEach((p, index) => {
    if (byId.has(p.id)) faults.push({ index, message: `id ${p.id}: expected a unique id, found it twice` });
    const { stars: _written, ...rest } = p;
    byId.set(p.id, { ...rest, aliases: p.aliases ?? [], starSets: [] });
    indexOf.set(p.id, index);
  });
  const fault = (id: string, message: string) => faults.push({ index: indexOf.get(id)!, message });
  const idCandidates = [...byId.keys()].map((id) => ({ name: id, spellings: [id] }));
  for (const p of byId.values()) {
    for (const s of [p.name, ...p.aliases]) {
      const other = bySpelling.get(s);
      if (other && other.id !== p.id) fault(p.id, `${p.id}: name or alias ${s} is already used by ${other.id}`);
      else bySpelling.set(s, p);
    }
    if (p.parent !== undefined) {
      if (!byId.has(p.parent)) fault(p.id, `${p.id}: parent expected an id in the registry, found ${p.parent}${didYouMean(closest(p.parent, idCandidates))}`);
      else kids.set(p.parent, [...(kids.get(p.parent) ?? []), p]);
    } else if (p.level !== 'province' && p.level !== 'city') {
      fault(p.id, `${p.id}: parent expected for a ${p.level}, found none`);
    }
  }
  const lineage = (id: string): Place[] => {
    const chain: Place[] = [];
    for (let p = byId.get(id); p; p = p.parent ? byId.get(p.parent) : undefined) {
      if (chain.includes(p)) {
        fault(id, `${id}: parent chain loops back to ${p.id}`);
        break;
      }
      chain.unshift(p);
    }
    return chain;
  };
  // Star sets: the place's own; a township's village set; else the nearest ancestor's; else community.
  const explicit = new Map(input.map((p) => [p.id, p.stars === undefined ? undefined : STAR_SETS.filter((s) => ([] as StarSet[]).concat(p.stars!).includes(s))]));
  for (const p of byId.values()) {
    const own = explicit.get(p.id);
    const inherited = lineage(p.id).reverse().slice(1).map((c) => explicit.get(c.id)).find(Boolean);
    p.starSets = own ?? (p.level === 'township' ? ['village'] : (inherited ?? ['community']));
  }
  if (faults.length) throw new RegistryError(faults);

  const all = [...byId.values()];
  const candidates = all.map((p) => ({ name: p.name, spellings: [p.name, ...p.aliases] }));
  const subtree = (id: string): Place[] => {
    const p = byId.get(id);
    if (!p) return [];
    return [p, ...(kids.get(id) ?? []).flatMap((k) => subtree(k.id))];
  };
  return {
    all,
    byId: (id) => byId.get(id),
    resolve: (written) => {
      const w = written.trim();
      return bySpelling.get(w) ?? byId.get(w);
    },
    lineage,
    children: (id) => kids.get(id) ?? [],
    subtree,
    suggest: (written) => closest(written, candidates),
    unknownMessage(written) {
      return `expected a place from content/places.yaml (name or alias), found ${written}${didYouMean(this.suggest(written))}`;
    },
  };
}
