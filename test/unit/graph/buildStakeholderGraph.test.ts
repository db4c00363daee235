import type { Organization, Person, Service } from '../../../src/domain/model';
import { buildStakeholderGraph } from '../../../src/graph/buildStakeholderGraph';
import type { StakeholderGraph } from '../../../src/graph/StakeholderGraph';
import { anOrganization, aPerson, aRelationship, aService, aSnapshot, FUTIAN, JINYUAN, NANJIE, WANGSI, XIJIE } from '../../support/builders';

/** What these tests rely on (the ids their expectations name), passed to the shared builders. */
const PERSON = { id: 'per_1' } satisfies Partial<Person>;
const ORGANIZATION = { id: 'org_1' } satisfies Partial<Organization>;
const SERVICE = { id: 'svc_1', organizationId: ORGANIZATION.id } satisfies Partial<Service>;

function edgesBetween(graph: StakeholderGraph, a: string, b: string) {
  return graph.edges(a, b).map((key) => graph.getEdgeAttributes(key));
}

describe('buildStakeholderGraph', () => {
  it('lets a station that SERVES a township reach each of its villages, with the relationship status', () => {
    const graph = buildStakeholderGraph(
      aSnapshot({
        townships: [JINYUAN],
        villages: [NANJIE, XIJIE],
        organizations: [anOrganization({ ...ORGANIZATION, id: 'org_station' })],
        relationships: [aRelationship({ fromId: 'org_station', toId: JINYUAN.id, type: 'SERVES', status: 'BUILDING' })],
      }),
    );
    for (const village of [NANJIE, XIJIE]) {
      const edges = graph.edges('org_station', village.id).map((e) => graph.getEdgeAttributes(e));
      expect(edges).toEqual([expect.objectContaining({ type: 'SERVES', status: 'BUILDING', traversable: true })]);
    }
  });

  it('lets a social worker assigned to a township serve each of its villages', () => {
    const graph = buildStakeholderGraph(
      aSnapshot({ townships: [JINYUAN], villages: [NANJIE, XIJIE], people: [aPerson({ ...PERSON, id: 'per_worker', townshipIds: [JINYUAN.id] })] }),
    );
    expect(graph.areNeighbors('per_worker', NANJIE.id)).toBe(true);
    expect(graph.areNeighbors('per_worker', XIJIE.id)).toBe(true);
  });

  describe('nodes', () => {
    it('has one node per township, village, person, organisation and service, with its kind and label', () => {
      const graph = buildStakeholderGraph(
        aSnapshot({
          townships: [JINYUAN],
          villages: [NANJIE],
          organizations: [anOrganization({ ...ORGANIZATION, id: 'org_station', name: '晋原社工站(合成)' })],
          services: [aService({ ...SERVICE, id: 'svc_1', organizationId: 'org_station', name: '助老(合成)' })],
          people: [aPerson({ ...PERSON, id: 'per_1', name: '李(合成)' })],
        }),
      );
      expect(graph.nodes().map((id) => [id, graph.getNodeAttribute(id, 'kind'), graph.getNodeAttribute(id, 'label')])).toEqual(
        expect.arrayContaining([
          [JINYUAN.id, 'township', '晋原街道'],
          [NANJIE.id, 'village', '南街社区'],
          ['org_station', 'organization', '晋原社工站(合成)'],
          ['svc_1', 'service', '助老(合成)'],
          ['per_1', 'person', '李(合成)'],
        ]),
      );
      expect(graph.order).toBe(5);
    });

    it('gives villages their household counts, 0 when the snapshot has none', () => {
      const graph = buildStakeholderGraph(
        aSnapshot({
          townships: [JINYUAN],
          villages: [NANJIE, XIJIE],
          householdsByVillage: new Map([[NANJIE.id, { households: 120, vulnerable: 9 }]]),
        }),
      );
      expect(graph.getNodeAttributes(NANJIE.id)).toMatchObject({ households: 120, vulnerableHouseholds: 9 });
      expect(graph.getNodeAttributes(XIJIE.id)).toMatchObject({ households: 0, vulnerableHouseholds: 0 });
    });

    it('gives a person the township of their first assignment', () => {
      const graph = buildStakeholderGraph(
        aSnapshot({ townships: [JINYUAN, WANGSI], villages: [FUTIAN], people: [aPerson({ ...PERSON, villageIds: [FUTIAN.id] })] }),
      );
      expect(graph.getNodeAttribute('per_1', 'townshipId')).toBe(WANGSI.id);
    });

    it('refuses a snapshot that holds the same id twice', () => {
      expect(() => buildStakeholderGraph(aSnapshot({ people: [aPerson(PERSON), aPerson(PERSON)] }))).toThrow(
        /^graph\/buildStakeholderGraph: the snapshot holds id "per_1" twice/,
      );
    });
  });

  describe('edges', () => {
    it('keeps a relationship with its own type, status and dates', () => {
      const graph = buildStakeholderGraph(
        aSnapshot({
          organizations: [anOrganization({ ...ORGANIZATION, id: 'org_a' }), anOrganization({ ...ORGANIZATION, id: 'org_b' })],
          relationships: [aRelationship({ fromId: 'org_a', toId: 'org_b', id: 'rel_x', type: 'PARTNER', status: 'BUILDING', since: '2025-01-15' })],
        }),
      );
      expect(edgesBetween(graph, 'org_a', 'org_b')).toEqual([
        { type: 'PARTNER', status: 'BUILDING', since: '2025-01-15', until: null, source: 'relationship', traversable: true, relationshipId: 'rel_x' },
      ]);
    });

    it('turns a person’s assignments into ESTABLISHED SERVES and MEMBER_OF edges', () => {
      const graph = buildStakeholderGraph(
        aSnapshot({
          townships: [JINYUAN],
          villages: [NANJIE],
          organizations: [anOrganization({ ...ORGANIZATION, id: 'org_station' })],
          people: [aPerson({ ...PERSON, villageIds: [NANJIE.id], townshipIds: [JINYUAN.id], organizationId: 'org_station' })],
        }),
      );
      const assignment = (type: string) => expect.objectContaining({ type, status: 'ESTABLISHED', source: 'assignment', traversable: true });
      expect(edgesBetween(graph, 'per_1', NANJIE.id)).toEqual([assignment('SERVES')]);
      expect(edgesBetween(graph, 'per_1', JINYUAN.id)).toEqual([assignment('SERVES')]);
      expect(edgesBetween(graph, 'per_1', 'org_station')).toEqual([assignment('MEMBER_OF')]);
    });

    it('counts a village listed twice in an assignment once', () => {
      const graph = buildStakeholderGraph(
        aSnapshot({ townships: [JINYUAN], villages: [NANJIE], people: [aPerson({ ...PERSON, villageIds: [NANJIE.id, NANJIE.id] })] }),
      );
      expect(edgesBetween(graph, 'per_1', NANJIE.id)).toHaveLength(1);
    });

    it('links a service to its organisation with a traversable OFFERED_BY edge', () => {
      const graph = buildStakeholderGraph(aSnapshot({ organizations: [anOrganization(ORGANIZATION)], services: [aService(SERVICE)] }));
      expect(edgesBetween(graph, 'svc_1', 'org_1')).toEqual([
        expect.objectContaining({ type: 'OFFERED_BY', status: 'ESTABLISHED', source: 'structure', traversable: true }),
      ]);
    });

    it('links a village to its township with an IN_TOWNSHIP edge that is not traversable', () => {
      const graph = buildStakeholderGraph(aSnapshot({ townships: [JINYUAN], villages: [NANJIE] }));
      expect(edgesBetween(graph, NANJIE.id, JINYUAN.id)).toEqual([
        expect.objectContaining({ type: 'IN_TOWNSHIP', status: 'ESTABLISHED', source: 'structure', traversable: false }),
      ]);
    });

    it('keeps parallel links between the same pair', () => {
      const graph = buildStakeholderGraph(
        aSnapshot({
          organizations: [anOrganization(ORGANIZATION)],
          people: [aPerson({ ...PERSON, organizationId: 'org_1' })],
          relationships: [aRelationship({ fromId: 'per_1', toId: 'org_1', type: 'PARTNER', status: 'BUILDING' })],
        }),
      );
      expect(edgesBetween(graph, 'per_1', 'org_1').map((e) => e.type).sort()).toEqual(['MEMBER_OF', 'PARTNER']);
    });
  });

  describe('references it cannot resolve', () => {
    it('leaves out a link to an id the snapshot lacks and reports it', () => {
      const graph = buildStakeholderGraph(
        aSnapshot({
          people: [aPerson({ ...PERSON, villageIds: ['vil_510129001099'] })],
          relationships: [aRelationship({ fromId: 'per_1', toId: 'org_gone', id: 'rel_stale' })],
        }),
      );
      expect(graph.size).toBe(0);
      expect(graph.getAttribute('skippedReferences')).toEqual([
        { recordId: 'per_1', field: 'villageIds', referencedId: 'vil_510129001099', reason: 'MISSING_NODE' },
        { recordId: 'rel_stale', field: 'toId', referencedId: 'org_gone', reason: 'MISSING_NODE' },
      ]);
    });

    it('leaves out a relationship from a node to itself and reports it', () => {
      const graph = buildStakeholderGraph(aSnapshot({ people: [aPerson(PERSON)], relationships: [aRelationship({ fromId: 'per_1', toId: 'per_1', id: 'rel_self' })] }));
      expect(graph.size).toBe(0);
      expect(graph.getAttribute('skippedReferences')).toEqual([
        { recordId: 'rel_self', field: 'toId', referencedId: 'per_1', reason: 'SELF_LOOP' },
      ]);
    });
  });

  describe('asOf', () => {
    const ended = (until: string) =>
      buildStakeholderGraph(
        aSnapshot({ people: [aPerson({ ...PERSON, id: 'per_a' }), aPerson({ ...PERSON, id: 'per_b' })], relationships: [aRelationship({ fromId: 'per_a', toId: 'per_b', until })] }),
        { asOf: '2025-06-30' },
      );

    it('leaves out relationships that ended before the date', () => {
      expect(ended('2025-06-29').size).toBe(0);
    });

    it('keeps relationships that end on or after the date', () => {
      expect(ended('2025-06-30').size).toBe(1);
    });

    it('keeps every relationship without a date, the graph having no clock', () => {
      const graph = buildStakeholderGraph(
        aSnapshot({ people: [aPerson({ ...PERSON, id: 'per_a' }), aPerson({ ...PERSON, id: 'per_b' })], relationships: [aRelationship({ fromId: 'per_a', toId: 'per_b', until: '2001-01-01' })] }),
      );
      expect(graph.size).toBe(1);
    });

    it('rejects a malformed date', () => {
      expect(() => buildStakeholderGraph(aSnapshot(), { asOf: '30/06/2025' })).toThrow(/^graph\/buildStakeholderGraph: options.asOf/);
    });
  });
});
