import { servesVillage } from '../../../../src/domain/matching';
import { aService, aVillage, JINYUAN, NANJIE, pointNorthOf, WANGSI } from '../../../support/builders';

const village = aVillage({ ...NANJIE, location: { lat: 30.6, lng: 103.5, precision: 'village' } });

describe('servesVillage', () => {
  it('lets an online service serve every village in the county whatever its area', () => {
    const counselling = aService({ online: true, area: { kind: 'VILLAGES', villageIds: ['vil_510129101001'] }, location: null });
    const result = servesVillage(counselling, village, JINYUAN);
    expect(result).toMatchObject({ serves: true, how: 'ONLINE', distanceKm: null });
  });

  it('still reports an online service’s physical distance when it has an office', () => {
    const result = servesVillage(aService({ online: true, location: pointNorthOf(village.location, 25) }), village, JINYUAN);
    expect(result.how).toBe('ONLINE');
    expect(result.distanceKm).toBeCloseTo(25, 6);
  });

  it('serves every village with a COUNTY area', () => {
    expect(servesVillage(aService({ area: { kind: 'COUNTY' } }), village, JINYUAN)).toMatchObject({ serves: true, how: 'COUNTY' });
  });

  describe('TOWNSHIPS', () => {
    it('serves a village of a listed township', () => {
      const service = aService({ area: { kind: 'TOWNSHIPS', townshipIds: [WANGSI.id, JINYUAN.id] } });
      expect(servesVillage(service, village, JINYUAN)).toMatchObject({ serves: true, how: 'TOWNSHIP' });
    });

    it('does not serve a village of another township, and says which township to add', () => {
      const service = aService({ area: { kind: 'TOWNSHIPS', townshipIds: [WANGSI.id] } });
      const result = servesVillage(service, village, JINYUAN, { townshipName: (id) => (id === WANGSI.id ? WANGSI.name : undefined) });
      expect(result).toMatchObject({ serves: false, how: 'TOWNSHIP', problem: null });
      expect(result.detail).toBe('serves 王泗镇, not 晋原街道 where 南街社区 lies');
      expect(result.unlock).toBe('would serve 南街社区 if 晋原街道 were added to its townships');
    });
  });

  describe('VILLAGES', () => {
    it('serves a listed village', () => {
      const service = aService({ area: { kind: 'VILLAGES', villageIds: [village.id] } });
      expect(servesVillage(service, village, JINYUAN)).toMatchObject({ serves: true, how: 'VILLAGE' });
    });

    it('does not serve an unlisted village', () => {
      const service = aService({ area: { kind: 'VILLAGES', villageIds: ['vil_510129001003'] } });
      const result = servesVillage(service, village, JINYUAN);
      expect(result).toMatchObject({ serves: false, how: 'VILLAGE' });
      expect(result.unlock).toBe('would serve 南街社区 if it were added to its villages');
    });
  });

  describe('RADIUS', () => {
    it('serves a village inside the radius', () => {
      const service = aService({ area: { kind: 'RADIUS', km: 10 }, location: pointNorthOf(village.location, 9.9) });
      const result = servesVillage(service, village, JINYUAN);
      expect(result).toMatchObject({ serves: true, how: 'RADIUS' });
      expect(result.distanceKm).toBeCloseTo(9.9, 6);
    });

    it('does not serve a village beyond the radius, and names the radius that would', () => {
      const service = aService({ area: { kind: 'RADIUS', km: 10 }, location: pointNorthOf(village.location, 14.23) });
      const result = servesVillage(service, village, JINYUAN);
      expect(result).toMatchObject({ serves: false, how: 'RADIUS', problem: null });
      expect(result.unlock).toBe('would serve 南街社区 with a radius of 14.3 km');
    });

    it('flags a radius verdict as approximate when the village point is derived', () => {
      const derived = aVillage({ ...NANJIE, location: { lat: 30.6, lng: 103.5, precision: 'township' } });
      const service = aService({ area: { kind: 'RADIUS', km: 10 }, location: pointNorthOf(derived.location, 5) });
      expect(servesVillage(service, derived, JINYUAN).detail).toMatch(/approximate: the village point is township-level/);
    });

    it('serves nobody without a location and reports that as a problem to fix', () => {
      const service = aService({ area: { kind: 'RADIUS', km: 50 }, location: null });
      const result = servesVillage(service, village, JINYUAN);
      expect(result).toMatchObject({ serves: false, how: 'RADIUS', distanceKm: null, problem: 'RADIUS_WITHOUT_LOCATION' });
      expect(result.unlock).toBe('would serve villages within its radius once its location is recorded');
    });
  });

  it('rejects a township that is not the village’s', () => {
    expect(() => servesVillage(aService(), village, WANGSI)).toThrow(/domain\/servesVillage: village vil_510129001002 belongs to twp_510129001000/);
  });
});
