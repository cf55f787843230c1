// Headlines: a place line and title lines (莲湖街道 / 文化“大餐”让居民尝甜头得实惠), a place and
// title on one heading line, 引题 (kicker) and 副题 (subtitle), a title printed over two lines.
import type { PlaceRegistry } from '../places.ts';
import { isCaptionStart } from './caption.ts';
import { isDateline } from './dateline.ts';
import { isFurniture } from './furniture.ts';
import { isOpenByline, parseByline } from './byline.ts';
import { isPhotoCredit } from './caption.ts';
import { displayWidth, normaliseHeadline } from './inline-text.ts';
import { readPlaceLine, readPlacePrefix, type PlaceHit } from './place-names.ts';
import { endsMidClause, hanCount } from './sentence.ts';
import { PROBLEM } from '../problem.ts';
import { importWarning, type ImportWarning } from './import-warning.ts';

export interface HeadingLine {
  no: number;
  text: string;
  /** Markdown heading depth; 0 for a plain line. */
  depth: number;
}

export interface Headline {
  place?: PlaceHit;
  kicker: string | null;
  title: string | null;
  subtitle: string | null;
  /** The printed lines this headline consists of (place line included), for the review and accounting. */
  printed: HeadingLine[];
  warnings: ImportWarning[];
  /** Set by Markdown headings, whose position above a story is part of the page's structure. */
  markdown: boolean;
  /** Heading depth of a place printed on a line of its own (## 莲湖街道), which stories below it share. */
  placeDepth?: number;
}

/**
 * Could this printed line be (part of) a headline? Short, no full stop or comma, not ending
 * mid-clause, and not a dateline, byline or caption. Whether it is one depends on where it stands.
 */
export function isTitleLike(text: string): boolean {
  if (hanCount(text) < 2 || displayWidth(text) > 36) return false;
  if (/[。，,；;]/u.test(text) || /[！？!?]./u.test(text)) return false;
  if (endsMidClause(text) && !/——$/u.test(text)) return false;
  return !isDateline(text) && !parseByline(text) && !isOpenByline(text) && !isCaptionStart(text) && !isPhotoCredit(text) && !isFurniture(text) && !NOTE_ONLY.test(text);
}

/** An editor's note label alone on its line (编者按, 【编者按】): it opens the note, it heads nothing. */
const NOTE_ONLY = /^[【\[〔]?编者按[】\]〕]?[：:]?$/u;

/**
 * A kicker (引题) printed as a row of short phrases above the title: 强支部 兴产业 美乡村.
 * A title has at most two phrases side by side; three or more short ones set the theme.
 */
function isPhraseRow(text: string): boolean {
  const phrases = text.split(/\s+/u).filter(Boolean);
  return phrases.length >= 3 && phrases.every((p) => hanCount(p) >= 2 && hanCount(p) <= 6 && !/[，。；：]/u.test(p));
}

const SUBTITLE_MARK = /^(?:——|--|－－|—|─+)\s*/u;
const KICKER_MARK = /(?:——|：)$/u;
const JOINS_TIGHT_AFTER = /[、，：“‘《（(—]$/u;
const JOINS_TIGHT_BEFORE = /^[”’》）)、，：]/u;

/** Two printed halves of one title: a space between two complete phrases, none inside a phrase. */
function joinTitle(a: string, b: string): string {
  if (JOINS_TIGHT_AFTER.test(a) || JOINS_TIGHT_BEFORE.test(b)) return a + b;
  return hanCount(a) >= 4 && hanCount(b) >= 4 ? `${a} ${b}` : a + b;
}

/** Sorts a headline's title lines into kicker, title and subtitle, saying what it had to decide. */
export function composeTitle(lines: readonly HeadingLine[]): Pick<Headline, 'kicker' | 'title' | 'subtitle' | 'warnings'> {
  const warnings: ImportWarning[] = [];
  const texts = lines.map((l) => normaliseHeadline(l.text));
  if (!texts.length) return { kicker: null, title: null, subtitle: null, warnings };
  const depths = lines.map((l) => l.depth);
  if (depths.some((d) => d !== depths[0]) && depths.every((d) => d > 0)) {
    // Markdown: the largest heading is the title; smaller ones above it the kicker, below it the subtitle.
    const main = depths.indexOf(Math.min(...depths));
    const kicker = texts.slice(0, main).join(' ') || null;
    const subtitle = texts.slice(main + 1).map((t) => t.replace(SUBTITLE_MARK, '')).join(' ') || null;
    return { kicker, title: texts[main], subtitle, warnings };
  }
  let kicker: string | null = null;
  let subtitle: string | null = null;
  const title: string[] = [];
  texts.forEach((t, i) => {
    if (i > 0 && SUBTITLE_MARK.test(t)) subtitle = subtitle ? `${subtitle} ${t.replace(SUBTITLE_MARK, '')}` : t.replace(SUBTITLE_MARK, '');
    else if (i < texts.length - 1 && !title.length && !kicker && (KICKER_MARK.test(t) || (depths.every((d) => d === 0) && isPhraseRow(t)))) kicker = t;
    else title.push(t);
  });
  if (!title.length && kicker) {
    title.push(kicker);
    kicker = null;
  }
  let joined = title[0] ?? null;
  for (const t of title.slice(1)) joined = joinTitle(joined as string, t);
  if (title.length > 1) warnings.push(importWarning(PROBLEM.importMultiLineHeadline, `headline printed over ${title.length} lines (${title.join(' / ')}); joined as "${joined}": check the spacing, or whether one line is a kicker (引题) or subtitle (副题)`));
  return { kicker, title: joined, subtitle, warnings };
}

/**
 * Splits a run of headline lines into headlines: each place line starts a new one.
 * Lines before the first place line form a headline of their own (or the page title; the caller decides).
 */
export function readHeadlines(lines: readonly HeadingLine[], places: PlaceRegistry, markdown: boolean): Headline[] {
  const groups: { place?: PlaceHit; placeDepth?: number; printed: HeadingLine[]; titles: HeadingLine[] }[] = [];
  for (const line of lines) {
    const whole = readPlaceLine(line.text, places);
    const prefix = whole ? undefined : readPlacePrefix(line.text, places);
    if (whole) groups.push({ place: whole, placeDepth: line.depth, printed: [line], titles: [] });
    else if (prefix) groups.push({ place: prefix.hit, printed: [line], titles: [{ ...line, text: prefix.rest }] });
    else {
      if (!groups.length) groups.push({ printed: [], titles: [] });
      const g = groups.at(-1)!;
      g.printed.push(line);
      g.titles.push(line);
    }
  }
  return groups.map((g) => {
    const composed = composeTitle(g.titles);
    const warnings = [...composed.warnings];
    if (g.place && !composed.title) warnings.push(importWarning(PROBLEM.importPlaceWithoutTitle, `the headline names the place ${g.place.written} but no title follows it`));
    return { place: g.place, placeDepth: g.placeDepth, kicker: composed.kicker, title: composed.title, subtitle: composed.subtitle, printed: g.printed, warnings, markdown };
  });
}
