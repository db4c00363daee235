import { villageCoverage, type CoverageCell, type NetworkCoverage } from '../../../src/services/coverage/villageCoverage';
import { aPerson, aRelationship, aService } from '../../support/builders';
import { CATEGORIES, aCounty, networkOf, snapshotOf, type County } from './coverageCounty';

const options = { categories: CATEGORIES, maxDistanceKm: 30 };

function cell(coverage: NetworkCoverage, villageId: string, category: string): CoverageCell {
  const village = coverage.villages.find((v) => v.village.id === villageId);
  const found = village?.cells.find((c) => c.category === category);
  if (!found) throw new Error(`no cell ${villageId} × ${category}`);
  return found;
}

function coverageOf(county: County, maxDistanceKm = 30): NetworkCoverage {
  return villageCoverage(networkOf(snapshotOf(county)), { ...options, maxDistanceKm });
}

describe('villageCoverage', () => {
  it('covers a village for a category when an ACTIVE service offering it serves the village and is reachable over ESTABLISHED links', () => {
    const county = aCounty();
    const coverage = coverageOf(county);
    expect(cell(coverage, county.villages.vA.id, 'MEDICAL')).toEqual({
      category: 'MEDICAL',
      covered: true,
      gap: null,
      cause: null,
      serviceIds: [county.services.medBureau.id],
    });
    expect(cell(coverage, county.villages.vA.id, 'ELDERLY_CARE').serviceIds).toEqual([county.services.eldStation.id]);
  });

  it('does not let a BUILDING link carry coverage', () => {
    const county = aCounty();
    const coverage = coverageOf(county);
    expect(cell(coverage, county.villages.vB.id, 'MEDICAL')).toMatchObject({ covered: false, gap: 'NO_SERVICE', cause: 'NO_ESTABLISHED_PATH' });
    expect(cell(coverage, county.villages.vB.id, 'ELDERLY_CARE')).toMatchObject({ covered: false, cause: 'NO_ESTABLISHED_PATH' });
  });

  it('covers nobody with a PLANNED service: the cause is NO_ACTIVE_SERVICE', () => {
    const county = aCounty();
    expect(cell(coverageOf(county), county.villages.vA.id, 'EDUCATION')).toMatchObject({ covered: false, gap: 'NO_SERVICE', cause: 'NO_ACTIVE_SERVICE' });
  });

  it('leaves a village outside every service area uncovered even when it reaches the service', () => {
    const county = aCounty();
    // vC reaches the care home, which only serves T2; make it serve T1 instead.
    county.services.eldCare = { ...county.services.eldCare, area: { kind: 'TOWNSHIPS', townshipIds: [county.townships.t1.id] } };
    expect(cell(coverageOf(county), county.villages.vC.id, 'ELDERLY_CARE')).toMatchObject({ covered: false, cause: 'OUTSIDE_SERVICE_AREA' });
  });

  it('holds a located, offline service to the distance limit (T2 lies about 9.6 km from T1)', () => {
    const county = aCounty();
    county.relationships.cKnowsStation = aRelationship({ fromId: county.people.liaisonC.id, toId: county.organizations.station.id, type: 'KNOWS' });
    expect(cell(coverageOf(county, 30), county.villages.vC.id, 'MEDICAL').covered).toBe(true);
    expect(cell(coverageOf(county, 5), county.villages.vC.id, 'MEDICAL')).toMatchObject({ covered: false, cause: 'BEYOND_DISTANCE' });
  });

  it('exempts online services and services with no recorded location from the distance limit', () => {
    const county = aCounty();
    county.relationships.cKnowsStation = aRelationship({ fromId: county.people.liaisonC.id, toId: county.organizations.station.id, type: 'KNOWS' });
    county.services.medBureau = { ...county.services.medBureau, online: true };
    expect(cell(coverageOf(county, 5), county.villages.vC.id, 'MEDICAL').covered).toBe(true);
    county.services.medBureau = { ...county.services.medBureau, online: false, location: null };
    expect(cell(coverageOf(county, 5), county.villages.vC.id, 'MEDICAL').covered).toBe(true);
  });

  it('reports a covered cell whose every covering service is full as an AT_CAPACITY gap that still counts as covered', () => {
    const county = aCounty();
    const coverage = coverageOf(county);
    expect(cell(coverage, county.villages.vC.id, 'ELDERLY_CARE')).toEqual({
      category: 'ELDERLY_CARE',
      covered: true,
      gap: 'AT_CAPACITY',
      cause: null,
      serviceIds: [county.services.eldCare.id],
    });
    expect(coverage.villages.find((v) => v.village.id === county.villages.vC.id)?.covered).toBe(true);
  });

  it('is not AT_CAPACITY while one covering service still has a slot', () => {
    const county = aCounty();
    county.services.spare = aService({
      organizationId: county.organizations.care.id,
      categories: ['ELDERLY_CARE'],
      area: { kind: 'TOWNSHIPS', townshipIds: [county.townships.t2.id] },
      capacity: 1,
    });
    expect(cell(coverageOf(county), county.villages.vC.id, 'ELDERLY_CARE').gap).toBeNull();
  });

  it('applies a residency rule: villages of other townships are outside it', () => {
    const county = aCounty();
    county.services.medBureau = {
      ...county.services.medBureau,
      eligibility: { ...county.services.medBureau.eligibility, residencyTownshipIds: [county.townships.t2.id] },
    };
    expect(cell(coverageOf(county), county.villages.vA.id, 'MEDICAL')).toMatchObject({ covered: false, cause: 'OUTSIDE_SERVICE_AREA' });
  });

  it('counts a village as covered with one core category covered, and fully covered only with all of them', () => {
    const county = aCounty();
    const before = coverageOf(county);
    const vA = () => before.villages.find((v) => v.village.id === county.villages.vA.id);
    expect(vA()).toMatchObject({ covered: true, fullyCovered: false });
    expect(before.villages.find((v) => v.village.id === county.villages.vD.id)).toMatchObject({ covered: false, fullyCovered: false });

    county.services.eduPlanned = { ...county.services.eduPlanned, status: 'ACTIVE' };
    const after = coverageOf(county);
    expect(after.villages.find((v) => v.village.id === county.villages.vA.id)).toMatchObject({ covered: true, fullyCovered: true });
  });

  describe('a covered village (VILLAGES_COVERED): an ESTABLISHED liaison or volunteer', () => {
    const village = (coverage: ReturnType<typeof coverageOf>, id: string) => coverage.villages.find((v) => v.village.id === id)!;

    it('counts a village with an ESTABLISHED liaison covered, whatever services reach it', () => {
      const county = aCounty();
      county.people.liaisonD = aPerson({ villageIds: [county.villages.vD.id] });
      county.relationships.dKnowsHub = aRelationship({ fromId: county.people.liaisonD.id, toId: county.organizations.hub.id, type: 'KNOWS' });
      county.services.medBureau = { ...county.services.medBureau, status: 'SUSPENDED' };
      county.services.eldStation = { ...county.services.eldStation, status: 'SUSPENDED' };
      const vD = village(coverageOf(county), county.villages.vD.id);
      expect(vD).toMatchObject({ covered: true, liaisons: { status: 'ESTABLISHED', personIds: [county.people.liaisonD.id] }, categoriesReached: [], fullyCovered: false });
    });

    it('counts a volunteer as a liaison does', () => {
      const county = aCounty();
      county.people.volunteerD = aPerson({ roles: ['VOLUNTEER'], villageIds: [county.villages.vD.id] });
      county.relationships.dKnowsC = aRelationship({ fromId: county.people.volunteerD.id, toId: county.people.liaisonC.id, type: 'KNOWS' });
      expect(village(coverageOf(county), county.villages.vD.id).covered).toBe(true);
    });

    it('does not count a liaison whose ties are only BUILDING: the village is one liaison away', () => {
      const county = aCounty();
      expect(village(coverageOf(county), county.villages.vB.id)).toMatchObject({ covered: false, liaisons: { status: 'BUILDING' } });
    });

    it('does not count a liaison with no tie to the network yet (PROSPECTIVE), nor a village with none', () => {
      const county = aCounty();
      county.people.liaisonD = aPerson({ villageIds: [county.villages.vD.id] });
      expect(village(coverageOf(county), county.villages.vD.id)).toMatchObject({ covered: false, liaisons: { status: 'PROSPECTIVE' } });
      const plain = aCounty();
      expect(village(coverageOf(plain), plain.villages.vD.id)).toMatchObject({ covered: false, liaisons: { status: 'NONE', personIds: [] } });
    });

    it('does not count services reaching a village, nor a township-wide assignment, as a liaison', () => {
      const county = aCounty();
      // A liaison for all of T2, not for 丁村 itself; and a service reaching 甲村 does not make it covered without its liaison.
      county.people.t2Liaison = aPerson({ townshipIds: [county.townships.t2.id] });
      county.relationships.t2KnowsCare = aRelationship({ fromId: county.people.t2Liaison.id, toId: county.organizations.care.id, type: 'KNOWS' });
      delete (county.relationships as Record<string, unknown>)['aKnowsStation'];
      const coverage = coverageOf(county);
      expect(village(coverage, county.villages.vD.id).covered).toBe(false);
      expect(village(coverage, county.villages.vA.id).covered).toBe(false);
    });

    it('does not count a non-core category towards what a village reaches', () => {
      const county = aCounty();
      county.services.counselling = aService({ organizationId: county.organizations.hub.id, categories: ['MENTAL_HEALTH'], online: true });
      const vA = village(coverageOf(county), county.villages.vA.id);
      expect(cell(coverageOf(county), county.villages.vA.id, 'MENTAL_HEALTH').covered).toBe(true);
      expect(vA.categoriesReached).toEqual(['MEDICAL', 'ELDERLY_CARE']);
    });
  });

  it('carries each village its household and vulnerable counts', () => {
    const county = aCounty();
    const vB = coverageOf(county).villages.find((v) => v.village.id === county.villages.vB.id);
    expect(vB).toMatchObject({ households: 8, vulnerable: 6, township: { id: county.townships.t1.id, name: 'T1 (synthetic)' } });
  });
});
