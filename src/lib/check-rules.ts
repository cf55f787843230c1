// The content check's rules beyond the schema, and those no single file can tell (duplicate ids,
// a headline used twice on one day, bulletins naming missing or draft articles). Pure: the
// reader (src/io/check.ts) hands over what it read, each rule returns its problems.
import type { Article } from './article.ts';
import type { Bulletin } from './bulletins.ts';
import { STAR_SETS, type PlaceRegistry, type StarSet } from './places.ts';
import { PROBLEM, type Problem } from './problem.ts';
import type { StarRegistry } from './stars.ts';
import { chineseQuotes, findTextIssues, type PunctuationFix } from './zh-punctuation.ts';
import { closest, didYouMean } from './suggest.ts';
import { reusedIssues, seriesName } from './bulletin-series.ts';

export interface ReadArticle {
  id: string;
  /** The path shown in messages. */
  file: string;
  lines: readonly string[];
  /** The article, when its file is valid. */
  article?: Article;
  locate(path: readonly (string | number)[]): { line: number; col: number };
}

export interface ReadBulletin {
  id: string;
  file: string;
  lines: readonly string[];
  bulletin?: Bulletin;
  locate(path: readonly (string | number)[]): { line: number; col: number };
}

const warning = (p: Omit<Problem, 'severity'>): Problem => ({ ...p, severity: 'warning' });

/** A published article dated after today: usually a typo in the year. */
export function futureDate(a: ReadArticle, today: string): Problem[] {
  if (!a.article || a.article.draft || a.article.date <= today) return [];
  return [warning({ file: a.file, ...a.locate(['date']), field: 'date', code: PROBLEM.futureDate, message: `expected a date no later than today (${today}), found ${a.article.date}` })];
}

/** A marker a tool wrote for the editor to replace, still in the file. */
function marker(file: string, lines: readonly string[], text: string, code: Problem['code'], message: string): Problem[] {
  const at = lines.findIndex((l) => l.includes(text));
  if (at < 0) return [];
  return [warning({ file, line: at + 1, col: lines[at].indexOf(text) + 1, field: 'body', code, message })];
}

/** The placeholder paragraph `npm run new` writes. */
export function placeholderBody(a: ReadArticle, placeholder: string): Problem[] {
  if (!a.article) return [];
  return marker(a.file, a.lines, placeholder, PROBLEM.placeholderBody, `expected the article text, found the placeholder ${placeholder} that npm run new wrote`);
}

/** A bulletin drafted by `npm run bulletin` still carrying its placeholder editor's note. */
export function uneditedNote(b: ReadBulletin, noteMarker: string): Problem[] {
  return marker(b.file, b.lines, noteMarker, PROBLEM.uneditedNote, `expected the editor's note (编者按), found the placeholder ${noteMarker} that npm run bulletin wrote`);
}

function groupBy<T>(items: readonly T[], key: (t: T) => string | undefined): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** Same file name in two folders: one id, two URLs fighting over /articles/<id>/. */
export function duplicateIdProblem(file: string, id: string, others: readonly string[]): Problem {
  return { file, line: 1, col: 1, field: 'file name', severity: 'error', code: PROBLEM.duplicateId, message: `expected a unique article id, found ${id}, also used by ${others.join(' and ')}` };
}

/** Every file whose id another file has too. */
export function duplicateIds(files: readonly ReadArticle[]): Problem[] {
  const problems: Problem[] = [];
  for (const [id, group] of groupBy(files, (f) => f.id)) {
    if (group.length < 2) continue;
    for (const f of group) problems.push(duplicateIdProblem(f.file, id, group.filter((g) => g !== f).map((g) => g.file)));
  }
  return problems;
}

/** The same headline twice on one day is usually one story saved twice. */
export function repeatedHeadlines(files: readonly ReadArticle[]): Problem[] {
  const problems: Problem[] = [];
  for (const group of groupBy(files, (f) => (f.article ? `${f.article.date}\u0000${f.article.title.trim()}` : undefined)).values()) {
    if (group.length < 2) continue;
    for (const f of group) {
      const a = f.article!;
      const others = group.filter((g) => g !== f).map((g) => g.file).join(' and ');
      problems.push(warning({ file: f.file, ...f.locate(['title']), field: 'title', code: PROBLEM.repeatedHeadline, message: `expected a headline no other article uses on ${a.date}, found ${a.title.trim()}, also in ${others}` }));
    }
  }
  return problems;
}

/** An article's `bulletin:` naming no bulletin file: its link to the bulletin would lead nowhere. */
export function unknownBulletins(files: readonly ReadArticle[], bulletinIds: ReadonlySet<string>): Problem[] {
  let candidates: { name: string; spellings: string[] }[] | undefined;
  return files.flatMap((f) => {
    const b = f.article?.bulletin;
    if (!b || bulletinIds.has(b)) return [];
    candidates ??= [...bulletinIds].map((id) => ({ name: id, spellings: [id] }));
    return [warning({ file: f.file, ...f.locate(['bulletin']), field: 'bulletin', code: PROBLEM.unknownBulletin, message: `expected the id of a bulletin in content/bulletins/, found ${b}${didYouMean(closest(b, candidates))}` })];
  });
}

/** Bulletins list articles by id: a draft is in the content folder but not on the site. */
export function draftReferences(b: ReadBulletin, drafts: ReadonlySet<string>): Problem[] {
  return (b.bulletin?.articles ?? []).flatMap((id, i) => {
    if (!drafts.has(id)) return [];
    return [{ file: b.file, ...b.locate(['articles', i]), field: 'articles', severity: 'error' as const, code: PROBLEM.draftArticle, message: `expected the id of a published article, found ${id}, which is a draft (draft: true)` }];
  });
}

const SET_NAMES: Record<StarSet, string> = { community: 'community (城市社区)', village: 'village (村)' };

/**
 * Stars an article's place does not work on: 产业兴旺星 is a village star, so a story on a street of
 * communities only was probably tagged by mistake — or the place has villages too, and
 * content/places.yaml should say so. Each with the star's index among the ids given.
 */
export function starsOutsideSets(placeId: string, starIds: readonly string[], places: PlaceRegistry, stars: StarRegistry): { index: number; message: string }[] {
  const place = places.byId(placeId);
  if (!place) return [];
  return starIds.flatMap((id, index) => {
    const star = stars.byId(id);
    if (!star || star.sets.some((s) => place.starSets.includes(s))) return [];
    const theirs = star.sets.map((s) => SET_NAMES[s]).join(' and ');
    const missing = STAR_SETS.filter((s) => star.sets.includes(s) && !place.starSets.includes(s));
    const fix = `[${[...place.starSets, ...missing].join(', ')}]`;
    return [{ index, message: `expected a star of ${place.name}'s set (${place.starSets.map((s) => SET_NAMES[s]).join(', ')}), found ${star.name}, a ${theirs} star; if ${place.name} has ${missing.map((s) => (s === 'village' ? '村' : '社区')).join('、')} too, write stars: ${fix} on it in content/places.yaml` }];
  });
}

export function starSetWarnings(a: ReadArticle, places: PlaceRegistry, stars: StarRegistry): Problem[] {
  if (!a.article) return [];
  return starsOutsideSets(a.article.place, a.article.stars, places, stars).map(({ index, message }) =>
    warning({ file: a.file, ...a.locate(['star', index]), field: 'star', code: PROBLEM.starOutsideSet, message }));
}

/** A story listed twice in one bulletin: it would be printed twice. */
export function repeatedArticles(b: ReadBulletin): Problem[] {
  const first = new Map<string, number>();
  return (b.bulletin?.articles ?? []).flatMap((id, i) => {
    const at = first.get(id);
    if (at === undefined) return (first.set(id, i), []);
    return [warning({ file: b.file, ...b.locate(['articles', i]), field: 'articles', code: PROBLEM.repeatedArticle, message: `expected each article once, found ${id} again (first as item ${at + 1}, on line ${b.locate(['articles', at]).line}); delete one` })];
  });
}

/** Two bulletins of one kind for the same place and period: usually one drafted twice. */
export function secondBulletins(bulletins: readonly ReadBulletin[], scopeOf: (b: Bulletin) => string): Problem[] {
  const problems: Problem[] = [];
  for (const group of groupBy(bulletins, (b) => (b.bulletin ? scopeOf(b.bulletin) || undefined : undefined)).values()) {
    if (group.length < 2) continue;
    for (const b of group) {
      const others = group.filter((g) => g !== b).map((g) => g.file).join(' and ');
      const period = b.bulletin!.period ?? b.bulletin!.select!;
      const what = `${period.from} to ${period.to}`;
      problems.push(warning({ file: b.file, ...b.locate(['kind']), field: 'kind', code: PROBLEM.secondBulletin, message: `expected one ${b.bulletin!.kind} per place and period, found another for the same place and ${what} in ${others}` }));
    }
  }
  return problems;
}

/**
 * Half-width punctuation inside Chinese text and straight quotes in headlines: one warning per
 * field, and one for the body (with the count and the first place), so a file is one line of
 * output, not fifty. `npm run check -- --fix` rewrites them.
 */
export function chineseTextWarnings(a: ReadArticle): Problem[] {
  if (!a.article) return [];
  const article = a.article as unknown as Record<string, unknown>;
  const findings = findTextIssues(a.lines, (field) => article[field]);
  const problems: Problem[] = [];
  for (const f of findings.filter((x) => x.field !== 'body')) {
    if (f.straightQuotes) problems.push(warning({ file: a.file, line: f.line, col: f.col, field: f.field, code: PROBLEM.straightQuotes, message: `expected Chinese quotes “ ” in the headline, found straight quotes: ${String(article[f.field])} (npm run check -- --fix writes ${chineseQuotes(String(article[f.field]))})` }));
    if (f.fixes.length) problems.push(warning({ file: a.file, line: f.line, col: f.col, field: f.field, code: PROBLEM.halfWidthPunctuation, message: `expected full-width punctuation in Chinese text, found ${describe(f.fixes)} (npm run check -- --fix rewrites them)` }));
  }
  const body = findings.filter((x) => x.field === 'body');
  if (body.length) {
    const all = body.flatMap((b) => b.fixes);
    problems.push(warning({ file: a.file, line: body[0].line, col: body[0].col, field: 'body', code: PROBLEM.halfWidthPunctuation, message: `expected full-width punctuation in Chinese text, found ${describe(all)} on ${body.length} line(s), the first here (npm run check -- --fix rewrites them)` }));
  }
  return problems;
}

function describe(fixes: readonly PunctuationFix[]): string {
  const counts = new Map<string, number>();
  for (const f of fixes) counts.set(f.found, (counts.get(f.found) ?? 0) + 1);
  return [...counts].map(([mark, n]) => `${n} × "${mark}"`).join(', ');
}

/** A 期号 another bulletin of the same series already has in that year (增刊 counted apart). */
export function reusedIssueNumbers(bulletins: readonly ReadBulletin[]): Problem[] {
  const valid = bulletins.filter((b) => b.bulletin);
  const reused = reusedIssues(valid.map((b) => b.bulletin!));
  return reused.flatMap((r) => {
    const b = valid.find((x) => x.bulletin === r.bulletin)!;
    const series = seriesName(r.bulletin) || r.bulletin.kind;
    return [{ file: b.file, ...b.locate(['issue']), field: 'issue', severity: 'error' as const, code: PROBLEM.reusedIssue, message: `expected a 期号 not yet used in ${r.bulletin.date.slice(0, 4)} by ${series}, found ${r.bulletin.issue}, which ${r.first.file} already has (npm run bulletin numbers new issues)` }];
  });
}
