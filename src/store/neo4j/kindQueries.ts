import type { EntityKind } from '../../domain/ids';
import type { EntityMap } from '../../domain/model';
import type { FilterMap } from '../GraphStore';
import { Q, type QueryName } from './cypherRegistry';
import type { Params } from './Neo4jRunner';

/**
 * For each entity kind, the statements that read and write it and the extra
 * fields its statements take. Labels cannot be query parameters, so every
 * kind has its own files (getHouseholdsByIds, listHouseholds, …); this table
 * is where the store picks them.
 */
export interface KindQueries<K extends EntityKind> {
  getByIds: QueryName;
  list: QueryName;
  count: QueryName;
  upsert: QueryName;
  /** Single-record CREATE; Referral and AuditEvent are created by their own port methods. */
  create: QueryName;
  /** The filter fields the list/count statements take as parameters (null when not given). */
  filterKeys: ReadonlyArray<keyof FilterMap[K] & string>;
  /** Statement that redraws the kind's reference edges from its properties, and its row; null: no edges. */
  link: { query: QueryName; row: (entity: EntityMap[K]) => Params } | null;
}

export const KIND_QUERIES: { readonly [K in EntityKind]: KindQueries<K> } = {
  Township: {
    getByIds: Q.getTownshipsByIds,
    list: Q.listTownships,
    count: Q.countTownships,
    upsert: Q.upsertTownships,
    create: Q.createTownship,
    filterKeys: ['kind'],
    link: null,
  },
  Village: {
    getByIds: Q.getVillagesByIds,
    list: Q.listVillages,
    count: Q.countVillages,
    upsert: Q.upsertVillages,
    create: Q.createVillage,
    filterKeys: ['townshipId', 'type'],
    link: { query: Q.linkVillages, row: (v) => ({ id: v.id, townshipId: v.townshipId }) },
  },
  Household: {
    getByIds: Q.getHouseholdsByIds,
    list: Q.listHouseholds,
    count: Q.countHouseholds,
    upsert: Q.upsertHouseholds,
    create: Q.createHousehold,
    filterKeys: ['villageId', 'townshipId', 'marker', 'ageBand', 'synthetic', 'creditOfficerId'],
    link: {
      query: Q.linkHouseholds,
      row: (h) => ({ id: h.id, villageId: h.villageId, creditOfficerId: h.loan?.creditOfficerId ?? null }),
    },
  },
  Need: {
    getByIds: Q.getNeedsByIds,
    list: Q.listNeeds,
    count: Q.countNeeds,
    upsert: Q.upsertNeeds,
    create: Q.createNeed,
    filterKeys: ['householdId', 'villageId', 'townshipId', 'category', 'status', 'urgency'],
    link: { query: Q.linkNeeds, row: (n) => ({ id: n.id, householdId: n.householdId }) },
  },
  Person: {
    getByIds: Q.getPersonsByIds,
    list: Q.listPersons,
    count: Q.countPersons,
    upsert: Q.upsertPersons,
    create: Q.createPerson,
    filterKeys: ['role', 'villageId', 'townshipId', 'organizationId'],
    link: {
      query: Q.linkPersons,
      row: (p) => ({ id: p.id, villageIds: p.villageIds, townshipIds: p.townshipIds, organizationId: p.organizationId }),
    },
  },
  Organization: {
    getByIds: Q.getOrganizationsByIds,
    list: Q.listOrganizations,
    count: Q.countOrganizations,
    upsert: Q.upsertOrganizations,
    create: Q.createOrganization,
    filterKeys: ['kind', 'townshipId'],
    link: { query: Q.linkOrganizations, row: (o) => ({ id: o.id, townshipId: o.townshipId, villageId: o.villageId }) },
  },
  Service: {
    getByIds: Q.getServicesByIds,
    list: Q.listServices,
    count: Q.countServices,
    upsert: Q.upsertServices,
    create: Q.createService,
    filterKeys: ['category', 'organizationId', 'status', 'online'],
    link: { query: Q.linkServices, row: (s) => ({ id: s.id, organizationId: s.organizationId }) },
  },
  Relationship: {
    getByIds: Q.getRelationshipsByIds,
    list: Q.listRelationships,
    count: Q.countRelationships,
    upsert: Q.upsertRelationships,
    create: Q.createRelationship,
    filterKeys: ['nodeId', 'fromId', 'toId', 'status', 'type'],
    // The relationship is itself the edge between its stakeholders.
    link: null,
  },
  Referral: {
    getByIds: Q.getReferralsByIds,
    list: Q.listReferrals,
    count: Q.countReferrals,
    upsert: Q.upsertReferrals,
    create: Q.createReferral,
    filterKeys: ['needId', 'serviceId', 'organizationId', 'householdId', 'status', 'reason'],
    link: { query: Q.linkReferrals, row: (r) => ({ id: r.id, needId: r.needId, serviceId: r.serviceId }) },
  },
  Assistance: {
    getByIds: Q.getAssistancesByIds,
    list: Q.listAssistances,
    count: Q.countAssistances,
    upsert: Q.upsertAssistances,
    create: Q.createAssistance,
    filterKeys: ['needId', 'referralId'],
    link: { query: Q.linkAssistances, row: (a) => ({ id: a.id, needId: a.needId, referralId: a.referralId }) },
  },
  Consent: {
    getByIds: Q.getConsentsByIds,
    list: Q.listConsents,
    count: Q.countConsents,
    upsert: Q.upsertConsents,
    create: Q.createConsent,
    filterKeys: ['householdId'],
    link: { query: Q.linkConsents, row: (c) => ({ id: c.id, householdId: c.householdId }) },
  },
  AuditEvent: {
    getByIds: Q.getAuditEventsByIds,
    list: Q.listAuditEvents,
    count: Q.countAuditEvents,
    upsert: Q.upsertAuditEvents,
    create: Q.createAuditEvent,
    filterKeys: ['actorId', 'entityId', 'action'],
    link: null,
  },
};
