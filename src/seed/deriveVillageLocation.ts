import type { GeoPoint } from '../domain/model';

/**
 * No public source gives Dayi's village coordinates (seed/data/SOURCES.md), so
 * a village's point is derived from its township's point: villages are laid
 * out on a golden-angle (sunflower) spiral around it, which spreads any count
 * evenly without two points coinciding. The result is deterministic (same
 * inputs → same point) and keeps precision 'township', so nobody mistakes it
 * for a surveyed location and a real one can replace it later.
 */

/** Mountain towns in the west (西岭雪山, panda park edge) cover far more ground than the plains. */
export const MOUNTAIN_TOWNSHIP_CODES: ReadonlySet<string> = new Set([
  '510129106000', // 䢺江镇
  '510129107000', // 花水湾镇
  '510129108000', // 西岭镇
  '510129119000', // 鹤鸣镇
]);

export const SPREAD_KM = {
  innerKm: 0.6,
  outerKm: 3,
  mountainOuterKm: 4.5,
} as const;

const GOLDEN_ANGLE_RAD = Math.PI * (3 - Math.sqrt(5));
const KM_PER_DEGREE_LAT = 111.32;

export interface SpreadPosition {
  /** 0-based position of the village among its township's villages (sorted by code). */
  index: number;
  /** How many villages the township has. */
  count: number;
}

export function deriveVillageLocation(
  township: { code: string; location: { lat: number; lng: number } },
  { index, count }: SpreadPosition,
): GeoPoint {
  if (!Number.isInteger(index) || !Number.isInteger(count) || index < 0 || index >= count) {
    throw new Error(
      `seed/deriveVillageLocation: index ${index} is not within 0..${count - 1} for township ${township.code}; ` +
        'pass the village position among its township villages',
    );
  }
  const outerKm = MOUNTAIN_TOWNSHIP_CODES.has(township.code) ? SPREAD_KM.mountainOuterKm : SPREAD_KM.outerKm;
  // sqrt keeps the density even across the ring; (index + 0.5) keeps the first point off the centre.
  const km = SPREAD_KM.innerKm + (outerKm - SPREAD_KM.innerKm) * Math.sqrt((index + 0.5) / count);
  // Turn each township's spiral by an angle from its code, so neighbours don't all start due north.
  const angle = index * GOLDEN_ANGLE_RAD + rotationFromCode(township.code);
  const { lat, lng } = township.location;
  const dLat = (km * Math.cos(angle)) / KM_PER_DEGREE_LAT;
  const dLng = (km * Math.sin(angle)) / (KM_PER_DEGREE_LAT * Math.cos((lat * Math.PI) / 180));
  return { lat: round6(lat + dLat), lng: round6(lng + dLng), precision: 'township' };
}

// Private:

function rotationFromCode(code: string): number {
  let h = 0;
  for (let i = 0; i < code.length; i++) h = (h * 31 + code.charCodeAt(i)) >>> 0;
  return ((h % 360) * Math.PI) / 180;
}

/** Six decimals ≈ 0.1 m: more would pretend to a precision a derived point does not have. */
function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
