// Bylines as newspapers print them: 记者 鲁燕 通讯员 张倩倩 文/图, 本报记者 杜挺勇 本报通讯员 尚艳菲 耿文祥,
// 鲁燕 摄, 本报讯（记者 鲁燕）… — on their own line, glued to the last sentence, or wrapped.
import { SPACE_RE } from './inline-text.ts';

export interface Byline {
  reporters: string[];
  correspondents: string[];
  /** Names credited with 摄 (photographer). */
  photographers: string[];
  /** 文/图: the reporters took the photos. */
  photoByReporters: boolean;
  /** The byline exactly as printed (several printed pieces joined by a space). */
  text: string;
  /** Printed in the 本报记者 form, which newspapers put at the top of a story. */
  topForm: boolean;
  /** Roles printed with no name after them (本报记者 鲁燕 本报通讯员): the name was left off the page. */
  missing?: string[];
}

type Role = 'reporter' | 'correspondent';

const ROLE_WORD = '(?:本报|本刊)?(?:特约|首席|见习|摄影)?(?:记者|通讯员)|实习生';
const CREDIT_WORD = '文\\/图|图\\/文|文／图|图／文|摄影|摄';
const TOKEN_SPLIT = new RegExp(`(${ROLE_WORD}|${CREDIT_WORD})`, 'u');
const ROLE_ANYWHERE = new RegExp(ROLE_WORD, 'u');
const SEPARATORS = /^[\s、，,；;：:（）()【】\[\]■□●◆]+$/u;
const NAME_SHAPE = /^\p{Script=Han}{2,4}$|^\p{Script=Han}{1,6}·\p{Script=Han}{1,6}$/u;
// Characters that turn up in running text after 记者 (记者们都笑了) but hardly ever in a name.
const NOT_IN_NAMES = /[们的了是在说着过这那就都也与及等]/u;
const isName = (s: string) => NAME_SHAPE.test(s) && !NOT_IN_NAMES.test(s) && !ROLE_ANYWHERE.test(s);
const ROLE_ONLY = new RegExp(`^(?:${ROLE_WORD})$`, 'u');
const ROLE_START = new RegExp(`^(?:${ROLE_WORD})`, 'u');
const ROLE_AT_END = new RegExp(`\\s*(?:${ROLE_WORD})$`, 'u');
const LEAD_MARK = /^[■□●◆▲△]\s*/u;

function roleOf(word: string): Role {
  return /通讯员|实习生/.test(word) ? 'correspondent' : 'reporter';
}

/**
 * Reads a byline; undefined when the text is anything else. Every character must belong to a
 * role word, a credit, a name (2–4 Han characters) or a separator, so a sentence that merely
 * mentions 记者 is never taken for a byline.
 */
export function parseByline(printed: string): Byline | undefined {
  const text = printed.replace(SPACE_RE, ' ').trim();
  const body = text.replace(LEAD_MARK, '');
  if (!body) return undefined;
  const parts = body.split(TOKEN_SPLIT).flatMap((p) => p.split(/[\s、，,；;：:（）()【】\[\]]+/u)).filter((p) => p && !SEPARATORS.test(p));
  const out: Byline = { reporters: [], correspondents: [], photographers: [], photoByReporters: false, text, topForm: /^[（(【\[]?(本报|本刊)/u.test(body) };
  let role: Role | undefined;
  let sawRoleOrCredit = false;
  let recent: string[] = []; // names since the last role or credit, for 摄
  let names = 0;
  let namesForRole = 1;
  for (const part of parts) {
    if (ROLE_ONLY.test(part)) {
      if (!namesForRole) return undefined; // 记者 通讯员 …: a role with nobody after it
      namesForRole = 0;
      role = roleOf(part);
      recent = [];
      sawRoleOrCredit = true;
    } else if (/^(文\/图|图\/文|文／图|图／文)$/.test(part)) {
      out.photoByReporters = true;
      sawRoleOrCredit = true;
      recent = [];
    } else if (part === '摄' || part === '摄影') {
      if (!recent.length) return undefined;
      out.photographers.push(...recent.filter((n) => !out.photographers.includes(n)));
      // 本报记者 鲁燕 摄: the role says who the photographer is; the credit is for the photo, not the story.
      out.reporters = out.reporters.filter((n) => !recent.includes(n));
      out.correspondents = out.correspondents.filter((n) => !recent.includes(n));
      recent = [];
      sawRoleOrCredit = true;
    } else if (isName(part)) {
      names++;
      namesForRole++;
      recent.push(part);
      if (role === 'reporter' && !out.reporters.includes(part)) out.reporters.push(part);
      if (role === 'correspondent' && !out.correspondents.includes(part)) out.correspondents.push(part);
    } else {
      return undefined;
    }
  }
  // Names printed before any role (鲁燕 摄) must have been claimed by a 摄 credit.
  const unclaimed = parts.length && !ROLE_ONLY.test(parts[0]) && isName(parts[0]) && !out.photographers.includes(parts[0]);
  if (!sawRoleOrCredit || !names || !namesForRole || unclaimed) return undefined;
  return out;
}

/** A byline cut short at the end of a line (…村。记者 鲁燕 通讯员), to be completed by the next line. */
export function isOpenByline(printed: string): boolean {
  const t = printed.replace(SPACE_RE, ' ').trim();
  if (!ROLE_AT_END.test(t)) return false;
  const before = t.replace(ROLE_AT_END, '');
  return before === '' || parseByline(before) !== undefined;
}

/** A byline ending on a role with no name after it, read as far as it goes; undefined for anything else. */
export function parseIncompleteByline(printed: string): Byline | undefined {
  const t = printed.replace(SPACE_RE, ' ').trim();
  const role = ROLE_AT_END.exec(t);
  if (!role) return undefined;
  const b = parseByline(t.slice(0, role.index));
  return b && { ...b, text: t, missing: [role[0].trim()] };
}

/**
 * A line holding the end of one byline and the start of the next (魏少杰 本报记者 鲁燕): the
 * leading names complete the byline above, the rest opens another. Undefined for anything else.
 */
export function splitLeadingNames(printed: string): { names: string; rest: string } | undefined {
  const parts = printed.replace(SPACE_RE, ' ').trim().split(' ');
  let k = 0;
  while (k < parts.length && isName(parts[k])) k++;
  if (!k || k === parts.length) return undefined;
  const rest = parts.slice(k).join(' ');
  if (!ROLE_START.test(rest)) return undefined;
  return parseByline(rest) || isOpenByline(rest) ? { names: parts.slice(0, k).join(' '), rest } : undefined;
}

/** A line of nothing but names (and a credit), the second half of a wrapped byline. */
export function isNamesOnly(printed: string): boolean {
  const parts = printed.replace(SPACE_RE, ' ').trim().split(/[\s、]+/u).filter(Boolean);
  return parts.length > 0 && parts.every((p) => isName(p) || /^(文\/图|图\/文|摄)$/.test(p)) && parts.some((p) => isName(p));
}

const SENTENCE_STOP = /[。！？!?…][”’」』）)】》]*/gu;

/**
 * Splits a byline off the end of a line of text: "…建设生态宜居村。记者 鲁燕" → text and byline.
 * Only after a finished sentence, so names in running text are never cut off.
 */
export function splitTrailingByline(line: string): { text: string; byline: string; open: boolean } | undefined {
  for (const m of line.matchAll(SENTENCE_STOP)) {
    const at = m.index + m[0].length;
    const tail = line.slice(at).trim();
    if (!tail) return undefined;
    if (parseByline(tail)) return { text: line.slice(0, at), byline: tail, open: false };
    if (isOpenByline(tail)) return { text: line.slice(0, at), byline: tail, open: true };
  }
  return undefined;
}

/** Combines the bylines of one story (top and end, or a wrapped one) into one. */
export function mergeBylines(list: readonly Byline[]): Byline | undefined {
  if (!list.length) return undefined;
  const add = (into: string[], from: string[]) => from.forEach((n) => into.includes(n) || into.push(n));
  const out: Byline = { reporters: [], correspondents: [], photographers: [], photoByReporters: false, text: list.map((b) => b.text).join(' '), topForm: list[0].topForm };
  for (const b of list) {
    add(out.reporters, b.reporters);
    add(out.correspondents, b.correspondents);
    add(out.photographers, b.photographers);
    out.photoByReporters ||= b.photoByReporters;
  }
  return out;
}
