// The error for a place the registry does not know: the closest registry names, and the entry
// to add to content/places.yaml, with an id and level worked out from the name.
import { pinyin } from 'pinyin-pro';
import type { PlaceRegistry } from '../places.ts';

function levelOf(name: string): string {
  if (/(?:街道|办事处)$/.test(name)) return 'street';
  if (/[镇乡]$/.test(name)) return 'township';
  if (/[区县市]$/.test(name)) return 'district';
  return 'street';
}

function idOf(name: string): string {
  const stem = name.replace(/(?:街道办事处|街道|办事处)$/, '') || name;
  return pinyin(stem, { toneType: 'none', type: 'array', v: true }).join('').toLowerCase().replace(/[^a-z0-9]/g, '') || 'place';
}

/**
 * @param written the place as printed on the page
 * @param neighbours registry ids of the other places on the same page, to guess the parent from
 * @param named the district the story's text names, the best guess for the parent
 */
export function unknownPlaceMessage(written: string, places: PlaceRegistry, neighbours: readonly string[], named?: string | null): string {
  const near = places.suggest(written);
  const level = levelOf(written);
  const parents = neighbours
    .map((id) => places.byId(id))
    .filter((p) => p && (p.level === 'street' || p.level === 'township'))
    .map((p) => p!.parent as string);
  const fromPage = parents.sort((a, b) => parents.filter((x) => x === b).length - parents.filter((x) => x === a).length)[0];
  const parent = level === 'district' ? undefined : (named ?? fromPage);
  const alias = written.replace(/(?:街道办事处|街道|办事处)$/, '');
  return [
    `place ${written} is not in content/places.yaml${near.length ? ` (closest: ${near.join(', ')})` : ''}.`,
    `If it is a misprint, correct the page text; if it is a new place, add it to content/places.yaml:`,
    `  - id: ${idOf(written)}`,
    `    name: ${written}`,
    `    level: ${level}`,
    `    parent: ${parent ?? '<id of the enclosing district or city>'}${parent ? `   # guessed from ${named ? 'the story' : 'the other stories on the page'}: check` : ''}`,
    ...(alias !== written ? [`    aliases: [${alias}]`] : []),
  ].join('\n');
}
