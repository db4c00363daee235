/**
 * Builders for matching tests. Places are real Dayi County units (晋原街道,
 * 王泗镇 and their villages) with their township points; households, needs
 * and services are synthetic (`synthetic: true`).
 */
import type { Eligibility, GeoPoint, Household, Need, Service, Township, Village } from '../../../../src/domain/model';
import type { TrackRecord, TrustPathInfo } from '../../../../src/domain/matching';

export const JINYUAN: Township = {
  id: 'twp_510129001000',
  code: '510129001000',
  name: '晋原街道',
  kind: 'SUBDISTRICT',
  location: { lat: 30.587049, lng: 103.501125, precision: 'exact' },
  source: 'seed/data/townships.csv',
};

export const WANGSI: Township = {
  id: 'twp_510129101000',
  code: '510129101000',
  name: '王泗镇',
  kind: 'TOWN',
  location: { lat: 30.523428, lng: 103.485121, precision: 'exact' },
  source: 'seed/data/townships.csv',
};

export function aVillage(overrides: Partial<Village> = {}): Village {
  return {
    id: 'vil_510129001002',
    code: '510129001002',
    name: '南街社区居委会',
    displayName: '南街社区',
    type: 'COMMUNITY',
    townshipId: JINYUAN.id,
    location: { ...JINYUAN.location, precision: 'township' },
    source: 'synthetic spread around the township point',
    ...overrides,
  };
}

export function aHousehold(overrides: Partial<Household> = {}): Household {
  return {
    id: 'hh_1',
    householdCode: null,
    villageId: aVillage().id,
    size: 3,
    memberAgeBands: ['AGE_18_59', 'AGE_18_59', 'AGE_7_17'],
    markers: [],
    disabilityGrade: null,
    head: { name: '张(合成)', phone: null, idNumber: null },
    loan: null,
    vulnerabilityScore: 0,
    synthetic: true,
    createdAt: '2025-01-01T08:00:00+08:00',
    updatedAt: '2025-01-01T08:00:00+08:00',
    version: 1,
    ...overrides,
  };
}

export function aNeed(overrides: Partial<Need> = {}): Need {
  return {
    id: 'need_1',
    householdId: aHousehold().id,
    category: 'MEDICAL',
    urgency: 'HIGH',
    description: 'synthetic',
    status: 'OPEN',
    synthetic: true,
    createdAt: '2025-02-01T08:00:00+08:00',
    updatedAt: '2025-02-01T08:00:00+08:00',
    ...overrides,
  };
}

export const NO_RULES: Eligibility = { ageBands: [], requiredMarkers: [], anyOfMarkers: [], residencyTownshipIds: [] };

export function anEligibility(overrides: Partial<Eligibility> = {}): Eligibility {
  return { ...NO_RULES, ...overrides };
}

export function aService(overrides: Partial<Service> = {}): Service {
  return {
    id: 'svc_1',
    organizationId: 'org_1',
    name: 'Synthetic clinic',
    description: 'synthetic',
    categories: ['MEDICAL'],
    eligibility: NO_RULES,
    capacity: null,
    activeReferrals: 0,
    location: { ...JINYUAN.location },
    online: false,
    area: { kind: 'COUNTY' },
    status: 'ACTIVE',
    synthetic: true,
    ...overrides,
  };
}

/** A point `km` kilometres due north of `from` (1° of latitude ≈ 111.195 km on the mean-radius sphere). */
export function pointNorthOf(from: Pick<GeoPoint, 'lat' | 'lng'>, km: number, precision: GeoPoint['precision'] = 'exact'): GeoPoint {
  return { lat: from.lat + (km / (6371.0088 * Math.PI)) * 180, lng: from.lng, precision };
}

export function aTrustPath(overrides: Partial<TrustPathInfo> = {}): TrustPathInfo {
  return { hops: 4, cost: 4, weakestStatus: 'ESTABLISHED', steps: [], ...overrides };
}

export const NO_HISTORY: TrackRecord = { sent: 0, accepted: 0, resolved: 0, declined: 0 };
