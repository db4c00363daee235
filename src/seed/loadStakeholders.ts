import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import {
  AgeBand,
  Eligibility,
  IsoDate,
  Marker,
  Organization,
  Relationship,
  Service,
  idOf,
  type Category,
  type GeoPoint,
} from '../domain/model';
import { loadCategories } from './loadCategories';
import { loadDayi, type DayiPlaces } from './loadDayi';
import { relationshipIdFor } from './relationshipIdFor';
import { seedDir } from './repoRoot';

/** Every curated row carries this time, so reseeding writes byte-identical rows. */
export const SEED_TIMESTAMP = '2024-12-01T00:00:00.000Z';

export interface Stakeholders {
  organizations: Organization[];
  services: Service[];
  relationships: Relationship[];
}

/**
 * The real stakeholders in seed/stakeholders.json (curated from DOMAIN.md; its
 * `_about` says which details are planning assumptions). The file is parsed
 * strictly — an unknown key is a typo, not an extension — and every reference
 * (township, village, organisation, category, relationship end) is checked, so
 * a hand edit that breaks the network fails here with the entry it concerns.
 */
export function loadStakeholders(
  options: { path?: string; places?: DayiPlaces; categories?: readonly Category[] } = {},
): Stakeholders {
  const path = options.path ?? join(seedDir(), 'stakeholders.json');
  const places = options.places ?? loadDayi();
  const categories = options.categories ?? loadCategories();
  const file = parseFile(path);
  const fail = (message: string): never => {
    throw new Error(`seed/loadStakeholders: ${path}: ${message}`);
  };

  const townships = new Map(places.townships.map((t) => [t.id, t]));
  const villages = new Map(places.villages.map((v) => [v.id, v]));

  const organizations = file.organizations.map(({ location, _source, _note, ...org }) => {
    if (org.townshipId !== null && !townships.has(org.townshipId)) fail(`${org.id} names unknown township ${org.townshipId}`);
    if (org.villageId !== null) {
      const village = villages.get(org.villageId);
      if (!village) return fail(`${org.id} names unknown village ${org.villageId}`);
      if (org.townshipId !== village.townshipId) {
        fail(`${org.id} is in village ${org.villageId} of ${village.townshipId} but names township ${org.townshipId}; make them agree`);
      }
    }
    return Organization.parse({ ...org, location: locate(org, location, places, fail), synthetic: false });
  });
  const orgById = uniqueById(organizations, 'organization', fail);

  const categoryCodes = new Set(categories.map((c) => c.code));
  const services = file.services.map(({ _source, _note, ...svc }) => {
    const org = orgById.get(svc.organizationId) ?? fail(`service ${svc.id} names unknown organization ${svc.organizationId}`);
    for (const code of svc.categories) {
      if (!categoryCodes.has(code)) fail(`service ${svc.id} has category ${code}, which is not in categories.json`);
    }
    const placeIds = [
      ...svc.eligibility.residencyTownshipIds,
      ...(svc.area.kind === 'TOWNSHIPS' ? svc.area.townshipIds : []),
      ...(svc.area.kind === 'VILLAGES' ? svc.area.villageIds : []),
    ];
    for (const id of placeIds) {
      if (!townships.has(id) && !villages.has(id)) fail(`service ${svc.id} names unknown place ${id}`);
    }
    if (svc.area.kind === 'RADIUS' && !svc.online && org.location === null) {
      fail(`service ${svc.id} has a RADIUS area but ${org.id} has no location; give the organisation one`);
    }
    return Service.parse({
      ...svc,
      activeReferrals: 0,
      // A service is delivered where its organisation is, unless it is delivered online.
      location: svc.online ? null : org.location,
      synthetic: false,
    });
  });
  uniqueById(services, 'service', fail);

  const nodeIds = new Set<string>([...orgById.keys(), ...townships.keys(), ...villages.keys(), ...services.map((s) => s.id)]);
  const relationships = file.relationships.map(({ _source, _note, ...rel }) => {
    for (const end of [rel.fromId, rel.toId]) {
      if (!nodeIds.has(end)) fail(`relationship ${rel.fromId} -${rel.type}-> ${rel.toId} names unknown stakeholder ${end}`);
    }
    return Relationship.parse({
      id: relationshipIdFor('seed', rel.fromId, rel.toId, rel.type),
      ...rel,
      createdAt: SEED_TIMESTAMP,
      updatedAt: SEED_TIMESTAMP,
    });
  });
  uniqueById(relationships, 'relationship (fromId, toId, type)', fail);

  return { organizations, services, relationships };
}

// Private:

const Provenance = { _source: z.string().optional(), _note: z.string().optional() };
const LocatedAt = z.enum(['COUNTY_SEAT', 'TOWNSHIP', 'VILLAGE']).nullable();

const SeedOrganization = Organization.omit({ location: true, synthetic: true })
  .extend({
    townshipId: idOf('Township').nullable().default(null),
    villageId: idOf('Village').nullable().default(null),
    nameEn: z.string().max(200).nullable().default(null),
    location: LocatedAt,
    ...Provenance,
  })
  .strict();

const SeedEligibility = Eligibility.extend({
  ageBands: z.array(AgeBand).default([]),
  requiredMarkers: z.array(Marker).default([]),
  anyOfMarkers: z.array(Marker).default([]),
  residencyTownshipIds: z.array(idOf('Township')).default([]),
}).strict();

const SeedService = Service.omit({ activeReferrals: true, location: true, synthetic: true, eligibility: true })
  .extend({ eligibility: SeedEligibility.default(SeedEligibility.parse({})), ...Provenance })
  .strict();

const SeedRelationship = Relationship.omit({ id: true, createdAt: true, updatedAt: true })
  .extend({
    since: IsoDate.nullable().default(null),
    until: IsoDate.nullable().default(null),
    note: z.string().max(1000).nullable().default(null),
    ...Provenance,
  })
  .strict();

const SeedFile = z
  .object({
    _about: z.unknown(),
    organizations: z.array(SeedOrganization),
    services: z.array(SeedService),
    relationships: z.array(SeedRelationship),
  })
  .strict();

function parseFile(path: string): z.infer<typeof SeedFile> {
  const parsed = SeedFile.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.slice(0, 5).map((i) => `  ${i.path.join('.')}: ${i.message}`);
  throw new Error(`seed/loadStakeholders: ${path} does not match the seed format:\n${lines.join('\n')}`);
}

function locate(
  org: { id: string; townshipId: string | null; villageId: string | null },
  at: z.infer<typeof LocatedAt>,
  places: DayiPlaces,
  fail: (message: string) => never,
): GeoPoint | null {
  switch (at) {
    case null:
      return null;
    case 'COUNTY_SEAT':
      return places.county.location;
    case 'TOWNSHIP': {
      const township = places.townships.find((t) => t.id === org.townshipId);
      return township ? township.location : fail(`${org.id} is located at TOWNSHIP but has no townshipId`);
    }
    case 'VILLAGE': {
      const village = places.villages.find((v) => v.id === org.villageId);
      return village ? village.location : fail(`${org.id} is located at VILLAGE but has no villageId`);
    }
    default: {
      const unreachable: never = at;
      return unreachable;
    }
  }
}

function uniqueById<T extends { id: string }>(rows: readonly T[], what: string, fail: (message: string) => never): Map<string, T> {
  const byId = new Map<string, T>();
  for (const row of rows) {
    if (byId.has(row.id)) fail(`${what} ${row.id} appears twice; keep one`);
    byId.set(row.id, row);
  }
  return byId;
}
