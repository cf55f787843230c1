// One schema, one truth: the frontmatter and registry schemas shared by Astro's content
// config, the editor CLIs in scripts/ and the tests. Every message reads
// "expected …, found …" so an editor sees what to write and what was written.
import { z } from 'astro/zod';
import { PLACE_LEVELS, STAR_SETS, type PlaceRegistry } from './lib/places.ts';
import type { StarRegistry } from './lib/stars.ts';
import { PERSON_ROLES, type PeopleRegistry } from './lib/people.ts';
import { PROBLEM } from './lib/problem.ts';
import { closest, didYouMean } from './lib/suggest.ts';

/** How a value appears in a message: strings as written, everything else as YAML would show it. */
export function shown(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'an empty value';
  if (typeof v === 'string') return v === '' ? 'an empty text' : v;
  if (v instanceof Date) return `a date object (${v.toISOString().slice(0, 10)})`;
  return JSON.stringify(v);
}

/** "found …" for a message: the value, and that the field is missing when it is not there at all. */
export function found(v: unknown): string {
  return v === undefined ? 'nothing (the field is missing)' : shown(v);
}

/** A refused value, with its problem code (src/lib/problem.ts) for code that needs to tell problems apart. */
const refuse = (ctx: z.RefinementCtx, message: string, v?: unknown, code: string = v === undefined ? PROBLEM.missingField : PROBLEM.badValue) =>
  ctx.addIssue({ code: 'custom', message, params: { code } });

const text = (what: string) =>
  z.string({ error: (iss) => `expected ${what}, found ${found(iss.input)}` }).trim().min(1, { error: `expected ${what}, found an empty text` });

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Words an editor may mean as yes or no, which YAML 1.2 reads as plain text. */
const YES_NO = /^(yes|no|y|n|on|off|maybe|true|false|是|否)$/i;

/** A calendar date written YYYY-MM-DD; impossible dates (2022-13-45, 2023-02-29) are refused, never rolled over. */
export const isoDate = z
  .unknown()
  .optional()
  .transform((v, ctx) => {
    const s = typeof v === 'string' ? v.trim() : undefined;
    const m = s ? DATE_RE.exec(s) : null;
    if (!s || !m) {
      refuse(ctx, `expected a date written YYYY-MM-DD, found ${found(v)}`, v);
      return z.NEVER;
    }
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const dt = new Date(Date.UTC(y, mo - 1, d));
    if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) {
      refuse(ctx, `expected a real calendar date (YYYY-MM-DD), found ${s}, which does not exist`, v);
      return z.NEVER;
    }
    return s;
  });

/** A name or a list of names, always returned as a list; each must be in the people registry. */
const names = (what: string, min: number, people: PeopleRegistry) =>
  z
    .unknown()
    .optional()
    .transform((v, ctx) => {
      const list = v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
      const out: string[] = [];
      for (const item of list) {
        if (typeof item !== 'string' || !item.trim()) {
          refuse(ctx, `expected ${what} (a name or a list of names), found ${shown(item)}`, item ?? null);
          return z.NEVER;
        }
        out.push(item.trim());
      }
      out.forEach((name, i) => {
        if (!people.resolve(name)) ctx.addIssue({ code: 'custom', path: Array.isArray(v) ? [i] : [], message: people.unknownMessage(name), params: { code: PROBLEM.unknownPerson, name } });
      });
      if (out.length < min) {
        refuse(ctx, `expected ${what} (at least one name), found ${found(v)}`, v);
        return z.NEVER;
      }
      return out;
    });

// ---------------------------------------------------------------- registries

const starSet = z.enum(STAR_SETS, { error: (i) => `expected community or village, found ${found(i.input)}` });

export const placeEntrySchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, { error: (i) => `expected an ASCII pinyin id (a-z, 0-9, -), found ${found(i.input)}` }),
    name: text('the Chinese name'),
    level: z.enum(PLACE_LEVELS, { error: (i) => `expected one of ${PLACE_LEVELS.join(', ')}, found ${found(i.input)}` }),
    parent: z.string({ error: (i) => `expected the id of the enclosing place, found ${found(i.input)}` }).optional(),
    aliases: z.array(text('an alias')).optional(),
    stars: z
      .union([starSet, z.array(starSet).min(1)], { error: (i) => `expected community, village or [community, village], found ${found(i.input)}` })
      .optional(),
  })
  .strict();
export const placesFileSchema = z.array(placeEntrySchema, { error: (i) => `expected a list of places, found ${found(i.input)}` });

export const starEntrySchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, { error: (i) => `expected an ASCII pinyin id, found ${found(i.input)}` }),
    name: text('the star name'),
    sets: z.array(z.enum(['community', 'village'], { error: (i) => `expected community or village, found ${found(i.input)}` }), { error: (i) => `expected a list of star sets such as [village, community], found ${found(i.input)}` }).min(1, { error: 'expected at least one star set (village, community), found an empty list' }),
    description: text('a one-line description'),
    colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: (i) => `expected a colour like #b71c1c, found ${found(i.input)}` }),
  })
  .strict();
export const starsFileSchema = z.array(starEntrySchema);

export const personEntrySchema = z
  .object({
    id: z.string({ error: (i) => `expected an ASCII pinyin id, found ${found(i.input)}` }).regex(/^[a-z][a-z0-9-]*$/, { error: (i) => `expected an ASCII pinyin id (a-z, 0-9, -), found ${found(i.input)}` }),
    name: text('the name as bylines print it'),
    roles: z.array(z.enum(PERSON_ROLES, { error: (i) => `expected one of ${PERSON_ROLES.join(', ')}, found ${found(i.input)}` }), { error: (i) => `expected a list of roles such as [reporter], found ${found(i.input)}` }).optional(),
    aliases: z.array(text('another spelling of the name'), { error: (i) => `expected a list of other spellings such as [魯燕], found ${found(i.input)}` }).optional(),
    formerIds: z.array(z.string({ error: (i) => `expected an old page id, found ${found(i.input)}` }), { error: (i) => `expected a list of old page ids, found ${found(i.input)}` }).optional(),
  })
  .strict();
export const peopleFileSchema = z.array(personEntrySchema, { error: (i) => `expected a list of people, found ${found(i.input)}` });

export interface Registries {
  places: PlaceRegistry;
  stars: StarRegistry;
  people: PeopleRegistry;
}

// ---------------------------------------------------------------- articles

export const ARTICLE_FIELDS = [
  'title', 'kicker', 'subtitle', 'street', 'star', 'date', 'reporter', 'correspondent',
  'photo', 'cover', 'source', 'position', 'bulletin', 'summary', 'draft',
] as const;

/** Every other key is refused by name, alongside the other problems of the file (not instead of them). */
const unknownField = (fields: readonly string[]) => {
  const candidates = fields.map((f) => ({ name: f, spellings: [f] }));
  return z.custom(() => false, {
    error: (i) => {
      const key = String(i.path?.at(-1));
      return `expected one of the fields ${fields.join(', ')}, found an unknown field ${key}${didYouMean(closest(key, candidates))}`;
    },
    params: { code: PROBLEM.unknownField },
  });
};

export function articleSchema({ places, stars, people }: Registries) {
  return z
    .record(z.string(), z.unknown(), { error: (i) => `expected frontmatter fields (title, street, date, reporter …), found ${found(i.input)}` })
    .pipe(
      z.object({
        title: text('a headline'),
        kicker: text('a kicker (引题)').optional(),
        subtitle: text('a subtitle (副题)').optional(),
        street: z.unknown().optional().transform((v, ctx) => {
          if (typeof v !== 'string' || !v.trim()) {
            refuse(ctx, `expected a place from content/places.yaml such as 莲湖街道, found ${found(v)}`, v);
            return z.NEVER;
          }
          const p = places.resolve(v);
          if (!p) {
            refuse(ctx, places.unknownMessage(v), v);
            return z.NEVER;
          }
          return p.id;
        }),
        star: z.unknown().optional().transform((v, ctx) => {
          const list = v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
          const ids: string[] = [];
          for (const item of list) {
            const s = typeof item === 'string' ? stars.resolve(item) : undefined;
            if (!s) {
              refuse(ctx, typeof item === 'string' ? stars.unknownMessage(item) : `expected a star name such as 支部过硬星, found ${shown(item)}`, item ?? null);
              return z.NEVER;
            }
            if (!ids.includes(s.id)) ids.push(s.id);
          }
          return ids;
        }),
        date: isoDate,
        reporter: names('the reporter (记者)', 1, people),
        correspondent: names('the correspondent (通讯员)', 0, people),
        photo: z.unknown().optional().transform((v, ctx) => {
          if (v === undefined || v === false || v === null) return undefined;
          if (v === true) return true as const;
          const list = Array.isArray(v) ? v : [v];
          // YAML 1.2 reads yes/no/maybe as text: an editor meant a flag, not a photographer.
          const bad = !list.length ? v : list.find((x) => typeof x !== 'string' || !x.trim() || YES_NO.test(x.trim()));
          if (bad !== undefined) {
            refuse(ctx, `expected the photographer's name(s), or true for 文/图 by the reporters, found ${shown(bad)}`, bad ?? null);
            return z.NEVER;
          }
          return list.map((x) => (x as string).trim());
        }),
        cover: text('the lead photo, as ./photo.jpg beside the article').optional(),
        source: text('the publication and page').optional(),
        // The story's place on its printed page (1 = first), written by npm run import: same-day
        // stories in a bulletin follow the page.
        position: z.number({ error: (i) => `expected the story's place on its page (1, 2, 3 …), found ${found(i.input)}` }).int({ error: (i) => `expected a whole number (1, 2, 3 …), found ${found(i.input)}` }).positive({ error: (i) => `expected 1 or more, found ${found(i.input)}` }).optional(),
        bulletin: z.string({ error: (i) => `expected a bulletin id, found ${found(i.input)}` }).regex(/^[a-z0-9][a-z0-9-]*$/, { error: (i) => `expected a bulletin id (ASCII, as in content/bulletins/<id>.md), found ${found(i.input)}` }).optional(),
        summary: text('a one-paragraph summary').optional(),
        draft: z.boolean({ error: (i) => `expected true or false, found ${found(i.input)}` }).default(false),
      }).catchall(unknownField(ARTICLE_FIELDS)),
    )
    .transform(({ star, reporter, correspondent, street, ...rest }) => ({
      ...rest,
      place: street,
      stars: star,
      reporters: reporter,
      correspondents: correspondent,
    }));
}
export type ArticleFrontmatter = z.output<ReturnType<typeof articleSchema>>;

// ---------------------------------------------------------------- bulletins

export const BULLETIN_KINDS = ['专版', '简报'] as const;
export const BULLETIN_FIELDS = [
  'title', 'kind', 'masthead', 'date', 'issue', 'supplement', 'department', 'period', 'articles', 'select',
  'distribution', 'copies', 'marks', 'classification', 'draft',
] as const;
/** The three lines of a 简报's closing block (版记): 报 (reported up to), 送 (sent across to), 发 (issued down to). */
export const DISTRIBUTION_KEYS = ['报', '送', '发'] as const;
/** 密级 as GB/T 9704 writes it: 秘密, 机密 or 绝密, optionally with the term after ★ (秘密★1年). */
const CLASSIFICATION_RE = /^(秘密|机密|绝密)(★\S+)?$/;
const ISSUE_RE = /^第?\s*(\d+)\s*期?$/;

/** The 期号: a whole number, written 3 or 第3期. */
export const issueNumber = z.unknown().optional().transform((v, ctx) => {
  if (v === undefined || v === null) return undefined;
  const m = typeof v === 'number' ? (Number.isInteger(v) ? [String(v), String(v)] : null) : typeof v === 'string' ? ISSUE_RE.exec(v.trim()) : null;
  const n = m ? Number(m[1]) : NaN;
  if (!(n >= 1)) {
    ctx.addIssue({ code: 'custom', message: `expected the issue number (期号) counted from 1 in each year, written 3 or 第3期, found ${shown(v)}` });
    return z.NEVER;
  }
  return n;
});

/** One line of the distribution block: a unit or a list of units, at least one. */
const units = (key: string) =>
  z.unknown().optional().transform((v, ctx) => {
    if (v === undefined) return undefined;
    const list = Array.isArray(v) ? v : [v];
    const bad = !list.length ? v : list.find((x) => typeof x !== 'string' || !x.trim());
    if (bad !== undefined) {
      ctx.addIssue({ code: 'custom', message: `expected the units under ${key}: (a unit or a list of units, such as [区委办公室, 各街道党工委]), found ${shown(bad)}` });
      return z.NEVER;
    }
    return list.map((x) => (x as string).trim());
  });

const distributionSchema = z
  .record(z.string(), z.unknown(), { error: (i) => `expected the distribution as lines 报:, 送: and 发: (each a unit or a list of units), found ${shown(i.input)}` })
  .pipe(
    z
      .object({ 报: units('报'), 送: units('送'), 发: units('发') })
      .strict()
      .refine((d) => DISTRIBUTION_KEYS.some((k) => d[k]?.length), { error: 'expected at least one of 报:, 送: or 发:, found none' }),
  );

export function bulletinSchema({ places, stars }: Registries) {
  const placeId = z.string().transform((v, ctx) => {
    const p = places.resolve(v);
    if (!p) {
      refuse(ctx, places.unknownMessage(v), v);
      return z.NEVER;
    }
    return p.id;
  });
  const starId = z.string().transform((v, ctx) => {
    const s = stars.resolve(v);
    if (!s) {
      refuse(ctx, stars.unknownMessage(v), v);
      return z.NEVER;
    }
    return s.id;
  });
  const oneOrMany = <T extends z.ZodType>(t: T) => z.union([t, z.array(t)]).transform((v) => (Array.isArray(v) ? v : [v]) as z.output<T>[]);
  return z
    .record(z.string(), z.unknown())
    .pipe(
      z
        .object({
          title: text('the bulletin title'),
          kind: z.enum(BULLETIN_KINDS, { error: (i) => `expected 专版 or 简报, found ${found(i.input)}` }),
          masthead: text('the name printed in red at the top (报头), such as 中原区“五星”支部创建工作简报').optional(),
          date: isoDate,
          issue: issueNumber,
          supplement: z.boolean({ error: (i) => `expected true for a 增刊 (numbered apart from the regular issues) or false, found ${shown(i.input)}` }).default(false),
          department: text('the issuing department (编发单位)').optional(),
          period: z.object({ from: isoDate, to: isoDate }, { error: (i) => `expected from: and to: dates, found ${found(i.input)}` }).optional(),
          articles: z.array(z.string({ error: (i) => `expected an article id, found ${found(i.input)}` }), { error: (i) => `expected a list of article ids, found ${found(i.input)}` }).optional(),
          select: z
            .object({
              from: isoDate.optional(),
              to: isoDate.optional(),
              places: oneOrMany(placeId).optional(),
              stars: oneOrMany(starId).optional(),
            })
            .strict()
            .optional(),
          distribution: distributionSchema.optional(),
          copies: z
            .number({ error: (i) => `expected the number of copies printed (共印N份), a whole number such as 60, found ${shown(i.input)}` })
            .int({ error: (i) => `expected the number of copies printed (共印N份), a whole number such as 60, found ${shown(i.input)}` })
            .positive({ error: (i) => `expected the number of copies printed (共印N份), a whole number such as 60, found ${shown(i.input)}` })
            .optional(),
          marks: z
            .unknown()
            .optional()
            .transform((v, ctx) => {
              if (v === undefined) return [];
              const list = Array.isArray(v) ? v : [v];
              const bad = list.find((x) => typeof x !== 'string' || !x.trim() || x.trim().length > 12);
              if (bad !== undefined) {
                ctx.addIssue({ code: 'custom', message: `expected short marks printed above the masthead, such as 内部资料 or [内部资料, 注意保存], found ${shown(bad)}` });
                return z.NEVER;
              }
              return list.map((x) => (x as string).trim());
            }),
          classification: z
            .string({ error: (i) => `expected the 密级 秘密, 机密 or 绝密 (with the term after ★, as in 秘密★1年), found ${shown(i.input)}` })
            .trim()
            .regex(CLASSIFICATION_RE, { error: (i) => `expected the 密级 秘密, 机密 or 绝密 (with the term after ★, as in 秘密★1年), found ${shown(i.input)}` })
            .optional(),
          draft: z.boolean({ error: (i) => `expected true or false, found ${found(i.input)}` }).default(false),
        })
        .catchall(unknownField(BULLETIN_FIELDS))
        .superRefine((b, ctx) => {
          if (!b.articles === !b.select) {
            ctx.addIssue({ code: 'custom', path: ['articles'], message: `expected either articles (a list of article ids) or select (from, to, places, stars), found ${b.articles ? 'both' : 'neither'}`, params: { code: PROBLEM.badValue } });
          }
          if (b.period && b.period.from > b.period.to) {
            ctx.addIssue({ code: 'custom', path: ['period'], message: `expected from before to, found ${b.period.from} after ${b.period.to}`, params: { code: PROBLEM.badValue } });
          }
        }),
    );
}
export type BulletinFrontmatter = z.output<ReturnType<typeof bulletinSchema>>;

// ---------------------------------------------------------------- site settings

/** Fields of content/site.yaml; every other key is refused by name. */
export const SITE_SETTINGS_FIELDS = ['sample', 'name', 'tagline', 'description', 'url', 'sponsor', 'organizer', 'contact', 'icp', 'police', 'siteCode'] as const;

/** The MIIT record number as printed in footers: 豫ICP备12345678号, optionally -1 for the site's number. */
const ICP_RE = /^[\u4e00-\u9fff]ICP备\d{6,10}号(-\d{1,3})?$/;
/** The public-security record number: 豫公网安备41010202000123号 (14 digits). */
const POLICE_RE = /^([\u4e00-\u9fff])公网安备\s*(\d{14})号$/;

export function policeRecordNumber(record: string): string {
  return POLICE_RE.exec(record)?.[2] ?? '';
}

export const siteSettingsSchema = z
  .record(z.string(), z.unknown(), { error: (i) => `expected the site settings (name, url, sponsor, icp …), found ${shown(i.input)}` })
  .pipe(
    z
      .object({
        /** The committed sample: the footer says its values are examples. */
        sample: z.boolean({ error: (i) => `expected true or false, found ${shown(i.input)}` }).default(false),
        name: text('the site name (网站名称)'),
        tagline: text('a tagline shown beside the name').optional(),
        description: text('a one-sentence description of the site'),
        url: z
          .string({ error: (i) => `expected the public address such as https://news.example.gov.cn/, found ${shown(i.input)}` })
          .trim()
          .refine((v) => /^https?:\/\/[^\s/]+\.[^\s/]+(\/\S*)?$/.test(v) && URL.canParse(v), { error: (i) => `expected the public address such as https://news.example.gov.cn/, found ${shown(i.input)}` })
          .transform((v) => new URL(v).origin + '/'),
        sponsor: text('the sponsoring body (主办单位)'),
        organizer: text('the body that runs the site (承办单位)').optional(),
        contact: z
          .object({
            phone: text('a telephone number').optional(),
            email: z.string({ error: (i) => `expected an email address, found ${shown(i.input)}` }).trim().regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, { error: (i) => `expected an email address, found ${shown(i.input)}` }).optional(),
            address: text('a postal address').optional(),
          }, { error: (i) => `expected phone:, email: and address: lines, found ${shown(i.input)}` })
          .catchall(unknownField(['phone', 'email', 'address']))
          .optional(),
        icp: z.string({ error: (i) => `expected the ICP record number such as 豫ICP备12345678号-1 (ICP备案号), found ${shown(i.input)}` }).trim().regex(ICP_RE, { error: (i) => `expected the ICP record number such as 豫ICP备12345678号-1 (ICP备案号), found ${shown(i.input)}` }),
        police: z.string({ error: (i) => `expected the public-security record number such as 豫公网安备41010202000123号 (公安备案号), found ${shown(i.input)}` }).trim().regex(POLICE_RE, { error: (i) => `expected the public-security record number such as 豫公网安备41010202000123号 (公安备案号, 14 digits), found ${shown(i.input)}` }).optional(),
        // Written as a number, YAML drops leading zeros: the message asks for quotes.
        siteCode: z
          .union([z.string(), z.number()], { error: (i) => `expected the ten-character site identifier (网站标识码) in quotes, found ${shown(i.input)}` })
          .transform((v) => String(v).trim())
          .refine((v) => /^[0-9A-Za-z]{10}$/.test(v), { error: (i) => `expected the ten-character site identifier (网站标识码) in quotes, such as '4101020001', found ${shown(i.input)}` })
          .optional(),
      })
      .catchall(unknownField(SITE_SETTINGS_FIELDS)),
  );
export type SiteSettings = z.output<typeof siteSettingsSchema>;
