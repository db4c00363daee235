import type { Organization, Service } from '../../src/domain/model';
import { organizationFromHsds, serviceFromHsds, type ImportPlaces } from '../../src/hsds/fromHsds';
import { hsdsIdOf, uuidV5 } from '../../src/hsds/hsdsIds';
import { toHsdsDataset, type DirectorySnapshot } from '../../src/hsds/toHsds';
import { loadCategories } from '../../src/seed/loadCategories';
import { aService, aTownship, aVillage, anOrganization, someCategories } from '../support/builders';

/** Issue 14 item 1: Huzhu's directory ↔ HSDS 3.0 as pure functions (synthetic records). */
const township = aTownship({ name: '晋原街道 (synthetic)', code: '510129001000' });
const village = aVillage({ townshipId: township.id, displayName: '金龙村 (synthetic)', code: '510129001002' });
const categories = someCategories();
const places: ImportPlaces = {
  townshipsByCode: new Map([[township.code, township]]),
  villagesByCode: new Map([[village.code, village]]),
  categories,
};

function snapshot(organizations: Organization[], services: Service[], status: Record<string, 'ESTABLISHED' | 'BUILDING' | 'PROSPECTIVE'> = {}): DirectorySnapshot {
  return { organizations, services, townships: [township], villages: [village], categories, networkStatus: new Map(Object.entries(status)), at: '2026-12-01T08:00:00.000Z' };
}

describe('HSDS ids', () => {
  it('computes RFC 9562 version-5 UUIDs (the RFC test vector: www.example.com in the DNS namespace)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });
  it('uses an imported record’s HSDS id, else a stable UUID of its Huzhu id', () => {
    expect(hsdsIdOf({ id: 'org_x', externalIds: ['hsds:ac148810-d857-441c-9679-408f346de14b'] })).toBe('ac148810-d857-441c-9679-408f346de14b');
    expect(hsdsIdOf({ id: 'org_x' })).toBe(hsdsIdOf({ id: 'org_x' }));
    expect(hsdsIdOf({ id: 'org_x' })).not.toBe(hsdsIdOf({ id: 'org_y' }));
  });
});

describe('Huzhu → HSDS', () => {
  const org = anOrganization({ kind: 'NGO', townshipId: township.id, villageId: village.id, location: { lat: 30.58, lng: 103.52, precision: 'village' }, nameEn: 'Synthetic NGO' });
  const radius = aService({ organizationId: org.id, area: { kind: 'RADIUS', km: 5 }, location: { lat: 30.58, lng: 103.52, precision: 'township' }, capacity: 4, activeReferrals: 1 });
  const towns = aService({
    organizationId: org.id,
    area: { kind: 'TOWNSHIPS', townshipIds: [township.id] },
    categories: ['ELDERLY_CARE', 'MEDICAL'],
    eligibility: { ageBands: ['AGE_60_79', 'AGE_80_PLUS'], requiredMarkers: ['DIBAO'], anyOfMarkers: [], residencyTownshipIds: [township.id] },
    hours: '周一至周五 9:00–17:00',
    contact: '028-0000-0000',
  });
  const villages = aService({ organizationId: org.id, area: { kind: 'VILLAGES', villageIds: [village.id] }, online: true, eligibility: { ageBands: ['AGE_7_17'], requiredMarkers: [], anyOfMarkers: [], residencyTownshipIds: [] } });
  const planned = aService({ organizationId: org.id, status: 'PLANNED' });
  const data = toHsdsDataset(snapshot([org], [radius, towns, villages, planned]), { includeProspective: false });
  const byId = (s: Service) => data.services.find((x) => x.id === hsdsIdOf(s));

  it('draws a RADIUS area as a closed GeoJSON polygon around the point, with the radius kept', () => {
    const area = byId(radius)?.service_areas?.[0];
    expect(area?.extent_type).toBe('geojson');
    const extent = JSON.parse(area?.extent ?? '{}') as { type: string; geometry: { type: string; coordinates: number[][][] }; properties: { radius_km: number } };
    expect(extent.type).toBe('Feature');
    expect(extent.properties.radius_km).toBe(5);
    const ring = extent.geometry.coordinates[0]!;
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    // Every vertex about 5 km from the centre (1° of latitude ≈ 110.574 km).
    for (const [lng, lat] of ring) {
      const dy = (lat! - 30.58) * 110.574;
      const dx = (lng! - 103.52) * 111.32 * Math.cos((30.58 * Math.PI) / 180);
      expect(Math.hypot(dx, dy)).toBeCloseTo(5, 1);
    }
  });

  it('names townships and villages by name and 12-digit division code', () => {
    expect(byId(towns)?.service_areas).toEqual([expect.objectContaining({ name: township.name, uri: `urn:cn-division:${township.code}` })]);
    expect(byId(villages)?.service_areas).toEqual([expect.objectContaining({ name: village.displayName, uri: `urn:cn-division:${village.code}` })]);
  });

  it('states eligibility as a description, minimum/maximum age and attributes; categories as taxonomy terms', () => {
    const s = byId(towns)!;
    expect(s.minimum_age).toBe(60);
    expect(s.maximum_age).toBeUndefined(); // 80+ has no upper bound
    expect(s.eligibility_description).toContain('低保');
    expect(s.eligibility_description).toContain(township.name);
    const codes = (s.attributes ?? []).map((a) => `${a.link_type}:${a.taxonomy_term?.code}${a.value ? `=${a.value}` : ''}`);
    expect(codes).toEqual(
      expect.arrayContaining(['category:ELDERLY_CARE', 'category:MEDICAL', 'eligibility_age_band:AGE_60_79', 'eligibility_required_marker:DIBAO', `eligibility_residency:RESIDENCY_TOWNSHIP=${township.code}`]),
    );
    expect(byId(villages)?.maximum_age).toBe(17);
  });

  it('states capacity as a 3.1-dev service_capacity (maximum, and available = capacity − active referrals)', () => {
    expect(byId(radius)?.capacities).toEqual([expect.objectContaining({ maximum: 4, available: 3, unit: expect.objectContaining({ identifier: 'referral-place' }) })]);
    expect(byId(towns)?.capacities).toBeUndefined();
  });

  it('gives physical and virtual service_at_locations, hours as a schedule and the contact as a phone', () => {
    expect(byId(radius)?.service_at_locations?.map((s) => s.location?.location_type)).toEqual(['physical']);
    expect(byId(villages)?.service_at_locations?.map((s) => s.location?.location_type)).toEqual(['virtual']);
    expect(byId(towns)?.schedules?.[0]?.description).toBe('周一至周五 9:00–17:00');
    expect(byId(towns)?.phones?.[0]?.number).toBe('028-0000-0000');
  });

  it('leaves PLANNED services and PROSPECTIVE organisations out unless asked', () => {
    const prospect = anOrganization();
    const prospectService = aService({ organizationId: prospect.id });
    const snap = snapshot([org, prospect], [radius, planned, prospectService], { [prospect.id]: 'PROSPECTIVE' });
    const published = toHsdsDataset(snap, { includeProspective: false });
    expect(published.organizations.map((o) => o.id)).toEqual([hsdsIdOf(org)]);
    expect(published.services.map((s) => s.id)).toEqual([hsdsIdOf(radius)]);
    const all = toHsdsDataset(snap, { includeProspective: true });
    expect(all.organizations).toHaveLength(2);
    expect(all.services.map((s) => s.id).sort()).toEqual([radius, planned, prospectService].map(hsdsIdOf).sort());
  });

  it('maps back to the same organisation and service fields (HSDS → Huzhu)', () => {
    const o = organizationFromHsds(data.organizations[0]!, places);
    expect(o.fields).toEqual({ name: org.name, nameEn: 'Synthetic NGO', kind: 'NGO', townshipId: township.id, villageId: village.id, location: org.location, description: org.description });
    expect(o.huzhuId).toBe(org.id);
    for (const s of [radius, towns, villages]) {
      const back = serviceFromHsds(byId(s)!, places);
      expect(back.warnings).toEqual([]);
      expect(back.fields).toEqual({
        name: s.name,
        description: s.description,
        categories: s.categories,
        eligibility: s.eligibility,
        capacity: s.capacity,
        location: s.location,
        online: s.online,
        area: s.area,
        status: s.status,
        ...(s.hours ? { hours: s.hours } : {}),
        ...(s.contact ? { contact: s.contact } : {}),
      });
    }
  });
});

describe('HSDS → Huzhu for records from elsewhere', () => {
  it('reads age limits into age bands, and says what it could not read', () => {
    const draft = serviceFromHsds(
      {
        id: 'ac148810-d857-441c-9679-408f346de14b',
        organization_id: 'd9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610',
        name: 'Community Counselling',
        status: 'active',
        minimum_age: 12,
        maximum_age: 30,
        service_areas: [{ id: '381c64f1-a724-4884-9c21-ac96c21cca3e', name: 'MyCity', extent: 'extent', extent_type: 'geojson' }],
        service_at_locations: [{ id: 'e94c9f38-1e8f-4564-91d4-d53501ab1765', location: { id: '3a19ff88-4620-4d17-9830-ac1d859eb5d5', location_type: 'physical', latitude: 100, longitude: 101 } }],
      },
      { ...places, categories: loadCategories() },
    );
    expect(draft.fields.eligibility.ageBands).toEqual(['AGE_7_17', 'AGE_18_59']);
    expect(draft.fields.area).toEqual({ kind: 'COUNTY' });
    expect(draft.fields.location).toBeNull();
    expect(draft.fields.categories).toEqual(['SOCIAL_ASSISTANCE']);
    expect(draft.warnings.join('\n')).toMatch(/outside WGS-84/);
    expect(draft.warnings.join('\n')).toMatch(/whole county/);
  });
});
