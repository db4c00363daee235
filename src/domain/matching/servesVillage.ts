import { greatCircleKm } from '../greatCircleKm';
import type { GeoPoint, Service, Township, Village } from '../model';

export type ServedHow = 'ONLINE' | 'COUNTY' | 'TOWNSHIP' | 'VILLAGE' | 'RADIUS';

export interface ServesVillageResult {
  serves: boolean;
  /** The rule that decided: ONLINE when the service is online, else its area kind. */
  how: ServedHow;
  /**
   * Great-circle km from the service's location to the village's point, or
   * null when the service has no location. Reported for online services too
   * (the office may still be far); scoring treats online as 0 km.
   */
  distanceKm: number | null;
  detail: string;
  /** When not served: the smallest change to the service's area that would serve this village. */
  unlock?: string;
  /** A data problem that blocks the service for every village, not just this one. */
  problem: 'RADIUS_WITHOUT_LOCATION' | null;
}

export interface ServesVillageOptions {
  /** Display names for the ids a TOWNSHIPS / VILLAGES area lists; ids are shown where a name is unknown. */
  townshipName?: (townshipId: string) => string | undefined;
  villageName?: (villageId: string) => string | undefined;
}

/**
 * Whether a service serves a village. An online service serves the whole
 * county whatever its area. Otherwise its area decides: COUNTY serves all;
 * TOWNSHIPS serves villages of the listed townships; VILLAGES the listed
 * villages; RADIUS the villages whose point lies within `km` of the service's
 * location (inclusive) — so a RADIUS service without a location serves nobody,
 * which is reported as a problem to fix rather than silently ignored.
 *
 * Village points are often derived from their township's point (precision
 * 'township'), so a RADIUS verdict near the edge is approximate; the detail
 * says so.
 */
export function servesVillage(
  service: Pick<Service, 'id' | 'area' | 'online' | 'location'>,
  village: Pick<Village, 'id' | 'displayName' | 'townshipId' | 'location'>,
  township: Pick<Township, 'id' | 'name'>,
  options: ServesVillageOptions = {},
): ServesVillageResult {
  if (village.townshipId !== township.id) {
    throw new Error(
      `domain/servesVillage: village ${village.id} belongs to ${village.townshipId} but township ${township.id} was given; pass the village's own township`,
    );
  }
  const distanceKm = service.location === null ? null : greatCircleKm(service.location, village.location);
  const at = distanceKm === null ? 'no location recorded' : `${formatKm(distanceKm)} from ${village.displayName}`;

  if (service.online) {
    return { serves: true, how: 'ONLINE', distanceKm, detail: `online: serves the whole county (office: ${at})`, problem: null };
  }
  const area = service.area;
  switch (area.kind) {
    case 'COUNTY':
      return { serves: true, how: 'COUNTY', distanceKm, detail: 'serves the whole county', problem: null };
    case 'TOWNSHIPS': {
      const serves = area.townshipIds.includes(village.townshipId);
      return {
        serves,
        how: 'TOWNSHIP',
        distanceKm,
        detail: serves
          ? `serves ${township.name}, where ${village.displayName} lies`
          : `serves ${listNames(area.townshipIds, options.townshipName)}, not ${township.name} where ${village.displayName} lies`,
        ...(serves ? {} : { unlock: `would serve ${village.displayName} if ${township.name} were added to its townships` }),
        problem: null,
      };
    }
    case 'VILLAGES': {
      const serves = area.villageIds.includes(village.id);
      return {
        serves,
        how: 'VILLAGE',
        distanceKm,
        detail: serves
          ? `serves ${village.displayName} by name`
          : `serves ${listNames(area.villageIds, options.villageName)}, not ${village.displayName}`,
        ...(serves ? {} : { unlock: `would serve ${village.displayName} if it were added to its villages` }),
        problem: null,
      };
    }
    case 'RADIUS': {
      if (distanceKm === null) {
        return {
          serves: false,
          how: 'RADIUS',
          distanceKm,
          detail: `serves a ${formatKm(area.km)} radius but has no location, so it can serve no village`,
          unlock: 'would serve villages within its radius once its location is recorded',
          problem: 'RADIUS_WITHOUT_LOCATION',
        };
      }
      const serves = distanceKm <= area.km;
      const approx = precisionCaveat(village.location, (service.location as GeoPoint).precision);
      return {
        serves,
        how: 'RADIUS',
        distanceKm,
        detail: `${village.displayName} is ${formatKm(distanceKm)} away, ${serves ? 'within' : 'beyond'} its ${formatKm(area.km)} radius${approx}`,
        ...(serves ? {} : { unlock: `would serve ${village.displayName} with a radius of ${formatKm(Math.ceil(distanceKm * 10) / 10)}` }),
        problem: null,
      };
    }
    default:
      return assertNever(area, 'area.kind');
  }
}

// Private:

function formatKm(km: number): string {
  return `${km.toFixed(1)} km`;
}

const MAX_LISTED_NAMES = 5;

function listNames(ids: readonly string[], name: ((id: string) => string | undefined) | undefined): string {
  if (ids.length > MAX_LISTED_NAMES) return `${ids.length} listed places`;
  return ids.map((id) => name?.(id) ?? id).join(', ');
}

function precisionCaveat(villagePoint: GeoPoint, servicePrecision: GeoPoint['precision']): string {
  const derived: string[] = [];
  if (villagePoint.precision !== 'exact') derived.push(`the village point is ${villagePoint.precision}-level`);
  if (servicePrecision !== 'exact') derived.push(`the service point is ${servicePrecision}-level`);
  return derived.length === 0 ? '' : ` (approximate: ${derived.join(', ')})`;
}

function assertNever(value: never, what: string): never {
  throw new Error(`domain/servesVillage: unknown ${what} ${JSON.stringify(value)}; update servesVillage for it`);
}
