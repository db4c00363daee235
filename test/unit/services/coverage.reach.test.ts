import fc from 'fast-check';
import { buildStakeholderGraph, islandsWithout, trustDistancesFrom } from '../../../src/graph';
import { RelationshipStatus, RelationshipType } from '../../../src/domain/model';
import { establishedReach, reaches } from '../../../src/services/coverage/establishedReach';
import { aRelationship } from '../../support/builders';
import { aCounty, snapshotOf } from './coverageCounty';

describe('establishedReach', () => {
  it('agrees with trustDistancesFrom(…, { allowBuilding: false }) for every pair, whatever the links and their statuses', () => {
    const county = aCounty();
    const base = snapshotOf(county);
    const stakeholders = [
      ...base.villages.map((v) => v.id),
      ...base.people.map((p) => p.id),
      ...base.organizations.map((o) => o.id),
      ...base.services.map((s) => s.id),
      ...base.townships.map((t) => t.id),
    ];
    const link = fc.record({
      from: fc.constantFrom(...stakeholders),
      to: fc.constantFrom(...stakeholders),
      type: fc.constantFrom(...RelationshipType.options),
      status: fc.constantFrom(...RelationshipStatus.options),
    });
    fc.assert(
      fc.property(fc.array(link, { maxLength: 25 }), (links) => {
        const relationships = links
          .filter((l) => l.from !== l.to)
          .map((l) => aRelationship({ fromId: l.from, toId: l.to, type: l.type, status: l.status }));
        const graph = buildStakeholderGraph({ ...base, relationships: [...base.relationships, ...relationships] });
        const reach = establishedReach(graph);
        for (const from of stakeholders) {
          const trusted = trustDistancesFrom(graph, from, { allowBuilding: false }).distances;
          for (const to of stakeholders) {
            if (reaches(reach, from, to) !== trusted.has(to)) return false;
          }
        }
        return true;
      }),
      { numRuns: 60 },
    );
  });

  it('reaches nothing from or to a node that is not in the graph', () => {
    const county = aCounty();
    const reach = establishedReach(buildStakeholderGraph(snapshotOf(county)));
    expect(reaches(reach, 'vil_not-there', county.villages.vA.id)).toBe(false);
    expect(reaches(reach, county.villages.vA.id, county.villages.vA.id)).toBe(true);
  });
});

describe('islandsWithout', () => {
  it('separates what a removed node held together, and leaves the removed node out', () => {
    const county = aCounty();
    const graph = buildStakeholderGraph(snapshotOf(county));
    const { vA } = county.villages;
    const { medBureau, eldStation } = county.services;
    const today = islandsWithout(graph, []);
    expect(today.get(vA.id)).toBe(today.get(medBureau.id));

    const withoutHub = islandsWithout(graph, [county.organizations.hub.id]);
    expect(withoutHub.has(county.organizations.hub.id)).toBe(false);
    expect(withoutHub.get(vA.id)).not.toBe(withoutHub.get(medBureau.id));
    expect(withoutHub.get(vA.id)).toBe(withoutHub.get(eldStation.id));
  });

  it('counts only ESTABLISHED links by default', () => {
    const county = aCounty();
    const islands = islandsWithout(buildStakeholderGraph(snapshotOf(county)), []);
    expect(islands.get(county.villages.vB.id)).not.toBe(islands.get(county.organizations.station.id));
    const withBuilding = islandsWithout(buildStakeholderGraph(snapshotOf(county)), [], { statuses: ['ESTABLISHED', 'BUILDING'] });
    expect(withBuilding.get(county.villages.vB.id)).toBe(withBuilding.get(county.organizations.station.id));
  });

  it('refuses to remove a node the graph does not hold, naming it', () => {
    const graph = buildStakeholderGraph(snapshotOf(aCounty()));
    expect(() => islandsWithout(graph, ['org_ghost'])).toThrow('graph/islandsWithout: "org_ghost" is not a node of the graph');
  });
});
