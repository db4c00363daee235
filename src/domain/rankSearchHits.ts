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

/**
 * The directory's order (no cursor there): rank, then the shorter name, so a
 * place comes before the organisations named after it (王泗镇 before
 * 王泗镇社会工作服务站), then id; at most `limit`.
 */
export function rankDirectoryHits<T extends SearchCandidate & { name: string }>(query: SearchQuery, candidates: readonly T[], limit: number): Array<T & { rank: MatchRank }> {
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const all = rankSearchHits(query, ['name'], candidates, { first: candidates.length, after: null }).hits;
  return all
    .map((hit) => ({ ...(byId.get(hit.id) as T), rank: hit.rank }))
    .sort((a, b) => a.rank - b.rank || [...a.name].length - [...b.name].length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, limit);
}
