// Imports one newspaper page: its text in, the stories on it out — each with headline, place,
// bylines, stars and Markdown body, and warnings for everything the importer could not settle.
import type { Place, PlaceRegistry } from '../places.ts';
import type { Registries } from '../../schema.ts';
import { mergeBylines, parseByline } from './byline.ts';
import { photoCreditNames } from './caption.ts';
import { DATELINE_MARK } from './dateline-mark.ts';
import { composeTitle, readHeadlines, type Headline, type HeadingLine } from './headline.ts';
import { matchHeadlines, type Candidate } from './headline-match.ts';
import { blocksToMarkdown, photoPlaceholder } from './markdown.ts';
import { measurePage, readPageLines, type Layout } from './page-lines.ts';
import { structurePage, type Element, type HeadingChunk } from './page-structure.ts';
import { buildBlocks } from './paragraphs.ts';
import { splitWrappedLines } from './line-wraps.ts';
import { commonParent, placeFromText, placeMentions, type PlaceHit } from './place-names.ts';
import { segmentPage, type LeftoverLine, type Segment } from './segments.ts';
import { starsNamed } from './star-names.ts';
import { starsOutsideSets } from '../check-rules.ts';
import { PROBLEM } from '../problem.ts';
import { importWarning as w, type ImportWarning } from './import-warning.ts';
import { fixHeadline, fixProse } from '../zh-punctuation.ts';

export interface ImportedArticle {
  title: string | null;
  kicker: string | null;
  subtitle: string | null;
  /** The place's name as the registry writes it (莲湖街道, 二七区). */
  street: string | null;
  /** The place's registry id, used in the file name. */
  place: string | null;
  /** The place as printed, when the registry does not know it. */
  placeWritten: string | null;
  /** For a place the registry does not know: the id of the district or city the text names, its likely parent. */
  placeParentHint: string | null;
  reporters: string[];
  correspondents: string[];
  photographers: string[];
  /** true for 文/图 (the reporters took the photos), the names for 摄, null when no photo credit. */
  photo: true | string[] | null;
  stars: string[];
  body: string;
  /** The photos' captions (their credits and marks aside), in page order. */
  captions: string[];
  warnings: ImportWarning[];
  /** The printed headline, byline and caption lines, as they stand on the page. */
  printed: { headline: string[]; byline: string[]; captions: string[] };
  /** Which page lines the story took as what, for the review list. */
  parts: StoryPart[];
  /** First and last page line of the story's text. */
  lines: [number, number];
}

export interface StoryPart {
  role: 'kicker' | 'headline' | 'subtitle' | 'place' | 'byline' | 'caption' | 'subhead';
  lines: number[];
}

/** The order the review list names a story's parts in: as they stand on a page. */
const PART_ORDER: StoryPart['role'][] = ['place', 'kicker', 'headline', 'subtitle', 'byline', 'caption', 'subhead'];

export interface ImportedPage {
  title: string | null;
  editorNote: string | null;
  /** A column's photo credit in parentheses, credited to the photos of the page's stories that have no credit of their own. */
  credits: { no: number; text: string; photographers: string[] }[];
  articles: ImportedArticle[];
  /** Text that went into no story: the editor places it by hand. */
  leftover: LeftoverLine[];
  warnings: ImportWarning[];
  layout: Layout;
}

/** The page title, when the first thing on the page is a headline chunk that heads the page rather than a story. */
function takePageTitle(elements: Element[], places: PlaceRegistry, segments: Segment[]): { title: string | null; lines: HeadingLine[] } {
  const first = elements[0];
  if (first?.kind !== 'heading') return { title: null, lines: [] };
  const chunk = first.chunk;
  let taken: HeadingLine[] = [];
  if (chunk.markdown && chunk.lines[0].depth === 1 && chunk.lines.some((l) => l.depth > 1)) {
    taken = chunk.lines.filter((l, i) => i === 0 || (l.depth === 1 && chunk.lines.slice(0, i).every((x) => x.depth === 1)));
  } else if (chunk.headlines.length > 1 && !chunk.headlines[0].place) {
    taken = chunk.headlines[0].printed;
  } else if (chunk.headlines.length === 1 && !chunk.headlines[0].place) {
    // A lone title at the top heads the page, unless every story has its own title above it.
    // It heads the story below it when that story has no other headline to take: more stories
    // than headlines elsewhere on the page.
    const eachStoryTitled = segments[0]?.above === chunk && segments.every((s) => s.above);
    const others = elements.slice(1).flatMap((e) => (e.kind === 'heading' && !e.chunk.subhead ? e.chunk.headlines : []));
    const headsTheStory = segments[0]?.above === chunk && others.length < segments.length;
    if (!eachStoryTitled && !headsTheStory) taken = chunk.headlines[0].printed;
  }
  if (!taken.length) return { title: null, lines: [] };
  const rest = chunk.lines.filter((l) => !taken.includes(l));
  chunk.lines = rest;
  chunk.headlines = rest.length ? readHeadlines(rest, places, chunk.markdown) : [];
  const title = composeTitle(taken.map((l) => ({ ...l, depth: 0 }))).title;
  return { title, lines: taken };
}

/**
 * On a Markdown page a place heading (## 德化街街道) heads every story title below it (###) until
 * the next place heading: those titles share its place.
 */
function inheritPlaces(chunks: readonly HeadingChunk[]): void {
  let context: { place: PlaceHit; depth: number } | undefined;
  for (const chunk of chunks) {
    if (!chunk.markdown) continue;
    for (const h of chunk.headlines) {
      const titleDepth = Math.min(...h.printed.filter((l) => l.depth > 0).map((l) => l.depth));
      if (h.place && h.placeDepth !== undefined) context = { place: h.place, depth: h.placeDepth };
      else if (h.place) context = undefined;
      else if (context && titleDepth > context.depth) h.place = context.place;
      else if (context && titleDepth <= context.depth) context = undefined;
    }
  }
}

/** The district or city a story names most, as the likely parent of a place the registry lacks. */
function parentHint(text: string, places: PlaceRegistry): string | null {
  const areas = [...placeMentions(text, places)].filter(([id]) => ['district', 'city'].includes(places.byId(id)?.level ?? ''));
  areas.sort((a, b) => b[1] - a[1]);
  return areas[0]?.[0] ?? null;
}

function resolvePlace(hit: PlaceHit | undefined, bodyText: string, places: PlaceRegistry, warnings: ImportWarning[]): Place | undefined | null {
  if (hit) {
    const all = [hit, ...hit.also];
    const unknown = all.filter((h) => !h.place);
    for (const h of unknown) {
      const near = places.suggest(h.written);
      warnings.push(w(PROBLEM.importUnknownPlace, `place ${h.written} is not in content/places.yaml${near.length ? ` (closest: ${near.join(', ')})` : ''}`));
    }
    if (unknown.length) return null;
    let place = hit.place as Place;
    if (hit.also.length) {
      const listed = all.map((h) => h.place as Place);
      const parent = commonParent(listed, places);
      place = parent ?? place;
      warnings.push(w(PROBLEM.importSeveralPlaces, `the headline names ${listed.length} places (${all.map((h) => h.written).join(', ')}); filed under ${place.name}: check`));
    }
    const named = placeMentions(bodyText, places);
    const inside = new Set(places.subtree(place.id).map((p) => p.id));
    if (![...named.keys()].some((id) => inside.has(id))) warnings.push(w(PROBLEM.importPlaceNotInText, `the story's text never names ${place.name}, the place in its headline: check the headline belongs to this story`));
    return place;
  }
  const guess = placeFromText(bodyText, places);
  if (guess.place) {
    warnings.push(w(PROBLEM.importPlaceFromText, `no place in the headline; took ${guess.place.name}, the place the text names most: check`));
    return guess.place;
  }
  if (guess.tied.length) {
    const around = commonParent(guess.tied, places);
    const hint = around && !guess.tied.includes(around) ? ` (a story about all of them goes under ${around.name})` : '';
    warnings.push(w(PROBLEM.importAmbiguousPlace, `ambiguous place: the text names ${guess.tied.map((p) => p.name).join(' and ')} equally often${hint}; put the place above the headline and import again`));
  }
  else warnings.push(w(PROBLEM.importNoPlace, 'no place found in the headline or the text; set street by hand'));
  return undefined;
}

export function importPage(source: string, registries: Registries): ImportedPage {
  const { places, stars } = registries;
  const lines = splitWrappedLines(readPageLines(source)).lines;
  const shape = measurePage(lines);
  const elements = structurePage(lines, places);
  const text = segmentPage(elements, shape);
  const pageTitle = takePageTitle(elements, places, text.segments);
  const pageWarnings: ImportWarning[] = [];

  const chunks = elements
    .filter((e): e is { kind: 'heading'; chunk: HeadingChunk } => e.kind === 'heading')
    .map((e) => e.chunk)
    .filter((c) => !c.subhead);
  inheritPlaces(chunks);
  const candidates: Candidate[] = chunks.flatMap((chunk) =>
    chunk.headlines.map((headline, k) => {
      const last = k === chunk.headlines.length - 1;
      const below = text.segments.findIndex((s) => s.above === chunk);
      return { headline, above: last && below >= 0 ? below : undefined, alone: chunk.headlines.length === 1 };
    }),
  );
  const storyTexts = text.segments.map((s) => s.lines.map((l) => l.text).join(''));
  const matching = matchHeadlines(candidates, storyTexts, places);

  const credits = text.credits.map((c) => ({ ...c, photographers: parseByline(`${photoCreditNames(c.text)} 摄`)?.photographers ?? [] }));
  const columnPhotographers = [...new Set(credits.flatMap((c) => c.photographers))];
  for (const c of credits) if (!c.photographers.length) pageWarnings.push(w(PROBLEM.importUnreadablePhotoCredit, `line ${c.no} "${c.text}" looks like a photo credit but names no one I can read: credit the photos by hand`));

  const articles = text.segments.map((seg, i): ImportedArticle => {
    const warnings = [...seg.warnings];
    const { blocks, captions, warnings: blockWarnings } = buildBlocks(seg.lines, shape);
    const j = matching.headlineOf[i];
    const headline: Headline | undefined = j === undefined ? undefined : candidates[j].headline;
    if (!headline) warnings.push(w(PROBLEM.importNoHeadline, 'no headline found for this story: write the title by hand'));
    else warnings.push(...headline.warnings);
    warnings.push(...matching.warnings[i]);
    const bodyText = blocks.map((b) => b.text).join('');
    const place = resolvePlace(headline?.place, bodyText, places, warnings);
    const byline = mergeBylines(seg.bylines.map((b) => b.byline));
    if (!byline) warnings.push(w(PROBLEM.importNoByline, 'byline not found (记者 …, 通讯员 …): add the reporter by hand'));
    else if (!byline.reporters.length) warnings.push(w(PROBLEM.importNoReporter, `the byline "${byline.text}" names no reporter (记者)`));
    if (seg.bylines.length > 1 && new Set(seg.bylines.map((b) => b.position)).size > 1) warnings.push(w(PROBLEM.importScatteredBylines, `bylines at several places in the story (${seg.bylines.map((b) => b.byline.text).join(' / ')}); merged`));
    warnings.push(...blockWarnings);
    for (const b of seg.bylines) {
      for (const role of b.byline.missing ?? []) warnings.push(w(PROBLEM.importBylineMissingName, `the byline "${b.byline.text}" (line ${b.lines[0]}) has no name after ${role}: the page left it out; add it by hand if you know it`));
    }
    for (const b of blocks) {
      // The dateline keeps its conventional space (本报讯 近日).
      for (const m of b.text.replace(DATELINE_MARK, '').matchAll(/\p{Script=Han}+(?: \p{Script=Han}+)+/gu)) {
        warnings.push(w(PROBLEM.importKeptCjkSpace, `a space between Chinese characters was kept in "${m[0]}" (line ${b.lines[0]}): right in a list of names, else a line wrap to remove`));
      }
    }
    // Written as npm run check wants it: Chinese quotes in headlines, full-width punctuation in Chinese text.
    const title = headline?.title ? fixHeadline(headline.title) : null;
    // A photo's own credit (杜挺勇 摄) names its photographer; else the column's credit does.
    const photos = captions.map((c) => ({ caption: c.text, after: c.after, photographers: c.credit?.photographers ?? columnPhotographers }));
    const photographers = [...new Set([...(byline?.photographers ?? []), ...photos.flatMap((p) => p.photographers)])];
    if (captions.length) warnings.push(w(PROBLEM.importPhotosToAdd, `${captions.length === 1 ? 'a photo' : `${captions.length} photos`} to add: put ${captions.length === 1 ? 'the file' : 'the files'} beside the article and replace ${captions.map((_, n) => photoPlaceholder(n + 1)).join(', ')} with ${captions.length === 1 ? 'its name' : 'their names'}`));
    const named = starsNamed([headline?.kicker, title, headline?.subtitle, bodyText, ...captions.map((c) => c.text)].filter(Boolean).join('\n'), stars);
    // A star outside the place's sets (i16's rule, the one `npm run check` applies) is warned about, not tagged.
    const outsideSets = place ? starsOutsideSets(place.id, named.map((n) => stars.resolve(n)!.id), places, stars) : [];
    const outside = outsideSets.map((o) => named[o.index]);
    for (const o of outsideSets) warnings.push(w(PROBLEM.importStarOutsideSets, `${named[o.index]} named in the text, not tagged: ${o.message}`));
    const parts: StoryPart[] = [];
    const printedHeadline = headline?.printed ?? [];
    const partOf = (role: StoryPart['role'], lines: number[]) => lines.length && parts.push({ role, lines });
    if (headline) {
      const texts = printedHeadline.map((l) => l.text.replace(/\s+/gu, ' ').trim());
      const placeLines = printedHeadline.filter((l) => headline.place && l.text.trim().replace(/[：:]$/u, '') === headline.place.written);
      partOf('place', placeLines.map((l) => l.no));
      partOf('kicker', printedHeadline.filter((l, k) => headline.kicker && texts[k] === headline.kicker).map((l) => l.no));
      partOf('subtitle', printedHeadline.filter((l, k) => headline.subtitle && texts[k].replace(/^(?:——|--|－－|—|─+)\s*/u, '') === headline.subtitle).map((l) => l.no));
      const taken = new Set(parts.flatMap((p) => p.lines));
      partOf('headline', printedHeadline.filter((l) => !taken.has(l.no)).map((l) => l.no));
    }
    partOf('byline', seg.bylines.flatMap((b) => b.lines));
    partOf('caption', captions.flatMap((c) => c.lines));
    partOf('subhead', blocks.filter((b) => b.kind === 'subhead').flatMap((b) => b.lines));
    parts.sort((x, y) => PART_ORDER.indexOf(x.role) - PART_ORDER.indexOf(y.role));
    return {
      title,
      kicker: headline?.kicker ? fixHeadline(headline.kicker) : null,
      subtitle: headline?.subtitle ? fixHeadline(headline.subtitle) : null,
      street: place ? place.name : null,
      place: place ? place.id : null,
      placeWritten: headline?.place && !headline.place.place ? headline.place.written : null,
      placeParentHint: headline?.place && !headline.place.place ? parentHint(bodyText, places) : null,
      reporters: byline?.reporters ?? [],
      correspondents: byline?.correspondents ?? [],
      photographers,
      photo: photographers.length ? photographers : byline?.photoByReporters ? true : null,
      stars: named.filter((n) => !outside.includes(n)),
      body: fixProse(blocksToMarkdown(blocks, photos)),
      captions: captions.map((c) => c.text),
      warnings,
      printed: { headline: printedHeadline.map((l) => l.text), byline: seg.bylines.map((b) => b.byline.text), captions: captions.flatMap((c) => c.printed) },
      parts,
      lines: [seg.lines[0]?.no ?? seg.bylines[0]?.lines[0] ?? 0, Math.max(...seg.lines.map((l) => l.no), ...seg.bylines.flatMap((b) => b.lines))],
    };
  });

  const leftover = [...text.leftover];
  for (const j of matching.unmatched) {
    const h = candidates[j].headline;
    pageWarnings.push(w(PROBLEM.importUnmatchedHeadline, `headline "${h.title ?? h.printed.map((l) => l.text).join(' ')}" (line ${h.printed[0]?.no}) matched no story`));
    for (const l of h.printed) leftover.push({ no: l.no, text: l.text, why: 'a headline that matched no story' });
  }
  leftover.sort((a, b) => a.no - b.no);
  const note = buildBlocks(text.note.lines, shape);
  const editorNote = note.blocks.length ? note.blocks.map((b) => b.text).join('\n\n') : null;
  if (!articles.length) pageWarnings.push(w(PROBLEM.importNoStories, 'no stories found on this page'));
  return { title: pageTitle.title, editorNote, credits, articles, leftover, warnings: pageWarnings, layout: shape.layout };
}
