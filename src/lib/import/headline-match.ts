// Pairs headlines with stories by what they say, never by where they stand in a list: the
// place a headline names against the places a story names, and the headline's words against
// the story's words (rare words weigh more). A Markdown heading right above a story is
// structure and settles it; a raw headline right above a story only tips the balance.
import type { PlaceRegistry } from '../places.ts';
import type { Headline } from './headline.ts';
import { placeFromText, placeMentions } from './place-names.ts';
import { hanOnly } from './sentence.ts';
import { PROBLEM } from '../problem.ts';
import { importWarning, type ImportWarning } from './import-warning.ts';

export interface Candidate {
  headline: Headline;
  /** Index of the story printed directly below this headline, if any. */
  above?: number;
  /** The headline stands alone (not in a list of headlines). */
  alone: boolean;
}

export interface Matching {
  /** For each story, the index of its headline among the candidates. */
  headlineOf: (number | undefined)[];
  /** For each story, what the matching could not settle. */
  warnings: ImportWarning[][];
  /** Candidates matched to no story. */
  unmatched: number[];
}

/** Below this a headline and a story share too little to be paired at all. */
const MIN_SCORE = 0.15;
/** Below this a pairing rests on a few shared words (no place, no heading above): say so. */
const WEAK = 0.6;
const CLOSE_CALL = 0.3;
const MAX_EXACT = 15;

function bigrams(text: string): Set<string> {
  const han = hanOnly(text);
  const out = new Set<string>();
  for (let i = 0; i + 1 < han.length; i++) out.add(han.slice(i, i + 2));
  return out;
}

export function scoreMatrix(candidates: readonly Candidate[], stories: readonly string[], places: PlaceRegistry): number[][] {
  const storyGrams = stories.map(bigrams);
  const df = new Map<string, number>();
  for (const g of storyGrams) for (const b of g) df.set(b, (df.get(b) ?? 0) + 1);
  const idf = (b: string) => Math.log(1 + stories.length / (df.get(b) ?? 0.5));
  const mentions = stories.map((s) => placeMentions(s, places));
  const dominant = stories.map((s) => placeFromText(s, places).place?.id);
  return candidates.map((c) => {
    const h = c.headline;
    const title = [h.kicker, h.title, h.subtitle].filter(Boolean).join('');
    const grams = [...bigrams(title)];
    const total = grams.reduce((a, b) => a + idf(b), 0);
    return stories.map((story, si) => {
      let place = 0;
      for (const hit of h.place ? [h.place, ...h.place.also] : []) {
        if (hit.place) place = Math.max(place, dominant[si] === hit.place.id ? 1 : (mentions[si].get(hit.place.id) ?? 0) > 0 ? 0.6 : 0);
        else place = Math.max(place, story.includes(hit.written) ? 1 : 0);
      }
      const shared = grams.filter((b) => storyGrams[si].has(b)).reduce((a, b) => a + idf(b), 0);
      const words = total ? shared / total : 0;
      const adjacency = c.above === si ? (h.markdown ? 5 : c.alone ? 0.5 : 0) : 0;
      return 2 * place + words + adjacency;
    });
  });
}

/** The pairing with the highest total score (exact for up to 15 headlines, greedy beyond). */
function bestPairing(score: number[][], storyCount: number): (number | undefined)[] {
  const m = score.length;
  const pairs: (number | undefined)[] = new Array(storyCount).fill(undefined);
  if (m <= MAX_EXACT) {
    const memo = new Map<number, { value: number; pick: number }>();
    const best = (i: number, used: number): number => {
      if (i === storyCount) return 0;
      const key = i * (1 << m) + used;
      const hit = memo.get(key);
      if (hit) return hit.value;
      let value = best(i + 1, used);
      let pick = -1;
      for (let j = 0; j < m; j++) {
        if (used & (1 << j) || score[j][i] < MIN_SCORE) continue;
        const v = score[j][i] + best(i + 1, used | (1 << j));
        if (v > value + 1e-9) {
          value = v;
          pick = j;
        }
      }
      memo.set(key, { value, pick });
      return value;
    };
    best(0, 0);
    let used = 0;
    for (let i = 0; i < storyCount; i++) {
      const { pick } = memo.get(i * (1 << m) + used)!;
      if (pick >= 0) {
        pairs[i] = pick;
        used |= 1 << pick;
      }
    }
    return pairs;
  }
  const all = score.flatMap((row, j) => row.map((v, i) => ({ v, i, j }))).sort((a, b) => b.v - a.v);
  const taken = new Set<number>();
  for (const { v, i, j } of all) {
    if (v < MIN_SCORE || pairs[i] !== undefined || taken.has(j)) continue;
    pairs[i] = j;
    taken.add(j);
  }
  return pairs;
}

export function matchHeadlines(candidates: readonly Candidate[], stories: readonly string[], places: PlaceRegistry): Matching {
  const score = scoreMatrix(candidates, stories, places);
  const headlineOf = bestPairing(score, stories.length);
  const warnings: ImportWarning[][] = stories.map(() => []);
  const name = (j: number) => `"${candidates[j].headline.title ?? candidates[j].headline.place?.written ?? '?'}"`;
  for (let a = 0; a < stories.length; a++) {
    const ha = headlineOf[a];
    if (ha === undefined) continue;
    if (score[ha][a] < WEAK) warnings[a].push(importWarning(PROBLEM.importWeakHeadlineMatch, `headline ${name(ha)} was matched to this story on a few shared words only (no place line): check it belongs here`));
    for (let b = 0; b < stories.length; b++) {
      const hb = headlineOf[b];
      if (b === a) continue;
      // Would swapping the two headlines fit nearly as well?
      const kept = score[ha][a] + (hb === undefined ? 0 : score[hb][b]);
      const swapped = score[ha][b] + (hb === undefined ? 0 : score[hb][a]);
      if (swapped >= kept - CLOSE_CALL) {
        warnings[a].push(importWarning(PROBLEM.importCloseHeadlineMatch, `headline ${name(ha)} was matched to this story by a narrow margin; it might belong to story ${b + 1}${hb === undefined ? '' : ` (headline ${name(hb)})`}`));
      }
    }
  }
  const matched = new Set(headlineOf.filter((j): j is number => j !== undefined));
  const unmatched = candidates.map((_, j) => j).filter((j) => !matched.has(j));
  for (const j of unmatched) {
    stories.forEach((_, i) => {
      const hi = headlineOf[i];
      if (score[j][i] >= MIN_SCORE && score[j][i] >= (hi === undefined ? 0 : score[hi][i]) - CLOSE_CALL) {
        warnings[i].push(importWarning(PROBLEM.importUnmatchedHeadlineFits, `the unmatched headline ${name(j)} would also fit this story`));
      }
    });
  }
  return { headlineOf, warnings, unmatched };
}
