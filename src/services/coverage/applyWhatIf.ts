import { kindOfId } from '../../domain/ids';
import {
  Organization,
  Relationship,
  Service,
  type Category,
  type GeoPoint,
  type Person,
  type RelationshipStatus,
} from '../../domain/model';
import { badInput, notFound } from '../../errors/HuzhuError';
import { parseInput } from '../../errors/fromZodError';
import type { NetworkSnapshot } from '../../graph';
import type { WhatIfChange } from './WhatIfChange';

/** A scenario: today's snapshot with the changes applied, and what each change did, in words. */
export interface WhatIfScenario {
  snapshot: NetworkSnapshot;
  applied: string[];
}

/** When a what-if record is stamped (it never reaches the store). */
const SCENARIO_TIMESTAMP = '1970-01-01T00:00:00.000Z';

/**
 * Applies the changes, in order, to a COPY of the snapshot; the snapshot
 * passed in (the cached network view) is never mutated, and nothing is
 * written anywhere. Each change is checked against the scenario as it
 * stands after the changes before it, so change 2 may link to the
 * organisation change 1 added. Problems are reported at the change's path:
 * NOT_FOUND for an id that is not in the scenario, BAD_USER_INPUT for
 * anything else, e.g. ["changes", 2, "serviceId"].
 *
 * - ADD_ORGANIZATION: a prospective organisation (kind OTHER unless given),
 *   located at the given point, else its village's, else its township's.
 *   It reaches nobody until a relationship links it.
 * - ADD_SERVICE: offered by an organisation of the scenario; ACTIVE unless
 *   serviceStatus says otherwise; no stated capacity unless given; located
 *   where its organisation is unless online or given a location.
 * - ADD_RELATIONSHIP: a new link (ESTABLISHED unless status is given).
 * - SET_RELATIONSHIP_STATUS: by relationshipId, or by fromId/toId/type in
 *   either direction (links are undirected in the trust network).
 * - REMOVE_STAKEHOLDER: a person, organisation or service leaves, with every
 *   relationship touching it; an organisation takes its services along.
 * - SET_SERVICE_CAPACITY, SET_SERVICE_STATUS: as the mutations would.
 */
export function applyWhatIf(
  today: NetworkSnapshot,
  changes: readonly WhatIfChange[],
  categories: readonly Category[],
  root: ReadonlyArray<string | number> = ['changes'],
): WhatIfScenario {
  const s = new WorkingCopy(today);
  const knownCategories = new Set(categories.map((c) => c.code));
  const applied = changes.map((change, i) => applyOne(s, change, [...root, i], knownCategories));
  return { snapshot: s.toSnapshot(), applied };
}

// Private:

class WorkingCopy {
  readonly townships;
  readonly villages;
  readonly people: Map<string, Person>;
  readonly organizations: Map<string, Organization>;
  readonly services: Map<string, Service>;
  readonly relationships: Map<string, Relationship>;
  private readonly householdsByVillage;

  constructor(today: NetworkSnapshot) {
    this.townships = new Map(today.townships.map((t) => [t.id, t]));
    this.villages = new Map(today.villages.map((v) => [v.id, v]));
    this.people = new Map(today.people.map((p) => [p.id, p]));
    this.organizations = new Map(today.organizations.map((o) => [o.id, o]));
    this.services = new Map(today.services.map((x) => [x.id, x]));
    this.relationships = new Map(today.relationships.map((r) => [r.id, r]));
    this.householdsByVillage = today.householdsByVillage;
  }

  hasStakeholder(id: string): boolean {
    return this.people.has(id) || this.organizations.has(id) || this.services.has(id) || this.villages.has(id) || this.townships.has(id);
  }

  labelOf(id: string): string {
    return (
      this.people.get(id)?.name ??
      this.organizations.get(id)?.name ??
      this.services.get(id)?.name ??
      this.villages.get(id)?.displayName ??
      this.townships.get(id)?.name ??
      id
    );
  }

  toSnapshot(): NetworkSnapshot {
    return {
      townships: [...this.townships.values()],
      villages: [...this.villages.values()],
      people: [...this.people.values()],
      organizations: [...this.organizations.values()],
      services: [...this.services.values()],
      relationships: [...this.relationships.values()],
      householdsByVillage: this.householdsByVillage,
    };
  }
}

function applyOne(s: WorkingCopy, change: WhatIfChange, path: ReadonlyArray<string | number>, categories: ReadonlySet<string>): string {
  const at = (field: string | number, ...more: Array<string | number>) => [...path, field, ...more];
  const index = path[path.length - 1];
  const n = typeof index === 'number' ? index + 1 : 1;
  switch (change.kind) {
    case 'ADD_ORGANIZATION': {
      const id = change.id ?? `org_whatif-${n}`;
      assertFreeId(s, id, at('id'));
      const village = change.villageId == null ? null : requireIn(s.villages, 'Village', change.villageId, at('villageId'));
      const townshipId = change.townshipId ?? village?.townshipId ?? null;
      const township = townshipId === null ? null : requireIn(s.townships, 'Township', townshipId, at('townshipId'));
      if (village && township && village.townshipId !== township.id) {
        throw badInput(`${at('villageId').join('.')}: ${village.displayName} lies in ${village.townshipId}, not ${township.name}`, at('villageId'));
      }
      const location: GeoPoint | null = change.location ?? village?.location ?? township?.location ?? null;
      const org = parseInput(
        Organization,
        {
          id,
          name: change.name,
          nameEn: null,
          kind: change.organizationKind ?? 'OTHER',
          townshipId,
          villageId: village?.id ?? null,
          location,
          description: 'what-if (prospective; not stored)',
          synthetic: true,
        },
        path,
      );
      s.organizations.set(id, org);
      return `added organisation ${org.name} (${id})${township ? ` in ${township.name}` : ''}`;
    }
    case 'ADD_SERVICE': {
      const id = change.id ?? `svc_whatif-${n}`;
      assertFreeId(s, id, at('id'));
      const org = requireIn(s.organizations, 'Organization', change.organizationId, at('organizationId'));
      change.categories.forEach((code, i) => {
        if (!categories.has(code)) {
          throw badInput(`${at('categories', i).join('.')}: unknown category ${code} (known: ${[...categories].join(', ')})`, at('categories', i));
        }
      });
      const area = change.area;
      if (area.kind === 'TOWNSHIPS') area.townshipIds.forEach((t, i) => requireIn(s.townships, 'Township', t, at('area', 'townshipIds', i)));
      if (area.kind === 'VILLAGES') area.villageIds.forEach((v, i) => requireIn(s.villages, 'Village', v, at('area', 'villageIds', i)));
      change.eligibility.residencyTownshipIds.forEach((t, i) => requireIn(s.townships, 'Township', t, at('eligibility', 'residencyTownshipIds', i)));
      const online = change.online ?? false;
      const location = change.location ?? (online ? null : org.location);
      if (area.kind === 'RADIUS' && location === null && !online) {
        throw badInput(`${at('location').join('.')}: a RADIUS area needs a location, and ${org.name} has none recorded; give one`, at('location'));
      }
      const service = parseInput(
        Service,
        {
          id,
          organizationId: org.id,
          name: change.name ?? `${org.name}: ${change.categories.join(', ')} (what-if)`,
          description: 'what-if (prospective; not stored)',
          categories: change.categories,
          eligibility: change.eligibility,
          capacity: change.capacity ?? null,
          activeReferrals: 0,
          location,
          online,
          area,
          status: change.serviceStatus ?? 'ACTIVE',
          synthetic: true,
        },
        path,
      );
      s.services.set(id, service);
      return `added ${service.status} service ${service.name} (${id}) offering ${service.categories.join(', ')}, ${describeArea(s, service)}`;
    }
    case 'ADD_RELATIONSHIP': {
      const id = change.id ?? `rel_whatif-${n}`;
      if (s.relationships.has(id)) throw badInput(`${at('id').join('.')}: ${id} already names a relationship; choose another id`, at('id'));
      requireStakeholder(s, change.fromId, at('fromId'));
      requireStakeholder(s, change.toId, at('toId'));
      if (change.fromId === change.toId) throw badInput(`${at('toId').join('.')}: a relationship links two different stakeholders`, at('toId'));
      const existing = findRelationship(s, change.fromId, change.toId, change.type);
      if (existing) {
        throw badInput(
          `${at('type').join('.')}: ${s.labelOf(change.fromId)} and ${s.labelOf(change.toId)} are already linked by ${change.type} (${existing.id}, ${existing.status}); use SET_RELATIONSHIP_STATUS`,
          at('type'),
        );
      }
      const status = change.status ?? 'ESTABLISHED';
      const relationship = parseInput(
        Relationship,
        {
          id,
          fromId: change.fromId,
          toId: change.toId,
          type: change.type,
          status,
          since: change.since ?? null,
          until: change.until ?? null,
          note: 'what-if (not stored)',
          createdAt: SCENARIO_TIMESTAMP,
          updatedAt: SCENARIO_TIMESTAMP,
        },
        path,
      );
      s.relationships.set(id, relationship);
      return `linked ${s.labelOf(change.fromId)} —${change.type}→ ${s.labelOf(change.toId)} (${status})`;
    }
    case 'SET_RELATIONSHIP_STATUS': {
      let relationship: Relationship | undefined;
      if (change.relationshipId !== undefined) {
        relationship = requireIn(s.relationships, 'Relationship', change.relationshipId, at('relationshipId'));
      } else {
        const [fromId, toId, type] = [change.fromId as string, change.toId as string, change.type as Relationship['type']];
        relationship = findRelationship(s, fromId, toId, type);
        if (!relationship) throw notFound('Relationship', `${fromId} —${type}— ${toId}`, at('fromId'));
      }
      const before: RelationshipStatus = relationship.status;
      s.relationships.set(relationship.id, { ...relationship, status: change.status, updatedAt: SCENARIO_TIMESTAMP });
      return `${s.labelOf(relationship.fromId)} —${relationship.type}→ ${s.labelOf(relationship.toId)}: ${before} → ${change.status}`;
    }
    case 'REMOVE_STAKEHOLDER':
      return remove(s, change.stakeholderId, at('stakeholderId'));
    case 'SET_SERVICE_CAPACITY': {
      const service = requireIn(s.services, 'Service', change.serviceId, at('serviceId'));
      s.services.set(service.id, { ...service, capacity: change.capacity });
      return `capacity of ${service.name}: ${limitText(service.capacity)} → ${limitText(change.capacity)} (${service.activeReferrals} referral(s) running)`;
    }
    case 'SET_SERVICE_STATUS': {
      const service = requireIn(s.services, 'Service', change.serviceId, at('serviceId'));
      s.services.set(service.id, { ...service, status: change.serviceStatus });
      return `status of ${service.name}: ${service.status} → ${change.serviceStatus}`;
    }
    default: {
      const never: never = change;
      throw new Error(`services/applyWhatIf: unknown change ${JSON.stringify(never)}`);
    }
  }
}

function remove(s: WorkingCopy, id: string, path: ReadonlyArray<string | number>): string {
  const kind = kindOfId(id);
  const label = s.labelOf(id);
  const gone = new Set<string>([id]);
  switch (kind) {
    case 'Person':
      requireIn(s.people, 'Person', id, path);
      s.people.delete(id);
      break;
    case 'Organization':
      requireIn(s.organizations, 'Organization', id, path);
      s.organizations.delete(id);
      for (const service of [...s.services.values()]) {
        if (service.organizationId === id) {
          s.services.delete(service.id);
          gone.add(service.id);
        }
      }
      break;
    case 'Service':
      requireIn(s.services, 'Service', id, path);
      s.services.delete(id);
      break;
    default:
      throw badInput(`${path.join('.')}: only a person, organisation or service can be removed`, path);
  }
  let links = 0;
  for (const r of [...s.relationships.values()]) {
    if (gone.has(r.fromId) || gone.has(r.toId)) {
      s.relationships.delete(r.id);
      links += 1;
    }
  }
  const services = gone.size - 1;
  return `removed ${label} (${id})${services > 0 ? ` with its ${services} service(s)` : ''} and ${links} relationship(s)`;
}

function requireIn<T>(map: ReadonlyMap<string, T>, kind: string, id: string, path: ReadonlyArray<string | number>): T {
  const found = map.get(id);
  if (found === undefined) throw notFound(kind, id, path);
  return found;
}

function requireStakeholder(s: WorkingCopy, id: string, path: ReadonlyArray<string | number>): void {
  if (!s.hasStakeholder(id)) throw notFound(kindOfId(id) ?? 'Stakeholder', id, path);
}

function assertFreeId(s: WorkingCopy, id: string, path: ReadonlyArray<string | number>): void {
  if (s.hasStakeholder(id)) throw badInput(`${path.join('.')}: ${id} already names ${s.labelOf(id)}; choose another id`, path);
}

function findRelationship(s: WorkingCopy, a: string, b: string, type: Relationship['type']): Relationship | undefined {
  for (const r of s.relationships.values()) {
    if (r.type === type && ((r.fromId === a && r.toId === b) || (r.fromId === b && r.toId === a))) return r;
  }
  return undefined;
}

function describeArea(s: WorkingCopy, service: Service): string {
  if (service.online) return 'online (the whole county)';
  const area = service.area;
  switch (area.kind) {
    case 'COUNTY':
      return 'serving the whole county';
    case 'TOWNSHIPS':
      return `serving ${area.townshipIds.map((id) => s.labelOf(id)).join(', ')}`;
    case 'VILLAGES':
      return `serving ${area.villageIds.length} village(s)`;
    case 'RADIUS':
      return `serving a ${area.km} km radius`;
    default: {
      const never: never = area;
      return never;
    }
  }
}

function limitText(capacity: number | null): string {
  return capacity === null ? 'no stated limit' : String(capacity);
}
