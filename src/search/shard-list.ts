// /pagefind/shards.json: the shards of the search index, newest first. The search page loads
// Pagefind from the first and merges the others (mergeIndex).
export const SHARDS_FILE = 'shards.json';
export const SHARDS_VERSION = 1;

export interface ShardList {
  version: number;
  shards: { name: string; path: string; pages: number }[];
}

export function parseShardList(data: unknown, source: string): ShardList {
  const d = data as Partial<ShardList> | null;
  const ok = d && d.version === SHARDS_VERSION && Array.isArray(d.shards) && d.shards.every((s) => s && typeof s.path === 'string' && typeof s.name === 'string' && typeof s.pages === 'number');
  if (!ok) throw new Error(`${source}: expected the list of search shards (version ${SHARDS_VERSION}), found ${JSON.stringify(data).slice(0, 80)}`);
  return d as ShardList;
}
