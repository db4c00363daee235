import type { Category, GeoPoint, Organization, RelationshipStatus, Service, ServiceArea, Township, Village } from '../domain/model';
import { hsdsIdOf, subId } from './hsdsIds';
import { AGE_BAND_RANGES, MARKER_NAMES, RESIDENCY_TERM, hsdsTaxonomies, hsdsTaxonomyTerms, huzhuAttribute } from './hsdsTaxonomies';
import type {
  HsdsAttribute,
  HsdsDataset,
  HsdsLocation,
  HsdsOrganization,
  HsdsService,
  HsdsServiceArea,
  HsdsServiceAtLocation,
  HsdsServiceCapacity,
  HsdsTaxonomyTerm,
} from './hsdsTypes';

/**
 * Huzhu's directory → HSDS 3.0, as pure functions of a snapshot: the same
 * snapshot always gives the same records (ids included), which the API, the
 * export and the round-trip test rely on. Only directory records enter a
 * snapshot (organisations, services, places, categories, each organisation's
 * status with the network hub): households, needs, referrals and people never do.
 */
export interface DirectorySnapshot {
  organizations: readonly Organization[];
  services: readonly Service[];
  townships: readonly Township[];
  villages: readonly Village[];
  categories: readonly Category[];
  /** Organisation id → its status with the network hub (organisations with no tie are absent). */
  networkStatus: ReadonlyMap<string, RelationshipStatus>;
  /** When the snapshot was read: service_capacity.updated. */
  at: string;
}

/** Dayi County's 6-digit division code, and the URN scheme by which service areas and locations name a division. */
export const COUNTY_CODE = '510129';
export const COUNTY_NAME = '大邑县';
export const DIVISION_URN = 'urn:cn-division:';
export const DIVISION_IDENTIFIER_TYPE = 'cn-division-code';
/** organization_identifiers.identifier_scheme of the Huzhu id (a re-import into another Huzhu store keeps it). */
export const HUZHU_ID_SCHEME = 'huzhu';
export const CAPACITY_UNIT = { name: '转介名额 (referral places)', scheme: 'huzhu', identifier: 'referral-place' } as const;

/** What is published: PROSPECTIVE organisations and PLANNED services (and the services of a hidden organisation) only when asked. */
export function isPublishedOrganization(snapshot: DirectorySnapshot, org: Organization, includeProspective: boolean): boolean {
  return includeProspective || snapshot.networkStatus.get(org.id) !== 'PROSPECTIVE';
}

export function toHsdsDataset(snapshot: DirectorySnapshot, options: { includeProspective: boolean }): HsdsDataset {
  const terms = hsdsTaxonomyTerms(snapshot.categories);
  const ctx = context(snapshot, terms);
  const orgs = snapshot.organizations.filter((o) => isPublishedOrganization(snapshot, o, options.includeProspective));
  const published = new Set(orgs.map((o) => o.id));
  const services = snapshot.services.filter((s) => published.has(s.organizationId) && (options.includeProspective || s.status !== 'PLANNED'));
  // Records in HSDS id order, so the order does not depend on Huzhu's ids (an imported copy lists the same).
  const fullServices = services.map((s) => serviceToHsds(ctx, s)).sort(byId);
  const servicesByOrg = new Map<string, HsdsService[]>();
  for (const s of fullServices) servicesByOrg.set(s.organization_id ?? '', [...(servicesByOrg.get(s.organization_id ?? '') ?? []), s]);
  return {
    organizations: orgs
      .map((o) => organizationToHsds(ctx, o))
      .sort(byId)
      .map((o) => ({ ...o, services: (servicesByOrg.get(o.id) ?? []).map(serviceSummary) })),
    services: fullServices,
    serviceAtLocations: fullServices.flatMap((s) => (s.service_at_locations ?? []).map((sal) => ({ ...sal, service: serviceSummary(s) }))),
    taxonomies: hsdsTaxonomies(),
    taxonomyTerms: terms,
  };
}

/** A service's one-to-one fields (its scalars): what list pages and an organisation's services carry. */
export function serviceSummary(s: HsdsService): HsdsService {
  return scalarsOf(s) as unknown as HsdsService;
}

/** An organisation's one-to-one fields. */
export function organizationSummary(o: HsdsOrganization): HsdsOrganization {
  return scalarsOf(o) as unknown as HsdsOrganization;
}

function scalarsOf(record: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v === null || typeof v !== 'object'));
}

// Private:

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

interface Ctx {
  snapshot: DirectorySnapshot;
  terms: ReadonlyMap<string, HsdsTaxonomyTerm>;
  townships: ReadonlyMap<string, Township>;
  villages: ReadonlyMap<string, Village>;
  orgHsdsId: ReadonlyMap<string, string>;
}

function context(snapshot: DirectorySnapshot, terms: HsdsTaxonomyTerm[]): Ctx {
  return {
    snapshot,
    terms: new Map(terms.map((t) => [t.id, t])),
    townships: new Map(snapshot.townships.map((t) => [t.id, t])),
    villages: new Map(snapshot.villages.map((v) => [v.id, v])),
    orgHsdsId: new Map(snapshot.organizations.map((o) => [o.id, hsdsIdOf(o)])),
  };
}

function organizationToHsds(ctx: Ctx, org: Organization): HsdsOrganization {
  const id = hsdsIdOf(org);
  const link = { id, entity: 'organization' as const };
  const attributes: HsdsAttribute[] = [huzhuAttribute(link, 'organization_kind', 'organizationKind', org.kind, ctx.terms)];
  const status = ctx.snapshot.networkStatus.get(org.id);
  if (status) attributes.push(huzhuAttribute(link, 'network_status', 'networkStatus', status, ctx.terms));
  const location = organizationLocation(ctx, org, id);
  return {
    id,
    name: org.name,
    ...(org.nameEn ? { alternate_name: org.nameEn } : {}),
    description: org.description,
    ...(location ? { locations: [location] } : {}),
    organization_identifiers: [
      { id: subId(id, 'identifier/huzhu'), organization_id: id, identifier_scheme: HUZHU_ID_SCHEME, identifier_type: 'huzhu_id', identifier: org.id },
    ],
    attributes,
  };
}

function organizationLocation(ctx: Ctx, org: Organization, orgHsdsId: string): HsdsLocation | null {
  const village = org.villageId ? ctx.villages.get(org.villageId) : undefined;
  const township = org.townshipId ? ctx.townships.get(org.townshipId) : undefined;
  if (!village && !township && !org.location) return null;
  const id = subId(orgHsdsId, 'location');
  const place = village ? { name: village.displayName, code: village.code } : township ? { name: township.name, code: township.code } : null;
  return {
    id,
    location_type: 'physical',
    organization_id: orgHsdsId,
    name: place ? place.name : org.name,
    ...(org.location ? point(org.location) : {}),
    ...(place ? { external_identifier: place.code, external_identifier_type: DIVISION_IDENTIFIER_TYPE } : {}),
    ...(org.location ? { attributes: [huzhuAttribute({ id, entity: 'location' }, 'location_precision', 'locationPrecision', org.location.precision, ctx.terms)] } : {}),
  };
}

function point(p: GeoPoint): { latitude: number; longitude: number } {
  return { latitude: p.lat, longitude: p.lng };
}

function serviceToHsds(ctx: Ctx, service: Service): HsdsService {
  const id = hsdsIdOf(service);
  const orgId = ctx.orgHsdsId.get(service.organizationId) as string;
  const link = { id, entity: 'service' as const };
  const attributes: HsdsAttribute[] = [
    huzhuAttribute(link, 'service_status', 'serviceStatus', service.status, ctx.terms),
    ...service.categories.map((c) => huzhuAttribute(link, 'category', 'category', c, ctx.terms)),
    ...service.eligibility.ageBands.map((b) => huzhuAttribute(link, 'eligibility_age_band', 'eligibility', b, ctx.terms)),
    ...service.eligibility.requiredMarkers.map((m) => huzhuAttribute(link, 'eligibility_required_marker', 'eligibility', m, ctx.terms)),
    ...service.eligibility.anyOfMarkers.map((m) => huzhuAttribute(link, 'eligibility_any_of_marker', 'eligibility', m, ctx.terms)),
    ...service.eligibility.residencyTownshipIds.flatMap((t) => {
      const township = ctx.townships.get(t);
      return township ? [huzhuAttribute(link, 'eligibility_residency', 'eligibility', RESIDENCY_TERM, ctx.terms, township.code)] : [];
    }),
  ];
  const ages = ageRange(service.eligibility.ageBands);
  const contact = service.contact;
  const sals = serviceAtLocations(ctx, service, id, orgId);
  const isPhone = contact !== undefined && /^\+?[0-9 -]{5,20}$/.test(contact);
  return {
    id,
    organization_id: orgId,
    name: service.name,
    description: service.description,
    status: service.status === 'ACTIVE' ? 'active' : 'inactive',
    eligibility_description: eligibilityDescription(ctx, service),
    ...(ages.min === null ? {} : { minimum_age: ages.min }),
    ...(ages.max === null ? {} : { maximum_age: ages.max }),
    ...(service.confirmedOn ? { assured_date: service.confirmedOn } : {}),
    ...(contact !== undefined && isPhone ? { phones: [{ id: subId(id, 'phone'), service_id: id, number: contact }] } : {}),
    ...(contact !== undefined && !isPhone ? { contacts: [{ id: subId(id, 'contact'), service_id: id, name: contact }] } : {}),
    ...(service.hours !== undefined ? { schedules: [{ id: subId(id, 'schedule'), service_id: id, description: service.hours }] } : {}),
    service_areas: serviceAreas(ctx, service.area, service.location, id),
    ...(sals.length > 0 ? { service_at_locations: sals } : {}),
    attributes,
    ...(service.capacity === null ? {} : { capacities: [capacity(ctx, service, id)] }),
  };
}

function ageRange(bands: readonly string[]): { min: number | null; max: number | null } {
  if (bands.length === 0) return { min: null, max: null };
  const ranges = bands.map((b) => AGE_BAND_RANGES[b as keyof typeof AGE_BAND_RANGES]);
  const min = Math.min(...ranges.map((r) => r.min));
  const max = ranges.some((r) => r.max === null) ? null : Math.max(...ranges.map((r) => r.max as number));
  return { min, max };
}

function eligibilityDescription(ctx: Ctx, service: Service): string {
  const e = service.eligibility;
  const parts: string[] = [];
  if (e.ageBands.length > 0) parts.push(`家中至少一人年龄在：${e.ageBands.map((b) => AGE_BAND_RANGES[b].zh).join('、')}`);
  if (e.requiredMarkers.length > 0) parts.push(`须同时具备：${e.requiredMarkers.map((m) => MARKER_NAMES[m]).join('、')}`);
  if (e.anyOfMarkers.length > 0) parts.push(`具备其一：${e.anyOfMarkers.map((m) => MARKER_NAMES[m]).join('、')}`);
  if (e.residencyTownshipIds.length > 0) parts.push(`户籍乡镇：${e.residencyTownshipIds.map((t) => ctx.townships.get(t)?.name ?? t).join('、')}`);
  return parts.length === 0 ? '无资格限制 (no eligibility rule)' : parts.join('；');
}

/** RADIUS areas are drawn as a 32-sided polygon around the service's point. */
const CIRCLE_SIDES = 32;

function serviceAreas(ctx: Ctx, area: ServiceArea, location: GeoPoint | null, serviceId: string): HsdsServiceArea[] {
  const base = (role: string) => ({ id: subId(serviceId, `area/${role}`), service_id: serviceId });
  switch (area.kind) {
    case 'COUNTY':
      return [{ ...base('county'), name: COUNTY_NAME, description: `${COUNTY_NAME}全县（区划代码 ${COUNTY_CODE}）`, uri: `${DIVISION_URN}${COUNTY_CODE}` }];
    case 'TOWNSHIPS':
      return area.townshipIds.flatMap((id) => {
        const t = ctx.townships.get(id);
        return t ? [{ ...base(`township/${t.code}`), name: t.name, description: `${t.name}（统计用区划代码 ${t.code}）`, uri: `${DIVISION_URN}${t.code}` }] : [];
      });
    case 'VILLAGES':
      return area.villageIds.flatMap((id) => {
        const v = ctx.villages.get(id);
        return v ? [{ ...base(`village/${v.code}`), name: v.displayName, description: `${v.displayName}（统计用区划代码 ${v.code}）`, uri: `${DIVISION_URN}${v.code}` }] : [];
      });
    case 'RADIUS': {
      const geometry = location ? circlePolygon(location, area.km) : null;
      const extent = JSON.stringify({ type: 'Feature', geometry, properties: { radius_km: area.km } });
      return [{ ...base('radius'), name: `服务地点周边 ${area.km} km`, description: `以服务地点为中心、半径 ${area.km} km (a circle of ${area.km} km around the service's location)`, extent, extent_type: 'geojson' }];
    }
    default: {
      const never: never = area;
      return never;
    }
  }
}

/** A GeoJSON Polygon approximating a circle of `km` around `center` (equirectangular offsets; exact enough at county scale). */
export function circlePolygon(center: GeoPoint, km: number): { type: 'Polygon'; coordinates: number[][][] } {
  const ring: number[][] = [];
  const dLat = km / 110.574;
  const dLng = km / (111.32 * Math.cos((center.lat * Math.PI) / 180));
  for (let i = 0; i <= CIRCLE_SIDES; i += 1) {
    const a = ((i % CIRCLE_SIDES) / CIRCLE_SIDES) * 2 * Math.PI;
    ring.push([round6(center.lng + dLng * Math.cos(a)), round6(center.lat + dLat * Math.sin(a))]);
  }
  return { type: 'Polygon', coordinates: [ring] };
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

function serviceAtLocations(ctx: Ctx, service: Service, serviceId: string, orgId: string): HsdsServiceAtLocation[] {
  const sals: HsdsServiceAtLocation[] = [];
  if (service.location) {
    const locationId = subId(serviceId, 'location/physical');
    const location: HsdsLocation = {
      id: locationId,
      location_type: 'physical',
      organization_id: orgId,
      name: service.name,
      ...point(service.location),
      attributes: [huzhuAttribute({ id: locationId, entity: 'location' }, 'location_precision', 'locationPrecision', service.location.precision, ctx.terms)],
    };
    sals.push({ id: subId(serviceId, 'service_at_location/physical'), service_id: serviceId, location_id: locationId, location });
  }
  if (service.online) {
    const locationId = subId(serviceId, 'location/virtual');
    const location: HsdsLocation = { id: locationId, location_type: 'virtual', organization_id: orgId, name: `${service.name}（线上服务 online）` };
    sals.push({ id: subId(serviceId, 'service_at_location/virtual'), service_id: serviceId, location_id: locationId, location });
  }
  return sals;
}

function capacity(ctx: Ctx, service: Service, serviceId: string): HsdsServiceCapacity {
  const unitId = subId('huzhu', 'unit/referral-place');
  const maximum = service.capacity as number;
  return {
    id: subId(serviceId, 'capacity'),
    service_id: serviceId,
    unit: { id: unitId, ...CAPACITY_UNIT },
    unit_id: unitId,
    available: Math.max(0, maximum - service.activeReferrals),
    maximum,
    description: '可同时承接的转介数 (referrals the service can carry at once)',
    updated: ctx.snapshot.at,
  };
}
