// Hugo's GroupByDate for our lists: articles (newest first) grouped by year, then month.
import type { Article } from './article.ts';

export interface MonthGroup<T> {
  month: string; // "09"
  items: T[];
}
export interface YearGroup<T> {
  year: string; // "2022"
  months: MonthGroup<T>[];
  count: number;
}

/** Expects items already sorted newest first; keeps that order inside each month. */
export function groupByYearMonth<T extends Pick<Article, 'date'>>(items: readonly T[]): YearGroup<T>[] {
  const years: YearGroup<T>[] = [];
  for (const item of items) {
    const y = item.date.slice(0, 4);
    const m = item.date.slice(5, 7);
    let year = years.at(-1);
    if (!year || year.year !== y) years.push((year = { year: y, months: [], count: 0 }));
    let month = year.months.at(-1);
    if (!month || month.month !== m) year.months.push((month = { month: m, items: [] }));
    month.items.push(item);
    year.count++;
  }
  return years;
}
