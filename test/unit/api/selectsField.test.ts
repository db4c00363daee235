import { buildSchema, graphql, type GraphQLResolveInfo } from 'graphql';
import { selectsField, toPageRequest } from '../../../src/api/connection';

/**
 * Issue 13 item 1: a list page is counted only when the query selects
 * totalCount. selectsField reads the selection, fragments included; a
 * directive on the way counts as selecting (a doubt always counts).
 */
const schema = buildSchema(`
  type Page { totalCount: Int nodes: [Int] }
  type Query { page(first: Int): Page }
`);

async function countAsked(query: string): Promise<boolean | undefined> {
  let asked: boolean | undefined;
  const result = await graphql({
    schema,
    source: query,
    rootValue: {
      page: (args: { first?: number }, _ctx: unknown, info: GraphQLResolveInfo) => {
        asked = toPageRequest(args, 100, info).count !== false;
        expect(selectsField(info, 'totalCount')).toBe(asked);
        return { totalCount: 1, nodes: [] };
      },
    },
  });
  expect(result.errors).toBeUndefined();
  return asked;
}

describe('totalCount only when selected', () => {
  it('counts when totalCount is selected, directly or through a fragment', async () => {
    expect(await countAsked('{ page(first: 2) { totalCount nodes } }')).toBe(true);
    expect(await countAsked('{ page { ... on Page { totalCount } } }')).toBe(true);
    expect(await countAsked('query { page { ...F } } fragment F on Page { nodes totalCount }')).toBe(true);
  });

  it('does not count when it is not', async () => {
    expect(await countAsked('{ page(first: 2) { nodes } }')).toBe(false);
    expect(await countAsked('query { page { ...F } } fragment F on Page { nodes }')).toBe(false);
  });

  it('counts when a directive makes the selection conditional', async () => {
    expect(await countAsked('query($c: Boolean!) { page { ... @include(if: $c) { nodes } } }'.replace('$c: Boolean!', '$c: Boolean = true'))).toBe(true);
  });

  it('keeps counting for callers that pass no info', () => {
    expect(toPageRequest({ first: 3 })).toEqual({ first: 3, after: null });
  });
});
