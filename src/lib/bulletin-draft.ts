// A draft bulletin (专版 or 简报) built from a selection — what `npm run bulletin` writes for an
// editor to finish: the matching articles as an ordered `articles:` list (so they can be reordered
// or removed) and a placeholder editor's note. A new issue takes the next 期号 of its series for the
// year and carries over the masthead, department, marks and distribution of the series' last issue.
// Pure: the caller reads the content and writes the file.
import type { Article } from './article.ts';
import { selectArticles } from './bulletins.ts';
import { markdownFile } from './frontmatter-text.ts';
import type { Place } from './places.ts';
import { buildSiteIndex } from './site-index.ts';
import { lastOfSeries, nextIssue, seriesName } from './bulletin-series.ts';
import type { Bulletin } from './bulletins.ts';
import { BULLETIN_KINDS, DISTRIBUTION_KEYS, isoDate, issueNumber, shown, type Registries } from '../schema.ts';

/**
 * The draft's Chinese wording (bulletinDraftUi in src/ui/strings.ts), passed in by the caller:
 * src/lib holds no UI strings.
 */
export interface DraftWording {
  period(from: string, to: string): string;
  since(from: string): string;
  until(to: string): string;
  /** The YAML comment above the articles list. */
  articlesComment: string;
  /** The placeholder editor's note. */
  note(kind: string, scope: string, count: number): string;
}

export interface DraftRequest {
  kind?: string;
  title?: string;
  /** First and last day of the period covered (and of the selection). */
  from?: string;
  to?: string;
  /** The bulletin's own date; defaults to `to`. */
  date?: string;
  streets?: readonly string[];
  districts?: readonly string[];
  stars?: readonly string[];
  department?: string;
  /** The name printed in red at the top (报头); default: the series' last issue's. */
  masthead?: string;
  /** 期号 (3 or 第3期); default: the next of the series in the bulletin's year. */
  issue?: string;
  /** A 增刊: numbered apart from the regular issues. */
  supplement?: boolean;
  marks?: readonly string[];
  classification?: string;
  /** 版记 lines; each defaults to the series' last issue's. */
  reportTo?: readonly string[];
  sendTo?: readonly string[];
  issueTo?: readonly string[];
  copies?: string;
  id?: string;
}

export interface BulletinDraft {
  id: string;
  kind: (typeof BULLETIN_KINDS)[number];
  /** The selected articles, oldest first: the order they are listed in. */
  articles: Article[];
  markdown: string;
}

/** Every fault in a request, each a line "--option: expected …, found …". */
export class DraftError extends Error {
  problems: string[];
  constructor(problems: string[]) {
    super(problems.join('\n'));
    this.name = 'DraftError';
    this.problems = problems;
  }
}

const ID_RE = /^[a-z0-9][a-z0-9-]*$/;
const KIND_SLUG: Record<string, string> = { 专版: 'zhuanban', 简报: 'jianbao' };
const STREET_LEVELS = new Set(['street', 'township']);
const LEVEL_NAMES: Record<string, string> = { province: 'a province', city: 'a city', district: 'a district', street: 'a street', township: 'a township' };

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

function checkDate(option: string, v: string | undefined, problems: string[]): string | undefined {
  if (v === undefined) return undefined;
  const r = isoDate.safeParse(v);
  if (r.success) return r.data;
  problems.push(`${option}: ${r.error.issues[0].message}`);
  return undefined;
}

function resolvePlaces(option: string, written: readonly string[], ok: (p: Place) => boolean, expected: string, registries: Registries, problems: string[]): Place[] {
  const out: Place[] = [];
  for (const w of written) {
    const p = registries.places.resolve(w);
    if (!p) problems.push(`${option}: ${registries.places.unknownMessage(w)}`);
    else if (!ok(p)) {
      const hint = p.level === 'district' ? ` (use --district ${w})` : STREET_LEVELS.has(p.level) ? ` (use --street ${w})` : '';
      problems.push(`${option}: expected ${expected}, found ${w}, which is ${LEVEL_NAMES[p.level]}${hint}`);
    } else if (!out.includes(p)) out.push(p);
  }
  return out;
}

/** What was searched, for the empty-selection message. */
function describeSelection(from: string | undefined, to: string | undefined, places: readonly Place[], stars: readonly string[]): string {
  const parts = [from && to ? `from ${from} to ${to}` : from ? `from ${from} on` : to ? `up to ${to}` : 'at any date'];
  parts.push(places.length ? `in ${places.map((p) => (p.level === 'district' ? `${p.name} (with its streets)` : p.name)).join(' or ')}` : 'in every place');
  if (stars.length) parts.push(`on ${stars.join(' or ')}`);
  return parts.join(' ');
}

/** The scope in the editor's words, for the placeholder note: 2022年7月1日至2022年9月30日，中原区. */
function scopeText(from: string | undefined, to: string | undefined, places: readonly Place[], stars: readonly string[], wording: DraftWording): string {
  const when = from && to ? wording.period(from, to) : from ? wording.since(from) : to ? wording.until(to) : '';
  return [when, places.map((p) => p.name).join('、'), stars.join('、')].filter(Boolean).join('，');
}

/**
 * Builds the draft from every published article. Throws DraftError listing all faults in the
 * request (unknown places or stars with did-you-mean, bad dates, missing fields) or an empty selection.
 */
export function draftBulletin(req: DraftRequest, articles: readonly Article[], registries: Registries, existing: readonly Bulletin[], wording: DraftWording): BulletinDraft {
  const problems: string[] = [];
  const kind = BULLETIN_KINDS.find((k) => k === req.kind?.trim());
  if (!kind) problems.push(`--kind: expected ${BULLETIN_KINDS.join(' or ')}, found ${shown(req.kind)}`);
  const title = req.title === undefined ? '' : oneLine(req.title);
  if (!title) problems.push(`--title: expected the bulletin's title, found ${req.title === undefined ? 'nothing' : 'an empty text'}`);
  const from = checkDate('--from', req.from, problems);
  const to = checkDate('--to', req.to, problems);
  if (kind === '简报') {
    if (req.from === undefined) problems.push('--from: expected the first day the 简报 covers (YYYY-MM-DD), found nothing');
    if (req.to === undefined) problems.push('--to: expected the last day the 简报 covers (YYYY-MM-DD), found nothing');
  }
  if (from && to && from > to) problems.push(`--to: expected a date on or after --from ${from}, found ${to}`);
  const date = req.date === undefined ? to : checkDate('--date', req.date, problems);
  if (req.date === undefined && req.to === undefined) problems.push('--date: expected the bulletin\'s date (YYYY-MM-DD), or --to to use the last day covered, found nothing');

  const places = [
    ...resolvePlaces('--street', req.streets ?? [], (p) => STREET_LEVELS.has(p.level), 'a street or township (街道, 乡镇)', registries, problems),
    ...resolvePlaces('--district', req.districts ?? [], (p) => p.level === 'district', 'a district (区, 县, 县级市)', registries, problems),
  ];
  const stars: { id: string; name: string }[] = [];
  for (const w of req.stars ?? []) {
    const s = registries.stars.resolve(w);
    if (!s) problems.push(`--star: ${registries.stars.unknownMessage(w)}`);
    else if (!stars.some((x) => x.id === s.id)) stars.push(s);
  }
  const department = req.department === undefined ? undefined : oneLine(req.department);
  if (department === '') problems.push('--department: expected the issuing department (编发单位), found an empty text');
  const masthead = req.masthead === undefined ? undefined : oneLine(req.masthead);
  if (masthead === '') problems.push('--masthead: expected the name printed in red at the top (报头), found an empty text');
  let issue: number | undefined;
  if (req.issue !== undefined) {
    const r = issueNumber.safeParse(oneLine(req.issue) || undefined);
    if (r.success && r.data) issue = r.data;
    else problems.push(`--issue: ${r.success ? 'expected the issue number such as 3 or 第3期, found an empty text' : r.error.issues[0].message}`);
  }
  let copies: number | undefined;
  if (req.copies !== undefined) {
    copies = /^\d+$/.test(req.copies.trim()) ? Number(req.copies.trim()) : NaN;
    if (!(copies >= 1)) problems.push(`--copies: expected the number of copies printed, a whole number such as 60, found ${shown(req.copies)}`);
  }
  if (req.id !== undefined && !ID_RE.test(req.id)) {
    problems.push(`--id: expected an ASCII id of a-z, 0-9 and - (it becomes the file name and the URL), found ${shown(req.id)}`);
  }
  if (problems.length || !kind || !date) throw new DraftError(problems);

  // The series this issue continues: its masthead, department, marks and distribution carry over.
  const last = lastOfSeries(existing, { kind, masthead, department });
  const series = { kind, masthead: masthead ?? last?.masthead, department: department ?? last?.department };
  const supplement = req.supplement === true;
  const year = date.slice(0, 4);
  if (issue !== undefined) {
    const holder = existing.find((b) => b.kind === kind && seriesName(b) === seriesName(series) && b.date.startsWith(year) && b.supplement === supplement && b.issue === issue);
    if (holder) {
      throw new DraftError([`--issue: expected a number not yet used in ${year} by ${seriesName(series) || kind}, found ${issue}, which ${holder.file} has; the next free one is ${nextIssue(existing, series, year, supplement)}`]);
    }
  } else if (kind === '简报' || supplement || last?.issue) {
    issue = nextIssue(existing, series, year, supplement);
  }
  const marks = req.marks?.length ? req.marks.map(oneLine).filter(Boolean) : last?.marks ?? [];
  const classification = req.classification ? oneLine(req.classification) : last?.classification;
  const given = { 报: req.reportTo, 送: req.sendTo, 发: req.issueTo };
  const distribution = Object.fromEntries(DISTRIBUTION_KEYS.flatMap((k) => {
    const units = given[k]?.length ? given[k]!.map(oneLine).filter(Boolean) : last?.distribution?.[k];
    return units?.length ? [[k, units]] : [];
  }));
  copies ??= last?.copies;

  const published = articles.filter((a) => !a.draft);
  const index = buildSiteIndex(published, registries.places, registries.stars);
  const selected = selectArticles(index, {
    from,
    to,
    places: places.length ? places.map((p) => p.id) : undefined,
    stars: stars.length ? stars.map((s) => s.id) : undefined,
  });
  const starNames = stars.map((s) => s.name);
  if (!selected.length) {
    throw new DraftError([`no published article matches ${describeSelection(from, to, places, starNames)}: searched ${published.length} articles; widen the dates or drop a --street, --district or --star`]);
  }

  const id = req.id ?? `${date}-${places.length ? places.map((p) => p.id).join('-') : 'quanbu'}-${KIND_SLUG[kind]}`;
  const fields: Record<string, unknown> = { title, kind };
  if (series.masthead) fields.masthead = series.masthead;
  fields.date = date;
  if (issue) fields.issue = issue;
  if (supplement) fields.supplement = true;
  if (series.department) fields.department = series.department;
  if (marks.length) fields.marks = marks.length === 1 ? marks[0] : marks;
  if (classification) fields.classification = classification;
  if (from && to) fields.period = { from, to };
  fields.articles = selected.map((a) => a.id);
  if (Object.keys(distribution).length) fields.distribution = distribution;
  if (copies) fields.copies = copies;
  // Each id with its place and headline, so the editor can reorder or trim the list knowingly.
  const markdown = markdownFile(fields, wording.note(kind, scopeText(from, to, places, starNames, wording), selected.length), {
    blockLists: ['articles'],
    commentBefore: { articles: wording.articlesComment },
    itemComments: { articles: selected.map((a) => `${registries.places.byId(a.place)?.name ?? a.place} ${oneLine(a.title)}`) },
  });
  return { id, kind, articles: selected, markdown };
}
