import { matchRank, type MatchRank, type SearchField } from './matchRank';
import type { SearchKeys } from './searchKeys';
import type { SearchQuery } from './searchQuery';

/**
 * The one ordering of search results on every store: rank (exact, prefix,
 * contains), then id, so a page boundary is stable while nothing changes.
 * Adapters hand in candidates (a superset of the matches: whatever their
 * indexes found) and get back the page after `after`, with the count of every
 * match. A cursor is a (rank, id) pair: the last hit of the previous page.
 */
export interface SearchCandidate {
  id: string;
  keys: SearchKeys;
}

export interface SearchCursor {
  rank: MatchRank;
  id: string;
}

export interface RankedHit {
  id: string;
  rank: MatchRank;
}

export interface RankedPage {
  hits: RankedHit[];
  totalCount: number;
  hasNextPage: boolean;
}

export function rankSearchHits(
  query: SearchQuery,
  fields: readonly SearchField[],
  candidates: Iterable<SearchCandidate>,
  page: { first: number; after: SearchCursor | null },
): RankedPage {
  const seen = new Set<string>();
  const matches: RankedHit[] = [];
  for (const candidate of candidates) {
    if (seen.has(candidate.id)) continue;
    seen.add(candidate.id);
    const rank = matchRank(query, candidate.keys, fields);
    if (rank !== null) matches.push({ id: candidate.id, rank });
  }
  matches.sort(compareHits);
  const after = page.after;
  const start = after === null ? 0 : matches.findIndex((hit) => compareHits(hit, after) > 0);
  const from = start === -1 ? matches.length : start;
  return {
    hits: matches.slice(from, from + page.first),
    totalCount: matches.length,
    hasNextPage: from + page.first < matches.length,
  };
}

export function compareHits(a: RankedHit, b: RankedHit): number {
  return a.rank - b.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
