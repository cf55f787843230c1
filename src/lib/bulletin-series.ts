// A series of bulletins is one kind under one masthead (报头); its issues are numbered per year,
// 增刊 apart from the regular issues. Used by `npm run bulletin` (the next number, the masthead and
// distribution carried over) and `npm run check` (a number used twice). Pure.
import type { BulletinFrontmatter } from '../schema.ts';

export type SeriesMember = Pick<BulletinFrontmatter, 'kind' | 'masthead' | 'department' | 'date' | 'issue' | 'supplement'> & { id: string };

/** The name a series goes by: its masthead, else its department (older bulletins had no masthead field). */
export function seriesName(b: Pick<SeriesMember, 'masthead' | 'department'>): string {
  return b.masthead ?? b.department ?? '';
}

const sameSeries = (a: Pick<SeriesMember, 'kind' | 'masthead' | 'department'>, b: Pick<SeriesMember, 'kind' | 'masthead' | 'department'>) =>
  a.kind === b.kind && seriesName(a) === seriesName(b);

const newestFirst = <T extends SeriesMember>(a: T, b: T) =>
  a.date !== b.date ? (a.date < b.date ? 1 : -1) : (b.issue ?? 0) - (a.issue ?? 0) || (a.id < b.id ? 1 : -1);

/**
 * The last issue a new one follows: of the same kind and masthead when one is given, else the
 * newest of the kind (from the same department when one is given).
 */
export function lastOfSeries<T extends SeriesMember>(bulletins: readonly T[], want: { kind: SeriesMember['kind']; masthead?: string; department?: string }): T | undefined {
  return bulletins
    .filter((b) => b.kind === want.kind && (want.masthead ? b.masthead === want.masthead : !want.department || b.department === want.department))
    .toSorted(newestFirst)[0];
}

/** The next 期号 of a series in a year: one past the highest used, so a number is never given twice (gaps stay gaps). */
export function nextIssue(bulletins: readonly SeriesMember[], series: Pick<SeriesMember, 'kind' | 'masthead' | 'department'>, year: string, supplement: boolean): number {
  let max = 0;
  for (const b of bulletins) {
    if (sameSeries(b, series) && b.date.startsWith(year) && b.supplement === supplement && b.issue) max = Math.max(max, b.issue);
  }
  return max + 1;
}

/** Bulletins sharing a 期号 with an earlier one of their series and year: each paired with the first holder. */
export function reusedIssues<T extends SeriesMember>(bulletins: readonly T[]): { bulletin: T; first: T }[] {
  const firstHolder = new Map<string, T>();
  const out: { bulletin: T; first: T }[] = [];
  const ordered = bulletins.filter((b) => b.issue).toSorted((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
  for (const b of ordered) {
    const key = [b.kind, seriesName(b), b.date.slice(0, 4), b.supplement, b.issue].join('\u0000');
    const first = firstHolder.get(key);
    if (first) out.push({ bulletin: b, first });
    else firstHolder.set(key, b);
  }
  return out;
}
