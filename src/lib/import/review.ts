// The review list the import command prints: each story with its place, bylines, stars and
// file, every warning under the story it concerns, and the left-over text, so an editor can
// check a page in a minute.
import type { ImportedPage, StoryPart } from './import-page.ts';

export interface ReviewFile {
  display: string;
  status: string;
}

const PART_LABEL: Record<StoryPart['role'], string> = { place: 'place', kicker: 'kicker', headline: 'headline', subtitle: 'subtitle', byline: 'byline', caption: 'caption', subhead: 'subheads' };

/** Page lines as the editor looks them up: 2–3, 14, 22. */
function lineList(lines: readonly number[]): string {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const n of sorted) {
    const last = runs.at(-1);
    if (last && n === last[1] + 1) last[1] = n;
    else runs.push([n, n]);
  }
  return runs.map(([a, b]) => (a === b ? `${a}` : `${a}–${b}`)).join(', ');
}

export function reviewLines(file: string, page: ImportedPage, files: readonly (ReviewFile | undefined)[] = []): string[] {
  const out: string[] = [];
  const n = page.articles.length;
  out.push(`${file}: ${n} ${n === 1 ? 'story' : 'stories'}${page.title ? ` · page title ${page.title}` : ''}`);
  for (const w of page.warnings) out.push(`  ! ${w.message}`);
  for (const c of page.credits) out.push(`  photo credit for the page (line ${c.no}): ${c.photographers.length ? `${c.photographers.join(' ')} 摄, for the photos without a credit of their own` : c.text}`);
  if (page.editorNote) out.push(`  editor's note (编者按, kept for the bulletin): ${page.editorNote.length > 60 ? `${page.editorNote.slice(0, 60)}…` : page.editorNote}`);
  page.articles.forEach((a, i) => {
    const head = [a.kicker && `[${a.kicker}]`, a.title ?? '(no headline)', a.subtitle && `—— ${a.subtitle}`].filter(Boolean).join(' ');
    out.push(`  ${i + 1}. ${head}`);
    const facts = [
      a.street ?? a.placeWritten ?? '(no place)',
      a.reporters.length ? `记者 ${a.reporters.join(' ')}` : '(no reporter)',
      a.correspondents.length && `通讯员 ${a.correspondents.join(' ')}`,
      a.photo === true ? '文/图' : a.photo ? `${a.photo.join(' ')} 摄` : '',
      a.stars.length && a.stars.join(' '),
      `lines ${a.lines[0]}–${a.lines[1]}`,
    ].filter(Boolean);
    out.push(`     ${facts.join(' · ')}`);
    if (a.parts.length) out.push(`     took: ${a.parts.map((p) => `${PART_LABEL[p.role]} l.${lineList(p.lines)}`).join(' · ')}`);
    const f = files[i];
    if (f) out.push(`     → ${f.display}  ${f.status}`);
    for (const w of a.warnings) out.push(`     ! ${w.message}`);
  });
  if (page.leftover.length) {
    out.push('  left over — in no story; place it by hand or drop it:');
    for (const l of page.leftover) out.push(`     line ${l.no}: ${l.text}   (${l.why})`);
  }
  const warned = page.articles.filter((a) => a.warnings.length).length;
  const count = page.articles.reduce((s, a) => s + a.warnings.length, 0) + page.warnings.length;
  out.push(`  review: ${count} warning${count === 1 ? '' : 's'}${warned ? ` in ${warned} ${warned === 1 ? 'story' : 'stories'}` : ''}, ${page.leftover.length} left-over line${page.leftover.length === 1 ? '' : 's'}`);
  return out;
}
