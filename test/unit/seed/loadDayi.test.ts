import { greatCircleKm } from '../../../src/domain/greatCircleKm';
import { idFromKey } from '../../../src/domain/ids';
import { Township, Village } from '../../../src/domain/model';
import { MOUNTAIN_TOWNSHIP_CODES, SPREAD_KM } from '../../../src/seed/deriveVillageLocation';
import { VILLAGE_POSITION_NOTE, loadDayi, villageDisplayName } from '../../../src/seed/loadDayi';

const dayi = loadDayi();
const township = (name: string) => {
  const found = dayi.townships.find((t) => t.name === name);
  if (!found) throw new Error(`test: no township ${name}`);
  return found;
};

/** Per-township village/community counts as documented in seed/data/SOURCES.md §2. */
const COUNTS_FROM_SOURCES: Record<string, number> = {
  晋原街道: 15,
  沙渠街道: 12,
  青霞街道: 19,
  王泗镇: 13,
  新场镇: 12,
  悦来镇: 15,
  安仁镇: 34,
  䢺江镇: 10,
  花水湾镇: 4,
  西岭镇: 5,
  鹤鸣镇: 8,
};

describe('loadDayi: townships', () => {
  it('loads the 11 township-level units of Dayi County', () => {
    expect(dayi.townships).toHaveLength(11);
  });

  it('has 3 subdistricts (街道) and 8 towns (镇)', () => {
    const subdistricts = dayi.townships.filter((t) => t.kind === 'SUBDISTRICT').map((t) => t.name);
    expect(subdistricts.sort()).toEqual(['晋原街道', '沙渠街道', '青霞街道'].sort());
    expect(dayi.townships.filter((t) => t.kind === 'TOWN')).toHaveLength(8);
  });

  it('keeps the rare character in 䢺江镇 (U+48BA) as NBS writes it', () => {
    expect(township('䢺江镇').code).toBe('510129106000');
    expect(dayi.townships.some((t) => t.name.includes('出江'))).toBe(false);
  });

  it('ids townships by official code', () => {
    for (const t of dayi.townships) expect(t.id).toBe(idFromKey('Township', t.code));
  });

  it('gives every township its geocoded point with township precision and a source', () => {
    expect(township('晋原街道').location).toEqual({ lat: 30.587049, lng: 103.501125, precision: 'township' });
    for (const t of dayi.townships) {
      expect(Township.safeParse(t).success).toBe(true);
      expect(t.source).toMatch(/NBS/);
    }
  });

  it('loads the county seat point for county-level bodies', () => {
    expect(dayi.county.code).toBe('510129000000');
    expect(dayi.county.location).toEqual({ lat: 30.589281, lng: 103.520291, precision: 'township' });
  });
});

describe('loadDayi: villages and communities', () => {
  it('loads all 147 villages and communities', () => {
    expect(dayi.villages).toHaveLength(147);
    expect(new Set(dayi.villages.map((v) => v.code)).size).toBe(147);
  });

  it('splits them into 92 communities (社区) and 55 villages (村)', () => {
    expect(dayi.villages.filter((v) => v.type === 'COMMUNITY')).toHaveLength(92);
    expect(dayi.villages.filter((v) => v.type === 'VILLAGE')).toHaveLength(55);
  });

  it.each(Object.entries(COUNTS_FROM_SOURCES))('%s has %i villages/communities, as SOURCES.md says', (name, count) => {
    expect(dayi.villages.filter((v) => v.townshipId === township(name).id)).toHaveLength(count);
  });

  it('types a village by its committee: 社区居委会 → COMMUNITY, 村委会 → VILLAGE', () => {
    for (const v of dayi.villages) {
      expect(v.type).toBe(v.name.endsWith('社区居委会') ? 'COMMUNITY' : 'VILLAGE');
    }
  });

  it('ids villages by official code and keeps the official name verbatim', () => {
    const nanjie = dayi.villages.find((v) => v.code === '510129001002');
    expect(nanjie).toMatchObject({ id: 'vil_510129001002', name: '南街社区居委会', townshipId: township('晋原街道').id });
  });

  it('strips the committee suffix for display names', () => {
    expect(villageDisplayName('南街社区居委会')).toBe('南街社区');
    expect(villageDisplayName('金龙村村委会')).toBe('金龙村');
    expect(dayi.villages.find((v) => v.code === '510129001253')?.displayName).toBe('金龙村');
    for (const v of dayi.villages) expect(v.displayName).not.toMatch(/(居委会|村委会)$/);
  });

  it('keeps 䢺 in 䢺源社区', () => {
    expect(dayi.villages.find((v) => v.code === '510129106001')?.displayName).toBe('䢺源社区');
  });

  it('passes the Village schema for every row', () => {
    for (const v of dayi.villages) expect(Village.safeParse(v).success).toBe(true);
  });

  it('marks every village position as derived (township precision, noted in source)', () => {
    for (const v of dayi.villages) {
      expect(v.location.precision).toBe('township');
      expect(v.source).toContain(VILLAGE_POSITION_NOTE);
    }
  });

  it('places every village within the spread ring around its township point', () => {
    const byId = new Map(dayi.townships.map((t) => [t.id, t]));
    for (const v of dayi.villages) {
      const t = byId.get(v.townshipId)!;
      const outer = MOUNTAIN_TOWNSHIP_CODES.has(t.code) ? SPREAD_KM.mountainOuterKm : SPREAD_KM.outerKm;
      const km = greatCircleKm(t.location, v.location);
      expect(km).toBeGreaterThanOrEqual(SPREAD_KM.innerKm - 0.01);
      expect(km).toBeLessThanOrEqual(outer + 0.01);
    }
  });

  it('never puts two villages on the same point', () => {
    const points = new Set(dayi.villages.map((v) => `${v.location.lat},${v.location.lng}`));
    expect(points.size).toBe(147);
  });

  it('derives the same positions on every load', () => {
    expect(loadDayi().villages.map((v) => v.location)).toEqual(dayi.villages.map((v) => v.location));
  });
});
