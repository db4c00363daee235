/** Builders for stakeholders (people, organisations, services) and the relationships between them: synthetic, fresh ids per call. */
import { newId } from '../../../src/domain/ids';
import type { Organization, Person, Relationship, Service } from '../../../src/domain/model';
import { BUILT_AT, BUILT_ON, nextSequence } from './defaults';

export function aPerson(overrides: Partial<Person> = {}): Person {
  return {
    id: newId('Person'),
    name: `联络人 ${nextSequence()} (synthetic)`,
    roles: ['LIAISON'],
    villageIds: [],
    townshipIds: [],
    organizationId: null,
    phone: null,
    trainedAt: null,
    trainings: [],
    synthetic: true,
    ...overrides,
  };
}

export function anOrganization(overrides: Partial<Organization> = {}): Organization {
  return {
    id: newId('Organization'),
    name: `测试社会组织 ${nextSequence()} (synthetic)`,
    aliases: [],
    nameEn: null,
    kind: 'NGO',
    townshipId: null,
    villageId: null,
    location: null,
    description: 'synthetic organisation',
    synthetic: true,
    ...overrides,
  };
}

export function aService(overrides: Partial<Service> = {}): Service {
  return {
    id: newId('Service'),
    organizationId: newId('Organization'),
    name: `测试服务 ${nextSequence()} (synthetic)`,
    description: 'synthetic service',
    categories: ['MEDICAL'],
    eligibility: { ageBands: [], requiredMarkers: [], anyOfMarkers: [], residencyTownshipIds: [] },
    capacity: null,
    activeReferrals: 0,
    location: null,
    online: false,
    area: { kind: 'COUNTY' },
    status: 'ACTIVE',
    synthetic: true,
    ...overrides,
  };
}

export function aRelationship(overrides: Partial<Relationship> = {}): Relationship {
  return {
    id: newId('Relationship'),
    fromId: newId('Person'),
    toId: newId('Organization'),
    type: 'WORKS_WITH',
    status: 'ESTABLISHED',
    since: BUILT_ON,
    until: null,
    note: null,
    createdAt: BUILT_AT,
    updatedAt: BUILT_AT,
    ...overrides,
  };
}
