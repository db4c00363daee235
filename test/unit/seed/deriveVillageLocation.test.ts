import { greatCircleKm } from '../../../src/domain/greatCircleKm';
import { SPREAD_KM, deriveVillageLocation } from '../../../src/seed/deriveVillageLocation';

const plains = { code: '510129002000', location: { lat: 30.531888, lng: 103.738344 } };
const mountain = { code: '510129108000', location: { lat: 30.623883, lng: 103.221032 } };

describe('deriveVillageLocation', () => {
  it('keeps township precision: a derived point is never a surveyed one', () => {
    expect(deriveVillageLocation(plains, { index: 0, count: 5 }).precision).toBe('township');
  });

  it('spreads villages from the inner radius outwards', () => {
    const first = greatCircleKm(plains.location, deriveVillageLocation(plains, { index: 0, count: 12 }));
    const last = greatCircleKm(plains.location, deriveVillageLocation(plains, { index: 11, count: 12 }));
    expect(first).toBeGreaterThanOrEqual(SPREAD_KM.innerKm - 0.01);
    expect(first).toBeLessThan(last);
    expect(last).toBeLessThanOrEqual(SPREAD_KM.outerKm + 0.01);
  });

  it('spreads mountain towns wider than the plains', () => {
    const plainsKm = greatCircleKm(plains.location, deriveVillageLocation(plains, { index: 4, count: 5 }));
    const mountainKm = greatCircleKm(mountain.location, deriveVillageLocation(mountain, { index: 4, count: 5 }));
    expect(mountainKm).toBeGreaterThan(plainsKm);
  });

  it('rejects an index outside the township village count', () => {
    expect(() => deriveVillageLocation(plains, { index: 5, count: 5 })).toThrow(/not within 0..4/);
  });
});
