// Closest-name suggestions for editors' typos ("莲胡街道" → "莲湖街道").

/** Levenshtein distance over Unicode code points (CJK characters count as one). */
export function editDistance(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[t.length];
}

/**
 * The candidates closest to `wanted`, best first. A candidate is a display name plus
 * the spellings that lead to it (name, aliases, id), so an alias typo still suggests the name.
 */
export function closest(
  wanted: string,
  candidates: readonly { name: string; spellings: readonly string[] }[],
  limit = 3,
): string[] {
  const w = wanted.trim();
  const scored: { name: string; score: number }[] = [];
  for (const c of candidates) {
    let best = Infinity;
    let fewest = Infinity;
    for (const s of c.spellings) {
      let d = editDistance(w, s);
      // A spelling that contains the wanted text (or the reverse) is a strong hint: "莲湖街" → "莲湖街道".
      if (s.includes(w) || w.includes(s)) d = Math.min(d, 1);
      best = Math.min(best, d / Math.max([...s].length, 1));
      fewest = Math.min(fewest, d);
    }
    // One wrong character in a two-character alias (莲胡 for 莲湖) is still a likely typo.
    if (best < 0.5 || (fewest <= 1 && [...w].length >= 2)) scored.push({ name: c.name, score: best });
  }
  scored.sort((x, y) => x.score - y.score || x.name.localeCompare(y.name, 'zh-CN'));
  return [...new Set(scored.map((s) => s.name))].slice(0, limit);
}

/** " (did you mean 莲湖街道?)" or "" — the tail every look-up error message uses. */
export function didYouMean(names: readonly string[]): string {
  return names.length ? ` (did you mean ${names.join(' or ')}?)` : '';
}
