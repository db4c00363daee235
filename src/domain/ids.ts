import { randomBytes } from 'node:crypto';

/**
 * Every stored record has a string id `<prefix>_<key>`. The prefix names the
 * entity kind, so `node(id)` can dispatch without a lookup and a malformed id
 * is rejected before any store call.
 */
export const ID_PREFIXES = {
  Township: 'twp',
  Village: 'vil',
  Household: 'hh',
  Need: 'need',
  Person: 'per',
  Organization: 'org',
  Service: 'svc',
  Relationship: 'rel',
  Referral: 'ref',
  Assistance: 'ast',
  Consent: 'cns',
  AuditEvent: 'aud',
} as const;

export type EntityKind = keyof typeof ID_PREFIXES;
export const ENTITY_KINDS = Object.keys(ID_PREFIXES) as EntityKind[];

const KIND_BY_PREFIX = new Map<string, EntityKind>(
  ENTITY_KINDS.map((kind) => [ID_PREFIXES[kind], kind]),
);

export const ID_PATTERN = /^([a-z]+)_([A-Za-z0-9-]{1,64})$/;

/** The kind an id names, or null when the id is malformed or its prefix unknown. */
export function kindOfId(id: string): EntityKind | null {
  const m = ID_PATTERN.exec(id);
  if (!m) return null;
  return KIND_BY_PREFIX.get(m[1] as string) ?? null;
}

export function isIdOf(kind: EntityKind, id: string): boolean {
  return kindOfId(id) === kind;
}

/** A fresh random id: 16 bytes of entropy in lowercase base32-ish hex. */
export function newId(kind: EntityKind): string {
  return `${ID_PREFIXES[kind]}_${randomBytes(10).toString('hex')}`;
}

/** A deterministic id from a stable key (official codes, synthetic sequence numbers). */
export function idFromKey(kind: EntityKind, key: string): string {
  const id = `${ID_PREFIXES[kind]}_${key}`;
  if (!ID_PATTERN.test(id)) {
    throw new Error(`domain/idFromKey: key ${JSON.stringify(key)} does not form a valid ${kind} id`);
  }
  return id;
}
