import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { graphql } from '@/gql';
import { execute } from '@/lib/execute';
import type { Capabilities } from '@/lib/permissions';
import { householdFieldFlags } from './householdFields';

const SearchHouseholdsQuery = graphql(`
  query SearchHouseholds($query: String!, $first: Int!, $after: String, $identity: Boolean!, $officialId: Boolean!, $social: Boolean!, $children: Boolean!) {
    searchHouseholds(query: $query, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...HouseholdRow
      }
    }
  }
`);

/** searchHouseholds: the head's name in 汉字 or pinyin (full or initials), phone or household code, within scope. */
export function useHouseholdSearch(caps: Capabilities, query: string, after: string | null) {
  const q = query.trim();
  return useQuery({
    queryKey: ['households', 'search', q, after],
    enabled: caps.householdSearch && q.length > 0,
    placeholderData: keepPreviousData,
    queryFn: () => execute(SearchHouseholdsQuery, { query: q, first: 20, after, ...householdFieldFlags(caps) }).then((d) => d.searchHouseholds),
  });
}
