import type DataLoader from 'dataloader';
import { MATCH_RANKS, type MatchRank } from '../../domain/matchRank';
import type { Household } from '../../domain/model';
import type { SearchCursor } from '../../domain/rankSearchHits';
import type { DirectorySearchKind } from '../../domain/searchKeys';
import { badInput } from '../../errors/HuzhuError';
import { searchDirectory, searchHouseholds } from '../../services/search';
import type { DirectoryMatch } from '../../store/GraphStore';
import { accessOf } from '../auth/RequestAccess';
import { DIRECTORY_KINDS, directorySearchKinds, householdSearchCoordinate, householdSearchFields, householdSearchScope, requireHouseholdSearch } from '../auth/searchAccess';
import { decodeCursor, encodeCursor, type Connection } from '../connection';
import type { RequestContext } from '../context';

/**
 * schema/search.graphql. A household search is a read of every field it
 * tested on every household it returns: each hit is audited (READ_SENSITIVE,
 * fields `searchHouseholds:<coordinate>`) before the page is released, like
 * any sensitive field; the fields a client then selects are guarded and
 * audited as usual.
 */
export const searchResolvers = {
  Query: {
    searchHouseholds: async (_: unknown, args: { query: unknown; first?: unknown; after?: string | null }, ctx: RequestContext): Promise<Connection<Household>> => {
      const access = accessOf(ctx);
      requireHouseholdSearch(access);
      const fields = householdSearchFields(access);
      const after = args.after == null ? null : decodeSearchCursor(args.after);
      const page = await searchHouseholds(ctx, { query: args.query, fields, scope: await householdSearchScope(ctx), first: args.first, after });
      await Promise.all(
        page.hits.flatMap((hit) => fields.map((field) => access.auditRead({ kind: 'Household', id: hit.item.id }, `searchHouseholds:${householdSearchCoordinate(field)}`))),
      );
      for (const hit of page.hits) ctx.loaders.Household.prime(hit.item.id, hit.item);
      const edges = page.hits.map((hit) => ({ cursor: encodeSearchCursor({ rank: hit.rank, id: hit.item.id }), node: hit.item }));
      return {
        edges,
        nodes: edges.map((e) => e.node),
        pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
        totalCount: page.totalCount,
      };
    },
    searchDirectory: async (_: unknown, args: { query: unknown; kinds?: string[] | null; first?: unknown }, ctx: RequestContext) => {
      const kinds = directorySearchKinds(accessOf(ctx), args.kinds);
      const matches = await searchDirectory(ctx, { query: args.query, kinds, first: args.first });
      return matches.map(toDirectoryHit);
    },
  },
  DirectoryHit: {
    node: (hit: DirectoryHitValue, _: unknown, ctx: RequestContext) =>
      (ctx.loaders[hit.entityKind] as unknown as DataLoader<string, unknown>).load(hit.id),
  },
};

// Private:

interface DirectoryHitValue {
  kind: string;
  id: string;
  name: string;
  entityKind: DirectorySearchKind;
}

const GRAPHQL_KIND = Object.fromEntries(Object.entries(DIRECTORY_KINDS).map(([gql, kind]) => [kind, gql])) as Record<DirectorySearchKind, string>;

function toDirectoryHit(match: DirectoryMatch): DirectoryHitValue {
  return { kind: GRAPHQL_KIND[match.kind], id: match.id, name: match.name, entityKind: match.kind };
}

/** A search cursor: the last hit's rank and id (a list cursor holds an id alone). */
function encodeSearchCursor(cursor: SearchCursor): string {
  return encodeCursor(`${cursor.rank}:${cursor.id}`);
}

function decodeSearchCursor(raw: string): SearchCursor {
  const decoded = decodeCursor(raw);
  const match = /^([0-9]):(.+)$/.exec(decoded);
  const rank = Number(match?.[1]) as MatchRank;
  if (!match || !(Object.values(MATCH_RANKS) as number[]).includes(rank)) {
    throw badInput('after: not a cursor of searchHouseholds (use its pageInfo.endCursor)', ['after']);
  }
  return { rank, id: match[2] as string };
}
