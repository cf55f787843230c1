// /bulletins/<id>.docx: the bulletin as a Word file (src/lib/bulletin-docx.ts), built with the site.
import type { APIRoute } from 'astro';
import { getSite } from '../../data/site.ts';
import { bodyWithPhotos } from '../../data/photos.ts';
import { bulletinDocx } from '../../lib/bulletin-docx.ts';
import { mastheadOf } from '../../lib/bulletins.ts';
import { bylineText } from '../../lib/byline.ts';
import { chineseDate } from '../../lib/dates.ts';
import { htmlBlocks } from '../../lib/html-blocks.ts';
import { DISTRIBUTION_KEYS } from '../../schema.ts';
import { bulletinFormUi, bulletinUi, ui } from '../../ui/strings.ts';

export async function getStaticPaths() {
  const site = await getSite();
  return site.bulletins.map((r) => ({ params: { id: r.bulletin.id } }));
}

export const GET: APIRoute = async ({ params }) => {
  const site = await getSite();
  const { bulletin: b, articles } = site.bulletins.find((r) => r.bulletin.id === params.id)!;
  const masthead = mastheadOf(b);
  const note = site.bulletinEntry(b.id).rendered?.html.trim() ?? '';
  const docx = await bulletinDocx({
    masthead,
    issue: b.issue ? bulletinFormUi.issueLabel(b.issue, b.supplement) : undefined,
    department: b.department,
    date: chineseDate(b.date),
    marks: [...(b.classification ? [b.classification] : []), ...b.marks],
    title: b.title !== masthead ? b.title : undefined,
    period: b.period ? bulletinUi.period(b.period.from, b.period.to) : undefined,
    note: note ? { label: ui.editorsNote, blocks: htmlBlocks(note) } : undefined,
    stories: await Promise.all(
      articles.map(async (a) => ({
        title: a.title,
        kicker: a.kicker,
        subtitle: a.subtitle,
        byline: bylineText(a),
        // With its photos' figures, so each caption and credit stays in the Word file as a paragraph.
        blocks: htmlBlocks(await bodyWithPhotos(site.entry(a.id).rendered?.html ?? '', a, () => undefined)),
      })),
    ),
    distribution: DISTRIBUTION_KEYS.flatMap((k) => (b.distribution?.[k]?.length ? [{ label: bulletinFormUi.distribution[k], text: bulletinFormUi.units(b.distribution[k]!) }] : [])),
    copies: b.copies ? bulletinFormUi.copies(b.copies) : undefined,
    creator: b.department ?? site.settings.name,
    description: `${ui.bulletinKinds[b.kind] ?? b.kind}《${b.title}》`,
  });
  return new Response(new Uint8Array(docx), { headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } });
};
