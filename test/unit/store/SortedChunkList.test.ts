import fc from 'fast-check';
import { SortedChunkList, compareIds } from '../../../src/store/memory/SortedChunkList';

/** SortedChunkList against the obvious oracle: a Set, sorted on demand. Small chunks force splits and merges. */

type Op = { add: string } | { delete: string } | { addMany: string[] };

const key = fc.stringMatching(/^[a-f0-9]{1,3}$/);
const op: fc.Arbitrary<Op> = fc.oneof(
  key.map((add) => ({ add })),
  key.map((del) => ({ delete: del })),
  fc.array(key, { maxLength: 40 }).map((addMany) => ({ addMany })),
);

function replay(ops: readonly Op[]): { list: SortedChunkList<string>; oracle: Set<string> } {
  const list = new SortedChunkList<string>(compareIds, 4);
  const oracle = new Set<string>();
  for (const o of ops) {
    if ('add' in o) {
      expect(list.add(o.add)).toBe(!oracle.has(o.add));
      oracle.add(o.add);
    } else if ('delete' in o) {
      expect(list.delete(o.delete)).toBe(oracle.has(o.delete));
      oracle.delete(o.delete);
    } else {
      const fresh = new Set(o.addMany.filter((v) => !oracle.has(v))).size;
      expect(list.addMany(o.addMany)).toBe(fresh);
      for (const v of o.addMany) oracle.add(v);
    }
  }
  return { list, oracle };
}

const sorted = (values: Iterable<string>) => [...values].sort(compareIds);

describe('SortedChunkList', () => {
  it('holds exactly the values added and not deleted, in order', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const { list, oracle } = replay(ops);
        expect([...list.values()]).toEqual(sorted(oracle));
        expect(list.size).toBe(oracle.size);
      }),
    );
  });

  it('iterates from any position strictly after the given value, present or not', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), key, (ops, after) => {
        const { list, oracle } = replay(ops);
        expect([...list.valuesAfter(after)]).toEqual(sorted(oracle).filter((v) => v > after));
      }),
    );
  });

  it('answers membership', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), key, (ops, probe) => {
        const { list, oracle } = replay(ops);
        expect(list.has(probe)).toBe(oracle.has(probe));
      }),
    );
  });

  it('orders by the comparator it is given (score desc, then id)', () => {
    const list = new SortedChunkList<{ score: number; id: string }>((a, b) => b.score - a.score || compareIds(a.id, b.id), 4);
    list.addMany([
      { score: 3, id: 'b' },
      { score: 9, id: 'z' },
      { score: 3, id: 'a' },
      { score: 5, id: 'c' },
      { score: 1, id: 'd' },
      { score: 3, id: 'c' },
      { score: 7, id: 'e' },
      { score: 2, id: 'f' },
    ]);
    list.delete({ score: 5, id: 'c' });
    expect([...list.values()].map((e) => `${e.score}${e.id}`)).toEqual(['9z', '7e', '3a', '3b', '3c', '2f', '1d']);
  });

  it('refuses a chunk size too small to split', () => {
    expect(() => new SortedChunkList<string>(compareIds, 2)).toThrow(/maxChunk/);
  });
});
