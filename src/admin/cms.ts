// The /admin/ page's script: Decap CMS from npm, bundled by scripts/edit/admin-bundle.ts (nothing
// from a CDN), with three widgets of our own — star checkboxes limited to the chosen place's star
// set, byline names from the people registry (a new name may be typed), and the file name the edit
// server makes from title, place and date. Configuration: /admin/config.yml (src/lib/cms-config.ts).
import './manual-init.ts';
import CMS from 'decap-cms-app';
import { Component, createElement as h, type ReactNode } from 'react';
import { cmsUi } from '../ui/strings.ts';

/** The slice of Immutable.js that Decap hands to widgets. */
interface Imm {
  get(key: string): unknown;
  getIn(path: string[]): unknown;
  toJS(): unknown;
}

interface ControlProps {
  field: Imm;
  entry: Imm;
  value: unknown;
  forID: string;
  classNameWrapper: string;
  onChange(value: unknown): void;
  setActiveStyle(): void;
  setInactiveStyle(): void;
}

const option = <T,>(field: Imm, key: string): T => {
  const v = field.get(key) as Imm | T | undefined;
  return (v && typeof (v as Imm).toJS === 'function' ? (v as Imm).toJS() : v) as T;
};
const data = (entry: Imm, name: string): string => {
  const v = entry.getIn(['data', name]) as unknown;
  if (v && typeof (v as Imm).toJS === 'function') return ((v as Imm).toJS() as unknown[]).join('、');
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return typeof v === 'string' ? v : v == null ? '' : String(v);
};
const list = (v: unknown): string[] => {
  const raw = v && typeof (v as Imm).toJS === 'function' ? (v as Imm).toJS() : v;
  if (Array.isArray(raw)) return raw.filter((x): x is string => typeof x === 'string');
  return typeof raw === 'string' && raw ? [raw] : [];
};

interface StarOption { name: string; sets: string[]; colour: string; description: string }

/** Said by the place field whenever the editor picks a place (Decap re-renders a field only when its own value changes). */
const PLACE_EVENT = 'jiexun:place';

/** 街道: Decap's own searchable select, telling the star checkboxes which place was chosen. */
function placeControl() {
  const select = CMS.getWidget('select') as unknown as { control: never; preview: never };
  return class PlaceControl extends Component<ControlProps> {
    render(): ReactNode {
      return h(select.control, {
        ...this.props,
        onChange: (v: unknown) => {
          this.props.onChange(v);
          window.dispatchEvent(new CustomEvent(PLACE_EVENT, { detail: typeof v === 'string' ? v : '' }));
        },
      } as never);
    }
  };
}

/** 星级: one checkbox per star of the chosen place's set; every star until a place is chosen. */
class StarsControl extends Component<ControlProps, { place?: string }> {
  state: { place?: string } = {};
  private onPlace = (e: Event) => this.setState({ place: (e as CustomEvent<string>).detail });
  componentDidMount() {
    window.addEventListener(PLACE_EVENT, this.onPlace);
  }
  componentWillUnmount() {
    window.removeEventListener(PLACE_EVENT, this.onPlace);
  }
  private place(props: ControlProps, state = this.state) {
    return state.place ?? data(props.entry, option<string>(props.field, 'place_field') ?? 'street');
  }
  // Decap's widget wrapper asks this with the next props only; React asks it with the next state too.
  shouldComponentUpdate(next: ControlProps, nextState?: { place?: string }) {
    return next.value !== this.props.value || next.classNameWrapper !== this.props.classNameWrapper || (nextState !== undefined && nextState.place !== this.state.place);
  }
  render(): ReactNode {
    const { field, forID, classNameWrapper, onChange, setActiveStyle, setInactiveStyle } = this.props;
    const stars = option<StarOption[]>(field, 'stars') ?? [];
    // A place's star sets: a 街道 with both 社区 and 村 offers both sets' stars.
    const sets = (option<Record<string, string[]>>(field, 'place_sets') ?? {})[this.place(this.props)] ?? [];
    const chosen = list(this.props.value);
    // A star already chosen stays visible even when the place changes, so nothing vanishes silently.
    const shown = sets.length ? stars.filter((s) => s.sets.some((x) => sets.includes(x)) || chosen.includes(s.name)) : stars;
    const labels = option<Record<string, string>>(field, 'set_labels') ?? {};
    const setLabel = sets.map((x) => labels[x] ?? x).join('、');
    return h('fieldset', { id: forID, className: classNameWrapper, onFocus: setActiveStyle, onBlur: setInactiveStyle, 'data-star-set': sets.join(' ') },
      h('legend', { style: { fontSize: '0.9em', color: '#555' } }, sets.length ? `${setLabel}：${option<string>(field, 'hint')}` : option<string>(field, 'hint_all')),
      shown.length ? null : h('p', null, option<string>(field, 'empty')),
      ...shown.map((s) => h('label', { key: s.name, title: s.description, style: { display: 'inline-flex', alignItems: 'center', gap: '0.3em', margin: '0.3em 1.2em 0.3em 0' } },
        h('input', {
          type: 'checkbox', name: `${forID}-star`, value: s.name, checked: chosen.includes(s.name),
          onChange: (e: { target: { checked: boolean } }) => onChange(e.target.checked ? [...chosen, s.name] : chosen.filter((x) => x !== s.name)),
        }),
        h('span', { style: { borderLeft: `0.6em solid ${s.colour}`, paddingLeft: '0.3em' } }, s.name))));
  }
}

/** 记者, 通讯员, 摄影: names from the registry offered as the editor types; any new name may be written. */
class NamesControl extends Component<ControlProps> {
  render(): ReactNode {
    const { field, forID, classNameWrapper, onChange, setActiveStyle, setInactiveStyle } = this.props;
    const names = option<string[]>(field, 'names') ?? [];
    // 摄影 only: "文/图" — the reporters took the photos themselves (photo: true).
    const selfLabel = option<string | undefined>(field, 'self_label');
    const self = this.props.value === true;
    const value = self ? '' : list(this.props.value).join('、') || (typeof this.props.value === 'string' ? this.props.value : '');
    return h('div', null,
      h('input', {
        id: forID, className: classNameWrapper, type: 'text', list: `${forID}-names`, value, autoComplete: 'off', disabled: self,
        placeholder: option<string>(field, 'placeholder'), onFocus: setActiveStyle, onBlur: setInactiveStyle,
        onChange: (e: { target: { value: string } }) => onChange(e.target.value),
      }),
      h('datalist', { id: `${forID}-names` }, ...names.map((n) => h('option', { key: n, value: n }))),
      selfLabel
        ? h('label', { style: { display: 'inline-flex', alignItems: 'center', gap: '0.3em', marginTop: '0.4em' } },
          h('input', { type: 'checkbox', checked: self, onChange: (e: { target: { checked: boolean } }) => onChange(e.target.checked ? true : '') }),
          selfLabel)
        : null);
  }
}

/** 文件名: shown for saved entries; a new entry's is made on save (see the preSave listener below). */
class FileControl extends Component<ControlProps> {
  render(): ReactNode {
    const { field, forID, classNameWrapper } = this.props;
    const value = list(this.props.value)[0];
    return h('output', { id: forID, className: classNameWrapper, style: { fontFamily: 'monospace' }, 'data-file-name': value ?? '' },
      value ? `${value}.md` : option<string>(field, 'pending'));
  }
}

/**
 * A new article's or bulletin's file name, asked of the edit server just before Decap makes the
 * path from it — the same name `npm run new` gives (date, place id, pinyin of the headline).
 */
async function withFileName({ entry }: { entry: Imm }): Promise<unknown> {
  const data = entry.get('data') as Imm & { set(k: string, v: unknown): unknown };
  if (entry.get('newRecord') !== true) return data;
  const kind = entry.get('collection') === 'bulletins' ? 'bulletin' : entry.get('collection') === 'articles' ? 'article' : undefined;
  if (!kind) return data;
  const text = (name: string) => {
    const v = data.get(name);
    return typeof v === 'string' ? v : v instanceof Date ? v.toISOString().slice(0, 10) : '';
  };
  const query = new URLSearchParams({ kind, title: text('title'), street: text('street'), date: text('date') });
  const res = await fetch(`/api/jiexun/file-id?${query}`);
  const { id } = (await res.json()) as { id?: string };
  return id ? data.set('file', id) : data;
}

const Text = ({ value }: { value: unknown }) => h('span', null, list(value).join('、'));

CMS.registerWidget('jiexun-stars', StarsControl as never, Text as never);
CMS.registerWidget('jiexun-names', NamesControl as never, Text as never);
CMS.registerWidget('jiexun-file', FileControl as never, Text as never);
CMS.registerWidget('jiexun-place', placeControl() as never, Text as never);
CMS.registerEventListener({ name: 'preSave', handler: withFileName as never });

// The body's photo block, in Chinese and in the photos convention: caption in [], credit in "".
// It takes the place of Decap's own "image" block (same id, same Markdown).
CMS.registerEditorComponent({
  id: 'image',
  label: cmsUi.photoBlock,
  pattern: /^!\[([^\]]*)\]\((.*?)(\s"([^"]*)")?\)/,
  fromBlock: (m: RegExpMatchArray) => m && { image: m[2], alt: m[1], title: m[4] },
  toBlock: ({ alt, image, title }: { alt?: string; image?: string; title?: string }) =>
    `![${alt ?? ''}](${image ?? ''}${title ? ` "${title.replace(/"/g, '\\"')}"` : ''})`,
  toPreview: ({ alt, image, title }: { alt?: string; image?: string; title?: string }, getAsset: (src?: string, field?: unknown) => string, fields?: Imm[]) =>
    h('img', { src: getAsset(image, fields?.find((f) => f.get('widget') === 'image')) || '', alt: alt ?? '', title: title ?? '' }),
  fields: [
    { label: cmsUi.photoFile, name: 'image', widget: 'image', media_library: { allow_multiple: false } },
    { label: cmsUi.photoCaption, name: 'alt' },
    { label: cmsUi.photoCredit, name: 'title' },
  ],
} as never);
// The configuration comes from <link rel="cms-config-url" href="/admin/config.yml"> in the page.
CMS.init();
