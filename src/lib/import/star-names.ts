// The 五星 stars a story names. Only the registry's full star names count (幸福和谐星), so that
// 幸福和谐 in "群众生活幸福和谐的基础" or the campaign's own "五星" are never taken for a star.
import type { StarRegistry } from '../stars.ts';

/** Star names in order of first mention, as the registry writes them. */
export function starsNamed(text: string, stars: StarRegistry): string[] {
  const flat = text.replace(/\s+/g, '');
  return stars.all
    .map((s) => ({ name: s.name, at: flat.indexOf(s.name) }))
    .filter((s) => s.at >= 0 && stars.resolve(s.name))
    .sort((a, b) => a.at - b.at)
    .map((s) => s.name);
}

