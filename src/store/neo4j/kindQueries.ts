import { ENTITY_KINDS, type EntityKind } from '../../domain/ids';
import type { EntityMap } from '../../domain/model';
import type { FilterMap } from '../GraphStore';
import { filterKeysOf } from '../storeFilters';
import { TARGET_KINDS, type LINKED_KINDS, type QueryName } from './cypherRegistry';
import type { Params } from './Neo4jRunner';

/**
 * For each entity kind, the statements that read and write it and the filter
 * fields its list/count statements take. Labels cannot be query parameters, so
 * every kind has its own statements; their names follow from the kind
 * (getHouseholdsByIds, listHouseholds, …, see cypherRegistry.ts) and the filter
 * fields from the port's filter schema (storeFilters.ts), so nothing here is
 * listed per kind but how a kind's reference edges are drawn.
 */
export interface KindQueries<K extends EntityKind> {
  getByIds: QueryName;
  /** Composed from cypher/filters/<Kind>.cypher (registry.pick chooses an anchored variant). */
  list: `list${K}s`;
  count: `count${K}s`;
  upsert: QueryName;
  /** Single-record CREATE; Referral and AuditEvent are created by their own port methods. */
  create: QueryName;
  /** The filter fields the list/count statements take as parameters (null when not given). */
  filterKeys: ReadonlyArray<keyof FilterMap[K] & string>;
  /** Statement that redraws the kind's reference edges from its properties, and its row; null: no edges. */
  link: { query: QueryName; row: (entity: EntityMap[K]) => Params } | null;
  /** Statement that draws the edges other records point at a new record of this kind with ($ids); null: nothing points here. */
  linkInbound: QueryName | null;
}

/** How each linked kind's link<Kind>s row is read from a record (the statement's $rows). */
const LINK_ROWS: { [K in (typeof LINKED_KINDS)[number]]: (entity: EntityMap[K]) => Params } = {
  Village: (v) => ({ id: v.id, townshipId: v.townshipId }),
  Household: (h) => ({ id: h.id, villageId: h.villageId, creditOfficerId: h.loan?.creditOfficerId ?? null }),
  Need: (n) => ({ id: n.id, householdId: n.householdId }),
  Person: (p) => ({ id: p.id, villageIds: p.villageIds, townshipIds: p.townshipIds, organizationId: p.organizationId }),
  Organization: (o) => ({ id: o.id, townshipId: o.townshipId, villageId: o.villageId }),
  Service: (s) => ({ id: s.id, organizationId: s.organizationId }),
  Referral: (r) => ({ id: r.id, needId: r.needId, serviceId: r.serviceId }),
  Assistance: (a) => ({ id: a.id, needId: a.needId, referralId: a.referralId }),
  Consent: (c) => ({ id: c.id, householdId: c.householdId }),
};

function kindQueries<K extends EntityKind>(kind: K): KindQueries<K> {
  const linkRow = (LINK_ROWS as Partial<Record<EntityKind, (entity: EntityMap[K]) => Params>>)[kind];
  return {
    getByIds: `get${kind}sByIds`,
    list: `list${kind}s`,
    count: `count${kind}s`,
    upsert: `upsert${kind}s`,
    create: `create${kind}`,
    filterKeys: filterKeysOf(kind) as ReadonlyArray<keyof FilterMap[K] & string>,
    link: linkRow ? { query: `link${kind as (typeof LINKED_KINDS)[number]}s`, row: linkRow } : null,
    linkInbound: (TARGET_KINDS as readonly string[]).includes(kind) ? (`linkInbound${kind as (typeof TARGET_KINDS)[number]}s` as QueryName) : null,
  };
}

export const KIND_QUERIES: { readonly [K in EntityKind]: KindQueries<K> } = Object.fromEntries(
  ENTITY_KINDS.map((kind) => [kind, kindQueries(kind)]),
) as { readonly [K in EntityKind]: KindQueries<K> };
