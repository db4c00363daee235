import { buildASTSchema, parse, validate } from 'graphql';
import { loadTypeDefs } from '../../../src/api/loadTypeDefs';
import { maxAliasesRule } from '../../../src/api/limits/maxAliasesRule';
import { maxDepthRule } from '../../../src/api/limits/maxDepthRule';
import { DEFAULT_LIST_SIZE, queryCost } from '../../../src/api/limits/queryCost';

const schema = buildASTSchema(parse(loadTypeDefs()));
const errorsOf = (rule: ReturnType<typeof maxDepthRule>, query: string) => validate(schema, parse(query), [rule]).map((e) => e.message);

describe('maxDepthRule', () => {
  const threeDeep = '{ villages { nodes { id } } }';

  it('counts nested fields: three deep passes a limit of 3 and fails a limit of 2', () => {
    expect(errorsOf(maxDepthRule(3), threeDeep)).toEqual([]);
    expect(errorsOf(maxDepthRule(2), threeDeep)).toEqual([expect.stringContaining('nests 3 levels; at most 2')]);
  });

  it('expands fragments, inline and named', () => {
    const viaFragments = 'query { villages { ...V } } fragment V on VillageConnection { nodes { ... on Village { township { id } } } }';
    expect(errorsOf(maxDepthRule(3), viaFragments)).toEqual([expect.stringContaining('nests 4 levels')]);
  });

  it('does not count introspection fields', () => {
    expect(errorsOf(maxDepthRule(1), '{ __schema { types { fields { type { ofType { name } } } } } }')).toEqual([]);
  });

  it('survives a fragment cycle (graphql-js reports the cycle itself)', () => {
    const cyclic = 'query { villages { ...A } } fragment A on VillageConnection { ...B } fragment B on VillageConnection { ...A }';
    expect(() => errorsOf(maxDepthRule(5), cyclic)).not.toThrow();
  });
});

describe('maxAliasesRule', () => {
  it('counts aliases, a spread fragment each time it is spread', () => {
    const query = 'query { a: townships { ...T } b: townships { ...T } } fragment T on TownshipConnection { x: totalCount y: totalCount }';
    expect(errorsOf(maxAliasesRule(6), query)).toEqual([]);
    expect(errorsOf(maxAliasesRule(5), query)).toEqual([expect.stringContaining('uses 6 aliases; at most 5')]);
  });
});

describe('queryCost', () => {
  const cost = (query: string, variables: Record<string, unknown> = {}) => queryCost(schema, parse(query), null, variables);

  it('costs 1 per field', () => {
    expect(cost('{ categories { code nameZh } }')).toBe(1 + DEFAULT_LIST_SIZE * 2);
  });

  it("multiplies a connection's selection by its first, not again by nodes", () => {
    expect(cost('{ villages(first: 50) { nodes { id name } } }')).toBe(1 + 50 * (1 + 2));
  });

  it('reads first from variables, then the variable default, then the argument default', () => {
    expect(cost('query($n: Int) { villages(first: $n) { totalCount } }', { n: 7 })).toBe(1 + 7);
    expect(cost('query($n: Int = 9) { villages(first: $n) { totalCount } }')).toBe(1 + 9);
    expect(cost('{ villages { totalCount } }')).toBe(1 + 20);
  });

  it('nests multipliers', () => {
    expect(cost('{ townships(first: 10) { nodes { villages(first: 10) { nodes { id } } } } }')).toBe(1 + 10 * (1 + (1 + 10 * (1 + 1))));
  });
});
