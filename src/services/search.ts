import { z } from 'zod';
import type { SearchField } from '../domain/matchRank';
import type { SearchCursor } from '../domain/rankSearchHits';
import type { DirectorySearchKind } from '../domain/searchKeys';
import { MAX_QUERY_LENGTH, searchQuery } from '../domain/searchQuery';
import { parseInput } from '../errors/fromZodError';
import { MAX_PAGE_SIZE, type DirectoryMatch, type HouseholdSearchScope, type SearchPage } from '../store/GraphStore';
import type { Household } from '../domain/model';
import type { ServiceContext } from './ServiceContext';

/**
 * Search use cases (issue 11 item 5): the query text is checked here (1 to
 * MAX_QUERY_LENGTH characters once trimmed), read into its forms once
 * (domain/searchQuery) and answered by the store's indexes. Which fields may be
 * tested and where to look are the caller's decision (src/api/auth/searchAccess.ts),
 * made before this runs.
 */
const QueryText = z
  .string()
  .trim()
  .min(1, { message: 'type at least one character (a name in 汉字 or pinyin, a phone or a household code)' })
  .max(MAX_QUERY_LENGTH, { message: `at most ${MAX_QUERY_LENGTH} characters` });

const First = z
  .number()
  .int()
  .min(1, { message: `must be between 1 and ${MAX_PAGE_SIZE}` })
  .max(MAX_PAGE_SIZE, { message: `must be between 1 and ${MAX_PAGE_SIZE}` });

export interface HouseholdSearch {
  query: unknown;
  fields: readonly SearchField[];
  scope: HouseholdSearchScope;
  first: unknown;
  after: SearchCursor | null;
}

export async function searchHouseholds(ctx: ServiceContext, search: HouseholdSearch): Promise<SearchPage<Household>> {
  const text = parseInput(QueryText, search.query, ['query']);
  const first = parseInput(First, search.first ?? 20, ['first']);
  if (search.fields.length === 0) return { hits: [], totalCount: 0, hasNextPage: false };
  return ctx.store.searchHouseholds(searchQuery(text), search.fields, search.scope, { first, after: search.after });
}

export async function searchDirectory(ctx: ServiceContext, search: { query: unknown; kinds: readonly DirectorySearchKind[]; first: unknown }): Promise<DirectoryMatch[]> {
  const text = parseInput(QueryText, search.query, ['query']);
  const first = parseInput(First, search.first ?? 20, ['first']);
  if (search.kinds.length === 0) return [];
  return ctx.store.searchDirectory(searchQuery(text), search.kinds, first);
}
