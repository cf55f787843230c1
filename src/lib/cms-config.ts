// The Decap CMS configuration, made from the shared schema (its field lists, which fields it
// requires, its patterns) and the registries — never written by hand beside them. Each schema
// field has a widget here; a field the schema gains that this table does not know yet still
// appears, as a text box named for the field, so the editor can always write what check accepts.
import { ARTICLE_FIELDS, BULLETIN_FIELDS, BULLETIN_KINDS, articleSchema, bulletinSchema, type Registries } from '../schema.ts';
import type { PersonEntry, PersonRole } from './people.ts';
import type { Place } from './places.ts';

/** The editor's Chinese wording (src/ui/strings.ts cmsUi): labels, hints and the names of levels, sets, roles, kinds. */
export interface CmsWording {
  articles: string; article: string; bulletins: string; bulletin: string; registries: string;
  placesFile: string; starsFile: string; peopleFile: string;
  fields: Record<string, string>;
  hints: Record<string, string>;
  starSets: Record<string, string>;
  levels: Record<string, string>;
  roles: Record<string, string>;
  kinds: Record<string, string>;
  patternDate: string; patternId: string; patternColour: string;
  fileNamePending: string; noStarsForPlace: string; namesPlaceholder: string; photoBySelf: string;
}

export interface CmsConfigInput {
  wording: CmsWording;
  registries: Registries;
  /** Whether content/people.yaml exists (then it is offered as a registry to edit). */
  peopleFile: boolean;
  /** Today in Beijing, YYYY-MM-DD: the date a new article starts with. */
  today: string;
  /** The local backend's address (our save-and-check proxy in front of decap-server). */
  apiUrl: string;
  /** Where the editor asks for an article's file name (see src/lib/cms-entry.ts). */
  articleIdUrl: string;
}

type Field = Record<string, unknown>;

/** The patterns the schema enforces, as Decap validates them (regex source, message). */
const patterns = (w: CmsWording) => ({
  date: ['^\\d{4}-\\d{2}-\\d{2}$', w.patternDate],
  id: ['^[a-z][a-z0-9-]*$', w.patternId],
  bulletinId: ['^[a-z0-9][a-z0-9-]*$', w.patternId],
  colour: ['^#[0-9a-fA-F]{6}$', w.patternColour],
});

/** The field names in an entry that the CMS needs but the schema does not: dropped before writing. */
export const CMS_ONLY_FIELDS = ['file'] as const;

/** Which top-level fields a schema requires: the ones it reports when given nothing at all. */
export function requiredFields(schema: { safeParse(v: unknown): { success: boolean; error?: { issues: readonly { path: readonly PropertyKey[] }[] } } }): Set<string> {
  const r = schema.safeParse({});
  return new Set((r.error?.issues ?? []).map((i) => String(i.path[0] ?? '')).filter(Boolean));
}

/** Field makers speaking the given wording. */
function makers(w: CmsWording) {
  const label = (name: string) => w.fields[name] ?? name;
  const hint = (name: string) => (w.hints[name] ? { hint: w.hints[name] } : {});
  return {
    label,
    hint,
    patterns: patterns(w),
    /** The file name, made by the edit server on save from title, place and date exactly as the CLIs make it. */
    fileField: (api: string, kind: 'article' | 'bulletin'): Field => ({
      label: label('file'), name: 'file', widget: 'jiexun-file', required: false, api: `${api}?kind=${kind}`, pending: w.fileNamePending, ...hint('file'),
    }),
    dateField: (name: string, required: boolean, defaultValue?: string): Field => ({
      label: label(name), name, widget: 'datetime', format: 'YYYY-MM-DD', date_format: 'YYYY-MM-DD', time_format: false,
      picker_utc: true, required, pattern: patterns(w).date, ...(defaultValue ? { default: defaultValue } : {}), ...hint(name),
    }),
  };
}

/** The district a place is listed under: itself, the district above it, or (for cities and provinces) none. */
function districtOf(places: Registries['places'], place: Place): Place | undefined {
  return places.lineage(place.id).find((p) => p.level === 'district');
}

/**
 * Every place as a select option, grouped by district (the district first, then its streets and
 * townships); the label carries aliases and the pinyin id, so typing any of them finds the place.
 */
export function placeOptions(places: Registries['places'], levels: Record<string, string>): { label: string; value: string }[] {
  const groups = new Map<string, Place[]>();
  const above: Place[] = [];
  for (const p of places.all) {
    const d = districtOf(places, p);
    if (!d) {
      above.push(p);
      continue;
    }
    const list = groups.get(d.id) ?? [];
    if (p.id === d.id) list.unshift(p);
    else list.push(p);
    groups.set(d.id, list);
  }
  const option = (p: Place, district?: Place) => {
    const also = [...p.aliases, p.id].join(' · ');
    const where = district && district.id !== p.id ? `${district.name} › ` : '';
    return { label: `${where}${p.name}（${levels[p.level] ?? p.level}；${also}）`, value: p.name };
  };
  return [...above.map((p) => option(p)), ...[...groups.values()].flatMap((list) => list.map((p) => option(p, list[0])))];
}

/** Every spelling of every place, with the star sets its branches work on (for the star checkboxes; a 街道 with 社区 and 村 has both). */
export function placeStarSets(places: Registries['places']): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const p of places.all) for (const s of [p.name, ...p.aliases, p.id]) out[s] = p.starSets;
  return out;
}

/** Names for a byline field, from the people registry: people with the role first, then everyone else. */
function namesFor(people: readonly PersonEntry[], role: PersonRole): string[] {
  const withRole = people.filter((p) => p.roles.includes(role)).map((p) => p.name);
  const rest = people.filter((p) => !p.roles.includes(role)).map((p) => p.name);
  return [...new Set([...withRole, ...rest])];
}

function articleFields(input: CmsConfigInput): Field[] {
  const { registries, wording: w } = input;
  const people = registries.people.all;
  const { label, hint, fileField, dateField, patterns: pattern } = makers(w);
  const required = requiredFields(articleSchema(registries));
  const req = (name: string) => required.has(name);
  const names = (name: string, role: PersonRole): Field => ({
    label: label(name), name, widget: 'jiexun-names', required: req(name), names: namesFor(people, role),
    placeholder: w.namesPlaceholder, hint: w.hints.names,
  });
  // One widget per schema field: the compiler refuses a schema field this table forgets.
  const byField: Record<(typeof ARTICLE_FIELDS)[number], () => Field> = {
    title: () => ({ label: label('title'), name: 'title', widget: 'string', required: req('title') }),
    kicker: () => ({ label: label('kicker'), name: 'kicker', widget: 'string', required: req('kicker') }),
    subtitle: () => ({ label: label('subtitle'), name: 'subtitle', widget: 'string', required: req('subtitle') }),
    street: () => ({ label: label('street'), name: 'street', widget: 'jiexun-place', required: req('street'), options: placeOptions(registries.places, w.levels), ...hint('street') }),
    star: () => ({
      label: label('star'), name: 'star', widget: 'jiexun-stars', required: req('star'),
      stars: registries.stars.all.map((s) => ({ name: s.name, sets: s.sets, colour: s.colour, description: s.description })),
      place_sets: placeStarSets(registries.places), place_field: 'street', hint: w.hints.star, hint_all: w.hints.starAll,
      empty: w.noStarsForPlace, set_labels: w.starSets,
    }),
    date: () => dateField('date', req('date'), input.today),
    reporter: () => names('reporter', 'reporter'),
    correspondent: () => names('correspondent', 'correspondent'),
    photo: () => ({ ...names('photo', 'photographer'), hint: w.hints.photo, self_label: w.photoBySelf }),
    cover: () => ({ label: label('cover'), name: 'cover', widget: 'image', required: req('cover'), choose_url: false, ...hint('cover') }),
    source: () => ({ label: label('source'), name: 'source', widget: 'string', required: req('source') }),
    position: () => ({ label: label('position'), name: 'position', widget: 'number', value_type: 'int', min: 1, required: req('position'), ...hint('position') }),
    bulletin: () => ({ label: label('bulletin'), name: 'bulletin', widget: 'string', required: req('bulletin'), pattern: pattern.bulletinId, ...hint('bulletin') }),
    summary: () => ({ label: label('summary'), name: 'summary', widget: 'text', required: req('summary'), ...hint('summary') }),
    draft: () => ({ label: label('draft'), name: 'draft', widget: 'boolean', required: false, default: false }),
  };
  return [
    fileField(input.articleIdUrl, 'article'),
    ...ARTICLE_FIELDS.map((f) => byField[f]()),
    { label: label('body'), name: 'body', widget: 'markdown', required: false, ...hint('body') },
  ];
}

function bulletinFields(input: CmsConfigInput): Field[] {
  const { registries, wording: w } = input;
  const { label, hint, fileField, dateField } = makers(w);
  const required = requiredFields(bulletinSchema(registries));
  const req = (name: string) => required.has(name);
  const string = (name: string): Field => ({ label: label(name), name, widget: 'string', required: req(name), ...hint(name) });
  const list = (name: string, required = false): Field => ({ label: label(name), name, widget: 'list', required, ...hint(name) });
  const places = placeOptions(registries.places, w.levels);
  const stars = registries.stars.all.map((s) => s.name);
  // Fields the bulletin issue adds (masthead, distribution …) are listed here so they get proper
  // widgets once the schema has them; only fields the schema lists are ever shown.
  const byField: Record<string, () => Field> = {
    title: () => string('title'),
    kind: () => ({ label: label('kind'), name: 'kind', widget: 'select', required: req('kind'), options: BULLETIN_KINDS.map((k) => ({ label: w.kinds[k] ?? k, value: k })) }),
    masthead: () => string('masthead'),
    date: () => dateField('date', req('date'), input.today),
    issue: () => ({ label: label('issue'), name: 'issue', widget: 'number', value_type: 'int', min: 1, required: req('issue'), ...hint('issue') }),
    supplement: () => ({ label: label('supplement'), name: 'supplement', widget: 'boolean', required: false, default: false }),
    department: () => string('department'),
    // Both dates are needed once a period is given; Decap cannot say "required when the group is
    // filled in", so the dates are optional here and the check on save asks for the missing one.
    period: () => ({ label: label('period'), name: 'period', widget: 'object', required: false, collapsed: true, fields: [dateField('from', false), dateField('to', false)] }),
    articles: () => ({
      label: label('articles'), name: 'articles', widget: 'relation', collection: 'articles', value_field: '{{slug}}',
      search_fields: ['title', 'street', 'date'], display_fields: ['{{date}} {{title}}（{{street}}）'], multiple: true, required: false, ...hint('articles'),
    }),
    select: () => ({
      label: label('select'), name: 'select', widget: 'object', required: false, collapsed: true, ...hint('select'),
      fields: [
        dateField('from', false), dateField('to', false),
        { label: label('places'), name: 'places', widget: 'select', multiple: true, required: false, options: places },
        { label: label('stars'), name: 'stars', widget: 'select', multiple: true, required: false, options: stars },
      ],
    }),
    distribution: () => ({
      label: label('distribution'), name: 'distribution', widget: 'object', required: false, collapsed: true,
      fields: ['报', '送', '发'].map((k) => ({ label: k, name: k, widget: 'list', required: false })),
    }),
    copies: () => ({ label: label('copies'), name: 'copies', widget: 'number', value_type: 'int', min: 1, required: req('copies') }),
    marks: () => list('marks'),
    classification: () => ({ ...string('classification'), pattern: ['^(秘密|机密|绝密)(★\\S+)?$', w.hints.classification] }),
    draft: () => ({ label: label('draft'), name: 'draft', widget: 'boolean', required: false, default: false }),
  };
  return [
    fileField(input.articleIdUrl, 'bulletin'),
    ...BULLETIN_FIELDS.map((f) => (byField[f] ?? (() => string(f)))()),
    { label: label('body'), name: 'body', widget: 'markdown', required: false },
  ];
}

function registryFiles(input: CmsConfigInput): Field[] {
  const w = input.wording;
  const { label, patterns: pattern } = makers(w);
  const idField = { label: label('id'), name: 'id', widget: 'string', pattern: pattern.id };
  const choice = (name: string, values: Record<string, string>, multiple = false, required = true) => ({
    label: label(name), name, widget: 'select', multiple, required, options: Object.entries(values).map(([value, l]) => ({ label: l, value })),
  });
  const aliases = { label: label('aliases'), name: 'aliases', widget: 'list', required: false };
  const files: Field[] = [
    {
      label: w.placesFile, name: 'places', file: 'places.yaml',
      fields: [{
        label: label('entries'), name: 'places', widget: 'list', summary: '{{fields.name}}（{{fields.id}}）',
        fields: [idField, { label: label('name'), name: 'name', widget: 'string' }, choice('level', w.levels),
          { label: label('parent'), name: 'parent', widget: 'string', required: false, pattern: pattern.id }, aliases,
          choice('stars', w.starSets, true, false)],
      }],
    },
    {
      label: w.starsFile, name: 'stars', file: 'stars.yaml',
      fields: [{
        label: label('entries'), name: 'stars', widget: 'list', summary: '{{fields.name}}',
        fields: [idField, { label: label('name'), name: 'name', widget: 'string' }, choice('sets', w.starSets, true),
          { label: label('description'), name: 'description', widget: 'string' },
          { label: label('colour'), name: 'colour', widget: 'string', pattern: pattern.colour }],
      }],
    },
  ];
  if (input.peopleFile) {
    files.push({
      label: w.peopleFile, name: 'people', file: 'people.yaml',
      fields: [{
        label: label('entries'), name: 'people', widget: 'list', summary: '{{fields.name}}（{{fields.id}}）',
        fields: [idField, { label: label('name'), name: 'name', widget: 'string' }, choice('roles', w.roles, true, false), aliases,
          { label: label('formerIds'), name: 'formerIds', widget: 'list', required: false }],
      }],
    });
  }
  return files;
}

/** The registry files Decap edits, and the key their top-level list is wrapped in (Decap edits maps only). */
export const REGISTRY_FILES = { 'places.yaml': 'places', 'stars.yaml': 'stars', 'people.yaml': 'people' } as const;

/** The whole configuration, as served at /admin/config.yml. */
export function cmsConfig(input: CmsConfigInput): Record<string, unknown> {
  const w = input.wording;
  return {
    backend: { name: 'proxy', proxy_url: input.apiUrl },
    locale: 'zh_Hans',
    site_url: '/',
    display_url: '/',
    // Photos live beside the article (articles/<year>/); each collection says so below.
    media_folder: 'articles',
    public_folder: '',
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections: [
      {
        name: 'articles', label: w.articles, label_singular: w.article, folder: 'articles', extension: 'md', format: 'frontmatter',
        create: true, path: '{{year}}/{{slug}}', slug: '{{fields.file}}', identifier_field: 'title',
        media_folder: '', public_folder: '', summary: '{{date}} {{title}}（{{street}}）',
        sortable_fields: ['date', 'title'], view_groups: [{ label: w.fields.date, field: 'date', pattern: '\\d{4}' }],
        fields: articleFields(input),
      },
      {
        name: 'bulletins', label: w.bulletins, label_singular: w.bulletin, folder: 'bulletins', extension: 'md', format: 'frontmatter',
        create: true, slug: '{{fields.file}}', identifier_field: 'title',
        summary: '{{date}} {{kind}}｜{{title}}', fields: bulletinFields(input),
      },
      { name: 'registries', label: w.registries, format: 'yaml', extension: 'yaml', editor: { preview: false }, files: registryFiles(input) },
    ],
  };
}
