/**
 * A hand-made county whose coverage is known (synthetic test data):
 *
 *   T1 (30.60, 103.50)                          T2 (30.60, 103.60), ≈ 9.6 km east
 *   vA ─ liaisonA ─KNOWS─ station ─PARTNER─ hub ─PARTNER─ bureau      vC ─ liaisonC ─KNOWS─ care
 *   vB ─ liaisonB ─KNOWS(BUILDING)─ station                            vD   (nobody)
 *
 * Services: eldStation (station, ELDERLY_CARE, township T1); medBureau
 * (bureau, MEDICAL, county, capacity 10); eduPlanned (bureau, EDUCATION,
 * PLANNED); eldCare (care, ELDERLY_CARE, township T2, capacity 2, both
 * slots taken).
 *
 * So: vA is covered for MEDICAL and ELDERLY_CARE; vB reaches nothing over
 * ESTABLISHED links; vC is covered for ELDERLY_CARE but at capacity; vD is
 * isolated. Households (vulnerable): vA 12 (3), vB 8 (6), vC 20 (2), vD 5 (5).
 */
import { buildStakeholderGraph, type NetworkSnapshot } from '../../../src/graph';
import type { Category, Organization, Person, Relationship, Service, Township, Village } from '../../../src/domain/model';
import { aCategory, aPerson, aRelationship, aService, aTownship, aVillage, anOrganization } from '../../support/builders';
import type { CoverageNetwork } from '../../../src/services/coverage/villageCoverage';

export const CATEGORIES: Category[] = [
  aCategory({ code: 'MEDICAL', core: true }),
  aCategory({ code: 'ELDERLY_CARE', nameZh: '养老', nameEn: 'Elderly care', core: true }),
  aCategory({ code: 'EDUCATION', nameZh: '教育', nameEn: 'Education', core: true }),
  aCategory({ code: 'MENTAL_HEALTH', nameZh: '心理健康', nameEn: 'Mental health', core: false }),
];

/** Named records; a test may add more under new names before taking the snapshot. */
type Named<T, K extends string> = Record<K, T> & Record<string, T>;

export interface County {
  townships: Named<Township, 't1' | 't2'>;
  villages: Named<Village, 'vA' | 'vB' | 'vC' | 'vD'>;
  organizations: Named<Organization, 'station' | 'hub' | 'bureau' | 'care'>;
  people: Named<Person, 'liaisonA' | 'liaisonB' | 'liaisonC'>;
  services: Named<Service, 'eldStation' | 'medBureau' | 'eduPlanned' | 'eldCare'>;
  relationships: Named<Relationship, 'aKnowsStation' | 'bKnowsStation' | 'stationHub' | 'hubBureau' | 'cKnowsCare'>;
  households: Map<string, { households: number; vulnerable: number }>;
}

export function aCounty(): County {
  const p1 = { lat: 30.6, lng: 103.5 };
  const p2 = { lat: 30.6, lng: 103.6 };
  const t1 = aTownship({ name: 'T1 (synthetic)', location: { ...p1, precision: 'exact' } });
  const t2 = aTownship({ name: 'T2 (synthetic)', kind: 'TOWN', location: { ...p2, precision: 'exact' } });
  const village = (name: string, t: Township) =>
    aVillage({ displayName: name, name: `${name}村委会`, townshipId: t.id, location: { lat: t.location.lat, lng: t.location.lng, precision: 'village' } });
  const vA = village('甲村', t1);
  const vB = village('乙村', t1);
  const vC = village('丙村', t2);
  const vD = village('丁村', t2);
  const station = anOrganization({ name: 'T1 station (synthetic)', kind: 'SOCIAL_WORK_STATION', townshipId: t1.id, location: t1.location });
  const hub = anOrganization({ name: 'hub (synthetic)', kind: 'CREDIT_COMPANY', location: t1.location });
  const bureau = anOrganization({ name: 'bureau (synthetic)', kind: 'GOVERNMENT_BUREAU', location: t1.location });
  const care = anOrganization({ name: 'care home (synthetic)', kind: 'CARE_INSTITUTION', townshipId: t2.id, location: t2.location });
  const liaisonA = aPerson({ name: 'liaison A (synthetic)', villageIds: [vA.id] });
  const liaisonB = aPerson({ name: 'liaison B (synthetic)', villageIds: [vB.id] });
  const liaisonC = aPerson({ name: 'liaison C (synthetic)', villageIds: [vC.id] });
  const eldStation = aService({
    name: 'station elderly care (synthetic)',
    organizationId: station.id,
    categories: ['ELDERLY_CARE'],
    area: { kind: 'TOWNSHIPS', townshipIds: [t1.id] },
    location: t1.location,
  });
  const medBureau = aService({ name: 'bureau medical (synthetic)', organizationId: bureau.id, categories: ['MEDICAL'], capacity: 10, location: t1.location });
  const eduPlanned = aService({ name: 'bureau education (synthetic)', organizationId: bureau.id, categories: ['EDUCATION'], status: 'PLANNED' });
  const eldCare = aService({
    name: 'care home places (synthetic)',
    organizationId: care.id,
    categories: ['ELDERLY_CARE'],
    area: { kind: 'TOWNSHIPS', townshipIds: [t2.id] },
    capacity: 2,
    activeReferrals: 2,
    location: t2.location,
  });
  const rel = (from: { id: string }, to: { id: string }, type: Relationship['type'], status: Relationship['status'] = 'ESTABLISHED') =>
    aRelationship({ fromId: from.id, toId: to.id, type, status });
  return {
    townships: { t1, t2 },
    villages: { vA, vB, vC, vD },
    organizations: { station, hub, bureau, care },
    people: { liaisonA, liaisonB, liaisonC },
    services: { eldStation, medBureau, eduPlanned, eldCare },
    relationships: {
      aKnowsStation: rel(liaisonA, station, 'KNOWS'),
      bKnowsStation: rel(liaisonB, station, 'KNOWS', 'BUILDING'),
      stationHub: rel(station, hub, 'PARTNER'),
      hubBureau: rel(hub, bureau, 'PARTNER'),
      cKnowsCare: rel(liaisonC, care, 'KNOWS'),
    },
    households: new Map([
      [vA.id, { households: 12, vulnerable: 3 }],
      [vB.id, { households: 8, vulnerable: 6 }],
      [vC.id, { households: 20, vulnerable: 2 }],
      [vD.id, { households: 5, vulnerable: 5 }],
    ]),
  };
}

export function snapshotOf(county: County): NetworkSnapshot {
  return {
    townships: Object.values(county.townships),
    villages: Object.values(county.villages),
    people: Object.values(county.people),
    organizations: Object.values(county.organizations),
    services: Object.values(county.services),
    relationships: Object.values(county.relationships),
    householdsByVillage: county.households,
  };
}

export function networkOf(snapshot: NetworkSnapshot): CoverageNetwork {
  return { snapshot, graph: buildStakeholderGraph(snapshot) };
}
