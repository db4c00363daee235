import type { SearchKeys } from './searchKeys';
import type { SearchQuery } from './searchQuery';

/**
 * How well a record's search keys match a query: EXACT (0) beats PREFIX (1)
 * beats CONTAINS (2); null is no match. Only the fields the caller may read
 * are tested, so a hit never exists because of a field the viewer may not see.
 *
 * - name: 汉字 as a substring of the name; pinyin (full or initials) equal to
 *   the whole name's, a prefix of it, or a prefix of a later syllable's suffix;
 * - phone: the digits equal, a prefix of, or inside the head's phone;
 * - code: the same on the household code (户号).
 * The best rank over the tested fields counts.
 */
export const MATCH_RANKS = { EXACT: 0, PREFIX: 1, CONTAINS: 2 } as const;
export type MatchRank = (typeof MATCH_RANKS)[keyof typeof MATCH_RANKS];

export type SearchField = 'name' | 'phone' | 'code';

export function matchRank(query: SearchQuery, keys: SearchKeys, fields: readonly SearchField[]): MatchRank | null {
  let best: MatchRank | null = null;
  const take = (rank: MatchRank | null) => {
    if (rank !== null && (best === null || rank < best)) best = rank;
  };
  if (fields.includes('name')) {
    if (query.hanRuns.length > 0) take(substringRank(keys.name, query.text));
    if (query.pinyin !== null) take(pinyinRank(keys, query.pinyin));
  }
  if (fields.includes('phone') && query.digits !== null && keys.phone !== null) take(substringRank(keys.phone, query.digits));
  if (fields.includes('code') && query.code !== null && keys.code !== null) take(substringRank(keys.code, query.code));
  return best;
}

// Private:

function substringRank(value: string, fragment: string): MatchRank | null {
  if (value === fragment) return MATCH_RANKS.EXACT;
  if (value.startsWith(fragment)) return MATCH_RANKS.PREFIX;
  return value.includes(fragment) ? MATCH_RANKS.CONTAINS : null;
}

function pinyinRank(keys: SearchKeys, pinyin: string): MatchRank | null {
  if (keys.pinyinWhole.includes(pinyin)) return MATCH_RANKS.EXACT;
  if (keys.pinyinWhole.some((w) => w.startsWith(pinyin))) return MATCH_RANKS.PREFIX;
  return keys.pinyinTokens.some((t) => t.startsWith(pinyin)) ? MATCH_RANKS.CONTAINS : null;
}
