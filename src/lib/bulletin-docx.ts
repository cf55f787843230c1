// A 简报 (or 专版) as a Word file, made with the `docx` library: the GB/T 9704 page (A4, top 37 mm,
// binding 28 mm, text block 156 × 225 mm, "— N —" at the outer bottom edge), the red masthead,
// 期号, issuing unit and date over the red rule, 按语, the stories and the 版记. Every paragraph
// uses a named style (报头, 期号, 正文, 版记 …) so a department can restyle and go on editing it
// in WPS or Word. Word has the room the printed web page lacks: body in 3号 仿宋 on the 22-line
// grid, titles in 2号 小标宋. Pure: the caller passes the strings already worded.
import { AlignmentType, BorderStyle, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, TabStopType, TextRun } from 'docx';
import type { TextBlock } from './html-blocks.ts';

export interface DocxStory {
  title: string;
  kicker?: string;
  subtitle?: string;
  byline: string;
  blocks: TextBlock[];
}

export interface BulletinDocxInput {
  masthead: string;
  /** 期号 as printed (第1期), if any */
  issue?: string;
  department?: string;
  /** The date as printed (2022年9月30日) */
  date: string;
  /** 密级 and marks (内部资料), printed at the top left */
  marks: string[];
  /** The bulletin's own title and period when they say more than the masthead */
  title?: string;
  period?: string;
  note: { label: string; blocks: TextBlock[] } | undefined;
  stories: DocxStory[];
  /** 版记 lines: label (报：) and the units as printed */
  distribution: { label: string; text: string }[];
  copies?: string;
  /** Document properties */
  creator: string;
  description: string;
}

/** Millimetres in twips, rounded (docx's own helper truncates: A4 would come out 1 twip short). */
const mm = (v: number) => Math.round((v * 1440) / 25.4);
// Chinese sizes in half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt.
const SIZE = { er: 44, san: 32, si: 28 };
const RED = 'E60012';
// Fonts by role; WPS and Word on Chinese systems have these, elsewhere they fall back.
const FONT = {
  fangsong: { eastAsia: '仿宋', ascii: 'Times New Roman', hAnsi: 'Times New Roman' },
  xbs: { eastAsia: '方正小标宋简体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' },
  kai: { eastAsia: '楷体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' },
  hei: { eastAsia: '黑体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' },
  song: { eastAsia: '宋体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' },
};
const TEXT_WIDTH = mm(156);
/** The red rule under the head (版头中的分隔线): a thick red bottom border, in the style and on the paragraph (LibreOffice draws only the latter). */
const RED_RULE = { bottom: { style: BorderStyle.SINGLE, size: 24, color: RED, space: 6 } };
/** 225 mm over 22 lines: the GB/T line pitch, as an exact line spacing. */
const LINE = { line: Math.round(mm(225) / 22), lineRule: LineRuleType.EXACT };
const TWO_CHARS = 640; // 2 × 16 pt, in twips
/** Characters of 2号 (22 pt) on a 156 mm line. */
const TITLE_LINE = 20;

/** The masthead fills the text block on one line: its size in half-points, 48 pt at most. */
export function mastheadSize(name: string): number {
  const chars = [...name].length;
  return Math.max(28, Math.min(96, Math.floor((156 / 25.4) * 72 * 2 / Math.max(chars, 1)) - 2));
}

const styles = (masthead: string) => [
  { id: 'Marks', name: '标识', run: { font: FONT.hei, size: SIZE.san }, paragraph: { spacing: { after: 120 } } },
  { id: 'Masthead', name: '报头', run: { font: FONT.xbs, size: mastheadSize(masthead), color: RED, bold: true }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240 } } },
  { id: 'IssueNo', name: '期号', run: { font: FONT.fangsong, size: SIZE.san }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 200 } } },
  {
    id: 'Issuer', name: '编发单位和日期', run: { font: FONT.fangsong, size: SIZE.san },
    paragraph: {
      tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - 320 }], indent: { left: 320 }, spacing: { after: 480 },
      border: RED_RULE,
    },
  },
  { id: 'BulletinTitle', name: '简报标题', basedOn: 'Normal', next: 'Period', run: { font: FONT.xbs, size: SIZE.er }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 120 }, keepNext: true } },
  { id: 'Period', name: '时段', run: { font: FONT.kai, size: SIZE.san }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 240 }, keepNext: true } },
  { id: 'EditorsNote', name: '按语', run: { font: FONT.kai, size: SIZE.san }, paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: TWO_CHARS }, spacing: { ...LINE, after: 240 } } },
  { id: 'StoryTitle', name: '文章标题', next: 'Byline', run: { font: FONT.xbs, size: SIZE.er }, paragraph: { alignment: AlignmentType.CENTER, outlineLevel: 0, keepNext: true, keepLines: true, spacing: { before: 360, after: 120 } } },
  { id: 'StoryKicker', name: '引题副题', run: { font: FONT.kai, size: SIZE.san }, paragraph: { alignment: AlignmentType.CENTER, keepNext: true } },
  { id: 'Byline', name: '署名', next: 'Body', run: { font: FONT.kai, size: SIZE.san }, paragraph: { alignment: AlignmentType.CENTER, keepNext: true, spacing: { after: 120 } } },
  { id: 'Body', name: '正文', run: { font: FONT.fangsong, size: SIZE.san }, paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: TWO_CHARS }, spacing: LINE, widowControl: true } },
  { id: 'Subhead', name: '小标题', next: 'Body', run: { font: FONT.hei, size: SIZE.san }, paragraph: { indent: { firstLine: TWO_CHARS }, spacing: LINE, keepNext: true } },
  // 版记 in 4号 仿宋, one character in from each side, between rules.
  { id: 'Distribution', name: '版记', run: { font: FONT.fangsong, size: SIZE.si }, paragraph: { indent: { left: 280 + 3 * 280, right: 280, hanging: 3 * 280 }, spacing: { before: 60, after: 60 }, keepNext: true, keepLines: true } },
  { id: 'Copies', name: '印数', run: { font: FONT.fangsong, size: SIZE.si }, paragraph: { alignment: AlignmentType.RIGHT, indent: { right: 280 }, spacing: { before: 60, after: 60 } } },
  { id: 'PageNo', name: '页码', run: { font: FONT.song, size: SIZE.si } },
];

const runsOf = (b: TextBlock) => b.runs.map((r) => new TextRun({ text: r.text, bold: r.bold, italics: r.italic }));

function pageNumber(alignment: (typeof AlignmentType)[keyof typeof AlignmentType], indent: { left?: number; right?: number }) {
  return new Footer({ children: [new Paragraph({ style: 'PageNo', alignment, indent, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })] })] });
}

export function bulletinDocument(input: BulletinDocxInput): Document {
  const children: Paragraph[] = [];
  if (input.marks.length) children.push(new Paragraph({ style: 'Marks', text: input.marks.join('　') }));
  children.push(new Paragraph({ style: 'Masthead', text: input.masthead }));
  if (input.issue) children.push(new Paragraph({ style: 'IssueNo', text: input.issue }));
  children.push(new Paragraph({ style: 'Issuer', border: RED_RULE, children: [new TextRun(input.department ?? ''), new TextRun({ children: ['\t', input.date] })] }));
  if (input.title) {
    // A long title's bracketed tail (（2022年第三季度）) goes whole onto a line of its own.
    const [main, tail] = /^(.{2,}?)(（[^（）]*）)$/.exec(input.title)?.slice(1) ?? [input.title, ''];
    const lines = tail && [...input.title].length > TITLE_LINE ? [new TextRun(main), new TextRun({ text: tail, break: 1 })] : [new TextRun(input.title)];
    children.push(new Paragraph({ style: 'BulletinTitle', children: lines }));
  }
  if (input.period) children.push(new Paragraph({ style: 'Period', text: input.period }));
  if (input.note) {
    input.note.blocks.forEach((b, i) => {
      const label = i === 0 && !b.runs[0]?.text.startsWith(input.note!.label) ? [new TextRun({ text: `${input.note!.label}：`, bold: true })] : [];
      children.push(new Paragraph({ style: 'EditorsNote', children: [...label, ...runsOf(b)] }));
    });
  }
  for (const s of input.stories) {
    if (s.kicker) children.push(new Paragraph({ style: 'StoryKicker', text: s.kicker }));
    children.push(new Paragraph({ style: 'StoryTitle', text: s.title }));
    if (s.subtitle) children.push(new Paragraph({ style: 'StoryKicker', text: `——${s.subtitle}` }));
    children.push(new Paragraph({ style: 'Byline', text: s.byline }));
    for (const b of s.blocks) children.push(new Paragraph({ style: b.kind === 'subhead' ? 'Subhead' : 'Body', children: runsOf(b) }));
  }
  const rule = (size: number) => ({ style: BorderStyle.SINGLE, size, color: '000000', space: 4 });
  input.distribution.forEach((d, i) => {
    const last = i === input.distribution.length - 1 && !input.copies;
    children.push(new Paragraph({
      style: 'Distribution',
      border: { ...(i === 0 ? { top: rule(8) } : {}), bottom: rule(last ? 8 : 4) },
      spacing: i === 0 ? { before: 480, after: 60 } : undefined,
      children: [new TextRun(d.label), new TextRun(d.text)],
    }));
  });
  if (input.copies) {
    children.push(new Paragraph({ style: 'Copies', border: { ...(input.distribution.length ? {} : { top: rule(8) }), bottom: rule(8) }, text: input.copies }));
  }
  return new Document({
    creator: input.creator,
    title: input.title ?? input.masthead,
    description: input.description,
    evenAndOddHeaderAndFooters: true,
    styles: { paragraphStyles: styles(input.masthead) },
    sections: [{
      properties: {
        page: {
          size: { width: mm(210), height: mm(297) },
          margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), footer: mm(21), header: mm(15) },
        },
      },
      // "— N —" at the outer edge, one character in: right on odd pages, left on even.
      footers: { default: pageNumber(AlignmentType.RIGHT, { right: 280 }), even: pageNumber(AlignmentType.LEFT, { left: 280 }) },
      children,
    }],
  });
}

export function bulletinDocx(input: BulletinDocxInput): Promise<Buffer> {
  return Packer.toBuffer(bulletinDocument(input));
}
