import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadRegistries } from '../../src/io/registries.ts';
import { createPlaceRegistry } from '../../src/lib/places.ts';
import { ROOT } from '../helpers/build-site.ts';

const { places, stars } = loadRegistries(join(ROOT, 'content'));

describe('places registry', () => {
  it('holds every place the seed pages report on, with its parents', () => {
    const expected: Record<string, string[]> = {
      中原区: ['莲湖街道', '航海西路街道', '建设路街道', '须水街道', '棉纺路街道', '汝河路街道', '绿东村街道', '中原西路街道', '三官庙街道', '柳湖街道', '桐柏路街道'],
      二七区: ['五里堡街道', '德化街街道'],
      解放区: ['民主街道', '焦南街道'],
      孟州市: ['河阳街道', '大定街道'],
    };
    for (const [district, streets] of Object.entries(expected)) {
      const d = places.resolve(district)!;
      expect(d.level).toBe('district');
      for (const s of streets) expect(places.resolve(s)?.parent, s).toBe(d.id);
    }
    expect(places.resolve('中站区')?.parent).toBe('jiaozuo');
    expect(places.resolve('解放区')?.parent).toBe('jiaozuo');
  });

  it('resolves names, aliases and ids to the same place', () => {
    expect(places.resolve('莲湖街道')?.id).toBe('lianhu');
    expect(places.resolve('莲湖')?.id).toBe('lianhu');
    expect(places.resolve('lianhu')?.name).toBe('莲湖街道');
    expect(places.resolve(' 莲湖 ')?.id).toBe('lianhu');
    expect(places.resolve('莲胡街道')).toBeUndefined();
  });

  it('gives the lineage root first and the subtree of a district', () => {
    expect(places.lineage('lianhu').map((p) => p.name)).toEqual(['河南省', '郑州市', '中原区', '莲湖街道']);
    expect(places.subtree('zhongyuan').map((p) => p.id)).toContain('tongbailu');
    expect(places.subtree('zhongyuan').map((p) => p.id)).not.toContain('wulibao');
    expect(places.children('mengzhou').map((p) => p.name)).toEqual(expect.arrayContaining(['河阳街道', '大定街道']));
  });

  it('uses only ASCII ids', () => {
    for (const p of places.all) expect(p.id).toMatch(/^[a-z][a-z0-9-]*$/);
  });

  it('inherits the star set: community districts, village townships and county-level cities', () => {
    expect(places.byId('jianshelu')!.starSets).toEqual(['community']);
    expect(places.byId('lianhu')!.starSets).toEqual(['community', 'village']);
    expect(places.byId('mengzhou')!.starSets).toEqual(['village']);
    expect(places.byId('heyang')!.starSets).toEqual(['village']);
    expect(places.byId('mazhai')!.starSets).toEqual(['village']);
  });

  it('suggests the closest names for a typo', () => {
    expect(places.suggest('莲胡街道')[0]).toBe('莲湖街道');
    expect(places.unknownMessage('莲胡街道')).toBe('expected a place from content/places.yaml (name or alias), found 莲胡街道 (did you mean 莲湖街道?)');
    expect(places.suggest('航海路街道')[0]).toBe('航海西路街道');
  });

  it('refuses duplicate ids, duplicate aliases and missing parents', () => {
    expect(() => createPlaceRegistry([
      { id: 'a', name: '甲市', level: 'city' },
      { id: 'a', name: '乙市', level: 'city' },
    ])).toThrow('id a: expected a unique id, found it twice');
    expect(() => createPlaceRegistry([
      { id: 'a', name: '甲市', level: 'city', aliases: ['甲'] },
      { id: 'b', name: '乙市', level: 'city', aliases: ['甲'] },
    ])).toThrow('b: name or alias 甲 is already used by a');
    expect(() => createPlaceRegistry([{ id: 's', name: '某街道', level: 'street', parent: 'nowhere' }])).toThrow('s: parent expected an id in the registry, found nowhere');
  });
});

describe('stars registry', () => {
  it('has the village and community sets', () => {
    expect(stars.inSet('village').map((s) => s.name)).toEqual(['支部过硬星', '产业兴旺星', '生态宜居星', '平安法治星', '文明幸福星']);
    expect(stars.inSet('community').map((s) => s.name)).toEqual(['支部过硬星', '平安法治星', '宜业兴业星', '共建共享星', '幸福和谐星']);
  });
  it('resolves names, names without 星, quoted names and ids', () => {
    expect(stars.resolve('支部过硬星')?.id).toBe('zhibu-guoying');
    expect(stars.resolve('支部过硬')?.id).toBe('zhibu-guoying');
    expect(stars.resolve('“宜业兴业星”')?.id).toBe('yiye-xingye');
    expect(stars.resolve('xingfu-hexie')?.name).toBe('幸福和谐星');
    expect(stars.resolve('五星')).toBeUndefined();
    expect(stars.unknownMessage('支部过应星')).toBe('expected a star from content/stars.yaml, found 支部过应星 (did you mean 支部过硬星?)');
  });
  it('gives every star a description and a colour', () => {
    for (const s of stars.all) {
      expect(s.description.length).toBeGreaterThan(5);
      expect(s.colour).toMatch(/^#[0-9a-f]{6}$/i);
    }
  });
});
