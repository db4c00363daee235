import { join } from 'node:path';
import { idFromKey } from '../domain/ids';
import { GeoPoint, Township, Village } from '../domain/model';
import { deriveVillageLocation } from './deriveVillageLocation';
import { readCsv } from './readCsv';
import { seedDir } from './repoRoot';

/** The county seat (县人民政府驻地): where county-level bodies are placed. Not an entity of its own. */
export interface CountySeat {
  code: string;
  name: string;
  location: GeoPoint;
  source: string;
}

export interface DayiPlaces {
  county: CountySeat;
  townships: Township[];
  villages: Village[];
}

export const VILLAGE_POSITION_NOTE = 'position derived from township point';

/**
 * Dayi County's real places from seed/data/ (NBS 2023 codes and names,
 * geocoded township points; see seed/data/SOURCES.md): 11 townships and 147
 * villages/communities. Villages get a derived position (deriveVillageLocation).
 * Every row is parsed with the domain schemas, so a damaged file fails here.
 */
export function loadDayi(options: { dataDir?: string } = {}): DayiPlaces {
  const dataDir = options.dataDir ?? join(seedDir(), 'data');
  const county = loadCounty(join(dataDir, 'county.csv'));
  const townships = readCsv(join(dataDir, 'townships.csv')).map(toTownship).sort(byCode);
  const villages = loadVillages(join(dataDir, 'villages.csv'), townships);
  return { county, townships, villages };
}

/** 南街社区居委会 → 南街社区, 金龙村村委会 → 金龙村 (the committee suffix goes; the place name stays). */
export function villageDisplayName(officialName: string): string {
  return officialName.replace(/(居委会|村委会)$/u, '');
}

/** 晋原街道 → 晋原, 䢺江镇 → 䢺江: the short form used in labels. */
export function townshipShortName(name: string): string {
  return name.replace(/(街道|镇|乡)$/u, '');
}

// Private:

function loadCounty(path: string): CountySeat {
  const rows = readCsv(path);
  const row = rows[0];
  if (rows.length !== 1 || !row) {
    throw new Error(`seed/loadDayi: ${path} must hold exactly one county row, found ${rows.length}`);
  }
  return {
    code: field(row, 'code', path),
    name: field(row, 'name', path),
    // The county seat is a geocoded point for a whole county: no better than a township point.
    location: GeoPoint.parse({ lat: num(row, 'lat', path), lng: num(row, 'lng', path), precision: 'township' }),
    source: field(row, 'source', path),
  };
}

function toTownship(row: Record<string, string>): Township {
  const name = field(row, 'name', 'townships.csv');
  const code = field(row, 'code', 'townships.csv');
  return Township.parse({
    id: idFromKey('Township', code),
    code,
    name,
    kind: townshipKind(name),
    // A township point is a geocoded government/label point (SOURCES.md), the coarsest precision we store.
    location: { lat: num(row, 'lat', 'townships.csv'), lng: num(row, 'lng', 'townships.csv'), precision: 'township' },
    source: field(row, 'source', 'townships.csv'),
  });
}

function townshipKind(name: string): Township['kind'] {
  if (name.endsWith('街道')) return 'SUBDISTRICT';
  if (name.endsWith('镇')) return 'TOWN';
  throw new Error(
    `seed/loadDayi: township ${JSON.stringify(name)} ends neither in 街道 nor 镇; ` +
      'add its kind to townshipKind() if Dayi gained a new kind of unit',
  );
}

function loadVillages(path: string, townships: readonly Township[]): Village[] {
  const byCode = new Map(townships.map((t) => [t.code, t]));
  const rows = readCsv(path).sort((a, b) => compare(a['code'] ?? '', b['code'] ?? ''));
  const countByTownship = new Map<string, number>();
  for (const row of rows) {
    const code = field(row, 'township_code', path);
    countByTownship.set(code, (countByTownship.get(code) ?? 0) + 1);
  }
  const indexByTownship = new Map<string, number>();
  return rows.map((row) => {
    const code = field(row, 'code', path);
    const name = field(row, 'name', path);
    const townshipCode = field(row, 'township_code', path);
    const township = byCode.get(townshipCode);
    if (!township) {
      throw new Error(
        `seed/loadDayi: village ${code} ${name} names township ${townshipCode}, which is not in townships.csv`,
      );
    }
    const index = indexByTownship.get(townshipCode) ?? 0;
    indexByTownship.set(townshipCode, index + 1);
    return Village.parse({
      id: idFromKey('Village', code),
      code,
      name,
      displayName: villageDisplayName(name),
      type: villageType(row['type'] ?? '', name),
      townshipId: township.id,
      location: deriveVillageLocation(township, { index, count: countByTownship.get(townshipCode) ?? 1 }),
      source: `${field(row, 'source', path)}; ${VILLAGE_POSITION_NOTE}`,
    });
  });
}

function villageType(type: string, name: string): Village['type'] {
  if (type === '社区' && name.endsWith('社区居委会')) return 'COMMUNITY';
  if (type === '村' && name.endsWith('村委会')) return 'VILLAGE';
  throw new Error(
    `seed/loadDayi: village ${JSON.stringify(name)} has type ${JSON.stringify(type)}; ` +
      'expected 社区 with a 社区居委会 name or 村 with a 村委会 name',
  );
}

function field(row: Record<string, string>, name: string, file: string): string {
  const value = row[name];
  if (value === undefined || value === '') {
    throw new Error(`seed/loadDayi: ${file} has a row without ${name}: ${JSON.stringify(row)}`);
  }
  return value;
}

function num(row: Record<string, string>, name: string, file: string): number {
  const value = Number(field(row, name, file));
  if (!Number.isFinite(value)) {
    throw new Error(`seed/loadDayi: ${file} column ${name} must be a number, got ${JSON.stringify(row[name])}`);
  }
  return value;
}

function byCode(a: { code: string }, b: { code: string }): number {
  return compare(a.code, b.code);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
