import { brokers } from '../../../src/graph/brokers';
import { buildStakeholderGraph } from '../../../src/graph/buildStakeholderGraph';
import { aPerson, aSnapshot, FUTIAN, JINYUAN, NANJIE, peopleGraph, per, shapes, WANGSI } from '../../support/builders';

describe('brokers', () => {
  // Two groups of three joined through m: c – m – x.
  const barbell = () => peopleGraph([...shapes.complete(['a', 'b', 'c']), ['c', 'm'], ['m', 'x'], ...shapes.complete(['x', 'y', 'z'])]);

  it('ranks by betweenness, ties by id, and leaves out those who broker nothing', () => {
    expect(brokers(barbell(), 10).map((b) => b.nodeId)).toEqual([per('m'), per('c'), per('x')]);
  });

  it('returns at most n', () => {
    expect(brokers(barbell(), 1).map((b) => b.nodeId)).toEqual([per('m')]);
  });

  it('says whether the network falls apart without the broker', () => {
    const ring = peopleGraph([...shapes.cycle(['a', 'b', 'c', 'd', 'e'])]);
    expect(brokers(barbell(), 1)[0]?.piecesIfRemoved).toBe(2);
    expect(brokers(ring, 1)[0]?.piecesIfRemoved).toBe(1);
  });

  it('names the townships a broker links and the kinds of its neighbours', () => {
    const graph = buildStakeholderGraph(
      aSnapshot({
        townships: [JINYUAN, WANGSI],
        villages: [NANJIE, FUTIAN],
        people: [aPerson({ id: 'per_liaison', villageIds: [NANJIE.id, FUTIAN.id] })],
      }),
    );
    expect(brokers(graph, 1)).toEqual([
      expect.objectContaining({
        nodeId: 'per_liaison',
        kind: 'person',
        piecesIfRemoved: 2,
        bridgedTownshipIds: [JINYUAN.id, WANGSI.id].sort(),
        neighbourKinds: { village: 2 },
      }),
    ]);
  });

  it('rejects a count that is not a positive integer', () => {
    expect(() => brokers(barbell(), 0)).toThrow(/^graph\/brokers: n must be a positive integer/);
  });
});
