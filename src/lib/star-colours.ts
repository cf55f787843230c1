// CSS for the star badges: one class per star, its colour from the registry.
import type { Star } from './stars.ts';

export function starColoursCss(stars: readonly Pick<Star, 'id' | 'colour'>[]): string {
  // Ids and colours are validated by the registry schema (a-z0-9- and #rrggbb), so they are safe in CSS.
  return stars.map((s) => `.star-${s.id}{--badge:${s.colour}}`).join('\n') + '\n';
}
