import type { AgeBand, Category, Eligibility, GeoPoint, LocationPrecision, Marker, OrganizationKind, RelationshipStatus, ServiceArea, ServiceStatus, Township, Village } from '../domain/model';
import { AGE_BAND_RANGES, MARKER_NAMES, RESIDENCY_TERM, huzhuTermOf, termId } from './hsdsTaxonomies';
import { COUNTY_CODE, DIVISION_IDENTIFIER_TYPE, DIVISION_URN, HUZHU_ID_SCHEME } from './toHsds';
import type { HsdsAttribute, HsdsLocation, HsdsOrganization, HsdsService, HsdsServiceArea } from './hsdsTypes';

/**
 * HSDS 3.0 → Huzhu, as pure functions of one (schema-valid) record and the
 * places and categories Huzhu knows. The result is the input of the same
 * domain schemas the GraphQL writes use (src/services/network.ts); what
 * Huzhu cannot represent is said in `warnings` (one report line each), never
 * silently invented: an area it cannot read becomes the whole county, a
 * service with no category it knows becomes SOCIAL_ASSISTANCE, a point
 * outside WGS-84 ranges is left out.
 */
export interface ImportPlaces {
  townshipsByCode: ReadonlyMap<string, Township>;
  villagesByCode: ReadonlyMap<string, Village>;
  categories: readonly Category[];
}

export interface OrganizationDraft {
  hsdsId: string;
  /** The Huzhu id the record carries (organization_identifiers, scheme "huzhu"), if any. */
  huzhuId: string | null;
  fields: {
    name: string;
    nameEn: string | null;
    kind: OrganizationKind;
    townshipId: string | null;
    villageId: string | null;
    location: GeoPoint | null;
    description: string;
  };
  /** Its status with the network hub, when the record states it. */
  networkStatus: RelationshipStatus | null;
  warnings: string[];
}

export interface ServiceDraft {
  hsdsId: string;
  organizationHsdsId: string | null;
  fields: {
    name: string;
    description: string;
    categories: string[];
    eligibility: Eligibility;
    capacity: number | null;
    location: GeoPoint | null;
    online: boolean;
    area: ServiceArea;
    status: ServiceStatus;
    hours?: string;
    contact?: string;
    confirmedOn?: string;
  };
  warnings: string[];
}

export const FALLBACK_CATEGORY = 'SOCIAL_ASSISTANCE';

export function organizationFromHsds(org: HsdsOrganization, places: ImportPlaces): OrganizationDraft {
  const warnings: string[] = [];
  const attrs = org.attributes ?? [];
  const kind = (termCodes(attrs, 'organizationKind')[0] ?? 'OTHER') as OrganizationKind;
  const status = termCodes(attrs, 'networkStatus')[0] as RelationshipStatus | undefined;
  const huzhuId = (org.organization_identifiers ?? []).find((i) => i.identifier_scheme === HUZHU_ID_SCHEME)?.identifier ?? null;
  let townshipId: string | null = null;
  let villageId: string | null = null;
  let location: GeoPoint | null = null;
  const first = (org.locations ?? []).find((l) => l.location_type === 'physical');
  if (first) {
    const place = placeOf(first, places, warnings);
    townshipId = place.townshipId;
    villageId = place.villageId;
    location = pointOf(first, warnings);
  }
  return {
    hsdsId: org.id,
    huzhuId,
    fields: { name: org.name, nameEn: org.alternate_name ?? null, kind, townshipId, villageId, location, description: org.description },
    networkStatus: status ?? null,
    warnings,
  };
}

export function serviceFromHsds(service: HsdsService, places: ImportPlaces): ServiceDraft {
  const warnings: string[] = [];
  const attrs = service.attributes ?? [];
  const known = new Set(places.categories.map((c) => c.code));
  const categories = [...new Set(attrs.flatMap((a) => categoryOf(a, known)))];
  if (categories.length === 0) {
    const fallback = known.has(FALLBACK_CATEGORY) ? FALLBACK_CATEGORY : (places.categories[0]?.code ?? FALLBACK_CATEGORY);
    categories.push(fallback);
    warnings.push(`no category Huzhu knows among its attributes: recorded as ${fallback} (change it in the console)`);
  }
  const statusTerm = termCodes(attrs, 'serviceStatus')[0] as ServiceStatus | undefined;
  const status: ServiceStatus = statusTerm ?? (service.status === 'active' ? 'ACTIVE' : 'SUSPENDED');
  const sals = service.service_at_locations ?? [];
  const physical = sals.map((s) => s.location).find((l): l is HsdsLocation => l !== undefined && l.location_type === 'physical' && l.latitude !== undefined);
  const location = physical ? pointOf(physical, warnings) : null;
  const online = sals.some((s) => s.location?.location_type === 'virtual');
  const area = areaOf(service.service_areas ?? [], places, location !== null || online, warnings);
  const capacity = capacityOf(service, warnings);
  const schedule = service.schedules?.[0];
  const hours = schedule?.description ?? (schedule?.opens_at && schedule.closes_at ? `${schedule.opens_at}–${schedule.closes_at}` : undefined);
  const contact = service.phones?.[0]?.number ?? service.contacts?.[0]?.name;
  const confirmedOn = service.assured_date && /^\d{4}-\d{2}-\d{2}$/.test(service.assured_date) ? service.assured_date : undefined;
  return {
    hsdsId: service.id,
    organizationHsdsId: service.organization_id ?? null,
    fields: {
      name: service.name,
      description: service.description ?? '',
      categories,
      eligibility: eligibilityOf(service, attrs, places, warnings),
      capacity,
      location,
      online,
      area,
      status,
      ...(hours !== undefined ? { hours } : {}),
      ...(contact !== undefined ? { contact } : {}),
      ...(confirmedOn !== undefined ? { confirmedOn } : {}),
    },
    warnings,
  };
}

// Private:

function termCodes(attrs: readonly HsdsAttribute[], key: Parameters<typeof termId>[0], linkType?: string): string[] {
  return attrs.flatMap((a) => {
    const term = huzhuTermOf(a);
    return term && term.key === key && (linkType === undefined || a.link_type === linkType) ? [term.code] : [];
  });
}

function categoryOf(a: HsdsAttribute, known: ReadonlySet<string>): string[] {
  for (const code of known) if (a.taxonomy_term_id === termId('category', code)) return [code];
  const code = a.taxonomy_term?.code;
  return code !== undefined && known.has(code) && (a.taxonomy_term?.taxonomy === undefined || a.taxonomy_term.taxonomy === 'huzhu-category') ? [code] : [];
}

function placeOf(l: HsdsLocation, places: ImportPlaces, warnings: string[]): { townshipId: string | null; villageId: string | null } {
  if (l.external_identifier === undefined || l.external_identifier_type !== DIVISION_IDENTIFIER_TYPE) return { townshipId: null, villageId: null };
  const village = places.villagesByCode.get(l.external_identifier);
  if (village) return { townshipId: village.townshipId, villageId: village.id };
  const township = places.townshipsByCode.get(l.external_identifier);
  if (township) return { townshipId: township.id, villageId: null };
  warnings.push(`location ${l.id}: division code ${l.external_identifier} is no township or village Huzhu knows: left out`);
  return { townshipId: null, villageId: null };
}

function pointOf(l: HsdsLocation, warnings: string[]): GeoPoint | null {
  if (l.latitude === undefined || l.longitude === undefined) return null;
  if (Math.abs(l.latitude) > 90 || Math.abs(l.longitude) > 180) {
    warnings.push(`location ${l.id}: latitude/longitude (${l.latitude}, ${l.longitude}) are outside WGS-84 ranges: the point is left out`);
    return null;
  }
  const precision = (l.attributes ?? []).flatMap((a) => {
    const t = huzhuTermOf(a);
    return t && t.key === 'locationPrecision' ? [t.code] : [];
  })[0] as LocationPrecision | undefined;
  return { lat: l.latitude, lng: l.longitude, precision: precision ?? 'exact' };
}

function areaOf(areas: readonly HsdsServiceArea[], places: ImportPlaces, hasPointOrOnline: boolean, warnings: string[]): ServiceArea {
  const townshipIds: string[] = [];
  const villageIds: string[] = [];
  let county = false;
  let radiusKm: number | null = null;
  for (const a of areas) {
    if (a.uri?.startsWith(DIVISION_URN)) {
      const code = a.uri.slice(DIVISION_URN.length);
      const village = places.villagesByCode.get(code);
      const township = places.townshipsByCode.get(code);
      if (code === COUNTY_CODE) county = true;
      else if (village) villageIds.push(village.id);
      else if (township) townshipIds.push(township.id);
      else warnings.push(`service_area ${a.id}: division code ${code} is no place Huzhu knows: left out`);
      continue;
    }
    const km = a.extent_type?.toLowerCase() === 'geojson' && a.extent !== undefined ? radiusOf(a.extent) : null;
    if (km !== null) radiusKm = km;
    else warnings.push(`service_area ${a.id} ("${a.name ?? ''}"): not a Dayi division or a Huzhu radius: not read`);
  }
  if (county) return { kind: 'COUNTY' };
  if (radiusKm !== null) {
    if (hasPointOrOnline) return { kind: 'RADIUS', km: radiusKm };
    warnings.push('a radius area needs the service location, which the record does not give: recorded as the whole county');
    return { kind: 'COUNTY' };
  }
  if (townshipIds.length > 0 && villageIds.length > 0) {
    warnings.push('both townships and villages as areas: recorded as the townships, with the villages’ townships');
    const withVillages = [...townshipIds, ...villageIds.map((v) => [...places.villagesByCode.values()].find((x) => x.id === v)?.townshipId ?? '')].filter((t) => t !== '');
    return { kind: 'TOWNSHIPS', townshipIds: [...new Set(withVillages)] };
  }
  if (townshipIds.length > 0) return { kind: 'TOWNSHIPS', townshipIds };
  if (villageIds.length > 0) return { kind: 'VILLAGES', villageIds };
  if (areas.length === 0) warnings.push('no service area: recorded as the whole county');
  else warnings.push('no service area Huzhu could read: recorded as the whole county');
  return { kind: 'COUNTY' };
}

function radiusOf(extent: string): number | null {
  try {
    const geo = JSON.parse(extent) as { type?: string; properties?: { radius_km?: unknown } };
    const km = geo.properties?.radius_km;
    return geo.type === 'Feature' && typeof km === 'number' && km > 0 ? km : null;
  } catch {
    return null;
  }
}

function capacityOf(service: HsdsService, warnings: string[]): number | null {
  const c = service.capacities?.[0];
  if (!c) return null;
  const value = c.maximum ?? c.available;
  if (Number.isInteger(value) && value >= 0) return value;
  warnings.push(`capacity ${c.id}: ${value} is not a whole number of places: left out`);
  return null;
}

function eligibilityOf(service: HsdsService, attrs: readonly HsdsAttribute[], places: ImportPlaces, warnings: string[]): Eligibility {
  const ageBands = termCodes(attrs, 'eligibility', 'eligibility_age_band').filter((c): c is AgeBand => c in AGE_BAND_RANGES);
  const requiredMarkers = termCodes(attrs, 'eligibility', 'eligibility_required_marker').filter((c): c is Marker => c in MARKER_NAMES);
  const anyOfMarkers = termCodes(attrs, 'eligibility', 'eligibility_any_of_marker').filter((c): c is Marker => c in MARKER_NAMES);
  const residencyTownshipIds = attrs
    .filter((a) => a.link_type === 'eligibility_residency' && huzhuTermOf(a)?.code === RESIDENCY_TERM)
    .flatMap((a) => {
      const t = a.value === undefined ? undefined : places.townshipsByCode.get(a.value);
      if (!t) warnings.push(`attribute ${a.id}: residency township ${a.value ?? '(none)'} is not a township Huzhu knows: left out`);
      return t ? [t.id] : [];
    });
  const stated = ageBands.length + requiredMarkers.length + anyOfMarkers.length + residencyTownshipIds.length > 0;
  if (!stated && (service.minimum_age !== undefined || service.maximum_age !== undefined)) {
    const min = service.minimum_age ?? 0;
    const max = service.maximum_age ?? Number.POSITIVE_INFINITY;
    const bands = (Object.entries(AGE_BAND_RANGES) as Array<[AgeBand, { min: number; max: number | null }]>)
      .filter(([, r]) => r.min <= max && (r.max === null || r.max >= min))
      .map(([b]) => b);
    return { ageBands: bands.length === Object.keys(AGE_BAND_RANGES).length ? [] : bands, requiredMarkers: [], anyOfMarkers: [], residencyTownshipIds: [] };
  }
  return { ageBands, requiredMarkers, anyOfMarkers, residencyTownshipIds };
}
